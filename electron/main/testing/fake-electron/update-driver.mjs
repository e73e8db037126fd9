// Runs the BUILT main bundle against the fake Electron through one update: "Check for updates"
// and, when a version is found, "Download", as Settings does over IPC; electron-updater's own code
// fetches the feed (GLANCE_UPDATE_FEED_URL, on 127.0.0.1) through the fake's net.request, checks
// the download's SHA-512 and keeps it in its cache. Reports the phases it saw as one JSON line.
// Usage: node --import ./register.mjs update-driver.mjs <path to out/main/index.js>
import { pathToFileURL } from 'node:url';
import { invokerFor, sleep, until } from './driver-kit.mjs';

await import(pathToFileURL(process.argv[2]).href);
const r = globalThis.__fakeElectron;
await until(() => r.ipc.size > 0 && r.windows.length === 1, 'window and IPC');
const wc = r.windows[0].webContents;
const invoke = invokerFor(r, wc);
const update = async () => (await invoke('state:get')).value.update;
const settled = (kinds) => until(async () => ((u) => (kinds.includes(u.phase.kind) ? u : null))(await update()), kinds.join(' or '));

const report = { before: await update() };
report.check = (await invoke('update:check')).ok;
report.afterCheck = await settled(['available', 'up-to-date', 'failed']);
if (report.afterCheck.phase.kind === 'available') {
  report.download = (await invoke('update:download')).ok;
  report.afterDownload = await settled(['ready', 'failed']);
}
(await import('electron')).app.quit();
await sleep(50);
process.stdout.write(`SMOKE ${JSON.stringify(report)}\n`);
