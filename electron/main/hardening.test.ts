import { describe, expect, it, vi } from 'vitest';
import type { PreventableEvent } from './hardening.js';
import { hardenContents, hardenSession } from './hardening.js';
function fakeContents() {
  const listeners = new Map<string, (e: PreventableEvent, ...a: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on(event: string, l: (e: PreventableEvent, ...a: unknown[]) => void) {
      listeners.set(event, l);
      return this;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      openHandler = h;
    },
  };
}

describe('hardening', () => {
  it('prevents navigation, frame navigation, redirects and webviews, and denies window.open', () => {
    const c = fakeContents();
    hardenContents(c);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      c.listeners.get(event)?.(e, 'https://evil.example/');
      expect(e.preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('lets the page navigate within the allowed app URLs only', () => {
    const c = fakeContents();
    hardenContents(
      c,
      () => {},
      (url) => url.startsWith('app://glance/'),
    );
    // [event, url on the details event, url as the legacy second argument, blocked?]
    const cases: Array<[string, string | undefined, string | undefined, boolean]> = [
      ['will-navigate', 'app://glance/index.html', 'app://glance/index.html', false],
      ['will-navigate', 'https://evil.example/', 'https://evil.example/', true],
      ['will-frame-navigate', 'app://glance/index.html', undefined, false],
      ['will-frame-navigate', 'https://evil.example/', undefined, true],
      ['will-redirect', 'https://evil.example/', 'https://evil.example/', true],
      ['will-navigate', undefined, 'app://glance/index.html', false],
      ['will-frame-navigate', undefined, undefined, true],
    ];
    for (const [event, url, legacy, blocked] of cases) {
      const e = { preventDefault: vi.fn(), ...(url !== undefined ? { url } : {}) };
      c.listeners.get(event)?.(e, legacy);
      expect(e.preventDefault.mock.calls.length > 0, `${event} ${String(url)} ${String(legacy)}`).toBe(blocked);
    }
  });

  it('denies every permission request and check, device access and downloads', () => {
    const got: {
      request?: (wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void;
      check?: (wc: unknown, p: string, origin: string) => boolean;
      device?: () => boolean;
      download?: (e: PreventableEvent) => void;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (h) => (got.request = h),
      setPermissionCheckHandler: (h) => (got.check = h),
      setDevicePermissionHandler: (h) => (got.device = h),
      on: (_e, l) => (got.download = l),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'clipboard-sanitized-write']) {
      const cb = vi.fn();
      got.request?.(null, permission, cb, { requestingUrl: 'app://glance/index.html' });
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(got.check?.(null, 'media', 'app://glance')).toBe(false);
    expect(got.device?.()).toBe(false);
    const e = { preventDefault: vi.fn() };
    got.download?.(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('grants exactly what the allow policy grants, in requests and checks', () => {
    const got: {
      request?: (wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl?: string }) => void;
      check?: (wc: unknown, p: string, origin: string) => boolean;
    } = {};
    hardenSession(
      {
        setPermissionRequestHandler: (h) => (got.request = h),
        setPermissionCheckHandler: (h) => (got.check = h),
        setDevicePermissionHandler: () => {},
        on: () => {},
      },
      (permission, url) => permission === 'clipboard-sanitized-write' && url?.startsWith('app://glance') === true,
    );
    const cb = vi.fn();
    got.request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'app://glance/index.html' });
    got.request?.(null, 'clipboard-sanitized-write', cb, { requestingUrl: 'https://evil.example/' });
    got.request?.(null, 'media', cb, { requestingUrl: 'app://glance/index.html' });
    expect(cb.mock.calls).toEqual([[true], [false], [false]]);
    expect(got.check?.(null, 'clipboard-sanitized-write', 'app://glance')).toBe(true);
    expect(got.check?.(null, 'clipboard-read', 'app://glance')).toBe(false);
  });
});
