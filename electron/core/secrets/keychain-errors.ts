/**
 * Turns keytar's raw error strings into named, actionable errors. keytar only gives us the
 * OS's message text (libsecret/GLib on Linux, SecCopyErrorMessageString on macOS,
 * FormatMessage on Windows), so we classify by the messages each OS really produces; the
 * Linux ones below were observed on Debian 12 with libsecret 0.20 and gnome-keyring 42.
 */
import type { AppError, ErrorCode } from '../../../shared/errors.js';
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
  { problem: 'no-provider', test: /StartServiceByName for org\.freedesktop\.secrets|Failed to activate service 'org\.freedesktop\.secrets'/i },
  // Linux, no DBUS_SESSION_BUS_ADDRESS: "Cannot autolaunch D-Bus without X11 $DISPLAY" (observed);
  // older GLib: "Unable to autolaunch a dbus-daemon without a $DISPLAY for X11"; a dead bus socket:
  // "Could not connect: No such file or directory" / "Connection refused".
  { problem: 'no-dbus', test: /autolaunch|dbus-launch|Could not connect|Failed to connect to socket|Connection refused|Error spawning command line|DBUS_SESSION_BUS_ADDRESS/i },
  // Linux, a session bus without a Secret Service: "The name org.freedesktop.secrets was not
  // provided by any .service files" (observed; findCredentials prefixes GDBus.Error:…ServiceUnknown).
  { problem: 'no-provider', test: /org\.freedesktop\.secrets.*(not provided|was not provided)|ServiceUnknown|NameHasNoOwner/i },
  // Linux, gnome-keyring without a "login" collection and no prompter to create one:
  // "Object does not exist at path “/org/freedesktop/secrets/collection/login”" (observed).
  // macOS: "The specified keychain could not be found." / "A default keychain could not be found."
  { problem: 'no-default-keyring', test: /Object does not exist at path|collection\/(login|default)|keychain could not be found|No default (keychain|collection)/i },
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

const SUMMARY: Readonly<Record<KeychainProblem, string>> = {
  'no-dbus': 'The OS keychain is unavailable: there is no D-Bus session to reach the Secret Service',
  'no-provider': 'The OS keychain is unavailable: no keychain service is running',
  'no-default-keyring': 'The OS keychain is unavailable: it has no default keyring to store the key in',
  'not-installed': 'The OS keychain is unavailable: its native module (keytar) is not installed',
  'load-failed': 'The OS keychain is unavailable: its native module (keytar) could not be loaded',
  timeout: 'The OS keychain did not answer in time',
  locked: 'The OS keychain is locked',
  denied: 'Access to the OS keychain was denied',
  other: 'The OS keychain reported an error',
};

const NO_PLAINTEXT = 'Gate Glance never falls back to a plain file.';
/** keytar is an optional dependency: npm leaves it out, without failing, where it cannot be built. */
const REBUILD = 'then run `npm rebuild keytar` in the Gate Glance folder; the demo works meanwhile.';

function linuxHint(problem: KeychainProblem): string {
  switch (problem) {
    case 'no-dbus':
      return `Run Gate Glance inside a desktop session (it needs a D-Bus session bus, DBUS_SESSION_BUS_ADDRESS), with gnome-keyring or KWallet running. On a headless machine start one: dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; <command>'. ${NO_PLAINTEXT}`;
    case 'no-provider':
      return `Install and start a Secret Service provider (gnome-keyring, or KWallet with its Secret Service API enabled), e.g. \`sudo apt install gnome-keyring\`, then log in again. ${NO_PLAINTEXT}`;
    case 'no-default-keyring':
      return `Create or unlock your default ("Login") keyring in Passwords and Keys (Seahorse) or KWallet, then try again. ${NO_PLAINTEXT}`;
    case 'locked':
      return 'Unlock your login keyring (Passwords and Keys / Seahorse, or KWallet), or log out and in again, then try again.';
    case 'denied':
      return 'The keyring refused access or its unlock prompt was dismissed: try again and unlock the keyring when asked.';
    case 'not-installed':
      return `npm could not build keytar because libsecret's development files are missing. Install them (Debian/Ubuntu: \`sudo apt install libsecret-1-dev pkg-config\`; Fedora: \`sudo dnf install libsecret-devel\`), ${REBUILD} ${NO_PLAINTEXT}`;
    case 'load-failed':
      return `Install libsecret (\`sudo apt install libsecret-1-0\`) and reinstall Gate Glance so keytar's native module matches this system. ${NO_PLAINTEXT}`;
    case 'timeout':
      return 'The keyring may be waiting for an unlock prompt, or gnome-keyring/KWallet is stuck: answer the prompt or restart the keyring daemon, then try again.';
    case 'other':
      return 'Check that gnome-keyring or KWallet works (e.g. open Passwords and Keys), then try again.';
  }
}

function macHint(problem: KeychainProblem): string {
  switch (problem) {
    case 'locked':
      return 'Unlock the login keychain in Keychain Access (or log in again), then try again.';
    case 'denied':
      return 'macOS asked for permission and it was refused: try again and choose "Allow" (or "Always Allow"); check the entry "gate-glance" in Keychain Access.';
    case 'no-default-keyring':
    case 'no-provider':
    case 'no-dbus':
      return `Open Keychain Access and make sure a default ("login") keychain exists and is unlocked. ${NO_PLAINTEXT}`;
    case 'not-installed':
      return `npm could not build keytar: install the Xcode Command Line Tools (\`xcode-select --install\`), ${REBUILD} ${NO_PLAINTEXT}`;
    case 'load-failed':
      return `Reinstall Gate Glance: keytar's native module does not match this Mac. ${NO_PLAINTEXT}`;
    case 'timeout':
      return 'A Keychain prompt may be waiting for an answer: answer it, then try again.';
    case 'other':
      return 'Open Keychain Access, check the entry "gate-glance", then try again.';
  }
}

function windowsHint(problem: KeychainProblem): string {
  switch (problem) {
    case 'locked':
    case 'denied':
      return 'Windows refused access to Credential Manager: sign in to Windows normally (not as a service account) and open Control Panel › Credential Manager › Windows Credentials to check the entry "gate-glance".';
    case 'no-default-keyring':
    case 'no-provider':
    case 'no-dbus':
      return `Credential Manager is not available in this session: run Gate Glance from a normal interactive Windows login. ${NO_PLAINTEXT}`;
    case 'not-installed':
      return `npm could not build keytar: install Visual Studio Build Tools with "Desktop development with C++", ${REBUILD} ${NO_PLAINTEXT}`;
    case 'load-failed':
      return `Reinstall Gate Glance: keytar's native module does not match this system. ${NO_PLAINTEXT}`;
    case 'timeout':
      return 'Credential Manager did not answer: try again, or restart Windows if it keeps happening.';
    case 'other':
      return 'Open Control Panel › Credential Manager › Windows Credentials, check the entry "gate-glance", then try again.';
  }
}

/** The hint for a problem on a platform (`process.platform` values). */
function keychainHint(problem: KeychainProblem, platform: string): string {
  if (platform === 'darwin') return macHint(problem);
  if (platform === 'win32') return windowsHint(problem);
  return linuxHint(problem);
}

/**
 * The named error for a keytar failure. The OS's own message is kept (after the summary)
 * because it is what a user pastes into a bug report; keytar's messages never contain the
 * password, and `redact` removes any string the caller knows must not appear.
 */
export function keychainError(problem: KeychainProblem, detail: string, platform: string, redact: readonly string[] = []): AppError {
  const redacted = (text: string): string => redact.reduce((t, s) => (s.length > 0 ? t.split(s).join('[redacted]') : t), text);
  // Redacted before and after cleaning: dropping a control character could join a secret's halves.
  const safe = redacted(cleanText(redacted(detail.replace(/\s+/g, ' '))));
  const message = safe.length > 0 ? `${SUMMARY[problem]} (${safe}).` : `${SUMMARY[problem]}.`;
  return { code: CODES[problem], message, hint: keychainHint(problem, platform) };
}

/** Classifies and wraps a raw keytar error in one step. */
export function keychainErrorFromMessage(message: string, platform: string, redact: readonly string[] = []): AppError {
  return keychainError(classifyKeytarMessage(message), message, platform, redact);
}
