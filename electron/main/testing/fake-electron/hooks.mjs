// Module resolution hook for the main-bundle smoke test: `import ... from 'electron'` gets the
// recording fake next to this file, so the real built main runs in plain Node (no binary).
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: new URL('./fake-electron.mjs', import.meta.url).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
