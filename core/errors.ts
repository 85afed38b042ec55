// Every error that can reach a user: a stable code, and its message in both UI languages.
// The renderer shows `message[locale]`; `details` carries machine-readable context (file, line, field).

export type Locale = 'zh-CN' | 'en';
export type LocalizedText = Record<Locale, string>;

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
  'cli.usage': {
    'zh-CN': '命令用法错误：{reason}。运行 credence --help 查看帮助。',
    en: 'Usage error: {reason}. Run credence --help for help.',
  },
  'import.file_unreadable': {
    'zh-CN': '无法读取文件 {file}：{reason}。数据库未作任何修改。',
    en: 'Could not read {file}: {reason}. The database was not changed.',
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
