/**
 * The browser tier's stand-in for the preload: it gives the page a frozen `window.glance`
 * with exactly the methods of `INVOKE_METHODS` plus `onState`, and carries every call to the
 * test process, where the real core answers it through the same router main uses. The page
 * gets nothing else: the raw Playwright binding is taken off `window` before any app script
 * runs, as the preload never exposes `ipcRenderer`.
 */
import { randomBytes } from 'node:crypto';
import type { Frame, Page } from '@playwright/test';
import { INVOKE_METHODS } from '../../shared/ipc.js';
import type { WidgetState } from '../../shared/ipc.js';
import type { IpcSenderInfo } from '../../electron/core/ipc/index.js';

/** Who sent a bridged call: the same shape main builds from an IPC event's sender frame. */
type BridgeSender = IpcSenderInfo;

/** The test-process side of the bridge: the real app behind main's IPC router. */
export interface BridgeBackend {
  /** Handles one call exactly as main's `ipcMain.handle` would (sender check, validation, dispatch). */
  invoke(channel: string, args: readonly unknown[], sender: BridgeSender): Promise<unknown>;
  /** Subscribes to every `widget:state` push; returns the unsubscribe function. */
  onState(listener: (state: WidgetState) => void): () => void;
  /** Subscribes to every notification the app asks its shell to show (main's `GlanceShell.notify`). */
  onNotify?(listener: (notification: BridgeNotification) => void): () => void;
}

/** A notification as main's shell would show it (an Electron Notification's title and body). */
export interface BridgeNotification {
  readonly title: string;
  readonly body: string;
}

/** One bridged call as it crossed the boundary, kept so tests can scan replies for the secret. */
interface BridgeCall {
  readonly channel: string;
  readonly sender: BridgeSender;
  /** What the page received, serialised (the reply is JSON-like by contract). */
  readonly replyJson: string;
}

/** What `installBridge` leaves behind for assertions and teardown. */
export interface Bridge {
  /** Every call so far, in order of completion. */
  readonly calls: readonly BridgeCall[];
  /** Every state pushed to the page, serialised. */
  readonly pushes: readonly string[];
  /** Every notification the app showed through its shell, in order (alerts that fired). */
  readonly notifications: readonly BridgeNotification[];
  /** The random name of the raw binding (kept in subframes only, so tests can prove the sender check). */
  readonly bindingName: string;
  /** Stops pushing states to the page (call before closing the backend). */
  detach(): void;
}

interface InitConfig {
  readonly methods: Readonly<Record<string, string>>;
  readonly binding: string;
  readonly dispatcher: string;
}

/**
 * Runs in every frame before the document's own scripts. Top frame: takes the raw binding
 * off `window`, builds the frozen API, installs the hidden push dispatcher. Subframes get no
 * `window.glance` (the preload only runs in the main frame) but keep the raw binding, so a
 * test can prove that main's sender check rejects a call that comes from a subframe.
 */
function pageInit(config: InitConfig): void {
  const w = window as unknown as Record<string, unknown>;
  const raw = w[config.binding] as ((channel: string, args: unknown[]) => Promise<unknown>) | undefined;
  if (typeof raw !== 'function') return;
  if (window.top !== window) return;
  delete w[config.binding];
  const listeners = new Set<(state: unknown) => void>();
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(config.methods)) {
    api[method] = (...args: unknown[]) => raw(channel, args);
  }
  api.onState = (listener: (state: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onState needs a function');
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  Object.defineProperty(window, 'glance', { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
  Object.defineProperty(window, config.dispatcher, {
    value: (state: unknown) => {
      for (const listener of [...listeners]) {
        try {
          listener(state);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    enumerable: false,
    configurable: false,
    writable: false,
  });
}

function senderOf(frame: Frame, page: Page, webContentsId: number): BridgeSender {
  return { senderFrameUrl: frame.url(), isMainFrame: frame === page.mainFrame(), webContentsId };
}

/**
 * Wires `page` to `backend`. Call before `page.goto`. `webContentsId` is the id this page's
 * calls carry (the backend trusts only the ids it was told about, as main trusts only its own
 * windows). Returns the log of calls and pushes.
 * The binding and dispatcher names are random per page, so app code cannot depend on them.
 */
export async function installBridge(page: Page, backend: BridgeBackend, webContentsId: number): Promise<Bridge> {
  const suffix = randomBytes(6).toString('hex');
  let attached = true;
  const config: InitConfig = { methods: INVOKE_METHODS, binding: `__glanceBridge_${suffix}`, dispatcher: `__glancePush_${suffix}` };
  const calls: BridgeCall[] = [];
  const pushes: string[] = [];
  const notifications: BridgeNotification[] = [];
  const stopNotes = backend.onNotify?.((n) => {
    if (attached) notifications.push({ title: n.title, body: n.body });
  });

  await page.exposeBinding(config.binding, async (source, channel: unknown, args: unknown) => {
    const sender = senderOf(source.frame, page, webContentsId);
    const reply = await backend.invoke(String(channel), Array.isArray(args) ? args : [args], sender);
    // Round-trip through JSON, as structured clone over IPC would drop anything non-plain.
    const replyJson = JSON.stringify(reply) ?? 'null';
    calls.push({ channel: String(channel), sender, replyJson });
    return JSON.parse(replyJson) as unknown;
  });
  await page.addInitScript(pageInit, config);

  let chain = Promise.resolve();
  const unsubscribe = backend.onState((state) => {
    if (!attached) return;
    const json = JSON.stringify(state);
    pushes.push(json);
    chain = chain
      .then(() =>
        page.evaluate(
          ([dispatcher, body]) => {
            const fn = (window as unknown as Record<string, unknown>)[dispatcher];
            if (typeof fn === 'function') (fn as (s: unknown) => void)(JSON.parse(body));
          },
          [config.dispatcher, json] as const,
        ),
      )
      .catch(() => {
        // The page may be navigating or closed; the renderer re-reads state on load anyway.
      });
  });

  return {
    calls,
    pushes,
    notifications,
    bindingName: config.binding,
    detach: () => {
      attached = false;
      unsubscribe();
      stopNotes?.();
    },
  };
}
