import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedSender } from './sender.js';

const trust = { trustedIds: new Set([7]), appOrigin: APP_ORIGIN };
const good = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 7 };

describe('isTrustedSender', () => {
  it('trusts the app top frame of a window main created', () => {
    expect(isTrustedSender(good, trust)).toBe(true);
    expect(isTrustedSender({ ...good, senderFrameUrl: 'app://glance/index.html#/settings?x=1' }, trust)).toBe(true);
    expect(isTrustedSender({ ...good, senderFrameUrl: 'APP://GLANCE/index.html' }, trust)).toBe(true);
  });

  it('rejects sub-frames', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false }, trust)).toBe(false);
  });

  it('rejects webContents main did not create', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, trust)).toBe(false);
    expect(isTrustedSender({ ...good, webContentsId: Number.NaN }, trust)).toBe(false);
  });

  it('rejects other origins, file:// and vanished frames', () => {
    for (const url of [
      'file:///work/main/out/renderer/index.html',
      'https://glance/index.html',
      'app://evil/index.html',
      'app://glance.evil/index.html',
      'app://user:pw@glance/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender({ ...good, senderFrameUrl: url }, trust), url).toBe(false);
    }
    expect(isTrustedSender({ ...good, senderFrameUrl: null }, trust)).toBe(false);
  });

  it('reads the trusted id set lazily, so closed windows stop being trusted', () => {
    const ids = new Set([7]);
    const lazy = { trustedIds: () => ids, appOrigin: APP_ORIGIN };
    expect(isTrustedSender(good, lazy)).toBe(true);
    ids.delete(7);
    expect(isTrustedSender(good, lazy)).toBe(false);
  });

  it('works with an http origin (the browser e2e bridge) including its port', () => {
    const web = { trustedIds: new Set([1]), appOrigin: 'http://127.0.0.1:4173' };
    const s = { senderFrameUrl: 'http://127.0.0.1:4173/index.html', isMainFrame: true, webContentsId: 1 };
    expect(isTrustedSender(s, web)).toBe(true);
    expect(isTrustedSender({ ...s, senderFrameUrl: 'http://127.0.0.1:4174/index.html' }, web)).toBe(false);
  });

  it('rejects everything when the expected origin has no host', () => {
    expect(isTrustedSender(good, { ...trust, appOrigin: 'app:' })).toBe(false);
  });
});
