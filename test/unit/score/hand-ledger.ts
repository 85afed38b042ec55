// Hand-made ledgers for the scoring tests: accounts, month facts, queries, observed scores and
// profile facts entered through the ledger's own API (as a user would type them from a bill or
// report), bill rows inserted as an import would leave them. Amounts in yuan, months YYYY-MM.

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { formatMonth, parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import { observationRecords } from '../../../core/ledger/observations.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import type { ReportsToBureau } from '../../../core/shared/ledger-vocabulary.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { loadScoringLedger } from '../../../core/score/load-ledger.ts';
import type { ProfileFacts } from '../../../core/settings/profile-facts-schema.ts';
import { saveProfileFacts } from '../../../core/settings/profile-facts.ts';
import type { ScoredModelResult, ScoreReport } from '../../../core/score/report-schema.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import type { StatusCode } from '../../../core/shared/status-alphabet.ts';

/** Scored on this day: the report month is 2026-10, the bureau card reads 2026-05 … 2026-10. */
export const AS_OF = '2026-11-21';
export const AS_OF_DAY = parseDay(AS_OF)!;
export const LATEST = '2026-10';

export interface MonthSpec {
  /** Balance owed at month end (yuan). */
  balance: number;
  /** Paid in the month (yuan); default: the balance (each bill paid in full). */
  paid?: number;
  status?: StatusCode;
}

export interface CardSpec {
  product?: 'credit_card' | 'huabei' | 'baitiao';
  /** Yuan; null = not known. */
  limit?: number | null;
  reports?: ReportsToBureau;
  openedOn?: string;
  /** First and last month with facts (default 2024-11 … 2026-10, the 24 months to the report month). */
  from?: string;
  to?: string;
  /** Every month's figures unless overridden. */
  month?: MonthSpec;
  months?: Record<string, Partial<MonthSpec>>;
}

export interface DrawSpec {
  principal: number;
  openedOn: string;
  termMonths?: number;
}

export interface LedgerSpec {
  cards?: CardSpec[];
  /** A Jiebei line with draws, reported draw by draw or merged (null: the layout is not known). */
  jiebei?: { layout: 'per_draw' | 'merged_monthly' | null; draws: DrawSpec[]; reports?: ReportsToBureau };
  /** Hard query dates (信用卡审批). */
  hardQueries?: string[];
  profile?: Partial<ProfileFacts>;
  sesameObserved?: { value: number; on: string };
  rows?: BillRow[];
}

export interface BillRow {
  on: string;
  platform?: 'alipay' | 'wechat';
  category?: string;
  creditEvent?: string;
  counterparty?: string;
  yuan?: number;
}

export const DEFAULT_MONTH: MonthSpec = { balance: 3000 };

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = parseMonth(from)!; m <= parseMonth(to)!; m++) out.push(formatMonth(m));
  return out;
}

let cardNumber = 1000;

function addCard(db: Db, spec: CardSpec): number {
  const product = spec.product ?? 'credit_card';
  const limit = spec.limit === undefined ? 10_000 : spec.limit;
  const input: Record<string, unknown> = {
    product,
    limitFen: limit === null ? null : limit * 100,
    openedOn: spec.openedOn ?? '2024-01-01',
    statementDay: 5,
    dueDay: 25,
    reportsToBureau: spec.reports ?? 'yes',
  };
  if (product === 'credit_card') Object.assign(input, { bank: '招商银行', cardLast4: String(cardNumber++) });
  const id = createAccount(db, input, { asOfDay: AS_OF_DAY }).account.id;
  for (const month of monthsBetween(spec.from ?? '2024-11', spec.to ?? LATEST)) {
    const m = { ...DEFAULT_MONTH, ...spec.month, ...spec.months?.[month] };
    setMonthFact(
      db,
      id,
      month,
      { balanceFen: Math.round(m.balance * 100), amountDueFen: Math.round(m.balance * 100), amountPaidFen: Math.round((m.paid ?? m.balance) * 100), status: m.status ?? 'N' },
      { asOfDay: AS_OF_DAY },
    );
  }
  return id;
}

function addJiebei(db: Db, spec: NonNullable<LedgerSpec['jiebei']>): void {
  const line = createAccount(
    db,
    { product: 'jiebei', kind: 'line', openedOn: '2025-01-01', reportsToBureau: spec.reports ?? 'yes', bureauLayout: spec.layout, limitFen: 5_000_000 },
    { asOfDay: AS_OF_DAY },
  ).account.id;
  for (const draw of spec.draws) {
    createAccount(
      db,
      {
        product: 'jiebei',
        kind: 'draw',
        parentId: line,
        principalFen: draw.principal * 100,
        openedOn: draw.openedOn,
        termMonths: draw.termMonths ?? 12,
        repaymentMethod: 'equal_installment',
        annualRateBp: 1000,
      },
      { asOfDay: AS_OF_DAY },
    );
  }
}

let orderId = 1;

function addRows(db: Db, rows: readonly BillRow[]): void {
  const batch = Number(
    db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('hand', '', 'alipay', 'hand', ?)").run(`${AS_OF}T00:00:00+08:00`).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       category, counterparty, credit_event, needs_review, raw_row, source_line)
     VALUES (?, ?, ?, ?, ?, ?, 'expense', '交易成功', 'completed', ?, ?, ?, 0, '', 0)`,
  );
  for (const row of rows) {
    const day = parseDay(row.on)!;
    insert.run(batch, row.platform ?? 'alipay', `hand-${orderId++}`, `${row.on}T12:00:00+08:00`, day * 86400 + 4 * 3600, Math.round((row.yuan ?? 10) * 100), row.category ?? '日用百货', row.counterparty ?? null, row.creditEvent ?? null);
  }
}

/** A fresh profile database holding the spec. */
export function handLedger(spec: LedgerSpec): Db {
  const db = openDatabase(join(tempDir('credence-score-'), 'profile.sqlite'));
  // A profile row as the app writes it (a real id): the CLI opens this file as a profile.
  db.prepare("INSERT INTO profile (id, uuid, name, created_at) VALUES (1, ?, 'hand', ?)").run(randomUUID(), `${AS_OF}T00:00:00+08:00`);
  for (const card of spec.cards ?? []) addCard(db, card);
  if (spec.jiebei) addJiebei(db, spec.jiebei);
  for (const on of spec.hardQueries ?? []) queryRecords.save(db, null, { queriedOn: on, institution: '某银行', reasonCode: '03' });
  if (spec.profile) saveProfileFacts(db, spec.profile);
  if (spec.sesameObserved) observationRecords.save(db, null, { kind: 'sesame', value: spec.sesameObserved.value, observedOn: spec.sesameObserved.on }, { asOfDay: AS_OF_DAY });
  if (spec.rows) addRows(db, spec.rows);
  return db;
}

export function scoreOf(spec: LedgerSpec): ScoreReport {
  const db = handLedger(spec);
  try {
    return scoreDatabase(db, AS_OF_DAY);
  } finally {
    db.close();
  }
}

/** The bureau-style score of a model with a number; fails the test when the file is not scorable. */
export function scoredBureau(report: ScoreReport): ScoredModelResult {
  const { score, range, band, bandRange } = report.bureau;
  if (score === null || range === null || band === null || bandRange === null) throw new Error(`not scorable: ${JSON.stringify(report.bureau.scorability?.checks.filter((c) => !c.met).map((c) => c.id))}`);
  return { ...report.bureau, score, range, band, bandRange };
}

/** A report whose bureau-style score has a number (a file the thin-file rules let score). */
export function scoredOf(spec: LedgerSpec): ScoreReport & { bureau: ScoredModelResult } {
  const report = scoreOf(spec);
  return { ...report, bureau: scoredBureau(report) };
}

export function ledgerOf(spec: LedgerSpec) {
  const db = handLedger(spec);
  try {
    return loadScoringLedger(db, AS_OF_DAY);
  } finally {
    db.close();
  }
}

/** A factor's row in a model's result. */
export function factor(model: ScoreReport['bureau'], key: string) {
  const f = model.factors.find((x) => x.key === key);
  if (!f) throw new Error(`no factor ${key}`);
  return f;
}

/** Rows on the 15th of each of the given months. */
export function monthlyRows(months: readonly string[], row: Omit<BillRow, 'on'> = {}): BillRow[] {
  return months.map((m) => ({ ...row, on: `${m}-15` }));
}

export function lastMonths(n: number, to: string = LATEST): string[] {
  return monthsBetween(formatMonth(parseMonth(to)! - n + 1), to);
}
