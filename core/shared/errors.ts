// Every error that can reach a user: a stable code, and its message in both UI languages.
// The renderer shows `message[locale]`; `details` carries machine-readable context (file, line, field).

import type { LocalizedText } from './localized-text.ts';

const catalogue = {
  'db.newer_version': {
    'zh-CN': '数据库 {file} 由更新版本的 Credence 创建（架构版本 {found}，本程序支持到 {supported}）。为保护数据，未作任何修改。请升级 Credence 后再打开。',
    en: 'Database {file} was created by a newer Credence (schema version {found}; this build supports up to {supported}). It was left untouched. Upgrade Credence to open it.',
  },
  'db.corrupt': {
    'zh-CN': '数据库 {file} 完整性检查失败：{reason}。未写入任何数据。请从备份恢复。',
    en: 'Database {file} failed its integrity check: {reason}. Nothing was written. Restore it from a backup.',
  },
  'db.not_found': {
    'zh-CN': '找不到数据库文件 {file}。',
    en: 'Database file {file} does not exist.',
  },
  'db.migration_mismatch': {
    'zh-CN': '数据库 {file} 的迁移记录 {version} 与本程序不一致（记录为 {found}，应为 {expected}）。未作任何修改。',
    en: 'Database {file} records migration {version} as {found}, but this build has {expected}. It was left untouched.',
  },
  'profile.not_found': {
    'zh-CN': '找不到档案 {id}。',
    en: 'Profile {id} does not exist.',
  },
  'profile.duplicate_name': {
    'zh-CN': '已存在名为「{name}」的档案。',
    en: 'A profile named "{name}" already exists.',
  },
  'profile.invalid_name': {
    'zh-CN': '档案名称须为 1 到 80 个字符。',
    en: 'A profile name must be 1 to 80 characters long.',
  },
  'profile.invalid_client': {
    'zh-CN': '客户信息有误：{fieldsZh}。未作任何修改。',
    en: 'Invalid client details: {fieldsEn}. Nothing was changed.',
  },
  'ipc.unknown_channel': {
    'zh-CN': '未知的请求通道 {channel}。',
    en: 'Unknown request channel {channel}.',
  },
  'ipc.forbidden_sender': {
    'zh-CN': '拒绝来自非本应用页面的请求。',
    en: 'Request refused: it did not come from the app’s own page.',
  },
  'ipc.invalid_request': {
    'zh-CN': '请求内容无效：{summary}',
    en: 'Invalid request: {summary}',
  },
  'ipc.invalid_response': {
    'zh-CN': '内部错误：响应不符合约定（{channel}）。',
    en: 'Internal error: the response did not match the contract ({channel}).',
  },
  internal: {
    'zh-CN': '内部错误，操作未完成，数据未被修改。',
    en: 'Internal error: the operation did not complete and no data was changed.',
  },
  'review.not_found': {
    'zh-CN': '找不到待确认的交易 {id}（可能已处理）。',
    en: 'Transaction {id} is not waiting for review (it may have been resolved already).',
  },
  'review.group_not_found': {
    'zh-CN': '没有待确认的「{key}」一组记录（可能已处理）。',
    en: 'No events wait for review under "{key}" (they may have been resolved already).',
  },
  'review.decision_not_found': {
    'zh-CN': '找不到可撤销的确认 {id}（可能已撤销）。',
    en: 'Review decision {id} cannot be undone (it may have been undone already).',
  },
  'cli.usage': {
    'zh-CN': '命令用法错误：{reason}。运行 credence --help 查看帮助。',
    en: 'Usage error: {reason}. Run credence --help for help.',
  },
  'import.file_unreadable': {
    'zh-CN': '无法读取文件 {file}：{reason}。数据库未作任何修改。',
    en: 'Could not read {file}: {reason}. The database was not changed.',
  },
  'import.upload_too_large': {
    'zh-CN': '{file} 有 {size}，超过可上传的上限 {limit}，未导入。账单文件通常远小于此，请确认选择的是账单。',
    en: '{file} is {size}, over the upload limit of {limit}, and was not imported. Bill files are far smaller; check that this is a bill.',
  },
  'import.upload_out_of_order': {
    'zh-CN': '上传 {file} 时收到的分块顺序有误（应从第 {expected} 字节续传，收到的是第 {offset} 字节）。请重新导入该文件。',
    en: 'A part of {file} arrived out of order while uploading (expected byte {expected}, got byte {offset}). Import the file again.',
  },
  'import.upload_unknown': {
    'zh-CN': '找不到这次上传（可能已取消、已导入或服务器已重启）。请重新选择文件导入。',
    en: 'This upload no longer exists (it was cancelled or imported, or the server restarted). Choose the file again to import it.',
  },
  'import.dialog_unavailable': {
    'zh-CN': '此窗口无法打开系统的文件选择框，请将文件拖入或使用页面上的文件选择。',
    en: 'This window cannot open the system file dialog; drop the files in or use the page\'s file picker.',
  },
  'import.empty_file': {
    'zh-CN': '文件 {file} 是空的，不是账单。',
    en: '{file} is empty; it is not a bill.',
  },
  'import.not_a_bill': {
    'zh-CN': '{file} 不是可识别的账单：读到第 {line} 行仍未找到表头（应为 {expected}）。数据库未作任何修改。',
    en: '{file} is not a recognised bill: no header row found by line {line} (expected {expected}). The database was not changed.',
  },
  'import.missing_columns': {
    'zh-CN': '{file} 第 {line} 行的{platformZh}账单表头缺少列：{missing}。文件可能被编辑过，请导入原始导出文件。',
    en: 'The {platformEn} header on line {line} of {file} lacks the columns {missing}. The file may have been edited; import the original export.',
  },
  'import.alipay_cashbook': {
    'zh-CN': '{file} 是支付宝「记账本」导出（第 {line} 行），不是交易账单，缺少交易号和交易状态，无法导入。请在支付宝 App「我的 → 账单 → 开具交易流水证明 → 用于个人对账」导出账单。',
    en: '{file} is an Alipay bookkeeping (记账本) export (line {line}), not a bill: it has no transaction ids or statuses. Export the bill from the Alipay app: Me → Bills → 开具交易流水证明 → 用于个人对账.',
  },
  'import.pdf_statement': {
    'zh-CN': '{file} 是 PDF 文件（如微信支付「交易明细证明」），无法导入。请导出「用于个人对账」的 CSV/XLSX 账单。',
    en: '{file} is a PDF (such as the WeChat Pay 交易明细证明 certificate) and cannot be imported. Export the bill "for personal reconciliation" (用于个人对账) as CSV/XLSX instead.',
  },
  'import.encoding_invalid': {
    'zh-CN': '{file} 第 {line} 行的文字编码无效（文件开头为 UTF-8，此处不是）。文件可能已损坏。数据库未作任何修改。',
    en: 'Line {line} of {file} is not valid UTF-8 although the file starts as UTF-8; the file may be damaged. The database was not changed.',
  },
  'import.line_too_long': {
    'zh-CN': '{file} 第 {line} 行超过 {limit} 个字符，不是账单的一行。文件可能已损坏或不是账单。数据库未作任何修改。',
    en: 'Line {line} of {file} is longer than {limit} characters, which no bill row is. The file may be damaged or not a bill. The database was not changed.',
  },
  'import.truncated': {
    'zh-CN': '{file} 在第 {line} 行意外结束：该行只有 {found} 列，表头有 {expected} 列。文件可能不完整，请重新导出或重新解压。数据库未作任何修改。',
    en: '{file} ends unexpectedly on line {line}: the row has {found} fields where the header has {expected}. The file may be incomplete; export or unzip it again. The database was not changed.',
  },
  'import.unterminated_quote': {
    'zh-CN': '{file} 第 {line} 行的引号一直没有闭合，文件在此处意外结束。文件可能不完整或已损坏。数据库未作任何修改。',
    en: 'A quoted field opened on line {line} of {file} is never closed before the file ends. The file may be incomplete or damaged. The database was not changed.',
  },
  'import.zip_password_required': {
    'zh-CN': '压缩包 {file} 已加密，请输入解压密码（支付宝在 App 内显示，微信支付通过「微信支付」公众号发送）。',
    en: 'The archive {file} is encrypted. Enter its password (Alipay shows it in the app; WeChat Pay sends it via the 微信支付 official account).',
  },
  'import.zip_password_wrong': {
    'zh-CN': '压缩包 {file} 的密码不正确。数据库未作任何修改。',
    en: 'The password for the archive {file} is wrong. The database was not changed.',
  },
  'import.archive_corrupt': {
    'zh-CN': '文件 {file} 已损坏，无法打开：{reason}。数据库未作任何修改。',
    en: '{file} is damaged and cannot be opened: {reason}. The database was not changed.',
  },
  'import.archive_empty': {
    'zh-CN': '压缩包 {file} 中没有可导入的账单文件。',
    en: 'The archive {file} contains no bill file to import.',
  },
  'import.xls_encrypted': {
    'zh-CN': '表格 {file} 设置了打开密码，请在 Excel/WPS 中取消密码并另存后再导入。',
    en: 'The spreadsheet {file} is password-protected. Remove the password in Excel/WPS, save it, and import it again.',
  },
  'import.cancelled': {
    'zh-CN': '已取消导入 {file}，数据库未作任何修改。',
    en: 'Import of {file} was cancelled. The database was not changed.',
  },
  'import.busy': {
    'zh-CN': '数据库正在执行另一项写入，无法同时导入 {file}。请稍后重试。',
    en: 'The database is in the middle of another write; {file} cannot be imported at the same time. Try again shortly.',
  },
  'import.warn.excel_resaved': {
    'zh-CN': '第 {line} 行看起来经 Excel/WPS 重新保存过（{evidence}）。已尽量导入，但秒数等信息可能已丢失；请尽量导入原始导出文件。',
    en: 'Line {line} looks re-saved by Excel/WPS ({evidence}). It was imported, but details such as seconds may have been lost; prefer the original export.',
  },
  'import.warn.thousands_separator': {
    'zh-CN': '第 {line} 行的金额「{value}」带有千位分隔符，原始导出不会这样写，文件可能经 Excel 保存过。已按 {fen} 分导入。',
    en: 'The amount "{value}" on line {line} has thousands separators, which the original export never writes; the file may have been saved by Excel. Imported as {fen} fen.',
  },
  'import.warn.merged_cells': {
    'zh-CN': '第 {line} 行比表头多 {extra} 列（「{column}」中含未加引号的逗号），已合并为一列。',
    en: 'Line {line} has {extra} more fields than the header (an unquoted comma in "{column}"); they were merged back into one field.',
  },
  'import.warn.unknown_type': {
    'zh-CN': '第 {line} 行的交易类型「{type}」未知，已按「其他」导入。',
    en: 'Line {line} has an unknown transaction type "{type}"; it was imported as "other".',
  },
  'import.warn.repeated_order_id': {
    'zh-CN': '第 {line} 行的订单号 {orderId} 在本文件中已出现过且内容不同，两行都已保留。',
    en: 'The order id {orderId} on line {line} already appeared earlier in this file with different content; both rows were kept.',
  },
  'import.warn.duplicate_row': {
    'zh-CN': '第 {line} 行与本文件中前面一行（订单号 {orderId}）完全相同，只导入一次。',
    en: 'Line {line} repeats an earlier row of this file (order id {orderId}) exactly; it was imported once.',
  },
  'import.warn.same_file': {
    'zh-CN': '{file} 与 {importedAt} 导入的文件（批次 {batchId}）内容完全相同，没有新增任何记录；以下为当时的导入结果。',
    en: '{file} is byte for byte the file imported at {importedAt} (batch {batchId}): nothing new was added. The figures below are from that import.',
  },
  'import.warn.rows_after_end': {
    'zh-CN': '第 {line} 行在账单明细结束标记之后，看起来像交易记录，但未导入。请检查文件是否被编辑过。',
    en: 'Line {line} comes after the end of the bill table and looks like a transaction, but it was not imported. Check whether the file was edited.',
  },
  'import.warn.extra_sheets_ignored': {
    'zh-CN': '表格中还有其他工作表（{sheets}），只导入了账单工作表「{sheet}」。',
    en: 'The workbook has other sheets ({sheets}); only the bill sheet "{sheet}" was imported.',
  },
  'import.warn.summary_unparsed': {
    'zh-CN': '第 {line} 行的汇总「{text}」无法解读，对账时未使用。',
    en: 'The summary "{text}" on line {line} could not be read and was not used for reconciliation.',
  },
  'import.warn.card_type_unknown': {
    'zh-CN': '这是 2023 年前的支付宝账单格式，银行卡不注明信用卡或储蓄卡，无法识别信用卡消费。',
    en: 'This is the pre-2023 Alipay layout: bank cards are not marked as credit or debit, so credit-card purchases cannot be recognised.',
  },
  'import.warn.no_payment_method': {
    'zh-CN': '支付宝网页版账单没有支付方式列，无法识别花呗和信用卡消费。',
    en: 'The Alipay web export has no payment-method column, so Huabei and credit-card purchases cannot be recognised.',
  },
  'import.warn.entry_skipped': {
    'zh-CN': '压缩包中的「{entry}」不是账单，已跳过。',
    en: '"{entry}" in the archive is not a bill and was skipped.',
  },
  'import.reject.bad_time': {
    'zh-CN': '第 {line} 行的交易时间「{value}」无法识别。',
    en: 'Line {line}: the time "{value}" is not a valid date and time.',
  },
  'import.reject.bad_amount': {
    'zh-CN': '第 {line} 行的金额「{value}」无法识别。',
    en: 'Line {line}: the amount "{value}" is not a valid amount.',
  },
  'import.reject.bad_direction': {
    'zh-CN': '第 {line} 行的收/支「{value}」无法识别（应为 {expected}）。',
    en: 'Line {line}: the income/expense value "{value}" is not one of {expected}.',
  },
  'import.reject.missing_order_id': {
    'zh-CN': '第 {line} 行缺少交易订单号。',
    en: 'Line {line} has no transaction id.',
  },
  'import.reject.field_count': {
    'zh-CN': '第 {line} 行只有 {found} 列，表头有 {expected} 列。',
    en: 'Line {line} has {found} fields where the header has {expected}.',
  },
  'import.reject.id_mangled': {
    'zh-CN': '第 {line} 行的交易号「{value}」已被 Excel 改写为科学计数法，原号码已丢失，无法去重。请导入原始导出文件。',
    en: 'Line {line}: the transaction id "{value}" was rewritten in scientific notation by Excel; the real id is lost, so the row cannot be deduplicated. Import the original export.',
  },
  'import.reject.currency': {
    'zh-CN': '第 {line} 行的记账币种为「{currency}」，目前只导入人民币交易。',
    en: 'Line {line} is booked in "{currency}"; only transactions in RMB are imported for now.',
  },
  // ---- credit ledger (core/ledger) ----
  'ledger.invalid_input': {
    'zh-CN': '输入有误：{fieldsZh}',
    en: 'Invalid input: {fieldsEn}',
  },
  'ledger.account_not_found': {
    'zh-CN': '找不到账户 {id}（可能已被删除）。',
    en: 'Account {id} does not exist (it may have been deleted).',
  },
  'ledger.account_exists': {
    'zh-CN': '已有账户「{name}」对应同一产品或同一张卡（账户 {id}），请直接编辑该账户。',
    en: 'Account "{name}" (account {id}) is already this product or card; edit that account instead.',
  },
  'ledger.parent_not_line': {
    'zh-CN': '借款只能挂在借呗、微粒贷这类借款额度账户下（账户 {id} 不是）。',
    en: 'A draw belongs under a loan line such as Jiebei or Weilidai (account {id} is not one).',
  },
  'ledger.transaction_not_found': {
    'zh-CN': '找不到交易 {id}，或它不是信用交易。',
    en: 'Transaction {id} does not exist or is not a credit event.',
  },
  'ledger.installment_not_found': {
    'zh-CN': '找不到分期 {id}。',
    en: 'Instalment plan {id} does not exist.',
  },
  'ledger.query_not_found': {
    'zh-CN': '找不到查询记录 {id}。',
    en: 'Query record {id} does not exist.',
  },
  'ledger.observation_not_found': {
    'zh-CN': '找不到评分记录 {id}。',
    en: 'Score observation {id} does not exist.',
  },
  'ledger.busy': {
    'zh-CN': '这个档案正在导入账单，导入完成后再修改。未作任何修改。',
    en: 'Bills are being imported into this profile; edit once the import has finished. Nothing was changed.',
  },
  // ---- scores (core/score) ----
  'score.invalid_profile': {
    'zh-CN': '个人资料有误：{fieldsZh}',
    en: 'Invalid profile details: {fieldsEn}',
  },
  'score.as_of_out_of_range': {
    'zh-CN': '评分日期 {asOf} 晚于账本计算到的日期 {loaded}，请以不晚于 {loaded} 的日期重新计算。',
    en: 'The score date {asOf} is after the day the ledger was computed for ({loaded}); score on {loaded} or earlier.',
  },
  // ---- end scores ----
  // ---- what-if and plans (core/whatif) ----
  'whatif.invalid_scenario': {
    'zh-CN': '假设方案「{name}」有误：{problemsZh}。未作任何修改。',
    en: 'Scenario "{name}" is not valid: {problemsEn}. Nothing was changed.',
  },
  'whatif.invalid_file': {
    'zh-CN': '无法读取方案文件 {file}：{reason}。',
    en: 'Scenario file {file} cannot be read: {reason}.',
  },
  'whatif.too_many_scenarios': {
    'zh-CN': '最多同时比较 {max} 个方案（另加基准），现有 {found} 个。',
    en: 'At most {max} scenarios are compared at once (beside the baseline); {found} were given.',
  },
  'whatif.scenario_not_found': {
    'zh-CN': '找不到假设方案 {id}（可能已被删除）。',
    en: 'Scenario {id} does not exist (it may have been deleted).',
  },
  'whatif.duplicate_name': {
    'zh-CN': '已有名为「{name}」的假设方案，请换一个名称。未作任何修改。',
    en: 'A scenario named "{name}" already exists; choose another name. Nothing was changed.',
  },
  'whatif.invalid_goal': {
    'zh-CN': '目标「{goal}」无法识别：应为 bureau:600、sesame:700、bureau:a（评分档位）或 lender:pass。',
    en: 'Goal "{goal}" is not understood: use bureau:600, sesame:700, bureau:a (a band) or lender:pass.',
  },
  'whatif.target_date': {
    'zh-CN': '目标日期 {by} 须在 {asOf} 之后、{last} 之前（最多 {max} 个月）。',
    en: 'The target date {by} must be after {asOf} and no later than {last} ({max} months at most).',
  },
  'whatif.busy': {
    'zh-CN': '这个档案正在导入账单，导入完成后再保存方案。未作任何修改。',
    en: 'Bills are being imported into this profile; save the scenario once the import has finished. Nothing was changed.',
  },
  'plan.none': {
    'zh-CN': '这个档案还没有客户的计划：先在「假设分析」中保存一个方案，再选「应用到计划」。',
    en: 'This profile has no client plan yet: save a scenario on the What-if page, then choose "Apply to the plan".',
  },
  'plan.consent_required': {
    'zh-CN': '计划书要在一项涵盖「客户的计划」的授权下才能导出：先在「授权与导出」中取得客户的授权，再选这项授权打印。',
    en: 'The printed plan leaves the profile only under a consent that covers "The client\'s plan": get the client\'s consent on the Consent page, then print under it.',
  },
  'plan.renderer_missing': {
    'zh-CN': '找不到已构建的界面 {dir}：请先运行 npm run build，再打印计划。',
    en: 'The built interface {dir} is missing: run npm run build first, then print the plan.',
  },
  'plan.browser_missing': {
    'zh-CN': '找不到用于打印 PDF 的 Chromium：请安装（Debian/Ubuntu：apt-get install -y chromium），或用 CREDENCE_CHROMIUM 指向它。',
    en: 'No Chromium to print the PDF with: install one (Debian/Ubuntu: apt-get install -y chromium), or point CREDENCE_CHROMIUM at it.',
  },
  'plan.print_failed': {
    'zh-CN': '计划没有打印成功：{reason}。没有写入任何文件。',
    en: 'The plan could not be printed: {reason}. No file was written.',
  },
  // ---- end what-if ----
  // ---- simulated credit report (core/bureau) ----
  'bureau.invalid_settings': {
    'zh-CN': '规则设置有误：{fieldsZh}。未作任何修改。',
    en: 'Invalid rule settings: {fieldsEn}. Nothing was changed.',
  },
  'bureau.unknown_rule': {
    'zh-CN': '没有名为 {ruleId} 的放贷规则。',
    en: 'There is no lender rule named {ruleId}.',
  },
  'bureau.invalid_hard_reasons': {
    'zh-CN': '硬查询的查询原因设置有误：{fieldsZh}。未作任何修改。',
    en: 'Invalid hard-query reasons: {fieldsEn}. Nothing was changed.',
  },
  // ---- end simulated credit report ----
  // ---- consent and export (core/consent) ----
  'consent.invalid_terms': {
    'zh-CN': '授权内容有误：{fieldsZh}。未作任何修改。',
    en: 'The consent’s terms are not valid: {fieldsEn}. Nothing was changed.',
  },
  'consent.not_found': {
    'zh-CN': '找不到授权 {id}。',
    en: 'Consent {id} does not exist.',
  },
  'consent.notice_changed': {
    'zh-CN': '你阅读的告知书与这些授权内容不一致（内容已更改）。请重新阅读告知书后再同意。未作任何修改。',
    en: 'The notice you read is not the notice for these terms (they changed). Read the notice again before agreeing. Nothing was changed.',
  },
  'consent.evidence_incomplete': {
    'zh-CN': '尚未完成单独同意：{missingZh}。未作任何授权。',
    en: 'Separate consent is not complete: {missingEn}. Nothing was granted.',
  },
  'consent.not_amendable': {
    'zh-CN': '授权 {id} 当前为「{state}」，不能修改；请新建授权。',
    en: 'Consent {id} is {state} and cannot be amended; grant a new one instead.',
  },
  'consent.not_withdrawable': {
    'zh-CN': '授权 {id} 当前为「{state}」（{at}），已不能再用于导出，无需撤回。',
    en: 'Consent {id} is {state} ({at}): it can no longer be used for an export, so there is nothing to withdraw.',
  },
  'consent.busy': {
    'zh-CN': '这个档案正在导入账单，导入完成后再授权、撤回或导出。未作任何修改。',
    en: 'Bills are being imported into this profile; grant, withdraw or export once the import has finished. Nothing was changed.',
  },
  'export.consent_not_found': {
    'zh-CN': '未导出：找不到授权 {id}。每次导出都须依据一项有效的授权。没有写入任何文件。',
    en: 'Not exported: there is no consent {id}. Every export needs a valid consent. No file was written.',
  },
  'export.consent_withdrawn': {
    'zh-CN': '未导出：授权 {id} 已于 {at} 撤回。没有写入任何文件。',
    en: 'Not exported: consent {id} was withdrawn at {at}. No file was written.',
  },
  'export.consent_superseded': {
    'zh-CN': '未导出：授权 {id} 已被修改后的授权 {by} 取代，请使用新授权。没有写入任何文件。',
    en: 'Not exported: consent {id} was replaced by its amendment {by}; use that one. No file was written.',
  },
  'export.consent_expired': {
    'zh-CN': '未导出：授权 {id} 已于 {at} 到期。没有写入任何文件。',
    en: 'Not exported: consent {id} expired at {at}. No file was written.',
  },
  'export.consent_used_up': {
    'zh-CN': '未导出：授权 {id} 允许的 {max} 次导出已全部用完。没有写入任何文件。',
    en: 'Not exported: consent {id} allowed {max} export(s) and all have been made. No file was written.',
  },
  'export.fields_out_of_scope': {
    'zh-CN': '未导出：授权 {id} 不包括这些字段：{fields}。没有写入任何文件。',
    en: 'Not exported: consent {id} does not cover these fields: {fields}. No file was written.',
  },
  'export.password_too_short': {
    'zh-CN': '未导出：密码至少需要 {min} 个字符。没有写入任何文件。',
    en: 'Not exported: the password needs at least {min} characters. No file was written.',
  },
  'export.destination_missing': {
    'zh-CN': '未导出：文件夹 {dir} 不存在。没有写入任何文件。',
    en: 'Not exported: the folder {dir} does not exist. No file was written.',
  },
  'export.destination_exists': {
    'zh-CN': '未导出：文件 {file} 已存在，未覆盖。请换一个文件名。',
    en: 'Not exported: {file} already exists and was not overwritten. Choose another name.',
  },
  'export.write_failed': {
    'zh-CN': '未导出：无法写入 {file}：{reason}。导出未记录。',
    en: 'Not exported: {file} could not be written: {reason}. The export was not recorded.',
  },
  'export.not_a_package': {
    'zh-CN': '{file} 不是 Credence 导出文件：{reason}。',
    en: '{file} is not a Credence export package: {reason}.',
  },
  'export.password_required': {
    'zh-CN': '{file} 已加密，请提供密码（--password-file）。',
    en: '{file} is encrypted; give its password (--password-file).',
  },
  'export.password_wrong': {
    'zh-CN': '{file} 的密码不正确。',
    en: 'The password for {file} is wrong.',
  },
  'consent.agreement_needed': {
    'zh-CN': '未授权：请完整阅读上面的告知书。若同意，请在同一命令后加上 --sign "你的姓名" --accept {sha} 重新运行。',
    en: 'Not granted: read the whole notice above. To agree, run the same command again with --sign "YOUR NAME" --accept {sha}.',
  },
  'export.package_problem': {
    'zh-CN': '{file} 校验未通过：{path}（{problem}）。',
    en: '{file} failed verification: {path} ({problem}).',
  },
  'audit.chain_broken': {
    'zh-CN': '审计日志校验未通过：第 {id} 条（{action}，{at}）{reasonZh}。',
    en: 'The audit log failed verification at entry {id} ({action}, {at}): {reasonEn}.',
  },
  // ---- end consent and export ----
  // ---- export periods (core/importers/summary.ts) ----
  'import.warn.period_mismatch': {
    'zh-CN': '第 {line} 行写明的账单时间范围（{start} 至 {end}）没有包含全部交易（最早 {first}，最晚 {last}），文件可能被编辑或拼接过。已按交易本身的时间范围（{first} 至 {last}）记录这份账单覆盖的期间。',
    en: 'The period stated on line {line} ({start} to {end}) does not contain every transaction (first {first}, last {last}); the file may have been edited or combined. The span of the transactions ({first} to {last}) was recorded as the period this export covers.',
  },
  'import.warn.period_unparsed': {
    'zh-CN': '第 {line} 行的账单时间范围「{text}」无法解读，已按交易本身的时间范围记录这份账单覆盖的期间。',
    en: 'The period "{text}" on line {line} could not be read; the span of the transactions was recorded as the period this export covers.',
  },
  // ---- end export periods ----
  // ---- encryption at rest, app lock and backups (core/storage/encryption, core/lock, core/storage/backups.ts) ----
  'db.key_rejected': {
    'zh-CN': '无法用这个密钥打开数据库 {file}：密钥不对，或文件不是用 Credence 固定的加密方式（AEGIS-256）写入的。未作任何修改。',
    en: 'The key does not open {file}: it is the wrong key, or the file was not written with the cipher Credence uses (AEGIS-256). Nothing was changed.',
  },
  'db.key_missing': {
    'zh-CN': '{file} 不是未加密的 SQLite 数据库：它已加密但没有提供密钥（旁边的密钥文件 {file}.keys.json 可能丢失了），或者文件已损坏。未作任何修改。',
    en: '{file} is not a plaintext SQLite database: it is encrypted and no key was given (its key file {file}.keys.json may be missing), or it is damaged. Nothing was changed.',
  },
  'export.synthetic_profile': {
    'zh-CN': '档案「{name}」是示例档案：其中的数据是虚构的合成账本，不是任何人的真实信息，默认不随授权导出。若确实要导出（例如演示），请明确选择“包含示例数据”（命令行：--include-sample）。',
    en: 'Profile "{name}" is a sample: its data is a made-up synthetic ledger, not anyone’s real information, so it is not exported under a consent by default. To export it anyway (for a demonstration), choose “include sample data” explicitly (CLI: --include-sample).',
  },
  'checklist.unknown_question': {
    'zh-CN': '没有这个待补充的问题：{key}。',
    en: 'There is no such checklist question: {key}.',
  },
  'profile.locked': {
    'zh-CN': '档案「{name}」已加密并锁定，请先用密码、恢复码或系统钥匙串解锁。',
    en: 'Profile "{name}" is encrypted and locked. Unlock it with its passphrase, recovery code or the system keychain first.',
  },
  'app.locked': {
    'zh-CN': 'Credence 已锁定，请先解锁。',
    en: 'Credence is locked. Unlock it first.',
  },
  'key.passphrase_wrong': {
    'zh-CN': '密码不正确，档案「{name}」未解锁，未作任何修改。',
    en: 'Wrong passphrase: profile "{name}" was not unlocked and nothing was changed.',
  },
  'key.recovery_wrong': {
    'zh-CN': '恢复码不正确，档案「{name}」未解锁，未作任何修改。',
    en: 'Wrong recovery code: profile "{name}" was not unlocked and nothing was changed.',
  },
  'key.recovery_malformed': {
    'zh-CN': '恢复码格式不对：应为 8 组、每组 4 个字母或数字（如 ABCD-EFGH-…），共 32 个字符，现有 {found} 个。',
    en: 'That is not a recovery code: it has 8 groups of 4 letters or digits (ABCD-EFGH-…), 32 characters in all; this has {found}.',
  },
  'key.passphrase_too_short': {
    'zh-CN': '密码至少需要 {min} 个字符。',
    en: 'A passphrase needs at least {min} characters.',
  },
  'key.file_invalid': {
    'zh-CN': '密钥文件 {file} 无法读取：{reason}。数据库未作任何修改。请用备份中的密钥文件替换它，或从备份恢复。',
    en: 'The key file {file} cannot be read: {reason}. The database was not changed. Replace it with the key file kept beside a backup, or restore a backup.',
  },
  'key.kdf_unavailable': {
    'zh-CN': '这个运行环境无法计算 {kdf}，无法用密码解锁；请改用恢复码。',
    en: 'This runtime cannot compute {kdf}, so the passphrase cannot unlock here; use the recovery code instead.',
  },
  'key.keychain_unavailable': {
    'zh-CN': '系统钥匙串不可用（{reason}），无法使用快速解锁。请用密码或恢复码解锁。',
    en: 'The system keychain is not available ({reason}), so quick unlock cannot be used. Unlock with the passphrase or recovery code.',
  },
  'key.keychain_not_set': {
    'zh-CN': '档案「{name}」没有启用系统钥匙串快速解锁。请用密码或恢复码解锁。',
    en: 'Quick unlock with the system keychain is not set up for profile "{name}". Unlock with the passphrase or recovery code.',
  },
  'key.keychain_failed': {
    'zh-CN': '系统钥匙串没能解开档案「{name}」的密钥（钥匙串可能已更换或重置）。请用密码或恢复码解锁，然后重新启用快速解锁。',
    en: 'The system keychain could not unwrap the key of profile "{name}" (the keychain may have been changed or reset). Unlock with the passphrase or recovery code, then turn quick unlock on again.',
  },
  'key.not_encrypted': {
    'zh-CN': '档案「{name}」未加密，请先加密。',
    en: 'Profile "{name}" is not encrypted; encrypt it first.',
  },
  'key.already_encrypted': {
    'zh-CN': '档案「{name}」已经加密。',
    en: 'Profile "{name}" is already encrypted.',
  },
  'key.copy_mismatch': {
    'zh-CN': '加密副本校验失败（{reason}），原数据库保持不变。',
    en: 'The encrypted copy failed its check ({reason}); the original database was left as it was.',
  },
  'key.busy': {
    'zh-CN': '档案「{name}」正在导入账单，导入完成后再进行此操作。未作任何修改。',
    en: 'Bills are being imported into profile "{name}"; do this once the import has finished. Nothing was changed.',
  },
  'cli.secret_required': {
    'zh-CN': '{file} 是加密档案，需要解锁：用 --passphrase-file 文件（或环境变量 CREDENCE_PASSPHRASE_FILE=文件）给出存放密码的文件，或用 --recovery-code-file 文件给出恢复码。',
    en: '{file} is an encrypted profile and must be unlocked: give a file holding its passphrase with --passphrase-file FILE (or CREDENCE_PASSPHRASE_FILE=FILE), or its recovery code with --recovery-code-file FILE.',
  },
  'cli.secret_file_unreadable': {
    'zh-CN': '无法读取 {option} 指定的文件 {file}：{reason}。',
    en: 'Cannot read {file} given by {option}: {reason}.',
  },
  'db.in_use': {
    'zh-CN': '{file} 正被另一个程序（另一个 Credence 窗口或命令行）打开，无法替换。请先关闭它再试。未作任何修改。',
    en: '{file} is open in another program (another Credence window or a CLI command) and cannot be replaced. Close it and try again. Nothing was changed.',
  },
  'backup.not_found': {
    'zh-CN': '找不到备份 {name}。',
    en: 'Backup {name} does not exist.',
  },
  'backup.exists': {
    'zh-CN': '{file} 已存在，未覆盖。请选择另一个文件名。',
    en: '{file} already exists and was not overwritten. Choose another name.',
  },
  'backup.invalid': {
    'zh-CN': '备份 {name} 不能恢复：{reason}。当前数据库保持不变。',
    en: 'Backup {name} cannot be restored: {reason}. The current database was left as it was.',
  },
  'backup.other_profile': {
    'zh-CN': '备份 {name} 属于另一个档案（{found}），不能恢复到档案「{profile}」。当前数据库保持不变。',
    en: 'Backup {name} belongs to another profile ({found}) and cannot be restored into profile "{profile}". The current database was left as it was.',
  },
  'backup.secret_required': {
    'zh-CN': '备份 {name} 是用另一把密钥加密的（在更换密钥之前制作），需要当时的密码或恢复码才能恢复。当前数据库保持不变。',
    en: 'Backup {name} was encrypted with another key (it predates a key rotation); restoring it needs the passphrase or recovery code of that time. The current database was left as it was.',
  },
  'backup.cancelled': {
    'zh-CN': '已取消，未作任何修改。',
    en: 'Cancelled; nothing was changed.',
  },
  'backup.path_not_allowed': {
    'zh-CN': '桌面应用中请通过文件对话框选择位置。',
    en: 'In the desktop app, choose the location in the file dialog.',
  },
  // ---- end encryption, app lock and backups ----
  // ---- transactions page (core/ledger/transaction-list.ts) ----
  'transactions.invalid_range': {
    'zh-CN': '起始日期 {from} 晚于结束日期 {to}，请调整日期范围。',
    en: 'The start date {from} is after the end date {to}; adjust the date range.',
  },
  'transactions.invalid_date': {
    'zh-CN': '日期 {value} 不存在（{field}），请按 YYYY-MM-DD 填写真实的日期。',
    en: 'There is no date {value} ({field}); give a real date as YYYY-MM-DD.',
  },
  // ---- end transactions page ----
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof catalogue;
export const errorCodes = Object.keys(catalogue) as ErrorCode[];

export interface ErrorPayload {
  code: ErrorCode;
  message: LocalizedText;
  details: Record<string, unknown>;
}

function fill(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in details ? String(details[key]) : whole));
}

export function localize(code: ErrorCode, details: Record<string, unknown> = {}): LocalizedText {
  const text = catalogue[code];
  return { 'zh-CN': fill(text['zh-CN'], details), en: fill(text.en, details) };
}

export class CredenceError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly localized: LocalizedText;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    const localized = localize(code, details);
    super(localized.en);
    this.name = 'CredenceError';
    this.code = code;
    this.details = details;
    this.localized = localized;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.localized, details: this.details };
  }
}

/** Anything thrown, as a payload safe to show: never a stack trace. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof CredenceError) return error.toPayload();
  return { code: 'internal', message: localize('internal'), details: {} };
}
