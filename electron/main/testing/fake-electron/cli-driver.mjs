// Runs the BUILT main bundle against the fake Electron the way the Linux packages' launcher runs a
// CLI command (`… --glance-cli -- balance …`): the CLI writes to stdout and exits; on exit this
// reports on stderr what main built meanwhile (it should be nothing). Usage:
//   node --import ./register.mjs cli-driver.mjs <path to out/main/index.js> [switches] --glance-cli -- ARGS
import { pathToFileURL } from 'node:url';

process.on('exit', (code) => {
  const r = globalThis.__fakeElectron;
  const report = {
    code,
    lockRequests: r?.lockRequests ?? 0,
    windows: r?.windows.length ?? 0,
    trays: r?.trays.length ?? 0,
    ipc: r?.ipc.size ?? 0,
  };
  process.stderr.write(`SMOKE ${JSON.stringify(report)}\n`);
});
await import(pathToFileURL(process.argv[2]).href);
