/**
 * The CLI's own words in Traditional Chinese (繁體中文, Taiwan usage): the same keys as
 * cli-catalogue-en.ts, each asking for the same values. Option names, commands and environment
 * variables stay as typed; the columns of option lists stay aligned for a terminal.
 */
import type { CliCatalogue } from './catalogue.js';

const CREDENTIALS_NOTE = `憑證：優先使用環境變數 GATE_API_KEY 和 GATE_API_SECRET，否則使用 \`gate-glance login\`
儲存在系統鑰匙圈中的金鑰。支援 HTTPS_PROXY、ALL_PROXY 和 NO_PROXY；僅允許連線本機的明文 http:// 從不經過代理。`;
const REMOTE_EXIT = '結束代碼：0 成功，2 用法錯誤，3 憑證或權限問題，4 網路、伺服器、時鐘、頻率限制或回應錯誤。';

export const cliZhTW: CliCatalogue = {
  // Help.
  'cli.help.main': `gate-glance {version} — 在終端機和狀態列中查看您的 Gate.io 餘額

用法：gate-glance <命令> [選項]

命令：
{commands}

執行 \`gate-glance help <命令>\`（或 \`<命令> --help\`）查看其選項。
無需 API 金鑰即可試用：gate-glance balance --demo
語言：--locale en、zh-CN 或 zh-TW（預設依 gettext 的方式讀取 LC_ALL、LC_MESSAGES、LANG 和 LANGUAGE）。
`,
  'cli.command.balance': '顯示總餘額及其在各帳戶的分佈（Gate 的估算）',
  'cli.command.holdings': '逐個幣種顯示一個帳戶的構成（現貨、永續合約、理財、統一帳戶）',
  'cli.command.history': '輸出本機記錄的淨資產歷史（無需金鑰）',
  'cli.command.login': '把您的 API Key 和 Secret 儲存到系統鑰匙圈（從標準輸入讀取）',
  'cli.command.logout': '從系統鑰匙圈中移除已儲存的 API 金鑰',
  'cli.command.status': '是否儲存了金鑰（只顯示最後 4 個字元），以及鑰匙圈能否使用',
  'cli.command.doctor': '檢查系統匣主機、鑰匙圈、資料夾、Gate、時鐘和代理伺服器，並給出解決方法',
  'cli.help.balance': `用法：gate-glance balance [選項]

顯示您的 Gate.io 總餘額（Gate 依其匯率換算的估算值），以及它在各帳戶中的分佈。

選項：
  -c, --currency CUR     BTC、CNY、USD 或 USDT（預設 USDT）
      --json             輸出精確的 JSON（金額為 Gate 原樣回傳的字串）
      --format FORMAT    table（預設）、json、short（適用於狀態列的一行：polybar、
                         tmux、conky、i3blocks）或 waybar（含 text、tooltip、class 的 JSON）
      --short            等同於 --format short
      --private          隱藏金額和佔比（table、short 和 waybar 格式）
      --full             顯示 Gate 回傳的全部位數，而不是 2 位（BTC 為 8 位）
      --base-url URL     API 基礎 URL（預設 {baseUrl}）
      --timeout MS       請求逾時，單位毫秒（預設 {timeoutMs}）
      --demo             使用內建的示範組合；無需 API 金鑰（不記錄任何內容）
      --no-history       不把這次的餘額記入本機歷史
      --sub-accounts     同時計入此金鑰的子帳戶（依其餘額估算）
      --all-profiles     合計所有金鑰：default 以及應用程式列出的每個金鑰（設定 › Gate 帳戶），
                         各自讀取自己的鑰匙圈項目；應用程式計入子帳戶的金鑰連同其子帳戶一起
                         計入，加上 --sub-accounts 則計入所有金鑰的子帳戶
      --profile NAME     使用以 \`login --profile NAME\` 儲存的金鑰（預設：default）
      --locale LANG      en、zh-CN 或 zh-TW（預設取自 LC_ALL、LC_MESSAGES、LANG、LANGUAGE）
  -h, --help             顯示此說明

每次成功取得的餘額都會記入應用程式保存的歷史（見 \`gate-glance history\`），並顯示與 24 小時
前那個點相比的變化：--json 中的 "change24h"，--short 和 waybar 中的百分比（waybar 的 class
會列出 "up" 或 "down"），表格中的一行。

有多個來源時（--sub-accounts、--all-profiles），表格每個來源一列並列出合計；--json 增加
"sources" 與 "combined"（"total" 仍是所選金鑰本身的數字）；--short 與 waybar 顯示合計，
含估算時標 "≈"，有來源缺漏、不完整或已過時時標 "*"。無法讀取的金鑰列為出錯的來源，
其餘來源照常合計；此時 --all-profiles 的結束代碼為 6。

${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings': `用法：gate-glance holdings [選項]

顯示一個 Gate.io 帳戶的構成：每個幣種的數量、USDT 價格（最近一筆現貨成交；沒有 USDT
交易對的幣種經由 BTC 市場換算），以及它在 Gate 對該帳戶估值中所佔的部分。

選項：
  -a, --account NAME     spot（預設）、futures、finance 或 unified
  -c, --currency CUR     估值所用的 BTC、CNY、USD 或 USDT（預設 USDT）
      --json             輸出精確的 JSON（數量和價格為 Gate 原樣回傳的字串）
      --format FORMAT    table（預設）或 json
      --private          隱藏數量、估值和佔比（table）
      --base-url URL     API 基礎 URL（預設 {baseUrl}）
      --timeout MS       請求逾時，單位毫秒（預設 {timeoutMs}）
      --demo             使用內建的示範組合；無需 API 金鑰
  -h, --help             顯示此說明

除錢包外：{permissions}。
${CREDENTIALS_NOTE}

${REMOTE_EXIT}
`,
  'cli.help.holdings.permission':
    '{account, select, spot {現貨帳戶需開啟「現貨」} futures {永續合約帳戶需開啟「永續合約」} finance {理財帳戶需開啟「理財」} unified {統一帳戶需開啟「統一帳戶」} other {{account} 需開啟}}唯讀權限',
  'cli.help.history': `用法：gate-glance history [選項]

輸出應用程式和 \`gate-glance balance\` 在本機記錄的淨資產歷史（Gate 估算的總額，從最早的開始）。
無需 API 金鑰。

選項：
  -c, --currency CUR     BTC、CNY、USD 或 USDT（預設 USDT）
      --range RANGE      {ranges}（預設 all）
      --base-url URL     誰的歷史：讀取它的 Gate 端點（預設 {baseUrl}）
      --json             輸出 {jsonShape}，總額為 Gate 原樣回傳的字串
      --csv              輸出 CSV，標頭與應用程式匯出的相同（timestamp,currency,total）
  -h, --help             顯示此說明

結束代碼：0 成功（還沒有歷史時也是），2 用法錯誤，1 無法讀取歷史。
`,
  'cli.help.login': `用法：gate-glance login [選項]

把您的 Gate.io API Key 和 Secret 儲存到系統鑰匙圈（macOS 鑰匙圈、Windows 認證管理員，
或 Linux 上的 Secret Service——gnome-keyring 或 KWallet）。不會寫入任何檔案。在終端機中會
分別詢問兩者，輸入或貼上 Secret 時不會顯示。透過管道或檔案提供時，請給出兩行：先是 Key，
然後是 Secret：

  printf '%s\\n%s\\n' "$KEY" "$SECRET" | gate-glance login
  gate-glance login < key-and-secret.txt

Key 和 Secret 絕不接受作為引數傳入：其他使用者能在 \`ps\` 中看到引數。

選項：
      --verify           儲存前先進行一次簽名測試呼叫（預設）：Gate 拒絕的金鑰，
                         或缺少錢包讀取權限的金鑰，不會被儲存
      --no-verify        不進行測試呼叫直接儲存
      --base-url URL     測試呼叫的 API 基礎 URL（預設 {baseUrl}）
      --timeout MS       測試呼叫逾時，單位毫秒（預設 {timeoutMs}）
      --allow-write-key  儲存可以交易或提領的金鑰（否則拒絕儲存）
      --profile NAME     以設定檔 NAME 儲存這組金鑰，作為獨立的鑰匙圈項目（預設：default）
  -h, --help             顯示此說明

請在 https://www.gate.io/myaccount/api_key_manage 建立金鑰，權限選「錢包：唯讀」。
結束代碼：0 已儲存，2 用法錯誤，3 金鑰被拒絕或鑰匙圈出錯，130 已取消。
`,
  'cli.help.logout': `用法：gate-glance logout [--forget-history [--base-url URL]]

從系統鑰匙圈中移除 \`gate-glance login\`（或應用程式）儲存的 API Key 和 Secret。沒有儲存任何
金鑰時移除不算錯誤。淨資產歷史會保留（同一帳戶的新金鑰會接著記錄），除非您要求清除。

選項：
      --forget-history   同時刪除本機記錄的歷史
      --base-url URL     要清除誰的歷史：讀取它的 Gate 端點（預設 {baseUrl}）
  -h, --help             顯示此說明

結束代碼：0 已移除（或本來就沒有儲存），2 用法錯誤，3 鑰匙圈出錯，1 無法刪除歷史。
`,
  'cli.help.status': `用法：gate-glance status [--json] [--base-url URL] [--timeout MS]

說明系統鑰匙圈中是否儲存了 API 金鑰（只顯示其最後四個字元，絕不顯示 Secret 的任何部分），
以及鑰匙圈能否使用；然後向 Gate 查詢此金鑰（設定了 GATE_API_KEY/GATE_API_SECRET 時用它們，
否則用已儲存的金鑰）：是否唯讀、是否綁定 IP 位址、未綁定 IP 白名單的金鑰何時失效（估算：
建立或上次修改後約 90 天），以及 Gate 是否鎖定了它。

選項：
      --json             以 JSON 輸出 {jsonShape}
      --base-url URL     API 基礎位址（預設 {baseUrl}）
      --timeout MS       請求逾時，單位毫秒（預設 {timeoutMs}）
  -h, --help             顯示此說明

結束代碼：0 已儲存金鑰，3 未儲存金鑰或鑰匙圈無法使用，2 用法錯誤。
`,

  // Usage errors.
  'cli.usage.error': '錯誤：{message}（參見 `{help}`）',
  'cli.usage.unknown-option': '未知選項 {option}',
  'cli.usage.needs-value': '--{option} 需要一個值',
  'cli.usage.takes-no-value': '--{option} 不接受值',
  'cli.usage.unknown-command': '未知命令「{command}」',
  'cli.usage.unexpected-argument': '多餘的引數「{argument}」',
  'cli.usage.no-arguments': '{command} 不接受引數',
  'cli.usage.unknown-locale': '未知語言「{locale}」；請使用 en、zh-CN 或 zh-TW',
  'cli.usage.profile-name': '不能用「{profile}」作為設定檔名稱：請使用字母、數字、_ 與 -，最多 32 個字元',
  'cli.usage.one-format':
    '請只選擇一種輸出格式（{command, select, balance {--json、--short 或 --format} holdings {--json 或 --format} other {--json 或 --csv}}）',
  'cli.usage.unknown-format':
    '未知格式「{format}」；請使用 {command, select, balance {table、json、short 或 waybar} other {table 或 json}}',
  'cli.usage.unknown-currency': '未知幣別「{currency}」；請使用 {currencies}',
  'cli.usage.unknown-account': '未知帳戶「{account}」；請使用 {accounts}',
  'cli.usage.unknown-range': '未知範圍「{range}」；請使用 {ranges}',
  'cli.usage.timeout': '--timeout 必須是 1 到 600000 之間的整數毫秒數',
  'cli.usage.demo-base-url': '--demo 和 --base-url 不能同時使用',
  'cli.usage.base-url-shape': '--base-url 必須是不含查詢、片段或憑證的 http(s) URL，例如 https://api.gateio.ws/api/v4',
  'cli.usage.base-url-https': '--base-url 必須使用 https://（只有連到本機時才允許明文 http://：否則金鑰和簽名會以未加密的方式傳輸）',
  'cli.usage.stdin-too-big': '標準輸入超過 {kib} KiB；login 需要兩行：先是 Key，然後是 Secret',
  'cli.usage.stdin-empty': '標準輸入為空；login 需要兩行：先是 Key，然後是 Secret',
  'cli.usage.stdin-lines': '標準輸入有 {count} 個非空行；login 需要兩行：先是 Key，然後是 Secret',
  'cli.usage.no-hidden-input': '此終端機無法隱藏輸入；請改為把 Key 和 Secret 透過管道傳給 login',
  'cli.usage.login-arguments': 'login 不接受引數；Key 和 Secret 從標準輸入讀取（絕不從引數讀取，因為其他使用者能在 `ps` 中看到引數）',
  'cli.usage.empty-key': 'API Key 為空；請在「API Key：」提示處貼上 Key，再在下一個提示處貼上 Secret',
  'cli.usage.verify-both': '請選擇 --verify 或 --no-verify，不要同時使用',
  'cli.usage.logout-base-url': '--base-url 只用於指明 --forget-history 刪除誰的歷史',

  'cli.error': '錯誤：{code}：{statement}。{hint}',
  'cli.warning': '警告：{text}',

  // login, logout, status.
  'cli.login.prompt-key': 'API Key：',
  'cli.login.prompt-secret': 'Secret（不顯示）：',
  'cli.login.cancelled': '錯誤：CANCELLED：登入已取消；沒有儲存任何內容。',
  'cli.login.input-hint':
    '{reason, select, whitespace {請從 Gate 的 API 管理頁面（APIv4 金鑰）重新複製 Key 和 Secret，然後重新執行 `gate-glance login`；Key 和 Secret 中不會有空格。} other {請從 Gate 的 API 管理頁面（APIv4 金鑰）重新複製 Key 和 Secret，然後重新執行 `gate-glance login`：在第一個提示處貼上 Key，在第二個提示處貼上 Secret。}}',
  'cli.login.checking': '正在用一次簽名呼叫向 Gate 檢查金鑰…',
  'cli.login.saved': '已把 API 金鑰 {hint} 儲存到系統鑰匙圈。{verified, select, yes {Gate 已接受它，並具有錢包讀取權限。} other {}}',
  'cli.login.env-note': '注意：此 shell 中設定了 {keyVariable}/{secretVariable}；`balance` 會優先使用它們，而不是已儲存的金鑰。',
  'cli.logout.removed': '已從系統鑰匙圈中移除 API 金鑰 {hint}。',
  'cli.logout.nothing': '沒有儲存 API 金鑰；無需移除。',
  'cli.logout.forget-failed': '錯誤：INTERNAL：無法刪除歷史（{code}）。請檢查資料夾 {dir} 是否可寫入，然後重新執行。',
  'cli.logout.forgot': '已清除本機記錄的淨資產歷史。',
  'cli.status.unknown': 'API 金鑰：未知（無法讀取鑰匙圈）',
  'cli.status.keychain-error': '鑰匙圈：  {code}',
  'cli.status.stored': 'API 金鑰：已儲存（{hint}）',
  'cli.status.keychain-ok': '鑰匙圈：  正常',
  'cli.status.not-stored': 'API 金鑰：未儲存，請執行 `gate-glance login`',
  'cli.status.env': '環境變數：已設定 {keyVariable} 和 {secretVariable}；`balance` 會優先使用它們',

  // Taiwan writes CNY by its code, as the shared catalogue does.
  'cli.table.cell': '{currency, select, other {{sign}{amount}}}',

  // The 24-hour change.
  'cli.change.span': '{partial, select, yes {自 {time} 起} other {24 小時}}',
  'cli.change.row': '漲跌（{span}）',
  'cli.change.brief': '{size}{partial, select, yes {（自 {time} 起）} other {}}',
  'cli.change.tooltip': '漲跌（{span}）：{money}{percent, select, none {} other {（{percent}）}}',
  'cli.history.warning':
    '{what, select, data-dir {找不到歷史所在的資料夾} record {無法把這次的餘額記入歷史} other {無法讀取歷史}}（{code}）；餘額本身不受影響。',
  'cli.history.locked': '被另一個 Gate Glance 鎖定',
  'cli.history.io-error': 'I/O 錯誤',
  'cli.file.problem':
    '{code, select, DIR_SHARED {其他使用者可以變更資料夾 {path}（{who, select, owner {它屬於另一個使用者} other {其權限為 {mode}}}）；Gate Glance 只把檔案儲存在你自己的資料夾中，也不會變更不是它建立的資料夾：請把 GATE_GLANCE_DATA_DIR 指向你自己的新資料夾，或讓這個資料夾只屬於你（chmod go-w {path}）} DIR_SYMLINK {資料夾 {path} 是一個符號連結；Gate Glance 只把檔案儲存在真實的資料夾中：請用資料夾取代該連結，或把 GATE_GLANCE_DATA_DIR 指向一個資料夾} FILE_SYMLINK {{path} 是一個符號連結，不會被跟隨；請刪除它} NOT_A_FILE {{path} 不是一般檔案} NOT_A_DIR {{path} 不是資料夾} other {{path} 超出了允許的大小}}',
  'cli.history.refused': '錯誤：無法讀取歷史：{problem}。',

  'cli.time.stamp': '{year}年{month}月{day}日 {time}',
  'cli.time.zoned': '{year}年{month}月{day}日 {time}（{zone}）',
  // history.
  'cli.history.read-failed': '錯誤：INTERNAL：無法讀取歷史（{code}）。請檢查資料夾 {dir} 是否可讀取。',
  'cli.history.span': '{range, select, all {全部} 24h {最近 24 小時} 7d {最近 7 天} 30d {最近 30 天} other {最近 {range}}}',
  'cli.history.empty':
    '{range, select, all {還沒有 {currency} 的歷史紀錄。} other {{span}內還沒有 {currency} 的歷史紀錄。}}應用程式和 `gate-glance balance` 每次成功重新整理都會記錄一個點。',
  'cli.history.heading': 'Gate.io 淨資產歷史（估算，{currency}，{span}）：共 {count} 筆，按時間先後排列',
  'cli.history.time': '時間（{zone}）',
  'cli.history.total': '總額（{currency}）',

  // holdings.
  'cli.holdings.heading': 'Gate.io {account}持倉{demo, select, yes {（示範組合，並非您的帳戶）} other {}}，截至 {at}',
  'cli.holdings.coin': '幣種',
  'cli.holdings.quantity': '數量',
  'cli.holdings.price': '價格（USDT）',
  'cli.holdings.value': '估值（{currency}）',
  'cli.holdings.share': '佔比',
  'cli.holdings.pnl': '未實現損益',
  'cli.holdings.no-price': '無價格',
  'cli.holdings.classic': '此帳戶不是統一帳戶模式（Gate 回傳 "classic"）：請改看現貨、永續合約和理財帳戶。',
  'cli.holdings.no-coins': 'Gate 沒有列出此帳戶中的任何幣種。',
  'cli.holdings.no-estimate': 'Gate 的 total_balance 沒有給出此帳戶的估值；不顯示估值。',
  'cli.holdings.estimate': '{account}（Gate 的估算）：{money}',
  'cli.holdings.values-note': '估值為 Gate 對該帳戶的估算，依每個幣種以最新現貨價格計算的 USDT 價值分攤。',
  'cli.holdings.negative-note': '低於零的幣種會列出，但不計入佔比。',

  // doctor.
  'cli.doctor.part.trayHost': '系統匣圖示主機',
  'cli.doctor.part.keychain': '鑰匙圈',
  'cli.doctor.part.dataDir': '資料夾',
  'cli.doctor.part.gate': 'Gate 伺服器',
  'cli.doctor.part.proxy': '代理伺服器',
  // `doctor --profile NAME` 與 `doctor --all-profiles`：每個金鑰各自的列。
  'cli.doctor.part.keychain-of': '鑰匙圈（{profile}）',
  'cli.doctor.part.gate-of': 'Gate 伺服器（{profile}）',
  'cli.doctor.status.present': '存在',
  'cli.doctor.status.absent': '不存在',
  'cli.doctor.status.not-applicable': '此系統不需要',
  'cli.doctor.status.ok': '正常',
  'cli.doctor.status.empty': '未儲存金鑰',
  'cli.doctor.status.locked': '已鎖定',
  'cli.doctor.status.unavailable': '無法使用',
  'cli.doctor.status.problem': '有問題',
  'cli.doctor.status.unreachable': '無法連線',
  'cli.doctor.status.rejected': '拒絕了金鑰',
  'cli.doctor.clock': '時鐘相差 {seconds} 秒',
  'cli.doctor.proxy.none': '無（直接連線）',
  'cli.doctor.hint.tray-host-gnome':
    '安裝並啟用 GNOME 擴充功能「AppIndicator and KStatusNotifierItem Support」，然後重新啟動 Gate Glance。',
  'cli.doctor.hint.tray-host-kde': '在面板上加入「系統匣」小工具，然後重新啟動 Gate Glance。',
  'cli.doctor.hint.tray-host-other':
    '執行一個 StatusNotifier 系統匣（waybar 的 tray 模組，或為 XEmbed 系統匣執行 snixembed），然後重新啟動 Gate Glance。',
  'cli.doctor.hint.keychain-empty': '用 `gate-glance login` 或在應用程式中儲存金鑰。',
  'cli.doctor.hint.keychain-locked': '解鎖金鑰圈（登出後重新登入，或開啟「密碼和金鑰」／「鑰匙圈存取」），然後再執行一次。',
  'cli.doctor.hint.keychain-unavailable': '在此工作階段中啟動金鑰圈（gnome-keyring 或 KWallet）；`gate-glance status` 會說明原因。',
  'cli.doctor.hint.data-dir-symlink': '資料夾是符號連結，Gate Glance 拒絕使用：請換成真正的資料夾。',
  'cli.doctor.hint.data-dir-not-folder': '此路徑上不是資料夾：請將其移走。',
  'cli.doctor.hint.data-dir-modes': '其他使用者可以開啟資料夾：請對它執行 `chmod 700`。',
  'cli.doctor.hint.data-dir-unwritable': '無法寫入資料夾：請檢查它的擁有者和權限。',
  'cli.doctor.hint.gate-unreachable': '請檢查網路連線、DNS 和防火牆；必須能透過 HTTPS 連到 Gate。',
  'cli.doctor.hint.gate-unreachable-proxy': '請檢查代理伺服器是否在執行，並允許透過 HTTPS 連到 Gate。',
  'cli.doctor.hint.gate-rejected': 'Gate 拒絕了此金鑰：請在 Gate 的 API 管理中檢查（已刪除、已過期、IP 白名單、錢包讀取權限）。',
  'cli.doctor.hint.clock-skew': '請在系統日期設定中開啟自動設定時間：Gate 會拒絕相差超過 60 秒的請求。',
  'cli.help.doctor': `用法：gate-glance doctor [選項]

集中檢查 Gate Glance 在這台電腦上執行所需的一切，並為有問題的項目給出解決方法：系統匣圖示主機（Linux）、
系統鑰匙圈、資料夾、Gate（能否連線，以及本機時鐘與 Gate 時鐘的差異）和正在使用的代理伺服器。絕不印出任何密鑰。

選項：
      --json             印出一個物件：{jsonShape}
      --base-url URL     API 基礎網址（預設 {baseUrl}）
      --timeout MS       請求逾時，單位毫秒（預設 {timeoutMs}）
      --profile NAME     檢查以 \`login --profile NAME\` 儲存的金鑰（--json 增加 "profile"）
      --all-profiles     同時檢查應用程式列出的每個金鑰（設定 › Gate 帳戶）：其鑰匙圈項目與
                         Gate 的回應（--json 增加 "profiles"）
      --locale LANG      en、zh-CN 或 zh-TW（預設取自 LC_ALL、LC_MESSAGES、LANG、LANGUAGE）
  -h, --help             顯示此說明

結束代碼：0 一切正常，5 有需要處理的項目（附提示），2 用法錯誤。
`,
  // Key health (issue 24): `status` lines, `login --allow-write-key`.
  'cli.status.read-only': '唯讀：    {value}',
  'cli.status.ip-bound': '綁定 IP： {value}',
  'cli.status.expiry': '失效：    {value}',
  'cli.status.key-state': '狀態：    {value}',
  // 來源（issue 25）：`balance --sub-accounts`。
  'cli.sources.source': '來源',
  'cli.sources.notes': '說明',
  // Between a row's notes.
  'cli.sources.separator': '；',
  'cli.sources.key': '{name}（金鑰）',
  'cli.sources.sub-account': '{name}（子帳戶 {uid}）',
  'cli.sources.sub-accounts-of': '{name} 的子帳戶',
  'cli.sources.estimated': '估算',
  'cli.sources.partial': '不完整',
  'cli.sources.covers': '僅{products}',
  'cli.sources.product': '{product, select, spot {現貨} futures {合約} cross_margin {全倉槓桿} margin {逐倉槓桿} other {{product}}}',
  'cli.sources.unpriced': '無價格：{coins}',
  'cli.sources.stale': '已過時',
  'cli.sources.error': '錯誤 {code}',
  'cli.sources.combined': '合計',
  'cli.sources.note':
    '子帳戶由 Gate Glance 依 Gate 最新成交價根據其餘額估算：現貨可用與凍結、合約權益（總額 + 未實現損益）、槓桿扣除借款與利息。Gate 不提供子帳戶餘額的理財、統一帳戶等產品不計入。',
  'cli.sources.rate':
    '{rate, select, gate-totals {子帳戶依 Gate 自身總額的匯率從 USDT 換算。} btc-ticker {子帳戶依 1 / BTC_USDT 最新價從 USDT 換算。} usd-par {Gate 未提供匯率：子帳戶依 1 USDT = 1 USD 換算。} other {}}',
  'cli.sources.problem': '{name}：{message}',
  // `balance --all-profiles`，以及 --short 與 waybar 中的合計。
  'cli.sources.short': '{estimated, select, yes {≈} other {}}{money}{incomplete, select, yes { *} other {}}',
  'cli.sources.tooltip-combined': '合計{marked, select, yes {（{marks}）} other {}}：{money}',
  'cli.sources.tooltip-row': '{source}：{amount}{noted, select, yes {（{notes}）} other {}}',
  'cli.sources.tooltip-legend': '≈ 含估算；* 有來源缺漏、不完整或已過時',
  'cli.sources.prefs-unread': '無法完整讀取應用程式的偏好設定（prefs.json）：--all-profiles 可能缺少其中列出的金鑰',
};
