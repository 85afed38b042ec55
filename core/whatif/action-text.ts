// The words of the what-if engine: each field's rule (the sentence a bad value gets) and the
// problems an action can have against the ledger, in both UI languages; the validator
// (validate.ts) names them in its problems, which the CLI prints and the page shows under the
// field. Each action's name is in core/shared/whatif-actions.ts, where the page reads it too.

import type { LocalizedText } from '../shared/localized-text.ts';

/** The sentence a field gets when its value breaks its rule. */
export const FIELD_RULES: Record<string, LocalizedText> = {
  type: { 'zh-CN': '操作类型须为已知的一种（如 pay、new_card）', en: 'type must be one of the known actions (pay, new_card, …)' },
  accountId: { 'zh-CN': '账户须为已有账户的编号，或前面某项操作新建的账户（−N）', en: 'account must be an existing account id, or an account an earlier action creates (−N)' },
  accountIds: { 'zh-CN': '须列出 1 到 20 个不同的账户', en: 'list 1 to 20 different accounts' },
  lineId: { 'zh-CN': '须为借呗或微粒贷这类借款额度账户', en: 'must be a loan line such as Jiebei or Weilidai' },
  amountFen: { 'zh-CN': '金额须为大于 0 的整数（单位：分）', en: 'amount must be a whole number of fen above 0' },
  limitFen: { 'zh-CN': '额度须为不小于 0 的整数（单位：分）', en: 'limit must be a whole number of fen, 0 or more' },
  spendFen: { 'zh-CN': '每期消费须为不小于 0 的整数（单位：分）', en: 'spending per cycle must be a whole number of fen, 0 or more' },
  monthlyIncomeFen: { 'zh-CN': '月收入须为不小于 0 的整数（单位：分）', en: 'monthly income must be a whole number of fen, 0 or more' },
  month: { 'zh-CN': '月份须为 YYYY-MM', en: 'month must be YYYY-MM' },
  fromMonth: { 'zh-CN': '开始月份须为 YYYY-MM', en: 'the first month must be YYYY-MM' },
  on: { 'zh-CN': '日期须为 YYYY-MM-DD 格式的真实日期', en: 'the date must be a real date as YYYY-MM-DD' },
  from: { 'zh-CN': '开始日期须为 YYYY-MM-DD 格式的真实日期', en: 'the start date must be a real date as YYYY-MM-DD' },
  timing: { 'zh-CN': '还款时点须为 before_statement（账单日前）或 before_due（还款日前）', en: 'timing must be before_statement or before_due' },
  daysLate: { 'zh-CN': '逾期天数须为 1 到 180', en: 'days late must be 1 to 180' },
  institution: { 'zh-CN': '查询机构须为 1 到 100 个字', en: 'institution must be 1 to 100 characters' },
  institutionType: { 'zh-CN': '机构类型须为征信报告的机构类型代码（如 11、24、51）', en: 'institution type must be a credit-report code (11, 24, 51, …)' },
  reasonCode: { 'zh-CN': '查询原因须为征信报告的查询原因代码（如 02 贷款审批）', en: 'reason must be a credit-report query reason code (02 loan approval, …)' },
  name: { 'zh-CN': '名称须为 1 到 80 个字', en: 'name must be 1 to 80 characters' },
  lender: { 'zh-CN': '机构名称须为 1 到 100 个字', en: 'lender must be 1 to 100 characters' },
  statementDay: { 'zh-CN': '账单日须为 1 到 28', en: 'statement day must be 1 to 28' },
  dueDay: { 'zh-CN': '还款日须为 1 到 28', en: 'due day must be 1 to 28' },
  reportsToBureau: { 'zh-CN': '是否上报须为 yes、no 或 unknown', en: 'reported must be yes, no or unknown' },
  query: { 'zh-CN': '是否留下查询记录须为 true 或 false', en: 'query must be true or false' },
  termMonths: { 'zh-CN': '期数须为整数个月（借呗/微粒贷 1 到 60，贷款 1 到 600）', en: 'term must be whole months (draws 1 to 60, loans 1 to 600)' },
  repaymentMethod: { 'zh-CN': '还款方式须为 equal_installment、equal_principal、interest_first 或 bullet', en: 'repayment method must be equal_installment, equal_principal, interest_first or bullet' },
  annualRateBp: { 'zh-CN': '年利率须为 0 到 10000 基点（0% 到 100%）', en: 'annual rate must be 0 to 10000 basis points (0% to 100%)' },
  product: { 'zh-CN': '产品须为 bank_loan、car_loan、mortgage 或 other', en: 'product must be bank_loan, car_loan, mortgage or other' },
  months: { 'zh-CN': '月数须为正整数（暂停申请最多 60，等待最多 120）', en: 'months must be a positive whole number (at most 60 for a pause, 120 for waiting)' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'unknown field' },
};

/** Problems an action can have against the ledger it is applied to. */
export const ACTION_PROBLEMS = {
  account_not_found: { 'zh-CN': '没有账户 {id}', en: 'there is no account {id}' },
  account_not_yet: { 'zh-CN': '账户 {id} 由第 {created} 项操作新建，须排在它之后', en: 'account {id} is created by action {created}; put this action after it' },
  needs_statement: { 'zh-CN': '账户 {id}（{name}）须是有账单日和还款日的信用卡或循环额度', en: 'account {id} ({name}) must be a card or revolving line with a statement day and a due day' },
  needs_schedule: { 'zh-CN': '账户 {id}（{name}）没有还款日或还款计划可循', en: 'account {id} ({name}) has no due day or repayment schedule to follow' },
  needs_line: { 'zh-CN': '账户 {id}（{name}）不是借呗或微粒贷这类借款额度', en: 'account {id} ({name}) is not a loan line such as Jiebei or Weilidai' },
  not_closable: { 'zh-CN': '账户 {id}（{name}）是借款额度，请对其下的单笔借款操作', en: 'account {id} ({name}) is a loan line: close its draws instead' },
  not_consolidable: { 'zh-CN': '账户 {id}（{name}）须是未结清的贷款、单笔借款或循环额度', en: 'account {id} ({name}) must be an open loan, draw or revolving line' },
  limit_needs_line: { 'zh-CN': '账户 {id}（{name}）是一次性贷款，没有额度可调', en: 'account {id} ({name}) is a one-off loan: it has no limit to change' },
  before_as_of: { 'zh-CN': '{field} {value} 早于计算日 {asOf}：假设分析只改变未来', en: '{field} {value} is before the as-of day {asOf}: a what-if changes only the future' },
  after_horizon: { 'zh-CN': '{field} {value} 晚于时间线的最后一天 {horizon}', en: '{field} {value} is after the timeline’s last day {horizon}' },
  during_pause: { 'zh-CN': '这是一次申请，落在第 {pause} 项「暂停一切申请」的期间（{from} 至 {to}）', en: 'this is an application, inside the pause of action {pause} ({from} to {to})' },
  not_open_yet: { 'zh-CN': '账户 {id} 在 {opened} 才开立', en: 'account {id} opens only on {opened}' },
  after_close: { 'zh-CN': '账户 {id} 已由第 {closed} 项操作于 {on} 销户/结清', en: 'account {id} is closed by action {closed} on {on}' },
} as const satisfies Record<string, LocalizedText>;
export type ActionProblem = keyof typeof ACTION_PROBLEMS;

/** Names of the fields as the messages name them. */
export const FIELD_NAMES: Record<string, LocalizedText> = {
  on: { 'zh-CN': '日期', en: 'date' },
  from: { 'zh-CN': '开始日期', en: 'start date' },
  month: { 'zh-CN': '月份', en: 'month' },
  fromMonth: { 'zh-CN': '开始月份', en: 'first month' },
};

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * Each action as a step of the client's plan (core/plan/checklist.ts fills the values:
 * core/shared/plan-sentence.ts). A pay action has one sentence per timing. Actions that model a
 * mishap (a missed or late payment) say so: they are not steps for the client to take.
 */
export const ACTION_SENTENCES = {
  'pay.before_statement': { 'zh-CN': '在账单日前（{date}）向{account}还款 {amount}', en: 'Pay {amount} to {account} before its statement day, {date}' },
  'pay.before_due': { 'zh-CN': '在还款日前（{date}）向{account}还款 {amount}', en: 'Pay {amount} to {account} before its due day, {date}' },
  clear_overdue: { 'zh-CN': '{date}前还清{account}的全部逾期', en: 'Clear everything overdue on {account} by {date}' },
  miss_payment: { 'zh-CN': '（仅为模拟，不是建议）{account}在 {month} 到期的一期未还', en: '(modelled, not advice) the payment on {account} due in {month} is missed' },
  pay_late: { 'zh-CN': '（仅为模拟，不是建议）{account}在 {month} 到期的一期晚还 {days} 天', en: '(modelled, not advice) the payment on {account} due in {month} is made {days} days late' },
  hard_query: { 'zh-CN': '{date}：向{institution}提出申请（留下一条「{reason}」查询记录）', en: '{date}: apply to {institution} (leaves a “{reason}” query)' },
  new_card: { 'zh-CN': '{date}：申请{institution}信用卡（额度 {amount}）', en: '{date}: apply for a {institution} credit card (limit {amount})' },
  new_draw: { 'zh-CN': '{date}：从{account}借款 {amount}，分 {months} 期', en: '{date}: draw {amount} from {account} over {months} months' },
  new_loan: { 'zh-CN': '{date}：向{institution}申请贷款 {amount}，分 {months} 期', en: '{date}: take a loan of {amount} from {institution} over {months} months' },
  close_account: { 'zh-CN': '{date}：注销或提前结清{account}', en: '{date}: close or settle {account}' },
  consolidate: { 'zh-CN': '{date}：向{institution}申请一笔银行贷款，还清{accounts}', en: '{date}: take one bank loan from {institution} to repay {accounts}' },
  start_reporting: { 'zh-CN': '自 {month} 起让{account}上报征信（如花呗征信授权）', en: 'Have {account} report to the credit bureau from {month} (such as the Huabei authorisation)' },
  change_limit: { 'zh-CN': '{date}：将{account}的额度调整为 {amount}', en: '{date}: have the limit of {account} set to {amount}' },
  change_income: { 'zh-CN': '{date}：月收入更新为 {amount}', en: '{date}: monthly income becomes {amount}' },
  stop_applications: { 'zh-CN': '自 {date} 起暂停一切申请，直到 {until}', en: 'No applications from {date} until {until}' },
  let_time_pass: { 'zh-CN': '等待 {months} 个月，到 {date} 再看结果', en: 'Wait {months} months, until {date}, before reading the result' },
} as const satisfies Record<string, LocalizedText>;
export type ActionSentenceKey = keyof typeof ACTION_SENTENCES;

/** An account an earlier action of the scenario creates (−N), named by that step. */
export const CREATED_ACCOUNT: LocalizedText = { 'zh-CN': '第 {step} 步新开的账户', en: 'the account step {step} opens' };
