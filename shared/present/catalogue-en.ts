/**
 * Every word Gate Glance shows, in English. Keys are flat dotted names; values are ICU-style
 * patterns (see message-format.ts). Another language is another object of type `Catalogue`
 * (catalogue.ts): a missing or extra key fails `tsc`, and a test checks that each one asks for
 * the same values.
 *
 * Errors: `error.<CODE>.title` / `.message` / `.hint`, with `.message.<reason>` and
 * `.hint.<reason>` for the variants a code has (`params.reason` picks one), and an optional
 * `error.<CODE>.detail` saying how the code's own words and the detail (Gate's or the system's
 * words) read together (`{message}`, or `{statement}`: the message without its full stop);
 * `error.detail` is the default.
 */

const NO_PLAINTEXT = 'Gate Glance never falls back to a plain file.';
// keytar is an optional dependency: npm leaves it out, without failing, where it cannot be built.
const REBUILD = 'then run `npm rebuild keytar` in the Gate Glance folder; the demo works meanwhile.';
const CREDENTIALS_HINT = "Copy the key and the secret again from Gate's API management page (APIv4 keys) and paste each into its own field.";
const FIELD = '{field, select, key {The API key} other {The API secret}}';
const BODY = '{bodyKind, select, html {an HTML page, {bytes} bytes} empty {an empty body} other {{bytes} bytes of non-JSON text}}';
const GATE_DETAIL = '{message} (Gate: {detail})';
const SYSTEM_DETAIL = '{statement} ({detail}).';

export const en = {
  'error.detail': '{message} ({detail})',

  'error.MISSING_CREDENTIALS.title': 'No API key stored',
  'error.MISSING_CREDENTIALS.message': 'No Gate API key is set up.',
  'error.MISSING_CREDENTIALS.hint':
    'Add an API key: set GATE_API_KEY and GATE_API_SECRET, run `gate-glance login`, or use the app\'s settings. Create one at gate.com → API Management with "Wallet: read only".',

  'error.INVALID_CREDENTIALS_INPUT.title': 'That key or secret is not valid',
  'error.INVALID_CREDENTIALS_INPUT.message': 'The API key or secret is not valid.',
  'error.INVALID_CREDENTIALS_INPUT.message.not-text': 'The API key and secret must both be text.',
  'error.INVALID_CREDENTIALS_INPUT.message.empty': `${FIELD} is empty.`,
  'error.INVALID_CREDENTIALS_INPUT.message.too-long': `${FIELD} is {length} characters long; no Gate {field} is longer than {max}.`,
  'error.INVALID_CREDENTIALS_INPUT.message.whitespace': `${FIELD} has a space or line break inside it.`,
  'error.INVALID_CREDENTIALS_INPUT.message.key-character': 'The API key contains a character that cannot be part of a key ({character}).',
  'error.INVALID_CREDENTIALS_INPUT.message.secret-character':
    'The API secret contains a character that cannot be part of a secret (a control, invisible or non-ASCII character).',
  'error.INVALID_CREDENTIALS_INPUT.message.too-short': `${FIELD} is only {length} characters long; it looks cut off.`,
  'error.INVALID_CREDENTIALS_INPUT.message.same': 'The API key and the secret are the same text.',
  'error.INVALID_CREDENTIALS_INPUT.message.swapped': 'The API key and the secret look swapped (the key is 64 hex characters, the secret 32).',
  'error.INVALID_CREDENTIALS_INPUT.message.both-needed': 'Enter both the API key and the API secret.',
  'error.INVALID_CREDENTIALS_INPUT.message.env-half': '{present} is set but {missing} is empty or missing.',
  'error.INVALID_CREDENTIALS_INPUT.hint': CREDENTIALS_HINT,
  'error.INVALID_CREDENTIALS_INPUT.hint.whitespace': `${CREDENTIALS_HINT} A key or secret never contains spaces.`,
  'error.INVALID_CREDENTIALS_INPUT.hint.swapped': 'Paste the shorter one (32 characters) as the key and the longer one (64) as the secret.',
  'error.INVALID_CREDENTIALS_INPUT.hint.both-needed': 'Both are shown once when you create the key on Gate.',
  'error.INVALID_CREDENTIALS_INPUT.hint.env-half': 'Set both {keyVariable} and {secretVariable}, or unset both to use the key stored with `gate-glance login`.',

  'error.INVALID_KEY.title': 'Gate rejected the API key',
  'error.INVALID_KEY.message': 'Gate does not recognise this API key.',
  'error.INVALID_KEY.message.http-401': 'Gate did not accept the API key.',
  'error.INVALID_KEY.hint': "Check that the API key is copied completely and has not been deleted or expired in Gate's API Management.",
  'error.INVALID_KEY.detail': GATE_DETAIL,

  'error.INVALID_SIGNATURE.title': 'Gate rejected the signature',
  'error.INVALID_SIGNATURE.message': "Gate rejected the request's signature.",
  'error.INVALID_SIGNATURE.hint':
    'The API secret does not match the key. Paste the secret again (it is shown only once when the key is created; create a new key if you lost it).',
  'error.INVALID_SIGNATURE.detail': GATE_DETAIL,

  'error.FORBIDDEN.title': 'The key lacks wallet read permission',
  'error.FORBIDDEN.message': 'This API key is not allowed to read wallet balances.',
  'error.FORBIDDEN.message.http-403': 'Gate refused the request for this API key.',
  'error.FORBIDDEN.message.holdings-permission': "This key lacks the {permission} (read) permission, so Gate does not list this account's coins.",
  'error.FORBIDDEN.hint.holdings-permission': 'Edit the key in Gate\'s API Management and enable "{permission}: read only". The total keeps working without it.',
  'error.FORBIDDEN.hint': 'Edit the key in Gate\'s API Management and enable the "Wallet" permission (read only is enough).',
  'error.FORBIDDEN.detail': GATE_DETAIL,

  'error.IP_FORBIDDEN.title': 'Gate refused this IP address for the key',
  'error.IP_FORBIDDEN.message': "Gate refused this computer's IP address for this API key.",
  'error.IP_FORBIDDEN.hint':
    "This key only accepts requests from listed IP addresses. Add this machine's public IP to the key's whitelist, or remove the restriction.",
  'error.IP_FORBIDDEN.detail': GATE_DETAIL,

  'error.CLOCK_SKEW.title': "Your computer's clock is off",
  'error.CLOCK_SKEW.message': "Gate rejected the request's timestamp: this computer's clock differs from Gate's by more than 60 seconds.",
  'error.CLOCK_SKEW.message.resync-failed':
    "Gate rejected the request's timestamp: this computer's clock differs from Gate's by more than 60 seconds. Reading Gate's clock to correct for it failed too ({code}).",
  'error.CLOCK_SKEW.message.still-rejected': "Gate rejected the request's timestamp even after correcting for a measured offset of {offset} s.",
  'error.CLOCK_SKEW.hint': "Set this computer's clock to update automatically (NTP), then try again.",
  'error.CLOCK_SKEW.detail': GATE_DETAIL,

  'error.RATE_LIMITED.title': 'Gate asked us to slow down',
  'error.RATE_LIMITED.message': "Gate's rate limit was reached; it can be asked again in {waitMs, duration}.",
  'error.RATE_LIMITED.message.http-429': 'Too many requests; Gate can be asked again in {waitMs, duration}.',
  'error.RATE_LIMITED.message.holdings': "Gate asked to wait before this account's coins are read again; it can be asked in {waitMs, duration}.",
  'error.RATE_LIMITED.hint': 'Wait a moment; Gate allows 80 balance requests per 10 seconds and the data only changes once a minute.',
  'error.RATE_LIMITED.detail': GATE_DETAIL,

  'error.SERVER_ERROR.title': 'Gate is having trouble',
  'error.SERVER_ERROR.message': 'Gate answered with an error (HTTP {status}).',
  'error.SERVER_ERROR.message.http-5xx': 'Gate answered with a server error (HTTP {status}).',
  'error.SERVER_ERROR.message.http-5xx-body': `Gate answered with a server error (HTTP {status}, with ${BODY}).`,
  'error.SERVER_ERROR.hint': 'This is usually brief and not caused by your key or settings. Try again in a minute.',
  'error.SERVER_ERROR.detail': GATE_DETAIL,

  'error.BAD_RESPONSE.title': 'Gate sent an answer we could not read',
  'error.BAD_RESPONSE.message': 'Gate sent an answer that could not be read.',
  'error.BAD_RESPONSE.message.not-json': `Gate's answer was not JSON (${BODY}).`,
  'error.BAD_RESPONSE.message.shape': "Gate's answer did not have the expected shape (at {path}: {issue}).",
  'error.BAD_RESPONSE.message.other-currency': 'Gate answered in {answered} although {currency} was asked for.',
  'error.BAD_RESPONSE.message.server-time': "Gate's server time answer did not have the expected shape.",
  'error.BAD_RESPONSE.message.http': 'Unexpected answer: HTTP {status}.',
  'error.BAD_RESPONSE.message.http-body': `Unexpected answer: HTTP {status} with ${BODY}.`,
  'error.BAD_RESPONSE.message.too-large': "The answer was too large to be Gate's.",
  'error.BAD_RESPONSE.message.too-many-accounts': "Gate's answer listed {count} accounts, more than the {max} it can have.",
  'error.BAD_RESPONSE.message.holdings-shape': "Gate's {what} answer did not have the expected shape (at {path}: {issue}).",
  'error.BAD_RESPONSE.message.holdings-not-json': `Gate's {what} answer was not JSON (${BODY}).`,
  'error.BAD_RESPONSE.message.holdings-too-many': "Gate's {what} answer listed more than {max} entries.",
  'error.BAD_RESPONSE.message.unified-too-many': "Gate's unified account answer listed more than {max} currencies.",
  'error.BAD_RESPONSE.message.mixed-up': 'The answer was for a different currency than the one asked for.',
  'error.BAD_RESPONSE.hint':
    'Something other than Gate may have answered (a proxy, captive portal or wrong base URL). Check the base URL and proxy settings; if it persists, Gate may have changed its API.',
  'error.BAD_RESPONSE.hint.mixed-up': 'Try again; if it persists, please report it.',
  'error.BAD_RESPONSE.detail': "{reason, select, too-large {The answer was too large to be Gate's: {detail}.} other {{message} (Gate: {detail})}}",

  'error.NETWORK.title': 'Cannot reach Gate',
  'error.NETWORK.message': 'Could not reach Gate.',
  'error.NETWORK.message.proxy-auth':
    'The proxy asks for credentials (HTTP 407): put them in the proxy URL, e.g. http://user:password@proxy:3128.',
  'error.NETWORK.hint': 'Check the internet connection and, if you use one, the proxy (HTTPS_PROXY / system proxy settings).',
  'error.NETWORK.message.insecure-url': 'Not sent: the address is not safe to send the key to.',
  'error.NETWORK.detail': '{reason, select, insecure-url {Not sent: {detail}.} other {Could not reach Gate: {detail}.}}',

  'error.TIMEOUT.title': 'Gate did not answer in time',
  'error.TIMEOUT.message': 'No answer from Gate within {timeoutMs, duration}.',
  'error.TIMEOUT.hint': 'Gate did not answer in time. Check the connection or proxy, or raise the timeout.',

  'error.OVERDUE.title': 'Not refreshed for {seconds, age}',
  'error.OVERDUE.message': 'Not refreshed for {seconds, age}.',
  'error.OVERDUE.hint': 'The amount shown is the last one received. Gate Glance keeps trying; check the connection if this lasts.',

  'error.INVALID_CURRENCY.title': 'Gate does not accept that currency',
  'error.INVALID_CURRENCY.message': 'Gate does not accept this currency for totals.',
  'error.INVALID_CURRENCY.message.not-offered': '"{currency}" is not one of {currencies}.',
  'error.INVALID_CURRENCY.message.unknown': 'That is not a currency Gate can convert to.',
  'error.INVALID_CURRENCY.hint': 'Use one of BTC, CNY, USD or USDT.',
  'error.INVALID_CURRENCY.detail': GATE_DETAIL,

  'error.KEYCHAIN_UNAVAILABLE.detail': SYSTEM_DETAIL,
  'error.KEYCHAIN_UNAVAILABLE.title': 'The keychain is unavailable',
  'error.KEYCHAIN_UNAVAILABLE.message': 'The OS keychain is unavailable.',
  'error.KEYCHAIN_UNAVAILABLE.message.no-dbus': 'The OS keychain is unavailable: there is no D-Bus session to reach the Secret Service.',
  'error.KEYCHAIN_UNAVAILABLE.message.no-provider': 'The OS keychain is unavailable: no keychain service is running.',
  'error.KEYCHAIN_UNAVAILABLE.message.no-default-keyring': 'The OS keychain is unavailable: it has no default keyring to store the key in.',
  'error.KEYCHAIN_UNAVAILABLE.message.not-installed': 'The OS keychain is unavailable: its native module (keytar) is not installed.',
  'error.KEYCHAIN_UNAVAILABLE.message.load-failed': 'The OS keychain is unavailable: its native module (keytar) could not be loaded.',
  'error.KEYCHAIN_UNAVAILABLE.message.timeout': 'The OS keychain did not answer in time.',
  'error.KEYCHAIN_UNAVAILABLE.hint': `{platform, select, darwin {Open Keychain Access and make sure a default ("login") keychain exists and is unlocked. ${NO_PLAINTEXT}} win32 {Credential Manager is not available in this session: run Gate Glance from a normal interactive Windows login. ${NO_PLAINTEXT}} other {Install and start a Secret Service provider (gnome-keyring, or KWallet with its Secret Service API enabled), e.g. \`sudo apt install gnome-keyring\`, then log in again. ${NO_PLAINTEXT}}}`,
  'error.KEYCHAIN_UNAVAILABLE.hint.no-dbus': `{platform, select, darwin {Open Keychain Access and make sure a default ("login") keychain exists and is unlocked. ${NO_PLAINTEXT}} win32 {Credential Manager is not available in this session: run Gate Glance from a normal interactive Windows login. ${NO_PLAINTEXT}} other {Run Gate Glance inside a desktop session (it needs a D-Bus session bus, DBUS_SESSION_BUS_ADDRESS), with gnome-keyring or KWallet running. On a headless machine start one: dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; <command>'. ${NO_PLAINTEXT}}}`,
  'error.KEYCHAIN_UNAVAILABLE.hint.no-default-keyring': `{platform, select, darwin {Open Keychain Access and make sure a default ("login") keychain exists and is unlocked. ${NO_PLAINTEXT}} win32 {Credential Manager is not available in this session: run Gate Glance from a normal interactive Windows login. ${NO_PLAINTEXT}} other {Create or unlock your default ("Login") keyring in Passwords and Keys (Seahorse) or KWallet, then try again. ${NO_PLAINTEXT}}}`,
  'error.KEYCHAIN_UNAVAILABLE.hint.not-installed': `{platform, select, darwin {npm could not build keytar: install the Xcode Command Line Tools (\`xcode-select --install\`), ${REBUILD} ${NO_PLAINTEXT}} win32 {npm could not build keytar: install Visual Studio Build Tools with "Desktop development with C++", ${REBUILD} ${NO_PLAINTEXT}} other {npm could not build keytar because libsecret's development files are missing. Install them (Debian/Ubuntu: \`sudo apt install libsecret-1-dev pkg-config\`; Fedora: \`sudo dnf install libsecret-devel\`), ${REBUILD} ${NO_PLAINTEXT}}}`,
  'error.KEYCHAIN_UNAVAILABLE.hint.load-failed': `{platform, select, darwin {Reinstall Gate Glance: keytar's native module does not match this Mac. ${NO_PLAINTEXT}} win32 {Reinstall Gate Glance: keytar's native module does not match this system. ${NO_PLAINTEXT}} other {Install libsecret (\`sudo apt install libsecret-1-0\`) and reinstall Gate Glance so keytar's native module matches this system. ${NO_PLAINTEXT}}}`,
  'error.KEYCHAIN_UNAVAILABLE.hint.timeout':
    '{platform, select, darwin {A Keychain prompt may be waiting for an answer: answer it, then try again.} win32 {Credential Manager did not answer: try again, or restart Windows if it keeps happening.} other {The keyring may be waiting for an unlock prompt, or gnome-keyring/KWallet is stuck: answer the prompt or restart the keyring daemon, then try again.}}',

  'error.KEYCHAIN_LOCKED.detail': SYSTEM_DETAIL,
  'error.KEYCHAIN_LOCKED.title': 'The keychain is locked',
  'error.KEYCHAIN_LOCKED.message': 'The OS keychain is locked.',
  'error.KEYCHAIN_LOCKED.hint':
    '{platform, select, darwin {Unlock the login keychain in Keychain Access (or log in again), then try again.} win32 {Windows refused access to Credential Manager: sign in to Windows normally (not as a service account) and open Control Panel › Credential Manager › Windows Credentials to check the entry "gate-glance".} other {Unlock your login keyring (Passwords and Keys / Seahorse, or KWallet), or log out and in again, then try again.}}',

  'error.KEYCHAIN_DENIED.detail': SYSTEM_DETAIL,
  'error.KEYCHAIN_DENIED.title': 'Access to the keychain was denied',
  'error.KEYCHAIN_DENIED.message': 'Access to the OS keychain was denied.',
  'error.KEYCHAIN_DENIED.hint':
    '{platform, select, darwin {macOS asked for permission and it was refused: try again and choose "Allow" (or "Always Allow"); check the entry "gate-glance" in Keychain Access.} win32 {Windows refused access to Credential Manager: sign in to Windows normally (not as a service account) and open Control Panel › Credential Manager › Windows Credentials to check the entry "gate-glance".} other {The keyring refused access or its unlock prompt was dismissed: try again and unlock the keyring when asked.}}',

  'error.KEYCHAIN_ERROR.detail': SYSTEM_DETAIL,
  'error.KEYCHAIN_ERROR.title': 'The keychain failed',
  'error.KEYCHAIN_ERROR.message': 'The OS keychain reported an error.',
  'error.KEYCHAIN_ERROR.message.too-big': 'The key pair needs {bytes} bytes in the keychain; the limit is {limit} bytes (Windows Credential Manager).',
  'error.KEYCHAIN_ERROR.message.not-ours': 'The keychain entry "{service}" / "{account}" is not one Gate Glance wrote (it is not a key pair).',
  'error.KEYCHAIN_ERROR.message.read-failed': 'Reading the stored API key failed unexpectedly.',
  'error.KEYCHAIN_ERROR.hint':
    '{platform, select, darwin {Open Keychain Access, check the entry "gate-glance", then try again.} win32 {Open Control Panel › Credential Manager › Windows Credentials, check the entry "gate-glance", then try again.} other {Check that gnome-keyring or KWallet works (e.g. open Passwords and Keys), then try again.}}',
  'error.KEYCHAIN_ERROR.hint.too-big': 'A Gate API key is 32 characters and its secret 64: check that you pasted only the key and the secret.',
  'error.KEYCHAIN_ERROR.hint.not-ours': 'Remove the key (`gate-glance logout`, or "Remove key" in the app) and save your API key again.',
  'error.KEYCHAIN_ERROR.hint.read-failed': 'Set GATE_API_KEY and GATE_API_SECRET, or run `gate-glance login` again.',

  'error.INVALID_REQUEST.title': 'That request was not valid',
  'error.INVALID_REQUEST.message': 'The request was not valid.',
  'error.INVALID_REQUEST.message.unknown-channel': 'Unknown request.',
  'error.INVALID_REQUEST.message.prefs-not-object': 'Preferences must be an object of fields to change.',
  'error.INVALID_REQUEST.message.prefs-invalid': 'Invalid preferences.',
  'error.INVALID_REQUEST.message.payload': 'Invalid request to {channel}.',
  'error.INVALID_REQUEST.hint': 'Nothing was changed.',
  'error.INVALID_REQUEST.hint.unknown-channel': 'Restart Gate Glance; if it keeps happening, reinstall it.',
  'error.INVALID_REQUEST.hint.prefs-not-object': 'Send only the fields to change.',
  'error.INVALID_REQUEST.hint.prefs-invalid': 'Choose a value within the allowed range.',
  'error.INVALID_REQUEST.detail':
    '{reason, select, prefs-invalid {Invalid preferences: {detail}.} payload {Invalid request to {channel}: {detail}.} other {{message} ({detail})}}',

  'error.UNTRUSTED_SENDER.title': 'Request refused',
  'error.UNTRUSTED_SENDER.message': 'This request did not come from Gate Glance’s own window.',
  'error.UNTRUSTED_SENDER.hint': 'Nothing was changed.',

  'error.CANCELLED.title': 'Cancelled',
  'error.CANCELLED.message': 'The request was cancelled.',
  'error.CANCELLED.hint': 'The request was cancelled; nothing to do.',

  'error.INTERNAL.title': 'Something went wrong',
  'error.INTERNAL.message': 'Gate Glance could not complete this request.',
  'error.INTERNAL.message.fetch': 'Unexpected failure while fetching the balance.',
  'error.INTERNAL.message.read': 'Unexpected failure while reading from Gate.',
  'error.INTERNAL.message.source': 'The balance source failed unexpectedly.',
  'error.INTERNAL.message.history-read': 'Could not read the local history.',
  'error.INTERNAL.message.export-write': 'Could not write the CSV file.',
  'error.INTERNAL.message.launch-at-login': 'Could not change "Launch at login".',
  'error.INTERNAL.message.prefs-write': 'Could not save preferences; the previous ones stay in effect.',
  'error.INTERNAL.message.open-browser': 'Could not open the browser.',
  'error.INTERNAL.message.verify': 'The test call failed unexpectedly.',
  'error.INTERNAL.message.no-answer': 'Gate Glance’s main process did not answer.',
  'error.INTERNAL.message.no-bridge': 'The app bridge (window.glance) is missing.',
  'error.INTERNAL.message.thrown': 'The request failed unexpectedly.',
  'error.INTERNAL.detail': '{reason, select, prefs-write {Could not save preferences ({detail}); the previous ones stay in effect.} other {{message} ({detail})}}',
  'error.INTERNAL.hint': 'This is a bug in Gate Glance; please report it.',
  'error.INTERNAL.hint.source': 'This is a bug in Gate Glance; please report it. The last good data is kept.',
  'error.INTERNAL.hint.ipc': 'Try again; restart the app if it keeps happening.',
  'error.INTERNAL.hint.history-read': 'Check that the app data folder is readable.',
  'error.INTERNAL.hint.export-write': 'Choose a folder you can write to and try again.',
  'error.INTERNAL.hint.launch-at-login': 'Check that your autostart folder is writable, or add Gate Glance to your startup applications yourself.',
  'error.INTERNAL.hint.prefs-write': 'Check that the disk is not full and the app data folder is writable.',
  'error.INTERNAL.hint.open-browser': 'Open {url} yourself.',
  'error.INTERNAL.hint.verify': 'Try again later.',
  'error.INTERNAL.hint.no-answer': 'Try again; restart the app if it keeps happening.',
  'error.INTERNAL.hint.no-bridge': 'Open Gate Glance from its tray icon; this page cannot work on its own.',
  'error.INTERNAL.hint.thrown': 'Try again; if it keeps failing, restart Gate Glance.',

  // Durations, ages and countdowns.
  'time.milliseconds': '{count} ms',
  'time.seconds': '{count, plural, one {# second} other {# seconds}}',
  'time.age.now': 'just now',
  'time.age.seconds': '{count} s',
  'time.age.minutes': '{count} min',
  'time.age.hours': '{count} h',
  'time.age.days': '{count} d',
  'time.countdown.seconds': '{count} s',
  'time.countdown.minutes': '{count} min',
  'time.day-and-time': '{day}, {time}',

  // Notices after saving a key (English in core for now; they become coded like errors next).
  'notice.verify-failed': 'Could not verify: {message} The key was saved; it will be checked on the next refresh.',
  'notice.verify-unavailable': 'Could not verify: no connection to Gate is configured here; saved without a test call.',

  'notice.key-shape': "The API key is not 32 hex characters like Gate's APIv4 keys (it is {length} characters); saved as entered.",
  'notice.secret-shape': "The API secret is not 64 hex characters like Gate's APIv4 secrets (it is {length} characters); saved as entered.",

  // The tray.
  'tray.updated-now': 'updated just now',
  'tray.age': '{age} old',
  'tray.summary.live': '{demo, select, yes {Demo net worth} other {Net worth}}: {amount} · {age}',
  'tray.summary.stale': '{demo, select, yes {Demo net worth} other {Net worth}}: {amount} · stale, {age}',
  'tray.summary.no-key': 'No API key stored',
  'tray.summary.loading': 'Loading…',
  'tray.summary.error': 'No data: {message}',
  'tray.summary.no-data': 'No data yet',
  'tray.tooltip.amount': '{demo, select, yes {Gate Glance (demo data)} other {Gate Glance}}: {amount} (estimated)',
  'tray.tooltip.as-of': 'as of {at}',
  'tray.tooltip.stale-as-of': 'Stale, as of {at}',
  'tray.tooltip.no-key': '{demo, select, yes {Gate Glance (demo data)} other {Gate Glance}}: no API key stored',
  'tray.tooltip.loading': '{demo, select, yes {Gate Glance (demo data)} other {Gate Glance}}: loading…',
  'tray.tooltip.no-data': '{demo, select, yes {Gate Glance (demo data)} other {Gate Glance}}: no data',
  'tray.title.live': '{demo, select, yes {Demo } other {}}{amount}',
  'tray.title.stale': '⚠ {demo, select, yes {Demo } other {}}{amount}',
  'tray.menu.open': 'Open Gate Glance',
  'tray.menu.demo': 'Try the demo',
  'tray.menu.refresh': 'Refresh now',
  'tray.menu.refreshing': 'Refreshing…',
  'tray.menu.currency': 'Currency',
  'tray.menu.privacy': 'Privacy mode',
  'tray.menu.launch-at-login': 'Launch at login',
  'tray.menu.quit': 'Quit Gate Glance',

  // The CLI.
  'cli.unavailable': 'n/a ({code})',
  'cli.short.demo': 'demo {money}',
  'cli.table.heading':
    "Gate.io total balance{demo, select, yes { (DEMO portfolio, not your account)} other {}} — estimated in {currency} at Gate's rates, {at}",
  'cli.table.account': 'Account',
  'cli.table.amount': 'Amount ({currency})',
  'cli.table.share': 'Share',
  'cli.table.no-share': '—',
  'cli.table.total': 'Total',
  'cli.table.unrealised-pnl': 'Unrealised PnL',
  'cli.table.borrowed': 'Borrowed',
  'cli.table.no-accounts': 'Gate listed no accounts.',
  'cli.table.negative-note': 'Accounts below zero are listed but not counted in the shares.',
  'cli.waybar.total': 'Gate.io total (estimated){demo, select, yes {, DEMO} other {}}: {money}',
  'cli.waybar.account': '{account}: {amount}',
  'cli.waybar.account-share': '{account}: {amount} ({share})',
  'cli.waybar.as-of': 'as of {at}',
  'cli.login.not-saved': '{message} The key was not saved.',

  // The popover.
  'popover.app-name': 'Gate Glance',
  'popover.demo-badge': 'Demo data',
  'popover.hide-amounts': 'Hide amounts',
  'popover.settings': 'Settings',
  'popover.dismiss': 'Dismiss',
  'popover.demo-strip': 'You are looking at a made-up portfolio.',
  'popover.connect': 'Connect your Gate account',
  'popover.switching': 'Showing {from} until {to} arrives…',
  'popover.key-removed': 'The key was removed from the keychain.',
  'popover.history-saved': 'History saved to {path}.',
  'popover.history-saved-somewhere': 'History saved to the chosen file.',
  'popover.loading': 'Loading balance',

  'status.onboarding': 'Not connected',
  'status.loading': 'Loading',
  'status.live': 'Live',
  'status.stale': 'Stale',
  'status.error': 'Error',
  'status.updating': ' · Updating…',

  'panel.refresh-failed': 'Refresh failed',
  'panel.data-age': 'Data is {age} old',
  'panel.no-data': 'No data',
  'panel.reason': '{title}: {message}',
  'panel.no-refresh-since': 'No refresh has succeeded since.',
  'panel.kept': 'Until a refresh succeeds, the last good data is kept below.',
  'panel.next-refresh': 'Next automatic refresh in {countdown}',
  'panel.fix-key': 'Fix key',
  'panel.retry-in': 'Retry in {countdown}',
  'panel.retry': 'Retry',
  'panel.retrying': 'Retrying…',

  'total.label': 'Estimated net worth',
  'total.copied': 'Copied',
  'total.copy-failed': 'Copy failed',
  'total.copy': 'Copy exact total',
  'total.copy-title': 'Copy every digit',
  'total.copy-private': 'Turn off privacy mode to copy',
  'total.unrealised-pnl': 'Unrealised PnL',
  'total.borrowed': 'Borrowed',
  'total.as-of': "as of {time} · converted at Gate's rates",

  'breakdown.title': 'Accounts',
  'breakdown.table-view': 'Table view',
  'breakdown.nothing-to-chart': 'No account holds a positive balance, so there is nothing to chart.',
  'breakdown.below-zero': 'Below zero',
  'breakdown.negative-note':
    'A negative balance cannot be a pie slice. It still counts in the total, and the shares above are of the positive accounts only.',
  'breakdown.empty-accounts': '{count, plural, one {# empty account} other {# empty accounts}}',
  'breakdown.other': 'Other ({count})',
  'breakdown.chart-private': 'Breakdown of {count} accounts (shares hidden)',
  'breakdown.chart-described': 'Breakdown: {list}',
  'breakdown.chart-item': '{account} {share}',
  'breakdown.accounts': '{count, plural, one {account} other {accounts}}',
  'breakdown.legend': 'Legend',
  'breakdown.table-caption': 'Accounts in {currency} (estimated)',
  'breakdown.table-account': 'Account',
  'breakdown.table-amount': 'Amount',
  'breakdown.table-share': 'Share',
  'breakdown.table-below-zero': 'below zero',
  'breakdown.table-empty': 'empty',
  'breakdown.table-total': 'Total',

  'currency.label': 'Currency',

  'history.label': 'History',
  'history.points': 'Net worth history: {count} points from {from} to {to}',
  'history.too-few': 'Net worth history: not enough points yet',
  'history.hidden': 'History hidden (privacy mode)',
  'history.export': 'Export CSV',

  'settings.title': 'Settings',
  'settings.done': 'Done',
  'settings.refresh': 'Refresh',
  'settings.every-hour': 'Every hour',
  'settings.every-hours': 'Every {count} h',
  'settings.every-minute': 'Every minute',
  'settings.every-minutes': 'Every {count} min',
  'settings.every-seconds': 'Every {count} s',
  'settings.refresh-note': 'Gate updates this figure at most once a minute.',
  'settings.group-small': 'Group small accounts into “Other”',
  'settings.group-never': 'Never',
  'settings.group-below': 'Below {percent} %',
  'settings.privacy': 'Privacy mode (hide every amount)',
  'settings.launch-at-login': 'Open at login',
  'settings.api-key': 'API key',
  'settings.key-stored': 'A key ending {hint} is stored in the system keychain.',
  'settings.no-key-demo': 'No key stored: showing demo data.',
  'settings.no-key': 'No key stored.',
  'settings.replace-key': 'Replace key',
  'settings.add-key': 'Add key',
  'settings.remove-key': 'Remove key',
  'settings.confirm-removal': 'Confirm removal',
  'settings.remove-question': 'Remove the key from the keychain? The widget stops updating until you add one again.',
  'settings.remove': 'Remove',
  'settings.keep': 'Keep',

  'onboarding.title-first-run': 'Connect your Gate account',
  'onboarding.title-replace': 'Replace the API key',
  'onboarding.intro-before': 'Create an APIv4 key on Gate with ',
  'onboarding.intro-permission': 'read-only Wallet',
  'onboarding.intro-after':
    ' permission and nothing else (no trading, no withdrawals). The secret is kept in your system keychain and is never shown again.',
  'onboarding.open-key-page': "Open Gate's API key page",
  'onboarding.stored-hint': 'A key ending {hint} is stored; saving replaces it.',
  'onboarding.key': 'API key',
  'onboarding.secret': 'API secret',
  'onboarding.verify': 'Check the key with Gate before saving',
  'onboarding.checking': 'Checking…',
  'onboarding.saving': 'Saving…',
  'onboarding.save': 'Save key',
  'onboarding.cancel': 'Cancel',
  'onboarding.demo': 'Try the demo',

  // Amounts and shares.
  'amount.money': '{amount} {currency}',

  // Gate's total minus the sum of its accounts, when they do not add up (shared/accounts.ts).
  'unaccounted.label': 'Unaccounted',
  'unaccounted.amount.more': '+{amount}',
  'unaccounted.note.more':
    "Gate's total is {money} more than its accounts add up to: Gate counts some assets (such as TradFi) in the total but in no account.",
  'unaccounted.note.less':
    "The accounts add up to {money} more than Gate's total: Gate leaves some accounts (such as Payment) out of it.",
  'unaccounted.note.private': "Gate's total and the sum of its accounts differ.",
  'share.percent': '{share} %',
  'share.tiny': '< 0.01 %',
} satisfies Readonly<Record<string, string>>;
