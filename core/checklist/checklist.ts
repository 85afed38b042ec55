// "Complete the picture": the facts the exports cannot know (a line's limit, a card's statement
// and due day, whether a product reports to the bureau, an open date, a draw's terms, income),
// each measured by the engine itself and ranked by how much it would tell. For every missing fact
// a copy of the ledger snapshot gets a plausible value (assumed-values.ts), an account whose
// history depends on it has its months computed again by the ledger's own pass, and the same
// report and scores as the Dashboard's are built from the copy: the effect is how many points
// narrower each score's range gets (the range is the engine's: core/score/bureau-range.ts and the
// Sesame-style estimate's bounds, with their reasons in core/score/uncertainty.ts) and how many
// cells of the simulated report go from unknown to known. Pure over a base read once at the edge.

import { buildBureauView } from '../bureau/view.ts';
import { buildReport } from '../bureau/report.ts';
import type { BureauReport } from '../bureau/report-schema.ts';
import { inferBillDays, type InferredBillDays } from '../ledger/bill-day-inference.ts';
import type { AccountRecord, AccountValues } from '../ledger/account-values.ts';
import { ensureLedger } from '../ledger/freshness.ts';
import { computeHistory } from '../ledger/history/monthly-history.ts';
import { historyInputOf, readLedgerInputs, type LedgerInputs } from '../ledger/recompute/history-inputs.ts';
import { loadLedgerSnapshot, snapshotAccount, type LedgerAccountSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { scoreSnapshot } from '../score/engine.ts';
import type { ScoreReport } from '../score/report-schema.ts';
import { readDismissals } from '../settings/checklist-dismissals.ts';
import { formatDay } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { Db } from '../storage/database.ts';
import { ASSUMED_INCOME, ASSUMED_LOAN_TERMS, ASSUMED_REPORTING, assumedBillDays, assumedLimit, assumedOpenedOn, type Assumed } from './assumed-values.ts';
import type { Checklist, ChecklistEffect, ChecklistFact, ChecklistQuestion } from './schema.ts';
import { effectText, inferredText, titleOf } from './text.ts';

export interface ChecklistBase {
  asOfDay: number;
  snapshot: LedgerSnapshot;
  inputs: LedgerInputs;
  /** Dismissed question keys, with when. */
  dismissed: Map<string, string>;
}

/** What the checklist reads, in one read transaction: the Dashboard's snapshot, the history pass's inputs, the dismissals. */
export function loadChecklistBase(db: Db, asOfDay: number): ChecklistBase {
  ensureLedger(db, asOfDay);
  return db.transaction(() => ({ asOfDay, snapshot: loadLedgerSnapshot(db, asOfDay), inputs: readLedgerInputs(db), dismissed: readDismissals(db) }))();
}

// ---------------------------------------------------------------- measuring

interface Measure {
  bureauWidth: number | null;
  sesameWidth: number | null;
  reportUnknowns: number;
}

const width = (range: { low: number; high: number } | null) => (range === null ? null : range.high - range.low);

/**
 * The report's cells that say "unknown": an account whose reporting is unknown, an amount or
 * balance the ledger cannot tell, a month coded `#`, an account type assumed, a figure that is a
 * range or a lower bound, and the income the debt-to-income rule needs.
 */
export function reportUnknowns(report: BureauReport): number {
  let n = report.monthlyIncomeFen === null ? 1 : 0;
  for (const a of report.accounts) {
    n += (a.reporting === 'unknown' ? 1 : 0) + (a.amountFen === null ? 1 : 0) + (a.balanceFen === null ? 1 : 0) + (a.typeAssumed ? 1 : 0);
    n += a.grid.filter((m) => m.status === '#').length;
  }
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ('unit' in o && 'records' in o) {
      if (o.value === null || o.range !== undefined || (typeof o.missing === 'number' && o.missing > 0)) n++;
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(report.summary);
  return n;
}

function measure(snapshot: LedgerSnapshot, asOfDay: number): Measure {
  const view = buildBureauView(snapshot, asOfDay);
  const scores: ScoreReport = scoreSnapshot(snapshot, view, { nextActions: false });
  return { bureauWidth: width(scores.bureau.range), sesameWidth: width(scores.sesame.range), reportUnknowns: reportUnknowns(buildReport(snapshot, formatDay(asOfDay))) };
}

const narrowed = (before: number | null, after: number | null) => (before === null || after === null ? null : Math.max(0, before - after));

function effectOf(base: Measure, filled: Measure): ChecklistEffect {
  return { bureauPoints: narrowed(base.bureauWidth, filled.bureauWidth), sesamePoints: narrowed(base.sesameWidth, filled.sesameWidth), reportCells: Math.max(0, base.reportUnknowns - filled.reportUnknowns) };
}

/** Fields whose value the monthly history is computed from: the account's months are computed again with the value filled. */
const HISTORY_FIELDS: ReadonlySet<string> = new Set(['statementDay', 'dueDay', 'openedOn', 'termMonths', 'repaymentMethod', 'annualRateBp']);

/** A copy of the snapshot with one account's values filled in (and its months recomputed when they depend on them). */
function filledSnapshot(base: ChecklistBase, accountId: number, values: Assumed['values']): LedgerSnapshot {
  const snapshot = structuredClone(base.snapshot);
  const i = snapshot.accounts.findIndex((a) => a.id === accountId);
  const account = snapshot.accounts[i]!;
  if (!Object.keys(values).some((field) => HISTORY_FIELDS.has(field))) {
    snapshot.accounts[i] = { ...account, ...(values as Partial<LedgerAccountSnapshot>), ...('reportsToBureau' in values ? { reportsToBureauSet: true } : {}) };
    return snapshot;
  }
  const record = base.inputs.byId.get(accountId)!;
  const edited: AccountRecord = { ...record, values: { ...record.values, ...(values as Partial<AccountValues>) } };
  const inputs: LedgerInputs = { ...base.inputs, byId: new Map(base.inputs.byId).set(accountId, edited), schedules: new Map() };
  const result = computeHistory(historyInputOf(inputs, edited, base.asOfDay));
  snapshot.accounts[i] = snapshotAccount(edited, result.rows, result.settledDay === null ? null : formatDay(result.settledDay));
  return snapshot;
}

function withIncome(base: ChecklistBase, monthlyIncomeFen: number): LedgerSnapshot {
  const snapshot = structuredClone(base.snapshot);
  snapshot.profileFacts = { ...snapshot.profileFacts, monthlyIncomeFen };
  return snapshot;
}

// ---------------------------------------------------------------- the questions

interface Candidate {
  fact: ChecklistFact;
  account: LedgerAccountSnapshot | null;
  fields: string[];
  assumed: Assumed;
  inferred: InferredBillDays | null;
}

const REVOLVING_BILLED: ReadonlySet<string> = new Set(['credit_card', 'huabei', 'baitiao', 'meituan_yuefu']);

function firstRecordDay(account: LedgerAccountSnapshot, inputs: LedgerInputs): string | null {
  const events = inputs.lineEvents.get(account.id) ?? inputs.events.get(account.id)?.events ?? [];
  return events.length === 0 ? null : formatDay(Math.min(...events.map((e) => e.day)));
}

/** Every fact missing from the ledger that some score or the report reads, with the value to measure it by. */
export function candidates(base: ChecklistBase): Candidate[] {
  const out: Candidate[] = [];
  const { inputs } = base;
  for (const account of base.snapshot.accounts) {
    const add = (fact: ChecklistFact, fields: string[], assumed: Assumed, inferred: InferredBillDays | null = null) => out.push({ fact, account, fields, assumed, inferred });
    // A line's draws report with it; its own reporting is the question.
    if (account.reportsToBureau === 'unknown' && account.kind !== 'draw') add('reporting', ['reportsToBureau'], ASSUMED_REPORTING);
    if (account.limitFen === null && (account.kind === 'revolving' || account.kind === 'line')) add('limit', ['limitFen'], assumedLimit(account));
    if (account.kind === 'revolving' && REVOLVING_BILLED.has(account.product) && (account.statementDay === null || account.dueDay === null)) {
      const inferred = inferBillDays(inputs.events.get(account.id)?.events ?? [], account.product, account.bank);
      add('billDays', ['statementDay', 'dueDay'], assumedBillDays(account, inferred), inferred);
    }
    const first = firstRecordDay(account, inputs);
    if (account.openedOn === null && account.kind !== 'draw' && first !== null) add('openedOn', ['openedOn'], assumedOpenedOn(account, first));
    if (account.kind === 'draw' && account.termMonths === null) add('loanTerms', ['termMonths', 'repaymentMethod', 'annualRateBp'], ASSUMED_LOAN_TERMS);
  }
  if (base.snapshot.profileFacts.monthlyIncomeFen === null) out.push({ fact: 'income', account: null, fields: ['monthlyIncomeFen'], assumed: ASSUMED_INCOME, inferred: null });
  return out;
}

const keyOf = (c: Candidate) => (c.account ? `${c.fact}:${c.account.id}` : c.fact);

/** The larger narrowing first (both scores' points together), then the more report cells, then the key (a stable order). */
function byEffect(a: ChecklistQuestion, b: ChecklistQuestion): number {
  const points = (q: ChecklistQuestion) => (q.effect.bureauPoints ?? 0) + (q.effect.sesamePoints ?? 0);
  return points(b) - points(a) || b.effect.reportCells - a.effect.reportCells || a.key.localeCompare(b.key);
}

/** The checklist of a base: every missing fact, measured, ranked; the dismissed ones apart. */
export function buildChecklist(base: ChecklistBase): Checklist {
  const before = measure(base.snapshot, base.asOfDay);
  const questions: ChecklistQuestion[] = candidates(base).map((c) => {
    const snapshot = c.account ? filledSnapshot(base, c.account.id, c.assumed.values) : withIncome(base, c.assumed.values.monthlyIncomeFen as number);
    const effect = effectOf(before, measure(snapshot, base.asOfDay));
    const inferred: ChecklistQuestion['inferred'] = c.inferred
      ? { values: { statementDay: c.inferred.statementDay, dueDay: c.inferred.dueDay }, months: c.inferred.months, matched: c.inferred.matched, text: inferredText(c.inferred), source: c.inferred.gapSource, ruleVersion: c.inferred.ruleVersion }
      : null;
    const title: LocalizedText = titleOf(c.fact, c.account?.name ?? null);
    return {
      key: keyOf(c),
      fact: c.fact,
      accountId: c.account?.id ?? null,
      accountName: c.account?.name ?? null,
      product: c.account?.product ?? null,
      fields: c.fields,
      assumed: c.assumed.values,
      assumedWhy: c.assumed.why,
      effect,
      inferred,
      title,
      text: effectText(effect),
    };
  });
  questions.sort(byEffect);
  return {
    asOf: formatDay(base.asOfDay),
    questions: questions.filter((q) => !base.dismissed.has(q.key)),
    dismissed: questions.filter((q) => base.dismissed.has(q.key)).map((q) => ({ ...q, dismissedAt: base.dismissed.get(q.key)! })),
    base: { ...before, monthlyIncomeFen: base.snapshot.profileFacts.monthlyIncomeFen },
  };
}

/** Every key the checklist could ask about now (a dismissal names one of them). */
export function questionKeys(base: ChecklistBase): Set<string> {
  return new Set(candidates(base).map(keyOf));
}
