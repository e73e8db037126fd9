/**
 * Packaging checks over electron-builder.yml, read through electron-builder's own loader,
 * schema and code (the desktop entry is rendered by its LinuxTargetHelper, the Linux package
 * defaults come from its FpmTarget, the afterPack hook is resolved the way it resolves hooks),
 * plus the built main bundle. No package is built here: that needs the Electron download.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../core/app/app-identity.js';
import { XWAYLAND_ARGS } from '../core/tray/popover-window-plan.js';
import { BUILT, PROJECT_ROOT, ensureBuiltApp } from './testing/built-app.js';
import { loadBuilderConfig } from './testing/builder-config.js';

const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; desktopName?: string };

interface PlatformOptions {
  target?: string[];
  depends?: string[];
  category?: string;
  executableArgs?: string[];
  description?: string;
  desktop?: { entry?: Record<string, string> };
  identity?: string | null;
  hardenedRuntime?: boolean;
  entitlements?: string;
  entitlementsInherit?: string;
  extendInfo?: Record<string, unknown>;
  signtoolOptions?: { publisherName?: string[] };
  afterInstall?: string;
  afterRemove?: string;
  extraResources?: { from: string; to: string }[];
}

interface BuilderConfig {
  appId?: string;
  productName?: string;
  afterPack?: string;
  files?: string[];
  electronFuses?: Record<string, boolean>;
  mac?: PlatformOptions;
  win?: PlatformOptions;
  linux?: PlatformOptions;
  publish?: Array<{ provider: string; releaseType?: string }>;
  deb?: PlatformOptions;
  rpm?: PlatformOptions;
  nsis?: Record<string, unknown>;
}

type AfterPack = (context: { appOutDir: string; electronPlatformName: string }) => Promise<void>;

let config: BuilderConfig;

beforeAll(async () => {
  config = await loadBuilderConfig<BuilderConfig>();
}, 60_000);

/** The boolean keys of an entitlements plist (`<key>k</key><true/>`), refusing anything else inside its dict. */
function entitlementsOf(file: string): Record<string, boolean> {
  const xml = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const dict = /<plist version="1\.0">\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>/.exec(xml)?.[1] ?? '';
  const out: Record<string, boolean> = {};
  const rest = dict.replace(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g, (_m, key: string, value: string) => {
    out[key] = value === 'true';
    return '';
  });
  expect(rest.trim(), `${file} holds only boolean entitlements`).toBe('');
  return out;
}

describe('macOS package', () => {
  it('is ad-hoc signed when no identity is given (the fuses re-sign), or names "-" itself', () => {
    const adHoc = config.electronFuses?.resetAdHocDarwinSignature === true || config.mac?.identity === '-';
    expect(adHoc).toBe(true);
  });

  it('runs hardened with entitlements that let it load keytar (library validation off) and JIT', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file, 'entitlements file').toBeTypeOf('string');
      const entitlements = entitlementsOf(file as string);
      expect(entitlements['com.apple.security.cs.disable-library-validation']).toBe(true);
      expect(entitlements['com.apple.security.cs.allow-jit']).toBe(true);
      // Not a Mac App Store build: no sandbox, no device or personal-data access.
      expect(Object.keys(entitlements).filter((k) => !k.startsWith('com.apple.security.cs.'))).toEqual([]);
    }
  });

  it('keeps signing and notarization in the environment: no identity, certificate or Apple ID in the file', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
    expect(String(config.mac?.identity ?? '')).not.toMatch(/Developer ID|Apple/);
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|appleId|appleIdPassword|teamId|certificatePassword)\s*:/im);
  });
});

describe('afterPack hook', () => {
  let hook: AfterPack;
  const dirs: string[] = [];

  beforeAll(async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as {
      resolveFunction(type: string | undefined, executor: string, name: string, root: string): Promise<AfterPack>;
    };
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    const cwd = process.cwd();
    process.chdir(PROJECT_ROOT);
    try {
      hook = await resolveFunction(undefined, config.afterPack as string, 'afterPack', PROJECT_ROOT);
    } finally {
      process.chdir(cwd);
    }
    expect(hook).toBeTypeOf('function');
  });

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function fakeApp(resources: string, keytar: 'present' | 'empty' | 'missing'): string {
    const appOutDir = mkdtempSync(join(tmpdir(), 'glance-pack-'));
    dirs.push(appOutDir);
    const unpacked = join(appOutDir, resources, 'app.asar.unpacked', 'node_modules');
    mkdirSync(join(unpacked, 'zod'), { recursive: true });
    writeFileSync(join(appOutDir, resources, 'app.asar'), 'asar');
    if (keytar !== 'missing') {
      mkdirSync(join(unpacked, 'keytar', 'build', 'Release'), { recursive: true });
      writeFileSync(join(unpacked, 'keytar', 'build', 'Release', 'keytar.node'), keytar === 'present' ? '\x7fELF native module' : '');
    }
    return appOutDir;
  }

  it('passes a Linux/Windows and a macOS layout that carry keytar.node', async () => {
    await expect(hook({ appOutDir: fakeApp('resources', 'present'), electronPlatformName: 'linux' })).resolves.toBeUndefined();
    await expect(
      hook({ appOutDir: fakeApp(join('Gate Glance.app', 'Contents', 'Resources'), 'present'), electronPlatformName: 'darwin' }),
    ).resolves.toBeUndefined();
  });

  it('fails the package when keytar.node is missing or empty, naming the fix', async () => {
    for (const state of ['missing', 'empty'] as const) {
      await expect(hook({ appOutDir: fakeApp('resources', state), electronPlatformName: 'linux' })).rejects.toThrow(
        /keytar native module.*libsecret-1-dev.*npm rebuild keytar/s,
      );
    }
  });

  it('does not accept a keytar.node outside the unpacked asar (the app could not load it)', async () => {
    const appOutDir = fakeApp('resources', 'missing');
    mkdirSync(join(appOutDir, 'stray'), { recursive: true });
    writeFileSync(join(appOutDir, 'stray', 'keytar.node'), 'native');
    await expect(hook({ appOutDir, electronPlatformName: 'win32' })).rejects.toThrow(/keytar/);
  });
});

describe('Linux packages', () => {
  it('ship deb and rpm, never an AppImage (AppArmor on Ubuntu 24.04+ keeps it from starting)', () => {
    expect(config.linux?.target).toEqual(['deb', 'rpm']);
    expect(JSON.stringify(config)).not.toMatch(/AppImage/i);
  });

  it('depend on everything electron-builder 26 depends on by default, plus libsecret', () => {
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } };
    };
    const defaults = (target: string) => FpmTarget.prototype.getDefaultDepends.call(null, target);
    expect(defaults('deb')).toContain('libgtk-3-0');
    expect(config.deb?.depends).toEqual(expect.arrayContaining(defaults('deb')));
    expect(config.deb?.depends).toContain('libsecret-1-0');
    expect(config.rpm?.depends).toEqual(expect.arrayContaining(defaults('rpm')));
    expect(config.rpm?.depends).toContain('libsecret');
  });

  it('write a desktop entry in Office;Finance; that starts the app under XWayland', async () => {
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
      LinuxTargetHelper: new (packager: unknown) => {
        computeDesktopEntry(options: PlatformOptions, exec?: string | null, extra?: unknown): Promise<string>;
      };
    };
    const packager = {
      appInfo: { productName: config.productName, sanitizedProductName: config.productName, description: 'x' },
      executableName: 'gate-glance',
      info: { metadata: { desktopName: packageJson.desktopName } },
      config,
      platformSpecificBuildOptions: config.linux,
      fileAssociations: [],
    };
    for (const target of ['deb', 'rpm'] as const) {
      const entry = await new LinuxTargetHelper(packager).computeDesktopEntry({ ...config.linux, ...config[target] });
      const lines = new Map(
        entry
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      expect(lines.get('Exec'), target).toBe('"/opt/Gate Glance/gate-glance" --ozone-platform=x11 %U');
      expect(lines.get('Categories'), target).toBe('Office;Finance;');
    }
  });

  it('install /usr/bin/gate-glance as the launcher (app or CLI) with electron-builder’s own scripts, changed only there', () => {
    const defaults = join(PROJECT_ROOT, 'node_modules', 'app-builder-lib', 'templates', 'linux');
    const ours = (name: string) => readFileSync(join(PROJECT_ROOT, 'build', 'linux', name), 'utf8');
    const launcher = "'/opt/${sanitizedProductName}/resources/bin/${executable}'";
    const binary = "'/opt/${sanitizedProductName}/${executable}'";
    const withoutOurLines = (text: string) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith("# electron-builder's") && !l.startsWith('# The launcher must') && !l.startsWith('chmod 0755'))
        .join('\n')
        .replace('\n\n\nif type update-alternatives', '\n\nif type update-alternatives');
    for (const name of ['after-install.tpl', 'after-remove.tpl']) {
      const theirs = readFileSync(join(defaults, name), 'utf8');
      expect(theirs, name).toContain(binary);
      expect(withoutOurLines(ours(name)), name).toBe(theirs.replaceAll(binary, launcher));
    }
    expect(ours('after-install.tpl')).toContain(`chmod 0755 ${launcher}`);
    for (const target of ['deb', 'rpm'] as const) {
      expect(config[target]).toMatchObject({ afterInstall: 'build/linux/after-install.tpl', afterRemove: 'build/linux/after-remove.tpl' });
    }
    expect(config.linux?.extraResources).toEqual([{ from: 'build/linux/bin', to: 'bin' }]);
    // The CLI it runs is in the app (without the code cache made for Node's V8, or the simulator).
    expect(config.files).toEqual(expect.arrayContaining(['out/cli/**', '!out/cli/code-cache/**', '!out/cli/simulator.cjs']));
  });

  it('put in Exec= the switches main starts again with when launched without them (gate-glance --toggle from a key binding)', () => {
    expect(config.linux?.executableArgs).toEqual(XWAYLAND_ARGS);
  });

  it('name the desktop entry as package.json desktopName says, so GNOME matches the notifications and windows to it', () => {
    // electron-builder installs the entry as `${executableName}.desktop`; Electron reads desktopName at run time.
    // Without linux.executableName electron-builder takes the package name (which the Exec line above names).
    expect(JSON.stringify(config.linux)).not.toContain('executableName');
    expect(packageJson.desktopName).toBe(`${packageJson.name}.desktop`);
  });
});

describe('Windows package', () => {
  beforeAll(() => ensureBuiltApp(), 240_000);

  it('is an NSIS installer', () => {
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('uses one AppUserModelID: electron-builder.yml appId and what main sets at start', () => {
    expect(config.appId).toBe(APP_ID);
    const main = readFileSync(BUILT.main, 'utf8');
    const call = /setAppUserModelId\(([A-Za-z_$][\w$]*|"[^"]*")\)/.exec(main);
    expect(call, 'main calls app.setAppUserModelId').not.toBeNull();
    const arg = call?.[1] as string;
    const value = arg.startsWith('"')
      ? arg.slice(1, -1)
      : new RegExp(String.raw`\b${arg.replace(/\$/g, '\\$')}\s*=\s*"([^"]+)"`).exec(main)?.[1];
    expect(value).toBe(config.appId);
  });
});

describe('updates', () => {
  it('publish to the GitHub releases the updater reads, as full releases (never drafts or pre-releases)', () => {
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'release' }]);
  });

  it('give macOS the zip Squirrel.Mac updates from, beside the DMG people download', () => {
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
  });

  it('name the Windows publisher, so the updater verifies the installer it downloads', () => {
    expect(config.win?.signtoolOptions?.publisherName).toEqual(['Gate Glance contributors']);
  });
});
