/**
 * The BUILT main bundle on the fake Electron, updating itself from a real feed: this process
 * serves `latest-linux.yml`, an AppImage and its blockmap from 127.0.0.1, and electron-updater's
 * own code (in the built main, through the fake's `net.request`) checks, downloads and verifies
 * the SHA-512, as Settings' "Check for updates" and "Download" ask over IPC. The feed's shape is
 * what electron-builder publishes (`files` with url, sha512 and size; `path`; `releaseDate`).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateState } from '../../shared/updates.js';
import { ensureBuiltApp } from './testing/built-app.js';
import { builtMainEnv, spawnBuiltMain } from './testing/run-built-main.js';

interface Report {
  before: UpdateState;
  check: boolean;
  afterCheck: UpdateState;
  download?: boolean;
  afterDownload?: UpdateState;
}

const ARTIFACT = 'Gate-Glance-9.9.9.AppImage';
const artifact = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 31) % 251));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

type Feed = 'ok' | 'tampered' | 'needs-newer-os';
let feed: Feed = 'ok';
let server: Server;
let base: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let dir: string;

function feedYml(): string {
  return [
    'version: 9.9.9',
    'files:',
    `  - url: ${ARTIFACT}`,
    `    sha512: ${sha512(artifact)}`,
    `    size: ${artifact.length}`,
    `path: ${ARTIFACT}`,
    `sha512: ${sha512(artifact)}`,
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    ...(feed === 'needs-newer-os' ? ["minimumSystemVersion: '999.0.0'"] : []),
    '',
  ].join('\n');
}

async function runDriver(env: NodeJS.ProcessEnv): Promise<Report> {
  const r = await spawnBuiltMain('update-driver.mjs', env);
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
  if (!line) throw new Error(`the update driver reported nothing (status ${String(r.code)})\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('SMOKE '.length)) as Report;
}

async function run(which: Feed | 'down'): Promise<{ report: Report; runDir: string }> {
  feed = which === 'down' ? 'ok' : which;
  const runDir = mkdtempSync(join(dir, `${which}-`));
  const appImage = join(runDir, 'Gate-Glance-0.1.0.AppImage');
  writeFileSync(appImage, 'the running version');
  // What electron-builder writes into resources/app-update.yml for a generic feed. Port 9 (discard)
  // has no listener here: a feed that is down refuses the connection at once.
  const config = join(runDir, 'app-update.yml');
  writeFileSync(
    config,
    `provider: generic\nurl: ${which === 'down' ? 'http://127.0.0.1:9' : base}/\nupdaterCacheDirName: gate-glance-updater\n`,
  );
  const report = await runDriver(
    builtMainEnv(runDir, {
      GLANCE_UPDATE_CONFIG: config,
      APPIMAGE: appImage,
      XDG_CACHE_HOME: join(runDir, 'cache'),
      // The e2e tier's in-memory store (unpackaged only), and no session bus: no keyring is needed or touched.
      GLANCE_E2E_KEYCHAIN: 'memory',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      XDG_SESSION_TYPE: 'x11',
    }),
  );
  return { report, runDir };
}

beforeAll(async () => {
  ensureBuiltApp();
  dir = mkdtempSync(join(tmpdir(), 'glance-update-smoke-'));
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push({ path, headers: req.headers });
    if (path === '/latest-linux.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(feedYml());
    } else if (path === `/${ARTIFACT}`) {
      const body = feed === 'tampered' ? Buffer.concat([artifact.subarray(0, -1), Buffer.from([0])]) : artifact;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }).end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the built main updating from a real feed (electron-updater on the fake Electron)', () => {
  it('finds the new version, downloads it on request, checks its SHA-512 and is ready to restart', async () => {
    const { report, runDir } = await run('ok');
    expect(report.before).toMatchObject({ mode: 'self', currentVersion: '0.1.0', phase: { kind: 'idle' } });
    expect(report.afterCheck.phase).toMatchObject({ kind: 'available', version: '9.9.9' });
    expect(report.download).toBe(true);
    expect(report.afterDownload?.phase).toEqual({ kind: 'ready', version: '9.9.9' });
    // What electron-updater kept is the feed's file, byte for byte.
    const pending = join(runDir, 'cache', 'gate-glance-updater', 'pending');
    const kept = readdirSync(pending).filter((f) => f.endsWith('.AppImage'));
    expect(kept).toEqual([ARTIFACT]);
    expect(sha512(readFileSync(join(pending, ARTIFACT)))).toBe(sha512(artifact));
  });

  it('asks the feed nothing about the user: no staging id, no cookie, no key', () => {
    const asked = seen.filter((s) => s.path === '/latest-linux.yml');
    expect(asked.length).toBeGreaterThan(0);
    for (const { headers } of asked) {
      expect(headers['x-user-staging-id'] ?? '').toBe('');
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(Object.keys(headers).filter((h) => /^key$|^sign$|^timestamp$/i.test(h))).toEqual([]);
    }
  });

  it('refuses an artifact whose SHA-512 does not match the feed, and says so', async () => {
    const { report } = await run('tampered');
    expect(report.afterCheck.phase.kind).toBe('available');
    expect(report.afterDownload?.phase).toEqual({ kind: 'failed', failure: 'integrity' });
  });

  it('a feed that is down is a quiet "could not check"', async () => {
    const { report } = await run('down');
    expect(report.afterCheck.phase).toEqual({ kind: 'failed', failure: 'check-failed' });
    expect(report.afterCheck.lastCheckAt).toEqual(expect.any(Number));
  });

  it('does not offer a version that needs a newer operating system', async () => {
    const { report } = await run('needs-newer-os');
    expect(report.afterCheck.phase).toEqual({ kind: 'up-to-date' });
  });
});
