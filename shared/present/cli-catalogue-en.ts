/**
 * The CLI's own words in English: help, usage errors, the login/logout/status lines, the
 * history and holdings tables and the 24-hour change. Kept apart from catalogue-en.ts because
 * only the CLI shows them: the popover's first view never carries them. Same rules as there
 * (ICU-style patterns; a Chinese catalogue of type `CliCatalogue` must have every key).
 * Patterns have no literal braces: JSON field lists come in as values.
 */

const CREDENTIALS_NOTE = `Credentials: GATE_API_KEY and GATE_API_SECRET from the environment, else the key stored in
the OS keychain by \`gate-glance login\`. HTTPS_PROXY, ALL_PROXY and NO_PROXY are honoured; plain http://, allowed only to this computer, never goes through a proxy.`;
const REMOTE_EXIT = `Exit codes: 0 ok, 2 usage, 3 credentials or permission, 4 network, server, clock, rate limit
or bad response.`;

export const cliEn = {
  // Help.
  'cli.help.main': `gate-glance {version} — your Gate.io balance in the terminal and the status bar

Usage: gate-glance <command> [options]

Commands:
{commands}

Run \`gate-glance help <command>\` (or \`<command> --help\`) for its options.
Try it without an API key: gate-glance balance --demo
Language: --locale en, zh-CN or zh-TW (default: LC_ALL, LC_MESSAGES, LANG and LANGUAGE, as gettext reads them).
`,
  'cli.command.balance': "show the total balance and its breakdown (Gate's estimate)",
  'cli.command.holdings': 'show what one account is made of, coin by coin (spot, futures, finance, unified)',
  'cli.command.history': 'print the net-worth history recorded on this computer (no key needed)',
  'cli.command.login': 'store your API key and secret in the OS keychain (read from stdin)',
  'cli.command.logout': 'remove the stored API key from the OS keychain',
  'cli.command.status': 'is a key stored (last 4 characters only), and can the keychain be used',
  'cli.command.doctor': 'check the tray host, keychain, data folder, Gate, clock and proxy, with remedies',
  'cli.help.balance': `Usage: gate-glance balance [options]

Shows your Gate.io total balance (Gate's estimate, converted at its rates) and how it is
spread over your accounts.

Options:
  -c, --currency CUR     BTC, CNY, USD or USDT (default USDT)
      --json             print exact JSON (amounts are Gate's strings, verbatim)
      --format FORMAT    table (default), json, short (one line for status bars: polybar,
                         tmux, conky, i3blocks) or waybar (JSON with text, tooltip, class)
      --short            same as --format short
      --private          mask amounts and shares (table, short and waybar formats)
      --full             show every digit Gate sent instead of 2 (8 for BTC)
      --base-url URL     API base URL (default {baseUrl})
      --timeout MS       request timeout in milliseconds (default {timeoutMs})
      --demo             use the built-in demo portfolio; needs no API key (records nothing)
      --no-history       do not record this balance in the local history
      --sub-accounts     also count the key's sub-accounts (estimated from their balances)
      --all-profiles     add up every key: the default one and each one the app lists
                         (Settings › Gate accounts), each read with its own keychain entry; a
                         key's sub-accounts count when the app counts them, all with --sub-accounts
      --profile NAME     the key stored with \`login --profile NAME\` (default: the default one)
      --locale LANG      en, zh-CN or zh-TW (default: from LC_ALL, LC_MESSAGES, LANG, LANGUAGE)
  -h, --help             show this help

Each successful balance is recorded in the history the app keeps (see \`gate-glance history\`),
and the change against the point of 24 hours ago is shown: "change24h" in --json, a percent in
--short and waybar (whose class then lists "up" or "down"), a line in the table.

With more than one source (--sub-accounts, --all-profiles), the table has a row per source and
their combined total; --json adds "sources" and "combined" ("total" stays the chosen key's own);
--short and waybar show the combined figure, "≈" when it holds an estimate, "*" when a source is
missing, partial or stale. A key that cannot be read is its own source in error and the others
are still added up; --all-profiles then exits 6.

${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings': `Usage: gate-glance holdings [options]

Shows what one Gate.io account is made of: each coin's quantity, its USDT price (last spot
trade; through the BTC market when a coin has no USDT one) and its part of Gate's estimate
for the account.

Options:
  -a, --account NAME     spot (default), futures, finance or unified
  -c, --currency CUR     BTC, CNY, USD or USDT (default USDT) for the values
      --json             print exact JSON (quantities and prices are Gate's strings)
      --format FORMAT    table (default) or json
      --private          mask quantities, values and shares (table)
      --base-url URL     API base URL (default {baseUrl})
      --timeout MS       request timeout in milliseconds (default {timeoutMs})
      --demo             use the built-in demo portfolio; needs no API key
  -h, --help             show this help

The key needs read-only permissions beyond Wallet: {permissions}.
${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings.permission':
    '{account, select, spot {Spot} futures {Perpetual Futures} finance {Earn} unified {Unified Account} other {{account}}} for {account}',
  'cli.help.history': `Usage: gate-glance history [options]

Prints the net-worth history that the app and \`gate-glance balance\` record on this computer
(Gate's estimated totals, oldest first). Needs no API key.

Options:
  -c, --currency CUR     BTC, CNY, USD or USDT (default USDT)
      --range RANGE      {ranges} (default all)
      --base-url URL     whose history: the Gate endpoint it was read from (default {baseUrl})
      --json             print {jsonShape} with Gate's totals verbatim
      --csv              print CSV with the app's export header (timestamp,currency,total)
  -h, --help             show this help

Exit codes: 0 ok (also when there is no history yet), 2 usage, 1 the history could not be read.
`,
  'cli.help.login': `Usage: gate-glance login [options]

Stores your Gate.io API key and secret in the OS keychain (macOS Keychain, Windows Credential
Manager, or the Secret Service — gnome-keyring or KWallet — on Linux). Nothing is written to a
file. On a terminal you are asked for both, and the secret is not shown as you type or paste it.
From a pipe or a file, give two lines: the key, then the secret:

  printf '%s\\n%s\\n' "$KEY" "$SECRET" | gate-glance login
  gate-glance login < key-and-secret.txt

The key and the secret are never accepted as arguments: other users can read arguments in \`ps\`.

Options:
      --verify           make one signed test call before saving (default): a key that Gate
                         rejects, or that lacks wallet read permission, is not saved
      --no-verify        save without the test call
      --base-url URL     API base URL for the test call (default {baseUrl})
      --timeout MS       test call timeout in milliseconds (default {timeoutMs})
      --allow-write-key  save a key that can trade or withdraw (refused otherwise)
      --profile NAME     store the pair as profile NAME, its own keychain entry (default: default)
  -h, --help             show this help

Create a key at https://www.gate.io/myaccount/api_key_manage with "Wallet: read only".
Exit codes: 0 saved, 2 usage, 3 rejected key or keychain problem, 130 cancelled.
`,
  'cli.help.logout': `Usage: gate-glance logout [--forget-history [--base-url URL]]

Removes the API key and secret stored by \`gate-glance login\` (or the app) from the OS keychain.
Removing when nothing is stored is not an error. The net-worth history stays (a new key for the
same account continues it) unless you ask to forget it.

Options:
      --forget-history   also delete the history recorded on this computer
      --base-url URL     whose history to forget: the Gate endpoint it was read from (default {baseUrl})
  -h, --help             show this help

Exit codes: 0 removed (or nothing stored), 2 usage, 3 keychain problem, 1 the history could not be deleted.
`,
  'cli.help.status': `Usage: gate-glance status [--json] [--base-url URL] [--timeout MS]

Says whether an API key is stored in the OS keychain (showing only its last four characters,
never any of the secret) and whether the keychain can be used; then asks Gate what it says of
the key (GATE_API_KEY/GATE_API_SECRET when set, else the stored one): read-only or not, bound
to an IP address or not, when a key without an IP whitelist stops working (an estimate: about
90 days after it was created or last edited), and whether Gate locked it.

Options:
      --json             print {jsonShape} as JSON
      --base-url URL     API base URL (default {baseUrl})
      --timeout MS       request timeout in milliseconds (default {timeoutMs})
  -h, --help             show this help

Exit codes: 0 a key is stored, 3 no key stored or the keychain cannot be used, 2 usage.
`,

  // Usage errors: `error: <problem> (see \`gate-glance help <command>\`)`.
  'cli.usage.error': 'error: {message} (see `{help}`)',
  'cli.usage.unknown-option': 'unknown option {option}',
  'cli.usage.needs-value': '--{option} needs a value',
  'cli.usage.takes-no-value': '--{option} takes no value',
  'cli.usage.unknown-command': 'unknown command "{command}"',
  'cli.usage.unexpected-argument': 'unexpected argument "{argument}"',
  'cli.usage.no-arguments': '{command} takes no arguments',
  'cli.usage.unknown-locale': 'unknown language "{locale}"; use en, zh-CN or zh-TW',
  'cli.usage.profile-name': 'cannot use "{profile}" as a profile name: use letters, digits, _ and -, at most 32',
  'cli.usage.one-format':
    'choose one output format ({command, select, balance {--json, --short or --format} holdings {--json or --format} other {--json or --csv}})',
  'cli.usage.unknown-format':
    'unknown format "{format}"; use {command, select, balance {table, json, short or waybar} other {table or json}}',
  'cli.usage.unknown-currency': 'unknown currency "{currency}"; use {currencies}',
  'cli.usage.unknown-account': 'unknown account "{account}"; use {accounts}',
  'cli.usage.unknown-range': 'unknown range "{range}"; use {ranges}',
  'cli.usage.timeout': '--timeout must be a whole number of milliseconds between 1 and 600000',
  'cli.usage.demo-base-url': '--demo and --base-url cannot be combined',
  'cli.usage.base-url-shape': '--base-url must be an http(s) URL without query, fragment or credentials, e.g. https://api.gateio.ws/api/v4',
  'cli.usage.base-url-https':
    '--base-url must use https:// (plain http:// is allowed only to this computer: the key and signature would travel unencrypted)',
  'cli.usage.stdin-too-big': 'stdin has more than {kib} KiB; login expects two lines, the key and then the secret',
  'cli.usage.stdin-empty': 'nothing on stdin; login expects two lines, the key and then the secret',
  'cli.usage.stdin-lines': 'stdin has {count} non-empty lines; login expects two, the key and then the secret',
  'cli.usage.no-hidden-input': 'this terminal cannot hide input; pipe the key and the secret into login instead',
  'cli.usage.login-arguments':
    'login takes no arguments; the key and the secret are read from stdin (never from arguments, which other users can see in `ps`)',
  'cli.usage.empty-key': 'the API key is empty; paste the key at the "API key:" prompt, then the secret at the next one',
  'cli.usage.verify-both': 'choose --verify or --no-verify, not both',
  'cli.usage.logout-base-url': '--base-url only says whose history --forget-history deletes',

  // One error on stderr: `error: CODE: message — hint`.
  'cli.error': 'error: {code}: {statement}. — {hint}',
  'cli.warning': 'warning: {text}',

  // login, logout, status.
  'cli.login.prompt-key': 'API key: ',
  'cli.login.prompt-secret': 'API secret (not shown): ',
  'cli.login.cancelled': 'error: CANCELLED: login cancelled; nothing was stored.',
  // What to do about a key or secret that cannot be one, in a terminal's terms (the popover's hint speaks of fields).
  'cli.login.input-hint':
    "{reason, select, whitespace {Copy the key and the secret again from Gate's API management page (APIv4 keys) and run `gate-glance login` again; a key or secret never contains spaces.} other {Copy the key and the secret again from Gate's API management page (APIv4 keys) and run `gate-glance login` again: the key at the first prompt, the secret at the second.}}",
  'cli.login.checking': 'Checking the key with one signed call to Gate…',
  'cli.login.saved':
    'Saved API key {hint} in the OS keychain.{verified, select, yes { Gate accepted it, with wallet read permission.} other {}}',
  'cli.login.env-note': 'note: {keyVariable}/{secretVariable} are set in this shell; `balance` uses them before the stored key.',
  'cli.logout.removed': 'Removed API key {hint} from the OS keychain.',
  'cli.logout.nothing': 'No API key was stored; nothing to remove.',
  'cli.logout.forget-failed':
    'error: INTERNAL: could not delete the history ({code}) — Check that the data folder {dir} is writable, then run this again.',
  'cli.logout.forgot': 'Forgot the net-worth history recorded on this computer.',
  'cli.status.unknown': 'API key:   unknown (the keychain cannot be read)',
  'cli.status.keychain-error': 'Keychain:  {code}',
  'cli.status.stored': 'API key:   stored ({hint})',
  'cli.status.keychain-ok': 'Keychain:  OK',
  'cli.status.not-stored': 'API key:   not stored — run `gate-glance login`',
  'cli.status.env': 'Env:       {keyVariable} and {secretVariable} are set; `balance` uses them first',

  // A balance table cell: the amount alone (the header names the currency).
  'cli.table.cell': '{currency, select, other {{sign}{amount}}}',

  // The 24-hour change against the local history (balance).
  'cli.change.span': '{partial, select, yes {since {time}} other {24 h}}',
  'cli.change.row': 'Change ({span})',
  'cli.change.brief': '{size}{partial, select, yes { since {time}} other {}}',
  'cli.change.tooltip': 'Change ({span}): {money}{percent, select, none {} other { ({percent})}}',
  'cli.history.warning':
    '{what, select, data-dir {could not find the data folder for the history} record {could not record this balance in the history} other {could not read the history}} ({code}); the balance itself is not affected.',
  'cli.history.locked': 'locked by another Gate Glance',
  'cli.history.io-error': 'I/O error',
  // A data folder or file the file rules refuse (UnsafeFileError's code and params).
  'cli.file.problem':
    '{code, select, DIR_SHARED {the data folder {path} can be changed by other users ({who, select, owner {it belongs to another user} other {its mode is {mode}}}); Gate Glance keeps its files only in a folder of your own and does not change a folder it did not create: point GATE_GLANCE_DATA_DIR at a new folder of yours, or make this one yours alone (chmod go-w {path})} DIR_SYMLINK {the data folder {path} is a symbolic link; Gate Glance keeps its files only in a real folder: replace the link with a folder, or point GATE_GLANCE_DATA_DIR at one} FILE_SYMLINK {{path} is a symbolic link, which is never followed; remove it} NOT_A_FILE {{path} is not a regular file} NOT_A_DIR {{path} is not a folder} other {{path} is larger than it can be}}',
  'cli.history.refused': 'error: could not read the history: {problem}.',

  // Times in the reader's zone (human output; --json and --csv keep ISO-8601 UTC): the zone is said once per output.
  'cli.time.stamp': '{year}-{month}-{day} {time}',
  'cli.time.zoned': '{year}-{month}-{day} {time} {zone}',

  // history.
  'cli.history.read-failed': 'error: INTERNAL: could not read the history ({code}) — Check that the data folder {dir} is readable.',
  'cli.history.span':
    '{range, select, all {all time} 24h {the last 24 hours} 7d {the last 7 days} 30d {the last 30 days} other {the last {range}}}',
  'cli.history.empty':
    '{range, select, all {No {currency} history yet.} other {No {currency} history in {span} yet.}} The app and `gate-glance balance` record one point per successful refresh.',
  'cli.history.heading':
    'Gate.io net worth history (estimated), {currency}, {span}: {count, plural, one {# point} other {# points}}, oldest first',
  'cli.history.time': 'Time ({zone})',
  'cli.history.total': 'Total ({currency})',

  // holdings.
  'cli.holdings.heading': 'Gate.io {account} holdings{demo, select, yes { (demo portfolio, not your account)} other {}} — {at}',
  'cli.holdings.coin': 'Coin',
  'cli.holdings.quantity': 'Quantity',
  'cli.holdings.price': 'Price (USDT)',
  'cli.holdings.value': 'Value ({currency})',
  'cli.holdings.share': 'Share',
  'cli.holdings.pnl': 'Unrealised PnL',
  'cli.holdings.no-price': 'no price',
  'cli.holdings.classic': 'This account is not in unified mode (Gate says "classic"): see the spot, futures and finance accounts instead.',
  'cli.holdings.no-coins': 'Gate lists no coins in this account.',
  'cli.holdings.no-estimate': 'Gate gives no estimate for this account in total_balance; values are not shown.',
  'cli.holdings.estimate': "{account} (Gate's estimate): {money}",
  'cli.holdings.values-note': "Values are Gate's estimate for the account, shared out by each coin's USDT value at the last spot price.",
  'cli.holdings.negative-note': 'Coins below zero are listed but not counted in the shares.',

  // doctor.
  'cli.doctor.part.trayHost': 'Tray icon host',
  'cli.doctor.part.keychain': 'Keychain',
  'cli.doctor.part.dataDir': 'Data folder',
  'cli.doctor.part.gate': 'Gate',
  'cli.doctor.part.proxy': 'Proxy',
  // `doctor --profile NAME` and `doctor --all-profiles`: a key's own lines.
  'cli.doctor.part.keychain-of': 'Keychain ({profile})',
  'cli.doctor.part.gate-of': 'Gate ({profile})',
  'cli.doctor.status.present': 'present',
  'cli.doctor.status.absent': 'absent',
  'cli.doctor.status.not-applicable': 'not needed on this system',
  'cli.doctor.status.ok': 'OK',
  'cli.doctor.status.empty': 'no key stored',
  'cli.doctor.status.locked': 'locked',
  'cli.doctor.status.unavailable': 'unavailable',
  'cli.doctor.status.problem': 'problem',
  'cli.doctor.status.unreachable': 'unreachable',
  'cli.doctor.status.rejected': 'refuses the key',
  'cli.doctor.clock': 'clock difference {seconds} s',
  'cli.doctor.proxy.none': 'none (direct connection)',
  'cli.doctor.hint.tray-host-gnome':
    'Install and enable the GNOME extension "AppIndicator and KStatusNotifierItem Support", then start Gate Glance again.',
  'cli.doctor.hint.tray-host-kde': 'Add the "System Tray" widget to a panel, then start Gate Glance again.',
  'cli.doctor.hint.tray-host-other':
    "Run a StatusNotifier tray (waybar's tray module, or snixembed for an XEmbed tray), then start Gate Glance again.",
  'cli.doctor.hint.keychain-empty': 'Store a key with `gate-glance login`, or in the app.',
  'cli.doctor.hint.keychain-locked':
    'Unlock the keyring (log out and in, or open Passwords and Keys / Keychain Access), then run this again.',
  'cli.doctor.hint.keychain-unavailable':
    'Start a keyring (gnome-keyring or KWallet) in this session; `gate-glance status` names the cause.',
  'cli.doctor.hint.data-dir-symlink': 'The data folder is a symbolic link, which Gate Glance refuses: replace it with a real folder.',
  'cli.doctor.hint.data-dir-not-folder': 'Something other than a folder is at this path: move it away.',
  'cli.doctor.hint.data-dir-modes': 'Other users can open the data folder: run `chmod 700` on it.',
  'cli.doctor.hint.data-dir-unwritable': 'The data folder cannot be written: check its owner and permissions.',
  'cli.doctor.hint.gate-unreachable': 'Check the network connection, DNS and firewall; Gate must be reachable over HTTPS.',
  'cli.doctor.hint.gate-unreachable-proxy': 'Check that the proxy is running and allows HTTPS to Gate.',
  'cli.doctor.hint.gate-rejected':
    "Gate refuses the key: check it in Gate's API Management (deleted, expired, IP whitelist, wallet read permission).",
  'cli.doctor.hint.clock-skew': "Turn on automatic time in the system's date settings: Gate refuses requests more than 60 s off.",
  'cli.help.doctor': `Usage: gate-glance doctor [options]

Checks, in one place, what makes Gate Glance work on this computer, and names the remedy for
anything that does not: the tray icon host (Linux), the OS keychain, the data folder, Gate
(reachable, and this computer's clock against Gate's), and the proxy in use. Never prints a secret.

Options:
      --json             print one object: {jsonShape}
      --base-url URL     API base URL (default {baseUrl})
      --timeout MS       request timeout in milliseconds (default {timeoutMs})
      --profile NAME     check the key stored with \`login --profile NAME\` (--json adds "profile")
      --all-profiles     also check every key the app lists (Settings › Gate accounts): its
                         keychain entry and Gate's answer (--json adds "profiles")
      --locale LANG      en, zh-CN or zh-TW (default: from LC_ALL, LC_MESSAGES, LANG, LANGUAGE)
  -h, --help             show this help

Exit codes: 0 nothing to do, 5 something has a remedy (a hint), 2 usage.
`,
  // Key health (issue 24): `status` lines, `login --allow-write-key`.
  'cli.status.read-only': 'Read-only: {value}',
  'cli.status.ip-bound': 'IP-bound:  {value}',
  'cli.status.expiry': 'Expires:   {value}',
  'cli.status.key-state': 'State:     {value}',
  // Sources (issue 25): `balance --sub-accounts`.
  'cli.sources.source': 'Source',
  'cli.sources.notes': 'Notes',
  // Between a row's notes.
  'cli.sources.separator': ', ',
  'cli.sources.key': '{name} (key)',
  'cli.sources.sub-account': '{name} (sub-account {uid})',
  'cli.sources.sub-accounts-of': 'sub-accounts of {name}',
  'cli.sources.estimated': 'estimated',
  'cli.sources.partial': 'partial',
  'cli.sources.covers': '{products} only',
  'cli.sources.product': '{product, select, spot {spot} futures {futures} cross_margin {cross margin} margin {margin} other {{product}}}',
  'cli.sources.unpriced': 'not priced: {coins}',
  'cli.sources.stale': 'stale',
  'cli.sources.error': 'error {code}',
  'cli.sources.combined': 'Combined',
  'cli.sources.note':
    "Sub-accounts are estimated by Gate Glance from their balances at Gate's last prices: spot available and locked, futures equity (total + unrealised PnL), margin net of loans and interest. Earn, unified and other products Gate gives no sub-account balance for are not included.",
  'cli.sources.rate':
    "{rate, select, gate-totals {Sub-accounts are converted from USDT at the rate of Gate's own totals.} btc-ticker {Sub-accounts are converted from USDT at 1 / BTC_USDT last.} usd-par {Gate gave no rate: sub-accounts are converted at 1 USDT = 1 USD.} other {}}",
  'cli.sources.problem': '{name}: {message}',
  // `balance --all-profiles`, and the combined figure in --short and waybar.
  'cli.sources.short': '{estimated, select, yes {≈} other {}}{money}{incomplete, select, yes { *} other {}}',
  'cli.sources.tooltip-combined': 'Combined{marked, select, yes { ({marks})} other {}}: {money}',
  'cli.sources.tooltip-row': '{source}: {amount}{noted, select, yes { ({notes})} other {}}',
  'cli.sources.tooltip-legend': '≈ includes an estimate, * a source is missing, partial or stale',
  'cli.sources.prefs-unread':
    "the app's preferences (prefs.json) could not be read in full: keys it lists may be missing from --all-profiles",
} satisfies Readonly<Record<string, string>>;
