// The profile the scoring and what-if benches stand on (untimed): credit cards with their own bank
// statements (3 charges a month, the bill repaid in full before the due day, now and then late or
// missed), statement and due days, open dates and limits set by the user, half of them confirmed
// as reported; bank loans entered by hand with a repayment a month; Alipay rows (bills, transfers,
// Huabei purchases) up to the transaction count; 20 hard queries; profile facts and a recorded
// Sesame score. Deterministic, so every run measures the same data.

import { deriveAndStore } from '../core/ledger/derive/derive-and-store.ts';
import { dayOfMonth, formatDay } from '../core/shared/calendar.ts';
import { saveProfileFacts } from '../core/settings/profile-facts.ts';
import type { Db } from '../core/storage/database.ts';
import { AS_OF, NOW, firstMonth, isoAt, noonEpoch, rng, splitAccounts, writeBankLoans, writeCardFacts, writeCardStatements } from './synthetic-ledger.ts';

/** Alipay rows up to the target count: utility bills, transfers with 40 people, Huabei purchases, shopping. */
function alipay(db: Db, rows: number, years: number): void {
  const batchId = Number(db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('alipay', '', 'alipay', 'app', ?)").run(NOW).lastInsertRowid);
  const tx = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       category, counterparty, credit_event, needs_review, raw_row, source_line)
     VALUES (?, 'alipay', ?, ?, ?, ?, 'expense', '交易成功', 'completed', ?, ?, ?, 0, '', 0)`,
  );
  const random = rng(4242);
  const first = dayOfMonth(firstMonth(years), 1);
  for (let k = 0; k < rows; k++) {
    const day = first + Math.floor(random() * (AS_OF - first));
    const kind = random();
    const [category, counterparty, event] =
      kind < 0.1 ? ['充值缴费', '国家电网', null] : kind < 0.2 ? ['转账红包', `朋友${Math.floor(random() * 40)}`, null] : kind < 0.3 ? ['日用百货', '某超市', 'huabei_purchase'] : ['餐饮美食', '某餐厅', null];
    tx.run(batchId, `alipay-${k}`, isoAt(day), noonEpoch(day), 100 + Math.floor(random() * 20_000), category, counterparty, event);
  }
}

/** The user's facts: card days, open dates and limits; reporting confirmed on half the cards; queries; profile; a real score. */
function userFacts(db: Db, years: number): void {
  writeCardFacts(db, { years, reported: (c) => c % 2 === 0 });
  const query = db.prepare("INSERT INTO credit_queries (queried_on, institution, reason_code, created_at, updated_at) VALUES (?, '某银行', ?, ?, ?)");
  for (let q = 0; q < 20; q++) query.run(formatDay(AS_OF - 9 * q - 3), q % 3 === 0 ? '02' : '03', NOW, NOW);
  db.prepare("INSERT INTO score_observations (kind, value, observed_on, created_at, updated_at) VALUES ('sesame', 702, '2026-11-06', ?, ?)").run(NOW, NOW);
}

/** Writes the whole profile into `db` and derives its ledger; the number of transactions. */
export function writeScoringProfile(db: Db, options: { accounts: number; years: number; transactions: number }): number {
  const { cards, loans } = splitAccounts(options.accounts);
  let transactions = 0;
  db.transaction(() => {
    // 3 charges a month; 1.5% of bills repaid late, 0.5% missed.
    transactions += writeCardStatements(db, { cards, years: options.years, chargeDays: [4, 12, 20], chargeSpreadFen: 150_000, lateRate: 0.015, missedRate: 0.005 });
    transactions += writeBankLoans(db, { loans, years: options.years, reported: true });
    const rest = Math.max(0, options.transactions - transactions);
    alipay(db, rest, options.years);
    transactions += rest;
  })();
  deriveAndStore(db);
  db.transaction(() => userFacts(db, options.years))();
  saveProfileFacts(db, { monthlyIncomeFen: 60_000_00, education: 'bachelor', occupation: '工程师', phoneYears: 8, addressYears: 3, socialInsurance: true, providentFund: true });
  return transactions;
}
