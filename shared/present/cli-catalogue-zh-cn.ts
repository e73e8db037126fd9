/**
 * The CLI's own words in Simplified Chinese (简体中文): the same keys as cli-catalogue-en.ts,
 * each asking for the same values. Option names, commands and environment variables stay as
 * typed; the columns of option lists stay aligned for a terminal.
 */
import type { CliCatalogue } from './catalogue.js';

const CREDENTIALS_NOTE = `凭据：优先使用环境变量 GATE_API_KEY 和 GATE_API_SECRET，否则使用 \`gate-glance login\`
保存在系统钥匙串中的密钥。支持 HTTPS_PROXY、ALL_PROXY 和 NO_PROXY；仅允许连接本机的明文 http:// 从不经过代理。`;
const REMOTE_EXIT = '退出码：0 成功，2 用法错误，3 凭据或权限问题，4 网络、服务器、时钟、频率限制或响应错误。';

export const cliZhCN: CliCatalogue = {
  // Help.
  'cli.help.main': `gate-glance {version} — 在终端和状态栏中查看您的 Gate.io 余额

用法：gate-glance <命令> [选项]

命令：
{commands}

运行 \`gate-glance help <命令>\`（或 \`<命令> --help\`）查看其选项。
无需 API 密钥即可试用：gate-glance balance --demo
语言：--locale en、zh-CN 或 zh-TW（默认按 gettext 的方式读取 LC_ALL、LC_MESSAGES、LANG 和 LANGUAGE）。
`,
  'cli.command.balance': '显示总余额及其在各账户的分布（Gate 的估算）',
  'cli.command.holdings': '逐个币种显示一个账户的构成（现货、永续合约、理财、统一账户）',
  'cli.command.history': '输出本机记录的净资产历史（无需密钥）',
  'cli.command.login': '把您的 API Key 和 Secret 保存到系统钥匙串（从标准输入读取）',
  'cli.command.logout': '从系统钥匙串中移除已保存的 API 密钥',
  'cli.command.status': '是否保存了密钥（只显示最后 4 个字符），以及钥匙串能否使用',
  'cli.command.doctor': '检查托盘宿主、钥匙串、数据文件夹、Gate、时钟和代理，并给出解决办法',
  'cli.help.balance': `用法：gate-glance balance [选项]

显示您的 Gate.io 总余额（Gate 按其汇率换算的估算值），以及它在各账户中的分布。

选项：
  -c, --currency CUR     BTC、CNY、USD 或 USDT（默认 USDT）
      --json             输出精确的 JSON（金额为 Gate 原样返回的字符串）
      --format FORMAT    table（默认）、json、short（适用于状态栏的一行：polybar、
                         tmux、conky、i3blocks）或 waybar（含 text、tooltip、class 的 JSON）
      --short            等同于 --format short
      --private          隐藏金额和占比（table、short 和 waybar 格式）
      --full             显示 Gate 返回的全部位数，而不是 2 位（BTC 为 8 位）
      --base-url URL     API 基础 URL（默认 {baseUrl}）
      --timeout MS       请求超时，单位毫秒（默认 {timeoutMs}）
      --demo             使用内置的演示组合；无需 API 密钥（不记录任何内容）
      --no-history       不把这次的余额记入本地历史
      --sub-accounts     同时计入此密钥的子账户（根据其余额估算）
      --all-profiles     合计所有密钥：default 以及应用列出的每个密钥（设置 › Gate 账户），
                         各自读取自己的钥匙串条目；应用计入子账户的密钥连同其子账户一起计入，
                         加上 --sub-accounts 则计入所有密钥的子账户
      --profile NAME     使用以 \`login --profile NAME\` 保存的密钥（默认：default）
      --locale LANG      en、zh-CN 或 zh-TW（默认取自 LC_ALL、LC_MESSAGES、LANG、LANGUAGE）
  -h, --help             显示此帮助

每次成功获取的余额都会记入应用保存的历史（见 \`gate-glance history\`），并显示与 24 小时前
那个点相比的变化：--json 中的 "change24h"，--short 和 waybar 中的百分比（waybar 的 class
会列出 "up" 或 "down"），表格中的一行。

有多个来源时（--sub-accounts、--all-profiles），表格每个来源一行并给出合计；--json 增加
"sources" 和 "combined"（"total" 仍是所选密钥自身的数字）；--short 和 waybar 显示合计，
含估算时标 "≈"，有来源缺失、不完整或已过时时标 "*"。无法读取的密钥作为出错的来源列出，
其余来源照常合计；此时 --all-profiles 的退出码为 6。

${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings': `用法：gate-glance holdings [选项]

显示一个 Gate.io 账户的构成：每个币种的数量、USDT 价格（最近一笔现货成交；没有 USDT
交易对的币种经由 BTC 市场换算），以及它在 Gate 对该账户估值中所占的部分。

选项：
  -a, --account NAME     spot（默认）、futures、finance 或 unified
  -c, --currency CUR     估值所用的 BTC、CNY、USD 或 USDT（默认 USDT）
      --json             输出精确的 JSON（数量和价格为 Gate 原样返回的字符串）
      --format FORMAT    table（默认）或 json
      --private          隐藏数量、估值和占比（table）
      --base-url URL     API 基础 URL（默认 {baseUrl}）
      --timeout MS       请求超时，单位毫秒（默认 {timeoutMs}）
      --demo             使用内置的演示组合；无需 API 密钥
  -h, --help             显示此帮助

除钱包外：{permissions}。
${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings.permission':
    '{account, select, spot {现货账户需开启“现货”} futures {永续合约账户需开启“永续合约”} finance {理财账户需开启“理财”} unified {统一账户需开启“统一账户”} other {{account} 需开启}}只读权限',
  'cli.help.history': `用法：gate-glance history [选项]

输出应用和 \`gate-glance balance\` 在本机记录的净资产历史（Gate 估算的总额，从最早的开始）。
无需 API 密钥。

选项：
  -c, --currency CUR     BTC、CNY、USD 或 USDT（默认 USDT）
      --range RANGE      {ranges}（默认 all）
      --base-url URL     谁的历史：读取它的 Gate 端点（默认 {baseUrl}）
      --json             输出 {jsonShape}，总额为 Gate 原样返回的字符串
      --csv              输出 CSV，表头与应用导出的相同（timestamp,currency,total）
  -h, --help             显示此帮助

退出码：0 成功（还没有历史时也是），2 用法错误，1 无法读取历史。
`,
  'cli.help.login': `用法：gate-glance login [选项]

把您的 Gate.io API Key 和 Secret 保存到系统钥匙串（macOS 钥匙串、Windows 凭据管理器，
或 Linux 上的 Secret Service——gnome-keyring 或 KWallet）。不会写入任何文件。在终端中会
分别询问两者，输入或粘贴 Secret 时不会显示。通过管道或文件提供时，请给出两行：先是 Key，
然后是 Secret：

  printf '%s\\n%s\\n' "$KEY" "$SECRET" | gate-glance login
  gate-glance login < key-and-secret.txt

Key 和 Secret 绝不接受作为参数传入：其他用户能在 \`ps\` 中看到参数。

选项：
      --verify           保存前先进行一次签名测试调用（默认）：Gate 拒绝的密钥，
                         或缺少钱包读取权限的密钥，不会被保存
      --no-verify        不进行测试调用直接保存
      --base-url URL     测试调用的 API 基础 URL（默认 {baseUrl}）
      --timeout MS       测试调用超时，单位毫秒（默认 {timeoutMs}）
      --allow-write-key  保存可以交易或提现的密钥（否则拒绝保存）
      --profile NAME     以配置 NAME 保存这对密钥，作为独立的钥匙串条目（默认：default）
  -h, --help             显示此帮助

请在 https://www.gate.io/myaccount/api_key_manage 创建密钥，权限选“钱包：只读”。
退出码：0 已保存，2 用法错误，3 密钥被拒绝或钥匙串出错，130 已取消。
`,
  'cli.help.logout': `用法：gate-glance logout [--forget-history [--base-url URL]]

从系统钥匙串中移除 \`gate-glance login\`（或应用）保存的 API Key 和 Secret。没有保存任何
密钥时移除不算错误。净资产历史会保留（同一账户的新密钥会接着记录），除非您要求清除。

选项：
      --forget-history   同时删除本机记录的历史
      --base-url URL     要清除谁的历史：读取它的 Gate 端点（默认 {baseUrl}）
  -h, --help             显示此帮助

退出码：0 已移除（或本来就没有保存），2 用法错误，3 钥匙串出错，1 无法删除历史。
`,
  'cli.help.status': `用法：gate-glance status [--json] [--base-url URL] [--timeout MS]

说明系统钥匙串中是否保存了 API 密钥（只显示其最后四个字符，绝不显示 Secret 的任何部分），
以及钥匙串能否使用；然后向 Gate 查询此密钥（设置了 GATE_API_KEY/GATE_API_SECRET 时用它们，
否则用已保存的密钥）：是否只读、是否绑定 IP 地址、未绑定 IP 白名单的密钥何时失效（估算：
创建或上次修改后约 90 天），以及 Gate 是否锁定了它。

选项：
      --json             以 JSON 输出 {jsonShape}
      --base-url URL     API 基础地址（默认 {baseUrl}）
      --timeout MS       请求超时，单位毫秒（默认 {timeoutMs}）
  -h, --help             显示此帮助

退出码：0 已保存密钥，3 未保存密钥或钥匙串无法使用，2 用法错误。
`,

  // Usage errors.
  'cli.usage.error': '错误：{message}（参见 `{help}`）',
  'cli.usage.unknown-option': '未知选项 {option}',
  'cli.usage.needs-value': '--{option} 需要一个值',
  'cli.usage.takes-no-value': '--{option} 不接受值',
  'cli.usage.unknown-command': '未知命令“{command}”',
  'cli.usage.unexpected-argument': '多余的参数“{argument}”',
  'cli.usage.no-arguments': '{command} 不接受参数',
  'cli.usage.unknown-locale': '未知语言“{locale}”；请使用 en、zh-CN 或 zh-TW',
  'cli.usage.profile-name': '不能用“{profile}”作为配置名：请使用字母、数字、_ 和 -，最多 32 个字符',
  'cli.usage.one-format':
    '请只选择一种输出格式（{command, select, balance {--json、--short 或 --format} holdings {--json 或 --format} other {--json 或 --csv}}）',
  'cli.usage.unknown-format': '未知格式“{format}”；请使用 {command, select, balance {table、json、short 或 waybar} other {table 或 json}}',
  'cli.usage.unknown-currency': '未知币种“{currency}”；请使用 {currencies}',
  'cli.usage.unknown-account': '未知账户“{account}”；请使用 {accounts}',
  'cli.usage.unknown-range': '未知范围“{range}”；请使用 {ranges}',
  'cli.usage.timeout': '--timeout 必须是 1 到 600000 之间的整数毫秒数',
  'cli.usage.demo-base-url': '--demo 和 --base-url 不能同时使用',
  'cli.usage.base-url-shape': '--base-url 必须是不含查询、片段或凭据的 http(s) URL，例如 https://api.gateio.ws/api/v4',
  'cli.usage.base-url-https': '--base-url 必须使用 https://（只有连到本机时才允许明文 http://：否则密钥和签名会以未加密的方式传输）',
  'cli.usage.stdin-too-big': '标准输入超过 {kib} KiB；login 需要两行：先是 Key，然后是 Secret',
  'cli.usage.stdin-empty': '标准输入为空；login 需要两行：先是 Key，然后是 Secret',
  'cli.usage.stdin-lines': '标准输入有 {count} 个非空行；login 需要两行：先是 Key，然后是 Secret',
  'cli.usage.no-hidden-input': '此终端无法隐藏输入；请改为把 Key 和 Secret 通过管道传给 login',
  'cli.usage.login-arguments': 'login 不接受参数；Key 和 Secret 从标准输入读取（绝不从参数读取，因为其他用户能在 `ps` 中看到参数）',
  'cli.usage.empty-key': 'API Key 为空；请在“API Key：”提示处粘贴 Key，再在下一个提示处粘贴 Secret',
  'cli.usage.verify-both': '请选择 --verify 或 --no-verify，不要同时使用',
  'cli.usage.logout-base-url': '--base-url 只用于指明 --forget-history 删除谁的历史',

  'cli.error': '错误：{code}：{statement}。{hint}',
  'cli.warning': '警告：{text}',

  // login, logout, status.
  'cli.login.prompt-key': 'API Key：',
  'cli.login.prompt-secret': 'Secret（不显示）：',
  'cli.login.cancelled': '错误：CANCELLED：登录已取消；没有保存任何内容。',
  'cli.login.input-hint':
    '{reason, select, whitespace {请从 Gate 的 API 管理页面（APIv4 密钥）重新复制 Key 和 Secret，然后重新运行 `gate-glance login`；Key 和 Secret 中不会有空格。} other {请从 Gate 的 API 管理页面（APIv4 密钥）重新复制 Key 和 Secret，然后重新运行 `gate-glance login`：在第一个提示处粘贴 Key，在第二个提示处粘贴 Secret。}}',
  'cli.login.checking': '正在用一次签名调用向 Gate 检查密钥…',
  'cli.login.saved': '已把 API 密钥 {hint} 保存到系统钥匙串。{verified, select, yes {Gate 已接受它，并具有钱包读取权限。} other {}}',
  'cli.login.env-note': '注意：此 shell 中设置了 {keyVariable}/{secretVariable}；`balance` 会优先使用它们，而不是已保存的密钥。',
  'cli.logout.removed': '已从系统钥匙串中移除 API 密钥 {hint}。',
  'cli.logout.nothing': '没有保存 API 密钥；无需移除。',
  'cli.logout.forget-failed': '错误：INTERNAL：无法删除历史（{code}）。请检查数据文件夹 {dir} 是否可写，然后重新运行。',
  'cli.logout.forgot': '已清除本机记录的净资产历史。',
  'cli.status.unknown': 'API 密钥：未知（无法读取钥匙串）',
  'cli.status.keychain-error': '钥匙串：  {code}',
  'cli.status.stored': 'API 密钥：已保存（{hint}）',
  'cli.status.keychain-ok': '钥匙串：  正常',
  'cli.status.not-stored': 'API 密钥：未保存，请运行 `gate-glance login`',
  'cli.status.env': '环境变量：已设置 {keyVariable} 和 {secretVariable}；`balance` 会优先使用它们',

  // CNY reads ¥ in Simplified Chinese.
  'cli.table.cell': '{currency, select, CNY {{sign}¥{amount}} other {{sign}{amount}}}',

  // The 24-hour change.
  'cli.change.span': '{partial, select, yes {自 {time} 起} other {24 小时}}',
  'cli.change.row': '涨跌（{span}）',
  'cli.change.brief': '{size}{partial, select, yes {（自 {time} 起）} other {}}',
  'cli.change.tooltip': '涨跌（{span}）：{money}{percent, select, none {} other {（{percent}）}}',
  'cli.history.warning':
    '{what, select, data-dir {找不到历史所在的数据文件夹} record {无法把这次的余额记入历史} other {无法读取历史}}（{code}）；余额本身不受影响。',
  'cli.history.locked': '被另一个 Gate Glance 锁定',
  'cli.history.io-error': 'I/O 错误',
  'cli.file.problem':
    '{code, select, DIR_SHARED {其他用户可以更改数据文件夹 {path}（{who, select, owner {它属于另一个用户} other {其权限为 {mode}}}）；Gate Glance 只把文件保存在你自己的文件夹中，也不会更改不是它创建的文件夹：请把 GATE_GLANCE_DATA_DIR 指向你自己的新文件夹，或让这个文件夹只属于你（chmod go-w {path}）} DIR_SYMLINK {数据文件夹 {path} 是一个符号链接；Gate Glance 只把文件保存在真实的文件夹中：请用文件夹替换该链接，或把 GATE_GLANCE_DATA_DIR 指向一个文件夹} FILE_SYMLINK {{path} 是一个符号链接，不会被跟随；请删除它} NOT_A_FILE {{path} 不是普通文件} NOT_A_DIR {{path} 不是文件夹} other {{path} 超出了允许的大小}}',
  'cli.history.refused': '错误：无法读取历史：{problem}。',

  'cli.time.stamp': '{year}年{month}月{day}日 {time}',
  'cli.time.zoned': '{year}年{month}月{day}日 {time}（{zone}）',
  // history.
  'cli.history.read-failed': '错误：INTERNAL：无法读取历史（{code}）。请检查数据文件夹 {dir} 是否可读。',
  'cli.history.span': '{range, select, all {全部} 24h {最近 24 小时} 7d {最近 7 天} 30d {最近 30 天} other {最近 {range}}}',
  'cli.history.empty':
    '{range, select, all {还没有 {currency} 的历史记录。} other {{span}内还没有 {currency} 的历史记录。}}应用和 `gate-glance balance` 每次成功刷新都会记录一个点。',
  'cli.history.heading': 'Gate.io 净资产历史（估算，{currency}，{span}）：共 {count} 条，按时间先后排列',
  'cli.history.time': '时间（{zone}）',
  'cli.history.total': '总额（{currency}）',

  // holdings.
  'cli.holdings.heading': 'Gate.io {account}持仓{demo, select, yes {（演示组合，并非您的账户）} other {}}，截至 {at}',
  'cli.holdings.coin': '币种',
  'cli.holdings.quantity': '数量',
  'cli.holdings.price': '价格（USDT）',
  'cli.holdings.value': '估值（{currency}）',
  'cli.holdings.share': '占比',
  'cli.holdings.pnl': '未实现盈亏',
  'cli.holdings.no-price': '无价格',
  'cli.holdings.classic': '此账户不是统一账户模式（Gate 返回 "classic"）：请改看现货、永续合约和理财账户。',
  'cli.holdings.no-coins': 'Gate 没有列出此账户中的任何币种。',
  'cli.holdings.no-estimate': 'Gate 的 total_balance 没有给出此账户的估值；不显示估值。',
  'cli.holdings.estimate': '{account}（Gate 的估算）：{money}',
  'cli.holdings.values-note': '估值为 Gate 对该账户的估算，按每个币种以最新现货价格计算的 USDT 价值分摊。',
  'cli.holdings.negative-note': '低于零的币种会列出，但不计入占比。',

  // doctor.
  'cli.doctor.part.trayHost': '托盘图标宿主',
  'cli.doctor.part.keychain': '钥匙串',
  'cli.doctor.part.dataDir': '数据文件夹',
  'cli.doctor.part.gate': 'Gate 服务器',
  'cli.doctor.part.proxy': '代理',
  // `doctor --profile NAME` 和 `doctor --all-profiles`：每个密钥各自的行。
  'cli.doctor.part.keychain-of': '钥匙串（{profile}）',
  'cli.doctor.part.gate-of': 'Gate 服务器（{profile}）',
  'cli.doctor.status.present': '存在',
  'cli.doctor.status.absent': '不存在',
  'cli.doctor.status.not-applicable': '此系统不需要',
  'cli.doctor.status.ok': '正常',
  'cli.doctor.status.empty': '未保存密钥',
  'cli.doctor.status.locked': '已锁定',
  'cli.doctor.status.unavailable': '不可用',
  'cli.doctor.status.problem': '有问题',
  'cli.doctor.status.unreachable': '无法连接',
  'cli.doctor.status.rejected': '拒绝了密钥',
  'cli.doctor.clock': '时钟相差 {seconds} 秒',
  'cli.doctor.proxy.none': '无（直接连接）',
  'cli.doctor.hint.tray-host-gnome': '安装并启用 GNOME 扩展“AppIndicator and KStatusNotifierItem Support”，然后重新启动 Gate Glance。',
  'cli.doctor.hint.tray-host-kde': '在面板上添加“系统托盘”小部件，然后重新启动 Gate Glance。',
  'cli.doctor.hint.tray-host-other':
    '运行一个 StatusNotifier 托盘（waybar 的 tray 模块，或为 XEmbed 托盘运行 snixembed），然后重新启动 Gate Glance。',
  'cli.doctor.hint.keychain-empty': '用 `gate-glance login` 或在应用中保存密钥。',
  'cli.doctor.hint.keychain-locked': '解锁密钥环（注销后重新登录，或打开“密码和密钥”/“钥匙串访问”），然后再运行一次。',
  'cli.doctor.hint.keychain-unavailable': '在此会话中启动密钥环（gnome-keyring 或 KWallet）；`gate-glance status` 会说明原因。',
  'cli.doctor.hint.data-dir-symlink': '数据文件夹是符号链接，Gate Glance 拒绝使用：请换成真正的文件夹。',
  'cli.doctor.hint.data-dir-not-folder': '此路径上不是文件夹：请将其移走。',
  'cli.doctor.hint.data-dir-modes': '其他用户可以打开数据文件夹：请对它运行 `chmod 700`。',
  'cli.doctor.hint.data-dir-unwritable': '无法写入数据文件夹：请检查它的所有者和权限。',
  'cli.doctor.hint.gate-unreachable': '请检查网络连接、DNS 和防火墙；必须能通过 HTTPS 访问 Gate。',
  'cli.doctor.hint.gate-unreachable-proxy': '请检查代理是否在运行，并允许通过 HTTPS 访问 Gate。',
  'cli.doctor.hint.gate-rejected': 'Gate 拒绝了此密钥：请在 Gate 的 API 管理中检查（已删除、已过期、IP 白名单、钱包读取权限）。',
  'cli.doctor.hint.clock-skew': '请在系统日期设置中开启自动设置时间：Gate 会拒绝相差超过 60 秒的请求。',
  'cli.help.doctor': `用法：gate-glance doctor [选项]

集中检查 Gate Glance 在这台电脑上运行所需的一切，并为有问题的项给出解决办法：托盘图标宿主（Linux）、
系统钥匙串、数据文件夹、Gate（能否连接，以及本机时钟与 Gate 时钟的差异）和正在使用的代理。从不打印任何密钥。

选项：
      --json             打印一个对象：{jsonShape}
      --base-url URL     API 基础地址（默认 {baseUrl}）
      --timeout MS       请求超时，单位毫秒（默认 {timeoutMs}）
      --profile NAME     检查以 \`login --profile NAME\` 保存的密钥（--json 增加 "profile"）
      --all-profiles     同时检查应用列出的每个密钥（设置 › Gate 账户）：其钥匙串条目和 Gate
                         的应答（--json 增加 "profiles"）
      --locale LANG      en、zh-CN 或 zh-TW（默认取自 LC_ALL、LC_MESSAGES、LANG、LANGUAGE）
  -h, --help             显示此帮助

退出代码：0 一切正常，5 有需要处理的项（附提示），2 用法错误。
`,
  // Key health (issue 24): `status` lines, `login --allow-write-key`.
  'cli.status.read-only': '只读：    {value}',
  'cli.status.ip-bound': '绑定 IP： {value}',
  'cli.status.expiry': '失效：    {value}',
  'cli.status.key-state': '状态：    {value}',
  // 来源（issue 25）：`balance --sub-accounts`。
  'cli.sources.source': '来源',
  'cli.sources.notes': '说明',
  // Between a row's notes.
  'cli.sources.separator': '；',
  'cli.sources.key': '{name}（密钥）',
  'cli.sources.sub-account': '{name}（子账户 {uid}）',
  'cli.sources.sub-accounts-of': '{name} 的子账户',
  'cli.sources.estimated': '估算',
  'cli.sources.partial': '不完整',
  'cli.sources.covers': '仅{products}',
  'cli.sources.product': '{product, select, spot {现货} futures {合约} cross_margin {全仓杠杆} margin {逐仓杠杆} other {{product}}}',
  'cli.sources.unpriced': '无价格：{coins}',
  'cli.sources.stale': '已过时',
  'cli.sources.error': '错误 {code}',
  'cli.sources.combined': '合计',
  'cli.sources.note':
    '子账户由 Gate Glance 按 Gate 最新成交价根据其余额估算：现货可用与冻结、合约权益（总额 + 未实现盈亏）、杠杆扣除借款和利息。Gate 不提供子账户余额的理财、统一账户等产品不计入。',
  'cli.sources.rate':
    '{rate, select, gate-totals {子账户按 Gate 自身总额的汇率从 USDT 换算。} btc-ticker {子账户按 1 / BTC_USDT 最新价从 USDT 换算。} usd-par {Gate 未提供汇率：子账户按 1 USDT = 1 USD 换算。} other {}}',
  'cli.sources.problem': '{name}：{message}',
  // `balance --all-profiles`，以及 --short 和 waybar 中的合计。
  'cli.sources.short': '{estimated, select, yes {≈} other {}}{money}{incomplete, select, yes { *} other {}}',
  'cli.sources.tooltip-combined': '合计{marked, select, yes {（{marks}）} other {}}：{money}',
  'cli.sources.tooltip-row': '{source}：{amount}{noted, select, yes {（{notes}）} other {}}',
  'cli.sources.tooltip-legend': '≈ 含估算；* 有来源缺失、不完整或已过时',
  'cli.sources.prefs-unread': '无法完整读取应用的偏好设置（prefs.json）：--all-profiles 可能缺少其中列出的密钥',
};
