import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, createAppRequestHandler, isAppUrl, resolveAppPath } from './app-protocol.js';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'glance-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  outside = join(base, 'secret.txt');
  writeFileSync(outside, 'outside the root');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
});

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://glance paths into the renderer directory', () => {
    expect(resolveAppPath('app://glance/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://glance/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://glance/assets/app.js?v=1#x', root)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath('app://glance/assets/a%20b.js', root)).toBe(join(root, 'assets', 'a b.js'));
  });

  it('blocks path traversal in every spelling', () => {
    for (const url of [
      'app://glance/../secret.txt',
      'app://glance/%2e%2e/secret.txt',
      'app://glance/assets/%2e%2e/%2e%2e/secret.txt',
      'app://glance/..%2fsecret.txt',
      'app://glance/..%5csecret.txt',
      'app://glance/assets\\..\\..\\secret.txt',
      'app://glance/%00index.html',
      'app://glance/../renderer-evil.txt',
      'app://glance/%2e%2e/renderer-evil.txt',
    ]) {
      const file = resolveAppPath(url, root);
      if (file !== null) expect(file.startsWith(root + '/'), url).toBe(true);
      expect(file, url).not.toBe(outside);
    }
    expect(resolveAppPath('app://glance/..%2fsecret.txt', root)).toBeNull();
  });

  it('rejects other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'app://other/index.html',
      'app://glance:8080/index.html',
      'app://u:p@glance/index.html',
      'https://glance/index.html',
      '::',
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://glance/index.html')).toBe(true);
    expect(isAppUrl('app://glance/index.html#/settings')).toBe(true);
    for (const url of [
      'https://glance/index.html',
      'app://evil/index.html',
      'app://glance:1/x',
      'app://a:b@glance/x',
      'file:///index.html',
      'javascript:alert(1)',
      'nope',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('createAppRequestHandler', () => {
  it('serves files with the CSP, nosniff and a content type', async () => {
    const handle = createAppRequestHandler({ rootDir: root });
    const res = await handle('app://glance/index.html', 'GET');
    expect(res.status).toBe(200);
    expect(res.headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(Buffer.from(res.body ?? new Uint8Array()).toString()).toContain('<title>x</title>');
    expect((await handle('app://glance/assets/app.js', 'GET')).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal and missing files and 405 for writes, with the CSP still set', async () => {
    const handle = createAppRequestHandler({ rootDir: root });
    for (const url of ['app://glance/%2e%2e/secret.txt', 'app://glance/nope.js', 'app://glance/assets']) {
      const res = await handle(url, 'GET');
      expect(res.status, url).toBe(404);
      expect(res.body).toBeNull();
      expect(res.headers['Content-Security-Policy']).toBe(APP_CSP);
    }
    expect((await handle('app://glance/index.html', 'POST')).status).toBe(405);
  });

  it('has a CSP without inline script or network access', () => {
    expect(APP_CSP).toContain("default-src 'self'");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).not.toContain('unsafe-inline');
    expect(APP_CSP).not.toContain('unsafe-eval');
  });
});
