/**
 * The hardening applied to every webContents (navigation, new windows, webviews) and to each
 * session (permissions, devices, downloads). Electron objects come in through small interfaces.
 */
/** An event whose default can be prevented (navigation, webview attach, download). */
export interface PreventableEvent {
  preventDefault(): void;
  /** The navigation target, on navigation events. */
  readonly url?: string;
}

/** The parts of `WebContents` the hardening uses. */
export interface HardenableContents {
  on(event: string, listener: (event: PreventableEvent, ...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The parts of `Session` the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
}

/**
 * Denies navigation (top frame and sub-frames) and redirects to anything but the app's own
 * pages (`allowNavigation`, e.g. a reload of app://glance/index.html), and every new window and
 * webview. Main applies it to every webContents ever created (`web-contents-created`).
 */
export function hardenContents(
  contents: HardenableContents,
  log: (message: string) => void = () => {},
  allowNavigation: (url: string) => boolean = () => false,
): void {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    contents.on(event, (e, ...args) => {
      // Electron ≥ 25 puts the target on the event (`details.url`); older ones passed it as the next argument.
      const url = typeof e.url === 'string' ? e.url : typeof args[0] === 'string' ? args[0] : null;
      if (url !== null && allowNavigation(url)) return;
      e.preventDefault();
      log(`blocked ${event}`);
    });
  }
  contents.on('will-attach-webview', (e) => {
    e.preventDefault();
    log('blocked a webview');
  });
  contents.setWindowOpenHandler(() => {
    log('blocked window.open');
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check that `allow` does not grant (by default: all),
 * and all device access and downloads, in a session.
 */
export function hardenSession(
  session: HardenableSession,
  allow: (permission: string, url: string | undefined) => boolean = () => false,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => callback(allow(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => allow(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (e) => e.preventDefault());
}
