// The synthetic ledger the benches build (untimed): credit cards, each with its own bank statement,
// the user's facts on them, and bank loans entered by hand with a repayment a month. Deterministic,
// so every run measures the same data; what differs between the benches (charge days and sizes,
// late and missed rates, years, counts, which facts are set) comes in as options. Each function
// writes its rows and leaves the transaction to the caller.

import { dayOfMonth, formatDay, lastDay, parseDay } from '../core/shared/calendar.ts';
import type { Db } from '../core/storage/database.ts';

/** The day the benches stand on, and when their rows were entered. */
export const AS_OF = parseDay('2026-11-21')!;
export const NOW = '2026-11-21T00:00:00+08:00';

/** The first month of a span of `years` years up to Nov 2026 (a month is year * 12 + its index). */
export function firstMonth(years: number): number {
  return 2026 * 12 + 10 - years * 12 + 1;
}

/** 85% of the accounts are credit cards, the rest bank loans. */
export function splitAccounts(accounts: number): { cards: number; loans: number } {
  const cards = Math.round(accounts * 0.85);
  return { cards, loans: accounts - cards };
}

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A day at an hour in UTC+8, as the exports write it. */
export function isoAt(day: number, hour = 12): string {
  return `${formatDay(day)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/** Epoch seconds of noon UTC+8 on a day. */
export function noonEpoch(day: number): number {
  return day * 86400 + 4 * 3600;
}

/** The statement and due days of the c-th card (0-based): its bank statement and the user's facts agree. */
function cardDays(c: number): { statementDay: number; dueDay: number } {
  const statementDay = 1 + (c % 28);
  return { statementDay, dueDay: ((statementDay + 17) % 28) + 1 };
}

export interface CardStatements {
  cards: number;
  years: number;
  /** Days of the month with a charge. */
  chargeDays: readonly number[];
  /** A charge is 500 fen plus a random amount below this. */
  chargeSpreadFen: number;
  /** Shares of the bills repaid 5 days after the due day, and not repaid at all. */
  lateRate: number;
  missedRate: number;
}

/**
 * One imported bank statement per card (`card-<last4>.csv`, keys `credit_card:招商银行:<last4>`):
 * charges on the given days of every month, each bill repaid in full two days before the due day
 * (now and then late or missed), and a row on the first and the last day of the span so the export
 * covers it all. Returns the rows written.
 */
export function writeCardStatements(db: Db, options: CardStatements): number {
  const { cards, years, chargeDays, chargeSpreadFen, lateRate, missedRate } = options;
  const first = firstMonth(years);
  const batch = db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES (?, '', 'cmb', 'credit-csv', ?)");
  const tx = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       item, funding_account, credit_event, credit_confidence, needs_review, raw_row, source_line, credit_account_key)
     VALUES (?, 'cmb', ?, ?, ?, ?, ?, '交易成功', 'completed', ?, ?, ?, 0.9, 0, '', ?, ?)`,
  );
  let count = 0;
  for (let c = 0; c < cards; c++) {
    const random = rng(c + 1);
    const last4 = String(1000 + c);
    const key = `credit_card:招商银行:${last4}`;
    const funding = `招商银行信用卡(${last4})`;
    const batchId = Number(batch.run(`card-${last4}.csv`, NOW).lastInsertRowid);
    const { statementDay: S, dueDay: D } = cardDays(c);
    let balance = 0;
    let line = 0;
    const add = (day: number, fen: number, expense: boolean) => {
      line++;
      count++;
      tx.run(batchId, `${last4}-${line}`, isoAt(day), noonEpoch(day), fen, expense ? 'expense' : 'income', expense ? '消费' : '掌上生活还款', funding,
        expense ? 'credit_card_purchase' : 'credit_card_repayment', line, key);
    };
    add(dayOfMonth(first, 1), 100, true);
    balance += 100;
    for (let month = first; month < first + years * 12; month++) {
      const statement = dayOfMonth(month, S);
      const due = D > S ? dayOfMonth(month, D) : dayOfMonth(month + 1, D);
      let carry = 0; // charges after the statement day go on the next bill
      for (const d of chargeDays) {
        const day = dayOfMonth(month, d);
        if (day > AS_OF) continue;
        const fen = 500 + Math.floor(random() * chargeSpreadFen);
        add(day, fen, true);
        if (day <= statement) balance += fen;
        else carry += fen;
      }
      const roll = random();
      const payDay = roll < missedRate ? null : roll < missedRate + lateRate ? due + 5 : due - 2;
      if (payDay !== null && payDay <= AS_OF && balance > 0) add(payDay, balance, false);
      balance = payDay === null ? balance + carry : carry;
    }
    add(Math.min(lastDay(first + years * 12 - 1), AS_OF), 100, true);
  }
  return count;
}

const override = (db: Db) => db.prepare('INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, ?)');

/**
 * The user's facts on the derived credit cards, in card order: statement and due days as on their
 * statements, opened on the first day of the span, a 50,000 yuan limit; reporting to the bureau
 * confirmed on the cards `reported` picks (none without it).
 */
export function writeCardFacts(db: Db, options: { years: number; reported?: (c: number) => boolean }): void {
  const set = override(db);
  const openedOn = formatDay(dayOfMonth(firstMonth(options.years), 1));
  const ids = db.prepare("SELECT id FROM credit_accounts WHERE product = 'credit_card' ORDER BY id").pluck().all() as number[];
  ids.forEach((id, c) => {
    const { statementDay, dueDay } = cardDays(c);
    set.run(id, 'statementDay', JSON.stringify(statementDay), NOW);
    set.run(id, 'dueDay', JSON.stringify(dueDay), NOW);
    set.run(id, 'openedOn', JSON.stringify(openedOn), NOW);
    set.run(id, 'limitFen', JSON.stringify(5_000_000), NOW);
    if (options.reported?.(c)) set.run(id, 'reportsToBureau', JSON.stringify('yes'), NOW);
  });
}

export interface BankLoans {
  loans: number;
  years: number;
  /** Set the loans' reporting to the bureau as confirmed. */
  reported?: boolean;
}

/**
 * Bank loans entered by hand (`贷款 <n>`): 600,000 yuan over the whole span, equal principal, no
 * interest, opened on the 10th of the first month; a repayment on the 10th of every month after,
 * up to the as-of day, each linked to its loan by hand. Returns the repayment rows written.
 */
export function writeBankLoans(db: Db, options: BankLoans): number {
  const { loans, years, reported = false } = options;
  const first = firstMonth(years);
  const set = override(db);
  const account = db.prepare("INSERT INTO credit_accounts (product, name, source, details_json, created_at, updated_at, kind) VALUES ('bank_loan', ?, 'manual', '{}', ?, ?, 'loan')");
  const tx = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class, raw_row, source_line)
     VALUES (?, 'icbc', ?, ?, ?, ?, 'expense', '交易成功', 'completed', '', 0)`,
  );
  const link = db.prepare(
    "INSERT INTO credit_links (transaction_id, account_id, role, source, basis, day, amount_fen, batch_id, platform, unconfirmed) VALUES (?, ?, 'payment', 'manual', 'user', ?, ?, ?, 'icbc', 0)",
  );
  const batchId = Number(db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('loans', '', 'icbc', 'x', ?)").run(NOW).lastInsertRowid);
  const principalFen = 60_000_000;
  const instalment = Math.floor(principalFen / (years * 12));
  let count = 0;
  for (let l = 0; l < loans; l++) {
    const name = `贷款 ${l + 1}`;
    const id = Number(account.run(name, NOW, NOW).lastInsertRowid);
    const terms = {
      product: 'bank_loan', kind: 'loan', name, principalFen, openedOn: formatDay(dayOfMonth(first, 10)), termMonths: years * 12,
      repaymentMethod: 'equal_principal', annualRateBp: 0, ...(reported ? { reportsToBureau: 'yes' } : {}),
    };
    for (const [field, value] of Object.entries(terms)) set.run(id, field, JSON.stringify(value), NOW);
    for (let k = 1; k <= years * 12; k++) {
      const day = dayOfMonth(first + k, 10);
      if (day > AS_OF) break;
      const txId = Number(tx.run(batchId, `loan-${l}-${k}`, isoAt(day), noonEpoch(day), instalment).lastInsertRowid);
      link.run(txId, id, day, instalment, batchId);
      count++;
    }
  }
  return count;
}
