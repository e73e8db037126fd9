/**
 * Turns keytar's raw error strings into named, actionable errors. keytar only gives us the
 * OS's message text (libsecret/GLib on Linux, SecCopyErrorMessageString on macOS,
 * FormatMessage on Windows), so we classify by the messages each OS really produces; the
 * Linux ones below were observed on Debian 12 with libsecret 0.20 and gnome-keyring 42.
 */
import { appError, type AppError, type ErrorCode } from '../../../shared/errors.js';
import { cleanText } from '../../../shared/text.js';

/** Why the keychain cannot be used, in terms of what the user can do about it. */
export type KeychainProblem =
  | 'no-dbus' // Linux: no D-Bus session bus to talk to
  | 'no-provider' // Linux: D-Bus, but nothing provides org.freedesktop.secrets
  | 'no-default-keyring' // a Secret Service / keychain without a default collection
  | 'locked'
  | 'denied'
  | 'not-installed' // keytar is absent: npm skipped the optional dependency when it could not build it
  | 'load-failed' // keytar's native module did not load
  | 'timeout'
  | 'other';

interface Rule {
  readonly problem: KeychainProblem;
  readonly test: RegExp;
}

// Order matters: the first rule that matches wins.
const RULES: readonly Rule[] = [
  // Linux, D-Bus's own bounds (observed): "Error calling StartServiceByName for
  // org.freedesktop.secrets: Failed to activate service 'org.freedesktop.secrets': timed out
  // (service_start_timeout=25000ms)"; a hung provider: "Timeout was reached" / NoReply.
  { problem: 'timeout', test: /timed out|Timeout was reached|NoReply|did not receive a reply/i },
  // Linux, a provider that is installed but dies on start (observed): "Error calling
  // StartServiceByName for org.freedesktop.secrets: Process org.freedesktop.secrets exited with status 1".
  {
    problem: 'no-provider',
    test: /StartServiceByName for org\.freedesktop\.secrets|Failed to activate service 'org\.freedesktop\.secrets'/i,
  },
  // Linux, no DBUS_SESSION_BUS_ADDRESS: "Cannot autolaunch D-Bus without X11 $DISPLAY" (observed);
  // older GLib: "Unable to autolaunch a dbus-daemon without a $DISPLAY for X11"; a dead bus socket:
  // "Could not connect: No such file or directory" / "Connection refused".
  {
    problem: 'no-dbus',
    test: /autolaunch|dbus-launch|Could not connect|Failed to connect to socket|Connection refused|Error spawning command line|DBUS_SESSION_BUS_ADDRESS/i,
  },
  // Linux, a session bus without a Secret Service: "The name org.freedesktop.secrets was not
  // provided by any .service files" (observed; findCredentials prefixes GDBus.Error:…ServiceUnknown).
  { problem: 'no-provider', test: /org\.freedesktop\.secrets.*(not provided|was not provided)|ServiceUnknown|NameHasNoOwner/i },
  // Linux, gnome-keyring without a "login" collection and no prompter to create one:
  // "Object does not exist at path “/org/freedesktop/secrets/collection/login”" (observed).
  // macOS: "The specified keychain could not be found." / "A default keychain could not be found."
  {
    problem: 'no-default-keyring',
    test: /Object does not exist at path|collection\/(login|default)|keychain could not be found|No default (keychain|collection)/i,
  },
  // Linux: "Cannot create an item in a locked collection" (observed).
  // macOS: "User interaction is not allowed." (locked keychain, no UI to unlock it).
  { problem: 'locked', test: /locked|User interaction is not allowed|interaction not allowed/i },
  // Linux: a dismissed unlock prompt ("Operation was cancelled" / "The operation was cancelled").
  // macOS: "User canceled the operation." / "The user name or passphrase you entered is not correct."
  // Windows: "Access is denied."
  { problem: 'denied', test: /cancell?ed|dismissed|denied|not allowed|passphrase you entered is not correct|authorization/i },
  // Windows: "A specified logon session does not exist…" (no credential store for this session).
  { problem: 'no-provider', test: /logon session does not exist/i },
];

/** Classifies one keytar error message. */
export function classifyKeytarMessage(message: string): KeychainProblem {
  for (const rule of RULES) if (rule.test.test(message)) return rule.problem;
  return 'other';
}

const CODES: Readonly<Record<KeychainProblem, ErrorCode>> = {
  'no-dbus': 'KEYCHAIN_UNAVAILABLE',
  'no-provider': 'KEYCHAIN_UNAVAILABLE',
  'no-default-keyring': 'KEYCHAIN_UNAVAILABLE',
  'not-installed': 'KEYCHAIN_UNAVAILABLE',
  'load-failed': 'KEYCHAIN_UNAVAILABLE',
  timeout: 'KEYCHAIN_UNAVAILABLE',
  locked: 'KEYCHAIN_LOCKED',
  denied: 'KEYCHAIN_DENIED',
  other: 'KEYCHAIN_ERROR',
};

/** The platform a keychain hint is for: `darwin`, `win32`, or anything else reads as Linux's. */
function hintPlatform(platform: string): string {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/**
 * The named error for a keytar failure, its words chosen by problem and platform. The OS's own
 * message is kept as detail because it is what a user pastes into a bug report; keytar's
 * messages never contain the password, and `redact` removes any string the caller knows must
 * not appear.
 */
export function keychainError(problem: KeychainProblem, detail: string, platform: string, redact: readonly string[] = []): AppError {
  const redacted = (text: string): string => redact.reduce((t, s) => (s.length > 0 ? t.split(s).join('[redacted]') : t), text);
  // Redacted before and after cleaning: dropping a control character could join a secret's halves.
  const safe = redacted(cleanText(redacted(detail.replace(/\s+/g, ' '))));
  const code = CODES[problem];
  const params = { platform: hintPlatform(platform) };
  return appError(
    code,
    code === 'KEYCHAIN_UNAVAILABLE' ? { ...params, reason: problem as Exclude<KeychainProblem, 'locked' | 'denied' | 'other'> } : params,
    safe,
  );
}

/** Classifies and wraps a raw keytar error in one step. */
export function keychainErrorFromMessage(message: string, platform: string, redact: readonly string[] = []): AppError {
  return keychainError(classifyKeytarMessage(message), message, platform, redact);
}
