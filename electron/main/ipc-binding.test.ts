import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, STATE_CHANNEL } from '../../shared/ipc.js';
import type { InvokeChannel, WidgetState } from '../../shared/ipc.js';
import { ok } from '../../shared/errors.js';
import { APP_ENTRY_URL, APP_ORIGIN, createIpcRouter } from '../core/ipc/index.js';
import type { IpcHandlers } from '../core/ipc/index.js';
import { bindIpc, createStateSender, senderInfoOf } from './ipc-binding.js';
import { widgetState } from '../../shared/testing/widget-state.js';
import { FakeIpcMain, FakeWindow, fakeEvent, fakeFrame } from './testing/fakes.js';

const state: WidgetState = widgetState({
  status: 'loading',
  refreshing: true,
  credentials: { stored: true, keyHint: '…beef', keychainError: null, checking: false },
});

function setup() {
  const calls: InvokeChannel[] = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async () => {
        calls.push(channel);
        return ok(channel === 'state:get' ? state : null);
      },
    ]),
  ) as unknown as IpcHandlers;
  const ipcMain = new FakeIpcMain();
  const router = createIpcRouter(handlers, { trust: { trustedIds: new Set([5]), appOrigin: APP_ORIGIN }, log: () => {} });
  const unbind = bindIpc(ipcMain, router);
  return { ipcMain, calls, unbind };
}

describe('senderInfoOf', () => {
  it('reports the top frame of the app page', () => {
    const top = fakeFrame(APP_ENTRY_URL, 2, 9);
    expect(senderInfoOf(fakeEvent(5, top, top))).toEqual({ senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 5 });
  });

  it('reports a sub-frame as not the main frame, even with the app URL', () => {
    const top = fakeFrame(APP_ENTRY_URL, 2, 9);
    const child = fakeFrame(APP_ENTRY_URL, 2, 10, top);
    expect(senderInfoOf(fakeEvent(5, child, top)).isMainFrame).toBe(false);
    // A different frame object that claims no parent but is not the main frame.
    expect(senderInfoOf(fakeEvent(5, fakeFrame(APP_ENTRY_URL, 3, 9), top)).isMainFrame).toBe(false);
    // A detached frame (it left its document) no longer counts as the top frame.
    const detached = { ...top, detached: true };
    expect(senderInfoOf(fakeEvent(5, detached, detached)).isMainFrame).toBe(false);
  });

  it('reports a vanished or throwing frame as no frame', () => {
    expect(senderInfoOf(fakeEvent(5, null, fakeFrame(APP_ENTRY_URL)))).toEqual({
      senderFrameUrl: null,
      isMainFrame: false,
      webContentsId: 5,
    });
    const throwing = {
      sender: { id: 5, mainFrame: null },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderInfoOf(throwing)).toEqual({ senderFrameUrl: null, isMainFrame: false, webContentsId: 5 });
  });
});

describe('bindIpc', () => {
  it('registers exactly one handler per contract channel and routes each', async () => {
    const { ipcMain, calls } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const top = fakeFrame(APP_ENTRY_URL);
    const args: Partial<Record<InvokeChannel, unknown[]>> = {
      'currency:set': ['USD'],
      'history:get': [{ currency: 'BTC', range: '7d' }],
      'holdings:get': [{ account: 'margin', currency: 'USDT' }],
      'prefs:set': [{ privacy: true }],
      'credentials:save': [{ key: 'k', secret: 's', verify: false }],
      'credentials:clear': [{ forgetHistory: false }],
      'accounts:add': [{ key: 'k', secret: 's', verify: false, alias: 'Family' }],
      'accounts:remove': ['family'],
      'accounts:set': [{ profile: 'family', includeSubAccounts: true }],
    };
    for (const channel of INVOKE_CHANNELS) {
      const reply = await ipcMain.invoke(channel, fakeEvent(5, top, top), ...(args[channel] ?? []));
      expect(reply, channel).toMatchObject({ ok: true });
    }
    expect(calls).toEqual([...INVOKE_CHANNELS]);
  });

  it('rejects a sub-frame, a foreign window and a file:// page through the real binding', async () => {
    const { ipcMain, calls } = setup();
    const top = fakeFrame(APP_ENTRY_URL);
    const cases = [
      fakeEvent(5, fakeFrame(APP_ENTRY_URL, 1, 2, top), top),
      fakeEvent(6, top, top),
      fakeEvent(5, fakeFrame('file:///index.html'), fakeFrame('file:///index.html')),
    ];
    for (const event of cases) {
      expect(await ipcMain.invoke('balance:refresh', event)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('answers a bad payload with a typed error instead of throwing', async () => {
    const { ipcMain, calls } = setup();
    const top = fakeFrame(APP_ENTRY_URL);
    await expect(ipcMain.invoke('currency:set', fakeEvent(5, top, top), 'DOGE')).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(calls).toHaveLength(0);
  });

  it('unbinds every handler', () => {
    const { ipcMain, unbind } = setup();
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createStateSender', () => {
  it('pushes the public state on the state channel and skips destroyed windows', () => {
    const a = new FakeWindow();
    const b = new FakeWindow();
    b.destroyed = true;
    const send = createStateSender(() => [a.webContents, b.webContents]);
    const leaky = { ...state, credentials: { ...state.credentials, secret: 'S3CRET' } } as WidgetState;
    send(leaky);
    expect(a.sent).toHaveLength(1);
    expect(a.sent[0]?.[0]).toBe(STATE_CHANNEL);
    expect(JSON.stringify(a.sent)).not.toContain('S3CRET');
    expect(b.sent).toHaveLength(0);
  });
});
