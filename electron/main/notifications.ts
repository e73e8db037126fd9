/**
 * Alerts as native notifications: one Electron `Notification` per alert core decided on, whose
 * click opens the popover. What to say and when is core's (electron/core/alerts); this only
 * shows it. Electron is passed in, so it is tested with a fake.
 */

/** The parts of an Electron Notification this uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotifierOptions {
  /** `new Notification(options)`. */
  readonly create: (options: { readonly title: string; readonly body: string }) => NotificationLike;
  /** `Notification.isSupported()`: false on a desktop without a notification server. */
  readonly isSupported: () => boolean;
  /** Clicking a notification: show the popover. */
  readonly onClick: () => void;
  readonly log: (message: string) => void;
}

/** Notifications held until clicked or closed: a collected one loses its click handler. */
const MAX_HELD = 20;

/** The shell's `notify`: shows each alert, or logs once that this desktop cannot. */
export function createNotifier(options: NotifierOptions): (notification: { readonly title: string; readonly body: string }) => void {
  const held = new Set<NotificationLike>();
  let saidUnsupported = false;
  return ({ title, body }) => {
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
      options.onClick();
    });
    shown.on('close', () => held.delete(shown));
    shown.show();
  };
}
