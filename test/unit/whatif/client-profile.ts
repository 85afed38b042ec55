// The client the What-if page's tests walk through (made up here, no real person's data): a
// card used to 80% of its limit, Huabei not on the report, two online loans (institution types
// 24 消费金融 and 51 小额贷款, both 网贷-like: core/bureau/lender-metrics.ts ONLINE_LOAN), open
// to 2027-06 and 2027-05, two queries in the last two months and a monthly income. The page's
// e2e test and the CLI-against-channel test stand on it, so both compare the same answers.

import type { ProfileSpec } from './hand-profile.ts';

export const CLIENT: ProfileSpec = {
  // ¥8,000 charged on the 5th against a ¥10,000 limit; statement day 25, due day 15: 80% used at each statement.
  cards: [{ last4: '1111', from: '2026-01', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 }],
  huabei: { from: '2026-01', chargeDay: 3, chargeYuan: 500, statementDay: 1, dueDay: 9, limitYuan: 5000, reports: 'no' },
  loans: [
    { name: '某消费金融', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
    { name: '某小额贷款', institutionType: '51', principalYuan: 9000, openedOn: '2026-08-20', termMonths: 9 },
  ],
  queries: [
    ['2026-10-02', '02'],
    ['2026-09-15', '03'],
  ],
  monthlyIncomeYuan: 20000,
};
