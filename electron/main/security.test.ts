/**
 * Static security checks over what ships: the BUILT main and preload bundles, the built
 * renderer HTML, electron-builder.yml and the icons. They read files (and run the preload in a
 * bare VM with a fake `electron`), so they need no Electron binary and check the real output,
 * not the sources' intentions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_METHODS, STATE_CHANNEL } from '../../shared/ipc.js';
import { APP_CSP } from '../core/app/app-protocol.js';
import { TRAY_ICON_FILES } from '../core/tray/tray-icon.js';
import { decodePng } from '../../scripts/png.mjs';
import { renderIcons } from '../../scripts/make-icons.mjs';
import { loadBuilderConfig } from './testing/builder-config.js';
import { BUILT, PROJECT_ROOT, ensureBuiltApp } from './testing/built-app.js';

const TRUE = String.raw`(?:true|!0)`;
const FALSE = String.raw`(?:false|!1)`;

let main = '';
let preload = '';
let html = '';

beforeAll(() => {
  ensureBuiltApp();
  main = readFileSync(BUILT.main, 'utf8');
  preload = readFileSync(BUILT.preload, 'utf8');
  html = readFileSync(BUILT.html, 'utf8');
}, 240_000);

function has(source: string, key: string, value: string): boolean {
  return new RegExp(String.raw`\b${key}\s*:\s*${value}\b`).test(source);
}

describe('built main bundle', () => {
  it('creates windows with the locked-down webPreferences and never a weaker one', () => {
    for (const key of ['contextIsolation', 'sandbox', 'webSecurity']) expect(has(main, key, TRUE), key).toBe(true);
    for (const key of [
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webviewTag',
      'allowRunningInsecureContent',
      'experimentalFeatures',
    ]) {
      expect(has(main, key, FALSE), key).toBe(true);
    }
    for (const key of ['contextIsolation', 'sandbox', 'webSecurity']) expect(has(main, key, FALSE), `${key}: false`).toBe(false);
    for (const key of [
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'webviewTag',
      'allowRunningInsecureContent',
      'experimentalFeatures',
    ]) {
      expect(has(main, key, TRUE), `${key}: true`).toBe(false);
    }
    expect(main).not.toMatch(/enableRemoteModule|@electron\/remote|enableBlinkFeatures/);
    // Exactly one place constructs windows: the hardened popover factory.
    expect(main.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });

  it('denies navigation, new windows, webviews and permissions', () => {
    for (const needle of [
      "'will-navigate'",
      "'will-frame-navigate'",
      "'will-attach-webview'",
      'setWindowOpenHandler',
      'action: "deny"',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setDevicePermissionHandler',
      "'web-contents-created'",
    ]) {
      expect(main.replaceAll('"', "'").includes(needle.replaceAll('"', "'")), needle).toBe(true);
    }
  });

  it('serves the app from the custom app:// scheme (standard + secure), never file://', () => {
    expect(main).toMatch(/APP_ORIGIN = [`"']app:\/\/glance[`"']/);
    expect(main).toMatch(/url: APP_ENTRY_URL/);
    expect(main).toMatch(
      /registerSchemesAsPrivileged\(\[\{\s*scheme: "app",\s*privileges: \{\s*standard: (?:true|!0),\s*secure: (?:true|!0),\s*supportFetchAPI: (?:false|!1)/,
    );
    expect(main).toMatch(/protocol\.handle\("app"/);
    expect(main).toMatch(/APP_ENTRY_URL = `\$\{APP_ORIGIN\}\/index\.html`|APP_ENTRY_URL = "app:\/\/glance\/index\.html"/);
    expect(main).not.toMatch(/\.loadFile\(|["'`]file:\/\//);
    expect(main).toMatch(/requestSingleInstanceLock\(\)/);
  });

  it('uses ipcMain only to register handlers, never a raw listener', () => {
    expect(main).toMatch(/ipcMain\.handle\(|\.handle\(channel/);
    expect(main).not.toMatch(/ipcMain\.on\(|ipcMain\.once\(/);
  });

  it('never starts a crash reporter: nothing about a crash leaves the computer', () => {
    expect(main).not.toMatch(/crashReporter/);
  });
});

interface Exposed {
  name: string;
  api: Record<string, unknown>;
}

function runPreload() {
  const exposed: Exposed[] = [];
  const invokes: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, (...a: unknown[]) => void>();
  const removed: string[] = [];
  const requested: string[] = [];
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invokes.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel: string, l: (...a: unknown[]) => void) => listeners.set(channel, l),
    removeListener: (channel: string) => removed.push(channel),
    send: () => {
      throw new Error('the preload must not send');
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push({ name, api }) },
    ipcRenderer,
  };
  const module = { exports: {} };
  runInNewContext(preload, {
    require: (id: string) => {
      requested.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    },
    module,
    exports: module.exports,
    console,
  });
  return { exposed, invokes, listeners, removed, requested, ipcRenderer };
}

describe('built preload bundle', () => {
  it('is CommonJS that requires only electron (what a sandboxed preload may load)', () => {
    const { requested } = runPreload();
    expect(requested).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('exposes exactly one frozen `glance` object with a named function per contract method and onState', () => {
    const { exposed, ipcRenderer } = runPreload();
    expect(exposed.map((e) => e.name)).toEqual(['glance']);
    const api = (exposed[0] as Exposed).api;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE_METHODS), 'onState'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
      expect(Object.values(ipcRenderer)).not.toContain(value);
    }
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('binds each method to its own channel and hides the IPC event from state listeners', async () => {
    const { exposed, invokes, listeners, removed } = runPreload();
    const api = (exposed[0] as Exposed).api as Record<string, (...a: unknown[]) => unknown>;
    for (const [method, channel] of Object.entries(INVOKE_METHODS)) {
      await api[method]?.('x');
      expect(invokes.at(-1)).toEqual({ channel, args: ['x'] });
    }
    const seen: unknown[] = [];
    const off = api.onState?.((...a: unknown[]) => seen.push(a)) as () => void;
    listeners.get(STATE_CHANNEL)?.({ sender: 'the ipcRenderer event' }, { status: 'live' });
    expect(seen).toEqual([[{ status: 'live' }]]);
    off();
    expect(removed).toEqual([STATE_CHANNEL]);
  });
});

describe('built renderer HTML', () => {
  function cspOf(page: string): string {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(page);
    return match?.[1] ?? '';
  }

  it('carries a strict CSP: default-src self, connect-src none, no inline or eval script', () => {
    const csp = cspOf(html);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    const script = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/\*|https?:/);
  });

  it('has no inline script, only same-origin relative assets', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\//);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('matches the CSP header main sends with every app:// response (same directives)', () => {
    const norm = (csp: string) =>
      new Set(
        csp
          .split(';')
          .map((d) => d.trim().replace(/\s+/g, ' '))
          .filter(Boolean),
      );
    const meta = norm(cspOf(html));
    const header = norm(APP_CSP);
    // frame-ancestors only works as a header; everything else must agree.
    header.delete("frame-ancestors 'none'");
    expect(meta).toEqual(header);
  });
});

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asarUnpack?: string[];
  extraResources?: Array<{ from: string; to: string }>;
  electronFuses?: Record<string, boolean>;
  mac?: { target?: string[]; extendInfo?: Record<string, unknown> };
  win?: { target?: string[] };
  linux?: { target?: string[] };
}

describe('electron-builder.yml', () => {
  let config: BuilderConfig;

  beforeAll(async () => {
    config = await loadBuilderConfig<BuilderConfig>();
  }, 60_000);

  it('sets every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('names the app and its targets: dmg (and the zip Squirrel.Mac updates from) without a Dock icon, nsis, deb + rpm', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Gate Glance');
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.mac?.extendInfo?.LSUIElement).toBe(true);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['deb', 'rpm']);
  });

  it('ships only the built app (and the CLI its Linux launcher runs in it), with keytar’s native module unpacked and the tray icons as resources', () => {
    expect(config.files?.filter((f) => !f.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'out/cli/**',
      'package.json',
    ]);
    expect(config.asarUnpack?.some((p) => p.includes('keytar') && p.endsWith('.node'))).toBe(true);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'build/tray', to: 'tray' }));
  });
});

describe('icons', () => {
  it('every tray icon the model names exists, at 1x (16 px) and 2x (32 px)', () => {
    for (const name of TRAY_ICON_FILES) {
      for (const [file, size] of [
        [name, 16],
        [name.replace(/\.png$/, '@2x.png'), 32],
      ] as const) {
        const png = decodePng(readFileSync(join(PROJECT_ROOT, 'build', 'tray', file)));
        expect([png.width, png.height], file).toEqual([size, size]);
        // Something is drawn, and something is transparent.
        const alphas = [...png.rgba.filter((_, i) => i % 4 === 3)];
        expect(
          alphas.some((a) => a === 255),
          file,
        ).toBe(true);
        expect(
          alphas.some((a) => a === 0),
          file,
        ).toBe(true);
      }
    }
  });

  it('template images are black with alpha only (macOS tints them)', () => {
    for (const name of TRAY_ICON_FILES.filter((n) => n.includes('Template'))) {
      const { rgba } = decodePng(readFileSync(join(PROJECT_ROOT, 'build', 'tray', name)));
      for (let i = 0; i < rgba.length; i += 4) expect(rgba[i]! + rgba[i + 1]! + rgba[i + 2]!).toBe(0);
    }
  });

  it('the committed icons are exactly what scripts/make-icons.mjs draws', () => {
    const drawn = renderIcons();
    expect(drawn.size).toBe(TRAY_ICON_FILES.length * 2 + 1);
    for (const [name, png] of drawn) expect(readFileSync(join(PROJECT_ROOT, 'build', name)).equals(png), name).toBe(true);
  });
});
