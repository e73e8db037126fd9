import { errorWords } from '../../../shared/present/error-words.js';
import { ENGLISH } from '../../../shared/present/words.js';
import type { AppError } from '../../../shared/errors.js';
import { describe, expect, it, vi } from 'vitest';
import type { KeyHealth } from '../../../shared/key-health.js';
import type { InvokeChannel, WidgetState } from '../../../shared/ipc.js';
import { INVOKE_CHANNELS } from '../../../shared/ipc.js';
import { DEFAULT_PREFERENCES } from '../../../shared/prefs.js';
import { appError, ok } from '../../../shared/errors.js';
import type { IpcHandlers } from './router.js';
import { createIpcRouter } from './router.js';
import { widgetState } from '../../../shared/testing/widget-state.js';
import { APP_ENTRY_URL, APP_ORIGIN } from './sender.js';
import { expectNoSecret } from '../testing/secret-leak.js';

const said = (error: AppError) => errorWords(ENGLISH, error);

const SECRET = 'f'.repeat(64);
const sender = { senderFrameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 3 };
const trust = { trustedIds: new Set([3]), appOrigin: APP_ORIGIN };

const state: WidgetState = widgetState();
const KEY_HEALTH: KeyHealth = {
  checkedAt: 1,
  readOnly: false,
  writePermissions: ['spot'],
  ipBound: false,
  expiresAt: 2,
  state: 'normal',
  warnings: ['WRITE_PERMISSIONS', 'NO_IP_WHITELIST'],
};

function recordingHandlers() {
  const calls: Array<{ channel: InvokeChannel; args: unknown[] }> = [];
  const rec =
    <C extends InvokeChannel>(channel: C, value: unknown) =>
    async (...args: unknown[]) => {
      calls.push({ channel, args });
      return ok(value) as never;
    };
  const handlers: IpcHandlers = {
    'state:get': rec('state:get', state),
    'balance:refresh': rec('balance:refresh', null),
    'currency:set': rec('currency:set', null),
    'credentials:save': rec('credentials:save', { status: state.credentials, notices: [], verified: false, keyHealth: null }),
    'credentials:clear': rec('credentials:clear', state.credentials),
    'demo:start': rec('demo:start', null),
    'prefs:set': rec('prefs:set', DEFAULT_PREFERENCES),
    'history:get': rec('history:get', { range: '30d', points: [], gaps: [], high: null, low: null, last: null, total: 0 }),
    'history:export-csv': rec('history:export-csv', { saved: false, path: null }),
    'holdings:get': rec('holdings:get', {
      account: 'spot',
      currency: 'USDT',
      amount: null,
      detail: false,
      rows: [],
      small: null,
      fetchedAt: null,
    }),
    'window:hide': rec('window:hide', null),
    'external:open-key-page': rec('external:open-key-page', null),
    'diagnostics:get': rec('diagnostics:get', null),
    'update:check': rec('update:check', null),
    'update:download': rec('update:download', null),
    'update:restart': rec('update:restart', null),
    'update:open-release': rec('update:open-release', null),
    'key-health:check': rec('key-health:check', { health: null, checking: false, error: null }),
    'login-item:open-settings': rec('login-item:open-settings', null),
    'accounts:add': rec('accounts:add', { profile: 'family', status: state.credentials, notices: [], verified: true, keyHealth: null }),
    'accounts:remove': rec('accounts:remove', null),
    'accounts:set': rec('accounts:set', DEFAULT_PREFERENCES),
  };
  return { handlers, calls };
}

const VALID_ARGS: { [C in InvokeChannel]: unknown[] } = {
  'state:get': [],
  'balance:refresh': [],
  'currency:set': ['BTC'],
  'credentials:save': [{ key: 'a'.repeat(32), secret: SECRET, verify: true }],
  'credentials:clear': [{ forgetHistory: true }],
  'demo:start': [],
  'prefs:set': [{ privacy: true, refreshIntervalSec: 120 }],
  'history:get': [{ currency: 'CNY', range: '30d' }],
  'history:export-csv': [],
  'holdings:get': [{ account: 'spot', currency: 'BTC' }],
  'window:hide': [],
  'external:open-key-page': [],
  'diagnostics:get': [],
  'update:check': [],
  'update:download': [],
  'update:restart': [],
  'update:open-release': [],
  'key-health:check': [],
  'login-item:open-settings': [],
  'accounts:add': [{ key: 'a'.repeat(32), secret: SECRET, verify: true, alias: 'Family' }],
  'accounts:remove': ['family'],
  'accounts:set': [{ profile: 'family', includeSubAccounts: true, excludedSubAccounts: ['1234567'] }],
};

describe('createIpcRouter', () => {
  it('routes every channel of the contract to its own handler with the parsed arguments', async () => {
    const { handlers, calls } = recordingHandlers();
    const router = createIpcRouter(handlers, { trust, log: () => {} });
    expect([...router.channels].sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) {
      const reply = await router.dispatch(channel, VALID_ARGS[channel], sender);
      expect(reply.ok, channel).toBe(true);
      expect(calls.at(-1)).toEqual({ channel, args: VALID_ARGS[channel] });
    }
    expect(calls).toHaveLength(INVOKE_CHANNELS.length);
  });

  it('rejects an unknown channel without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    const router = createIpcRouter(handlers, { trust, log: () => {} });
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'toString', '']) {
      const reply = await router.dispatch(channel, [], sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('rejects untrusted senders before looking at the payload', async () => {
    const { handlers, calls } = recordingHandlers();
    const log = vi.fn();
    const router = createIpcRouter(handlers, { trust, log });
    const bad = [
      { ...sender, isMainFrame: false },
      { ...sender, webContentsId: 4 },
      { ...sender, senderFrameUrl: 'file:///tmp/index.html' },
      { ...sender, senderFrameUrl: 'https://evil.example/' },
      { ...sender, senderFrameUrl: null },
    ];
    for (const s of bad) {
      const reply = await router.dispatch('credentials:save', VALID_ARGS['credentials:save'], s);
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
    expect(calls).toHaveLength(0);
    expectNoSecret(JSON.stringify(log.mock.calls), SECRET);
  });

  it('rejects invalid payloads with a message naming the field and never echoing the input', async () => {
    const { handlers, calls } = recordingHandlers();
    const log = vi.fn();
    const router = createIpcRouter(handlers, { trust, log });
    const cases: Array<[InvokeChannel, unknown, RegExp]> = [
      ['currency:set', ['EUR'], /argument 1 must be one of BTC, CNY, USD, USDT/],
      ['currency:set', [], /too few items/],
      ['currency:set', ['BTC', 'USD'], /too many items/],
      ['currency:set', 'BTC', /must be a list/],
      ['state:get', [1], /too many items/],
      ['credentials:save', [{ key: 'k', secret: SECRET, verify: 'yes' }], /field "verify" must be a boolean/],
      ['credentials:save', [{ key: 'k', secret: SECRET + 'x'.repeat(600), verify: true }], /field "secret" is too long/],
      ['credentials:save', [{ key: 'k', secret: 12345, verify: true }], /field "secret" must be a string/],
      ['credentials:save', [{ key: 'k', secret: SECRET, verify: true, extra: 1 }], /unexpected field\(s\) "extra"/],
      ['credentials:save', [{ key: 'k', secret: 's', verify: true, [SECRET + '!']: 1 }], /1 unexpected field\(s\)/],
      ['prefs:set', [{ refreshIntervalSec: 30 }], /field "refreshIntervalSec" is too small \(at least 60\)/],
      ['prefs:set', [{ refreshIntervalSec: 90.5 }], /field "refreshIntervalSec" must be a whole number/],
      ['prefs:set', [{ smallSliceThresholdPercent: 50 }], /smallSliceThresholdPercent" is too large/],
      ['prefs:set', [{ privacy: 'on' }], /field "privacy" must be a boolean/],
      ['prefs:set', [{ theme: 'dark' }], /unexpected field\(s\) "theme"/],
      ['prefs:set', [null], /argument 1 must be an object/],
      ['history:get', [{ toString: 'BTC' }], /argument 1/],
      ['holdings:get', [{ account: 'spot', currency: 'EUR' }], /field "currency" must be one of BTC, CNY, USD, USDT/],
      ['holdings:get', [{ account: 'x'.repeat(201), currency: 'USDT' }], /field "account" is too long \(at most 200 characters\)/],
      ['holdings:get', [{ account: 7, currency: 'USDT' }], /field "account" must be a string/],
      ['holdings:get', [{ account: 'spot', currency: 'USDT', secret: SECRET }], /unexpected field\(s\) "secret"/],
      ['holdings:get', ['spot'], /argument 1 must be an object/],
      ['history:get', [{ currency: 'BTC', range: '1y' }], /argument 1/],
      ['history:get', ['BTC'], /argument 1/],
    ];
    for (const [channel, args, message] of cases) {
      const reply = await router.dispatch(channel, args, sender);
      expect(reply.ok, `${channel} ${JSON.stringify(args)}`).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.code).toBe('INVALID_REQUEST');
      expect(said(reply.error).message).toMatch(message);
      expectNoSecret(said(reply.error).message, SECRET);
      expect(said(reply.error).message).not.toContain('EUR');
    }
    expect(calls).toHaveLength(0);
    expectNoSecret(JSON.stringify(log.mock.calls), SECRET);
  });

  it('turns a throwing handler into INTERNAL and logs neither payload nor error text', async () => {
    const { handlers } = recordingHandlers();
    const log = vi.fn();
    const router = createIpcRouter(
      {
        ...handlers,
        'credentials:save': async () => {
          throw new Error(`keychain said ${SECRET}`);
        },
      },
      { trust, log },
    );
    const reply = await router.dispatch('credentials:save', VALID_ARGS['credentials:save'], sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expectNoSecret(JSON.stringify(reply), SECRET);
    expect(log).toHaveBeenCalledWith('ipc: credentials:save handler threw (Error)');
    expectNoSecret(JSON.stringify(log.mock.calls), SECRET);
  });

  it('treats a handler that answers no Result as INTERNAL', async () => {
    const { handlers } = recordingHandlers();
    const router = createIpcRouter({ ...handlers, 'balance:refresh': async () => undefined as never }, { trust, log: () => {} });
    expect(await router.dispatch('balance:refresh', [], sender)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('never lets a secret ride along in credential-bearing replies', async () => {
    const { handlers } = recordingHandlers();
    const leaky = {
      stored: true,
      keyHint: '…a1b2',
      keychainError: null,
      checking: false,
      secret: SECRET,
      credentials: { key: 'k', secret: SECRET },
    };
    const router = createIpcRouter(
      {
        ...handlers,
        'state:get': async () => ok({ ...state, credentials: leaky } as WidgetState),
        'credentials:clear': async () => ok(leaky),
        'credentials:save': async () =>
          ok({
            status: leaky,
            notices: [{ kind: 'verify-failed', error: { ...appError('TIMEOUT'), secret: SECRET } }],
            verified: true,
            secret: SECRET,
            keyHealth: { ...KEY_HEALTH, secret: SECRET },
          } as never),
      },
      { trust, log: () => {} },
    );
    const replies = [
      await router.dispatch('state:get', [], sender),
      await router.dispatch('credentials:clear', VALID_ARGS['credentials:clear'], sender),
      await router.dispatch('credentials:save', VALID_ARGS['credentials:save'], sender),
    ];
    for (const reply of replies) {
      expect(reply.ok).toBe(true);
      expectNoSecret(JSON.stringify(reply), SECRET);
    }
    expect(replies[1]).toEqual({ ok: true, value: { stored: true, keyHint: '…a1b2', keychainError: null } });
    expect(replies[2]).toEqual({
      ok: true,
      value: {
        status: { stored: true, keyHint: '…a1b2', keychainError: null },
        notices: [{ kind: 'verify-failed', error: appError('TIMEOUT') }],
        verified: true,
        keyHealth: KEY_HEALTH,
      },
    });
  });

  it('passes handler errors through as values, with only the public fields', async () => {
    const { handlers } = recordingHandlers();
    const router = createIpcRouter(
      {
        ...handlers,
        'balance:refresh': async () =>
          ({
            ok: false,
            error: {
              code: 'RATE_LIMITED',
              params: { waitMs: 5000, nested: { x: 1 }, nan: Number.NaN },
              detail: 'slow down',
              retryAfterMs: 5000,
              stack: 'x',
            },
          }) as never,
      },
      { trust, log: () => {} },
    );
    expect(await router.dispatch('balance:refresh', [], sender)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', params: { waitMs: 5000 }, detail: 'slow down', retryAfterMs: 5000 },
    });
  });
});
