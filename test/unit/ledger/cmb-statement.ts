// A synthetic CMB credit-card statement in the layout of the public fixture
// (test/fixtures/bills/banks/cmb-credit.csv): made-up card and amounts, for tests that
// need a card whose every charge and repayment over several months is in one export.

export interface CmbRow {
  /** `MM/DD`; the year comes from the title's month (later months belong to the year before). */
  date: string;
  summary: string;
  /** Yuan; repayments and credits are negative, as on the statement. */
  yuan: number;
}

export function cmbStatement(title: string, last4: string, rows: readonly CmbRow[]): string {
  const lines = [`招商银行信用卡对账单（个人消费卡账户 ${title}）`, '交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额'];
  for (const row of rows) {
    const amount = row.yuan.toFixed(2);
    // Repayments carry no 交易日, only the posting date.
    const trade = row.yuan < 0 && row.summary.includes('还款') ? '' : row.date;
    lines.push(`${trade},${row.date},${row.summary},${amount},${last4},${amount}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Card 招商银行 8888 from Jan 1 to Mar 31, 2026, statement day 10, due day 28: each month's bill
 * is repaid in full before its due day (Jan 100.00, Feb 200.00, Mar 300.00); the last row is a
 * 10.00 charge on Mar 31, so the export covers Jan 1 – Mar 31.
 */
export const ON_TIME_ROWS: readonly CmbRow[] = [
  { date: '01/01', summary: '某超市', yuan: 100 },
  { date: '01/20', summary: '掌上生活还款', yuan: -100 },
  { date: '02/05', summary: '某餐厅', yuan: 200 },
  { date: '02/25', summary: '财付通还款', yuan: -200 },
  { date: '03/03', summary: '某商城', yuan: 300 },
  { date: '03/27', summary: '银联转账还款', yuan: -300 },
  { date: '03/31', summary: '某便利店', yuan: 10 },
];

export function onTimeStatement(): string {
  return cmbStatement('2026年03月', '8888', ON_TIME_ROWS);
}

/**
 * Card 招商银行 8888, Jan 1 to Mar 31, 2026, for statement day 10, due day 25: Jan 1 ¥100 (billed
 * Jan 10, due Jan 25) repaid Jan 27, 2 days late; Feb 5 ¥200 (billed Feb 10, due Feb 25) repaid
 * Mar 2, 5 days late; a ¥10 charge on Mar 31 closes the export's coverage.
 */
export function lateRepaymentsStatement(): string {
  return cmbStatement('2026年03月', '8888', [
    { date: '01/01', summary: '某超市', yuan: 100 },
    { date: '01/27', summary: '掌上生活还款', yuan: -100 },
    { date: '02/05', summary: '某餐厅', yuan: 200 },
    { date: '03/02', summary: '财付通还款', yuan: -200 },
    { date: '03/31', summary: '某便利店', yuan: 10 },
  ]);
}

/**
 * Card 招商银行 8888, for grace tests with statement day 10 and due day 30 set by hand: Jan's
 * ¥100 (billed Jan 10, due Jan 30) is repaid Feb 1, 2 days late, across the month's end; Feb's
 * ¥200 (billed Feb 10, due Feb 28, the 30th clamped) on Feb 25; a ¥10 charge on Mar 31 ends the
 * export's coverage.
 */
export function lateAcrossMonthEndStatement(): string {
  return cmbStatement('2026年03月', '8888', [
    { date: '01/01', summary: '某超市', yuan: 100 },
    { date: '02/01', summary: '掌上生活还款', yuan: -100 },
    { date: '02/05', summary: '某餐厅', yuan: 200 },
    { date: '02/25', summary: '财付通还款', yuan: -200 },
    { date: '03/31', summary: '某便利店', yuan: 10 },
  ]);
}
