// Hand-made profiles for the what-if tests (made up here; no real person's data): real profile
// databases whose cards and Huabei have every charge and repayment in one export with a stated
// period (rows inserted as an import leaves them), whose loans are entered through the ledger's
// own API with a month fact per repayment, and whose queries are records typed in. The benches'
// synthetic ledger is built the same way (bench/synthetic-ledger.ts).

import { join } from 'node:path';
import { createAccount, updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { dayOfMonth, dayOfMonthOf, firstDay, formatDay, formatMonth, monthOfDay, parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import type { InstitutionType, ReportsToBureau } from '../../../core/shared/ledger-vocabulary.ts';
import { saveProfileFacts } from '../../../core/settings/profile-facts.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';

/** Every what-if test stands on this day: the report month is 2026-10. */
export const AS_OF = '2026-11-21';
export const AS_OF_DAY = parseDay(AS_OF)!;
const NOW = '2026-11-21T09:00:00+08:00';

export interface CycleSpec {
  /** First month with a charge. */
  from: string;
  /** Day of the month of the one charge each month, and its amount in yuan. */
  chargeDay: number;
  chargeYuan: number;
  statementDay: number;
  dueDay: number;
  /** Statements (by the month they are drawn) not repaid by their due day: the next repayment pays both. */
  missed?: readonly string[];
}

export interface CardSpec extends CycleSpec {
  last4: string;
  limitYuan: number;
  reports?: ReportsToBureau;
}

export interface LoanSpec {
  name: string;
  institutionType: InstitutionType;
  principalYuan: number;
  openedOn: string;
  termMonths: number;
  reports?: ReportsToBureau;
}

export interface ProfileSpec {
  cards?: CardSpec[];
  /** Huabei with its own cycle, reported or not. */
  huabei?: CycleSpec & { limitYuan: number; reports: ReportsToBureau };
  /** Loans entered by hand, equal principal at 0%, every instalment paid on its due day through the as-of day. */
  loans?: LoanSpec[];
  /** Query records: [date, reason code]. */
  queries?: [string, string][];
  monthlyIncomeYuan?: number;
}

type Event = [day: number, kind: 'charge' | 'payment', fen: number];

/**
 * One charge a month and each statement repaid in full two days before its due day (a missed
 * statement rolls into the next, which is then repaid in full), through the as-of day. Within a
 * day: the charge, then a repayment, then the statement (which includes that day's charge).
 */
export function cycleEvents(spec: CycleSpec): Event[] {
  const out: Event[] = [];
  const missed = new Set(spec.missed ?? []);
  const repayments = new Map<number, number>();
  let balance = 0;
  for (let day = firstDay(parseMonth(spec.from)!); day <= AS_OF_DAY; day++) {
    const m = monthOfDay(day);
    if (day === dayOfMonth(m, spec.chargeDay)) {
      balance += spec.chargeYuan * 100;
      out.push([day, 'charge', spec.chargeYuan * 100]);
    }
    const repay = repayments.get(day);
    if (repay) {
      balance -= repay;
      out.push([day, 'payment', repay]);
    }
    if (day === dayOfMonth(m, spec.statementDay) && !missed.has(formatMonth(m)) && balance > 0) {
      const due = dayOfMonth(spec.dueDay > spec.statementDay ? m : m + 1, spec.dueDay);
      repayments.set(due - 2, balance);
    }
  }
  return out;
}

function insertExport(db: Db, platform: string, from: string, events: readonly Event[], key: string, funding: string | null, kinds: { charge: string; payment: string }): void {
  const batch = Number(
    db
      .prepare(
        "INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at, period_start, period_end, period_source) VALUES (?, '', ?, 'hand', ?, ?, ?, 'stated')",
      )
      .run(`${key}.csv`, platform, NOW, `${from}T00:00:00+08:00`, `${AS_OF}T23:59:59+08:00`).lastInsertRowid,
  );
  const tx = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       item, funding_account, payment_method, credit_event, credit_confidence, needs_review, raw_row, source_line, credit_account_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, '交易成功', 'completed', ?, ?, ?, ?, 0.9, 0, '', ?, ?)`,
  );
  events.forEach(([day, kind, fen], i) => {
    const at = `${formatDay(day)}T12:00:00+08:00`;
    const epoch = day * 86400 + 4 * 3600;
    tx.run(batch, platform, `${key}-${i}`, at, epoch, fen, kind === 'charge' ? 'expense' : 'income', kind === 'charge' ? '消费' : '还款', funding, platform === 'alipay' ? '花呗' : null, kinds[kind], i + 2, key);
  });
}

/** A profile database built from the spec, its ledger derived for the as-of day. Account ids by name: `card:<last4>`, `huabei`, `loan:<name>`. */
export function handProfile(spec: ProfileSpec): { db: Db; ids: Map<string, number>; path: string } {
  const path = join(tempDir('credence-whatif-'), 'profile.sqlite');
  const db = openDatabase(path);
  return { db, ids: writeHandProfile(db, spec), path };
}

/** The spec written into an open profile database (one of a profile store's, for the page's tests); its account ids by name. */
export function writeHandProfile(db: Db, spec: ProfileSpec): Map<string, number> {
  const options = { asOfDay: AS_OF_DAY, actor: 'test' };
  db.transaction(() => {
    for (const card of spec.cards ?? []) {
      insertExport(db, 'cmb', `${card.from}-01`, cycleEvents(card), `credit_card:招商银行:${card.last4}`, `招商银行信用卡(${card.last4})`, {
        charge: 'credit_card_purchase',
        payment: 'credit_card_repayment',
      });
    }
    if (spec.huabei) insertExport(db, 'alipay', `${spec.huabei.from}-01`, cycleEvents(spec.huabei), 'huabei', null, { charge: 'huabei_purchase', payment: 'huabei_repayment' });
  })();
  refreshLedger(db, AS_OF_DAY);
  const ids = new Map<string, number>();
  const idOf = (key: string) => db.prepare('SELECT id FROM credit_accounts WHERE match_key = ?').pluck().get(key) as number;
  for (const card of spec.cards ?? []) {
    const id = idOf(`credit_card:招商银行:${card.last4}`);
    ids.set(`card:${card.last4}`, id);
    updateAccount(db, id, { statementDay: card.statementDay, dueDay: card.dueDay, limitFen: card.limitYuan * 100, openedOn: `${card.from}-01`, reportsToBureau: card.reports ?? 'yes' }, [], options);
  }
  if (spec.huabei) {
    const id = idOf('huabei');
    ids.set('huabei', id);
    const h = spec.huabei;
    updateAccount(db, id, { statementDay: h.statementDay, dueDay: h.dueDay, limitFen: h.limitYuan * 100, openedOn: `${h.from}-01`, reportsToBureau: h.reports }, [], options);
  }
  for (const loan of spec.loans ?? []) {
    const created = createAccount(
      db,
      {
        product: 'other',
        kind: 'loan',
        name: loan.name,
        lender: loan.name,
        institutionType: loan.institutionType,
        principalFen: loan.principalYuan * 100,
        openedOn: loan.openedOn,
        termMonths: loan.termMonths,
        repaymentMethod: 'equal_principal',
        annualRateBp: 0,
        reportsToBureau: loan.reports ?? 'yes',
        bureauType: 'D1',
        bureauLayout: 'per_draw',
      },
      options,
    );
    ids.set(`loan:${loan.name}`, created.account.id);
    const open = parseDay(loan.openedOn)!;
    const instalment = (loan.principalYuan * 100) / loan.termMonths;
    for (let k = 1; k <= loan.termMonths; k++) {
      const due = dayOfMonth(monthOfDay(open) + k, dayOfMonthOf(open));
      if (due > AS_OF_DAY) break;
      setMonthFact(db, created.account.id, formatMonth(monthOfDay(due)), { amountPaidFen: instalment }, options);
    }
  }
  for (const [on, reasonCode] of spec.queries ?? []) queryRecords.save(db, null, { queriedOn: on, institution: `银行 ${on}`, institutionType: '11', reasonCode }, { actor: 'test' });
  if (spec.monthlyIncomeYuan !== undefined) saveProfileFacts(db, { monthlyIncomeFen: spec.monthlyIncomeYuan * 100 }, 'test');
  return ids;
}

/** Every table of the database as text, in a fixed order: equal before and after means nothing was written. */
export function tableChecksum(db: Db, except: readonly string[] = []): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return tables
    .filter((t) => !except.includes(t))
    .map((t) => {
      const rows = (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      return `${t}:${rows.sort().join('|')}`;
    })
    .join('\n');
}
