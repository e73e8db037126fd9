/**
 * Builds the `window.glance` object from the contract's method table: one named function per
 * method, each bound to its one channel, plus `onState`. Kept free of Electron so it is unit-
 * tested with fakes; the preload entry only hands it `ipcRenderer.invoke` and `.on`.
 */
import { INVOKE_METHODS } from '../../shared/ipc.js';
import type { GlanceApi, InvokeChannel, WidgetState } from '../../shared/ipc.js';
import type { Result } from '../../shared/errors.js';

/** Sends one request on a fixed channel (ipcRenderer.invoke in the app). */
export type Invoke = (channel: InvokeChannel, args: readonly unknown[]) => Promise<unknown>;

/** Subscribes to state pushes; returns the unsubscribe function. The listener sees the state only, never the event. */
export type SubscribeState = (listener: (state: WidgetState) => void) => () => void;

const NO_ANSWER: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', params: { reason: 'no-answer' }, detail: null },
};

/** The frozen API object the preload exposes: named functions only, nothing generic. */
export function buildGlanceApi(invoke: Invoke, subscribe: SubscribeState): GlanceApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(INVOKE_METHODS) as Array<[string, InvokeChannel]>) {
    // A rejected invoke (no handler yet, main gone) still answers a Result, as the contract says.
    api[method] = (...args: unknown[]) => invoke(channel, args).catch(() => NO_ANSWER);
  }
  api.onState = (listener: (state: WidgetState) => void) => {
    if (typeof listener !== 'function') throw new TypeError('glance.onState needs a function');
    return subscribe(listener);
  };
  return Object.freeze(api) as GlanceApi;
}
