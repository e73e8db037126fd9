/**
 * Who may call main over IPC. Every invoke names its sender frame; only the app's own top
 * frame, loaded from the app's custom protocol in a window main created, is trusted. This is
 * a pure function so the rule is unit-tested here and applied unchanged in Electron main and
 * in the browser e2e bridge.
 */

/** The custom scheme the app is served from (registered standard + secure in main). */
export const APP_SCHEME = 'app';
/** The one host under the app scheme; with a standard scheme the frame URL carries it. */
export const APP_HOST = 'glance';
/** The app's origin as Chromium reports it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page main loads into the popover. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What main knows about the sender of one IPC message (from `event.senderFrame` / `event.sender`). */
export interface IpcSenderInfo {
  /** `event.senderFrame?.url`; null when the frame is gone. */
  readonly senderFrameUrl: string | null;
  /** Whether the sending frame is its page's top frame (`senderFrame === sender.mainFrame`). */
  readonly isMainFrame: boolean;
  /** `event.sender.id`. */
  readonly webContentsId: number;
}

/** The trust policy: which webContents main created, and the origin their pages must have. */
export interface SenderTrust {
  /** Ids of the webContents main created for its own windows (a function so windows can come and go). */
  readonly trustedIds: ReadonlySet<number> | (() => ReadonlySet<number>);
  /** `app://glance` in the app; the browser e2e bridge passes its own http origin. */
  readonly appOrigin: string;
}

/** Scheme + host of a URL, compared textually: WHATWG reports a non-special scheme's origin as "null". */
function schemeAndHost(url: string): { protocol: string; host: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  return { protocol: parsed.protocol.toLowerCase(), host: parsed.host.toLowerCase() };
}

/**
 * True only for the app's own top frame in a window main created, whose URL is on the app
 * origin. Sub-frames, other windows, file://, devtools and unparseable URLs are rejected.
 */
export function isTrustedSender(sender: IpcSenderInfo, trust: SenderTrust): boolean {
  if (!sender.isMainFrame) return false;
  if (!Number.isInteger(sender.webContentsId)) return false;
  const ids = typeof trust.trustedIds === 'function' ? trust.trustedIds() : trust.trustedIds;
  if (!ids.has(sender.webContentsId)) return false;
  if (sender.senderFrameUrl === null) return false;
  const actual = schemeAndHost(sender.senderFrameUrl);
  const expected = schemeAndHost(trust.appOrigin);
  if (actual === null || expected === null || expected.host === '') return false;
  return actual.protocol === expected.protocol && actual.host === expected.host;
}
