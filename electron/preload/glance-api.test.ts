import { describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS } from '../../shared/ipc.js';
import type { WidgetState } from '../../shared/ipc.js';
import { buildGlanceApi } from './glance-api.js';

describe('buildGlanceApi', () => {
  it('has exactly one function per contract method plus onState, and is frozen', () => {
    const api = buildGlanceApi(
      async () => ({ ok: true, value: null }),
      () => () => {},
    );
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE_METHODS), 'onState'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api || 'send' in api || 'ipcRenderer' in api).toBe(false);
  });

  it('binds every method to its own channel and passes the arguments through', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'x' }));
    const api = buildGlanceApi(invoke, () => () => {});
    await api.setCurrency('BTC');
    expect(invoke).toHaveBeenLastCalledWith('currency:set', ['BTC']);
    await api.saveCredentials({ key: 'k', secret: 's', verify: false });
    expect(invoke).toHaveBeenLastCalledWith('credentials:save', [{ key: 'k', secret: 's', verify: false }]);
    for (const [method, channel] of Object.entries(INVOKE_METHODS)) {
      await (api as unknown as Record<string, () => Promise<unknown>>)[method]?.();
      expect(invoke).toHaveBeenLastCalledWith(channel, []);
    }
  });

  it('turns a rejected invoke into an INTERNAL result instead of a rejection', async () => {
    const api = buildGlanceApi(
      async () => {
        throw new Error('No handler registered for state:get');
      },
      () => () => {},
    );
    await expect(api.getState()).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('onState hands the state to the listener and returns the unsubscribe', () => {
    const listeners = new Set<(s: WidgetState) => void>();
    const api = buildGlanceApi(
      async () => null,
      (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    );
    const seen: unknown[] = [];
    const off = api.onState((s) => seen.push(s));
    for (const l of listeners) l({ status: 'loading' } as WidgetState);
    expect(seen).toEqual([{ status: 'loading' }]);
    off();
    expect(listeners.size).toBe(0);
    expect(() => api.onState('nope' as never)).toThrow(TypeError);
  });
});
