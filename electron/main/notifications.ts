/**
 * Alerts as native notifications: one Electron `Notification` per alert core decided on, whose
 * click opens the popover. What to say and when is core's (electron/core/alerts); this only
 * shows it, and tells main when the system refused one (Electron's `failed` event: "emitted when
 * an error is encountered while creating and showing the native notification", docs/api/notification.md;
 * e.g. denied permission, an unsigned macOS build). Electron is passed in, so it is tested with a fake.
 */
import type { Disposable } from '../core/desktop/tray-host.js';

/** The parts of an Electron Notification this uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

export interface NotifierOptions {
  /** `new Notification(options)`. */
  readonly create: (options: { readonly title: string; readonly body: string }) => NotificationLike;
  /** `Notification.isSupported()`: false on a desktop without a notification server. */
  readonly isSupported: () => boolean;
  /** Clicking a notification: show the popover. */
  readonly onClick: () => void;
  /**
   * Windows: `Notification.handleActivation` (Electron 42+), whose callback gets every click on
   * our toasts, also one in Action Center long after the Notification object was collected, after
   * a restart, or one that started the app (Electron's COM toast activator); it runs "in addition
   * to instance events", so with it the instance's click only lets go. Null elsewhere.
   */
  readonly handleActivation: ((onActivate: () => void) => void) | null;
  readonly log: (message: string) => void;
}

export interface Notifier {
  /** The shell's `notify`: shows each alert, or logs once that this desktop cannot. */
  readonly notify: (notification: { readonly title: string; readonly body: string }) => void;
  /** The system refused a notification (Settings then says notifications are blocked). */
  onDidFail(listener: () => void): Disposable;
}

/** Notifications held until clicked or closed: a collected one loses its click handler. */
const MAX_HELD = 20;

export function createNotifier(options: NotifierOptions): Notifier {
  const held = new Set<NotificationLike>();
  const failListeners = new Set<() => void>();
  let saidUnsupported = false;
  let saidFailed = false;
  options.handleActivation?.(() => options.onClick());
  const notify = ({ title, body }: { readonly title: string; readonly body: string }): void => {
    if (!options.isSupported()) {
      if (!saidUnsupported) options.log('this desktop shows no notifications: alerts are not shown');
      saidUnsupported = true;
      return;
    }
    const shown = options.create({ title, body });
    if (held.size >= MAX_HELD) held.delete(held.values().next().value!);
    held.add(shown);
    shown.on('click', () => {
      held.delete(shown);
      if (options.handleActivation === null) options.onClick();
    });
    shown.on('close', () => held.delete(shown));
    // The error string is the system's own words: logged once by kind only, never shown.
    shown.on('failed', () => {
      held.delete(shown);
      if (!saidFailed) options.log('the system refused a notification');
      saidFailed = true;
      for (const listener of [...failListeners]) listener();
    });
    shown.show();
  };
  return {
    notify,
    onDidFail: (listener) => {
      failListeners.add(listener);
      return { dispose: () => void failListeners.delete(listener) };
    },
  };
}
