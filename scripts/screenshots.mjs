#!/usr/bin/env node
// `npm run screenshots`: writes every picture README shows (scripts/pictures.mjs lists them) into
// docs/, each from its named journey. Builds the app and the CLI first, so the pictures are of
// this source; runs the browser journeys (e2e/browser/pictures.spec.ts, Debian's Chromium, no
// keyring needed) into a temporary folder and copies them into docs/ only when every one was
// made; then the waybar picture under a headless sway when sway, waybar and grim are installed,
// and says so when they are not (docs/waybar.png is then kept as it is).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_PICTURES, PICTURES, PICTURES_DIR } from './pictures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(root, PICTURES_DIR);
const WAYBAR_TOOLS = ['sway', 'waybar', 'grim'];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

if (!run('npm', ['run', '--silent', 'build:app']) || !run('npm', ['run', '--silent', 'build:cli']))
  fail('the build failed; no picture changed');

const shots = mkdtempSync(join(tmpdir(), 'glance-screenshots-'));
process.on('exit', () => rmSync(shots, { recursive: true, force: true }));

console.log(`\n=== ${BROWSER_PICTURES.length} browser journeys (e2e/browser/pictures.spec.ts) ===`);
const journeysOk = run(
  join(root, 'node_modules', '.bin', 'playwright'),
  ['test', '--config', 'e2e/browser/playwright.config.ts', 'pictures.spec.ts'],
  {
    GLANCE_PICTURES_DIR: shots,
  },
);
const missing = BROWSER_PICTURES.filter((p) => !existsSync(join(shots, p.file))).map((p) => p.file);
if (!journeysOk || missing.length > 0) {
  fail(`a journey failed${missing.length > 0 ? ` (no ${missing.join(', ')})` : ''}; no picture in ${PICTURES_DIR}/ changed`);
}
for (const picture of BROWSER_PICTURES) {
  copyFileSync(join(shots, picture.file), join(docs, picture.file));
  console.log(`wrote ${PICTURES_DIR}/${picture.file}`);
}

let waybarOk = true;
for (const picture of PICTURES.filter((p) => p.by === 'waybar')) {
  const absent = WAYBAR_TOOLS.filter((tool) => !which(tool));
  if (absent.length > 0) {
    console.log(
      `kept ${PICTURES_DIR}/${picture.file} as it is: ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not installed (Debian: apt install sway waybar grim)`,
    );
    continue;
  }
  console.log(`\n=== ${picture.file} (scripts/waybar-screenshot.sh, headless sway) ===`);
  const out = join(shots, picture.file);
  if (run('sh', [join(root, 'scripts', 'waybar-screenshot.sh'), out]) && existsSync(out)) {
    copyFileSync(out, join(docs, picture.file));
    console.log(`wrote ${PICTURES_DIR}/${picture.file}`);
  } else {
    waybarOk = false;
    console.error(`screenshots: scripts/waybar-screenshot.sh failed; kept ${PICTURES_DIR}/${picture.file} as it is`);
  }
}

const listed = new Set(PICTURES.map((p) => p.file));
const strays = readdirSync(docs).filter((file) => file.endsWith('.png') && !listed.has(file));
for (const file of strays) console.log(`note: ${PICTURES_DIR}/${file} is made by no journey (remove it, or add its journey)`);
process.exit(waybarOk && strays.length === 0 ? 0 : 1);
