// What a what-if takes and gives, declared once as zod schemas: the IPC channels
// (core/ipc/channels/whatif.ts) check every request and response against them, the CLI reads
// scenario files with them, and the engine, the CLI and the renderer read their types off them.
// Node-free (the contract is bundled into the preload). Amounts are integer fen; dates
// `YYYY-MM-DD` and months `YYYY-MM`, China wall-clock (UTC+8).
//
// A scenario is an ordered list of dated actions. An account an action creates (a new card,
// draw or loan, the bank loan of a consolidation) is account −N, N being the action's position
// in the list (1 for the first action), so later actions can name it.

import { z } from 'zod';
import { parseDay, parseMonth } from '../shared/calendar.ts';
import { INSTITUTION_TYPES, REPAYMENT_METHODS, REPORTS_TO_BUREAU } from '../shared/ledger-vocabulary.ts';
import { QUERY_REASON_CODES } from '../shared/reference-data.ts';
import { MAX_SCENARIOS, type ActionType } from '../shared/whatif-actions.ts';

const day = z.string().refine((text) => parseDay(text) !== null);
const month = z.string().refine((text) => parseMonth(text) !== null);
const amount = z.number().int().min(1).max(1_000_000_000_00);
const fenOrZero = z.number().int().min(0).max(1_000_000_000_00);
/** An existing account (positive id) or one an earlier action of the scenario creates (−N). */
const accountId = z.number().int().refine((id) => id !== 0);
const name = z.string().trim().min(1).max(80);
const lender = z.string().trim().min(1).max(100);
const termMonths = z.number().int().min(1).max(600);
const rateBp = z.number().int().min(0).max(10000);
const scheduledMethod = z.enum(REPAYMENT_METHODS.filter((m) => m !== 'flexible') as [string, ...string[]]);

// The kinds of action live in core/shared (the page picks by them); the union below has one variant each.
export { ACTION_TYPES, MAX_SCENARIOS, type ActionType } from '../shared/whatif-actions.ts';

export const actionSchema = z.discriminatedUnion('type', [
  /** Pays `amountFen` on a revolving account: the day before the month's statement day, or the day before the bill's due day. */
  z.strictObject({ type: z.literal('pay'), accountId, amountFen: amount, month, timing: z.enum(['before_statement', 'before_due']) }),
  /** Pays everything past due on the day (a revolving account: its whole balance). */
  z.strictObject({ type: z.literal('clear_overdue'), accountId, on: day }),
  /** The payment that falls due in `month` is not made; the next due day catches up. */
  z.strictObject({ type: z.literal('miss_payment'), accountId, month }),
  /** The payment that falls due in `month` is made `daysLate` days after its due day. */
  z.strictObject({ type: z.literal('pay_late'), accountId, month, daysLate: z.number().int().min(1).max(180) }),
  z.strictObject({
    type: z.literal('hard_query'),
    on: day,
    institution: z.string().trim().min(1).max(100),
    institutionType: z.enum(INSTITUTION_TYPES).nullable().default(null),
    reasonCode: z.enum(QUERY_REASON_CODES),
  }),
  z.strictObject({
    type: z.literal('new_card'),
    on: day,
    name: name.optional(),
    lender,
    institutionType: z.enum(INSTITUTION_TYPES).default('11'),
    limitFen: amount,
    statementDay: z.number().int().min(1).max(28),
    dueDay: z.number().int().min(1).max(28),
    /** Charged once a cycle, the day after the statement day, and repaid in full by each due day. */
    spendFen: fenOrZero.default(0),
    reportsToBureau: z.enum(REPORTS_TO_BUREAU).default('yes'),
    /** The application leaves a 信用卡审批 (03) query on the day. */
    query: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal('new_draw'),
    on: day,
    lineId: accountId,
    amountFen: amount,
    termMonths: z.number().int().min(1).max(60),
    repaymentMethod: scheduledMethod.default('equal_installment'),
    annualRateBp: rateBp,
    /** Whether the draw leaves a 贷款审批 (02) query: sources disagree (docs/domain/pboc-report.md#hard-queries). */
    query: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal('new_loan'),
    on: day,
    name: name.optional(),
    product: z.enum(['bank_loan', 'car_loan', 'mortgage', 'other']).default('bank_loan'),
    lender,
    institutionType: z.enum(INSTITUTION_TYPES).default('11'),
    amountFen: amount,
    termMonths,
    repaymentMethod: scheduledMethod.default('equal_installment'),
    annualRateBp: rateBp,
    reportsToBureau: z.enum(REPORTS_TO_BUREAU).default('yes'),
    query: z.boolean().default(true),
  }),
  /** A card: no spending from the day, its last bill repaid, closed (销户) once nothing is owed. A loan: settled early on the day. */
  z.strictObject({ type: z.literal('close_account'), accountId, on: day }),
  /** One new bank loan of what the chosen accounts owe on the day, which repays them; one 贷款审批 query. */
  z.strictObject({
    type: z.literal('consolidate'),
    on: day,
    accountIds: z.array(accountId).min(1).max(20).refine((ids) => new Set(ids).size === ids.length),
    name: name.optional(),
    lender,
    institutionType: z.enum(INSTITUTION_TYPES).default('11'),
    termMonths,
    repaymentMethod: scheduledMethod.default('equal_installment'),
    annualRateBp: rateBp,
  }),
  /** The account is on the report from `fromMonth` (the Huabei authorisation): reported yes, since that month. */
  z.strictObject({ type: z.literal('start_reporting'), accountId, fromMonth: month }),
  z.strictObject({ type: z.literal('change_limit'), accountId, on: day, limitFen: fenOrZero }),
  z.strictObject({ type: z.literal('change_income'), on: day, monthlyIncomeFen: fenOrZero }),
  /** No application (no new query, card, draw or loan) from `from` for `months` months. */
  z.strictObject({ type: z.literal('stop_applications'), from: day, months: z.number().int().min(1).max(60) }),
  /** Look `months` months ahead: the scenario's result is read then (the timeline runs at least that far). */
  z.strictObject({ type: z.literal('let_time_pass'), months: z.number().int().min(1).max(120) }),
]);
export type WhatIfAction = z.output<typeof actionSchema>;

/**
 * An action as core answers it (results, saved scenarios, the plan): every field present, so the
 * answer's schema has no default to fill in what its producer left out (the wire is strict).
 */
export const actionAnswerSchema = z.discriminatedUnion(
  'type',
  actionSchema.options.map((variant) =>
    z.strictObject(Object.fromEntries(Object.entries(variant.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]))),
  ) as unknown as typeof actionSchema.options,
);
export type WhatIfActionInput = z.input<typeof actionSchema>;
export type ActionOf<T extends ActionType> = Extract<WhatIfAction, { type: T }>;

export const MAX_ACTIONS = 40;
export const DEFAULT_MONTHS = 24;
export const MAX_MONTHS = 120;

/** A scenario as a file, a request or a saved row holds it; the actions are checked one by one (validate.ts). */
export const scenarioInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  actions: z.array(z.unknown()).max(MAX_ACTIONS),
});
export type ScenarioInput = z.input<typeof scenarioInputSchema>;

export const scenarioSchema = z.strictObject({ name: z.string().trim().min(1).max(80), actions: z.array(actionSchema).max(MAX_ACTIONS) });
export type Scenario = z.output<typeof scenarioSchema>;

export const whatIfOptionsSchema = z.strictObject({
  asOf: day.optional(),
  months: z.number().int().min(1).max(MAX_MONTHS).optional(),
});
export type WhatIfOptions = z.output<typeof whatIfOptionsSchema>;

/** A planner goal: a score (or a band's lower bound) of one model, or every lender rule passing. */
export const goalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('score'), model: z.enum(['bureau', 'sesame']), score: z.number().int().min(0).max(1000) }),
  z.strictObject({ kind: z.literal('band'), model: z.enum(['bureau', 'sesame']), band: z.string().min(1).max(20) }),
  z.strictObject({ kind: z.literal('lender'), pass: z.literal(true) }),
]);
export type Goal = z.output<typeof goalSchema>;

/** The goal as the CLI and the page write it: bureau:600, sesame:good (a band), lender:pass. */
export function goalSpec(goal: Goal): string {
  return goal.kind === 'lender' ? 'lender:pass' : `${goal.model}:${goal.kind === 'score' ? goal.score : goal.band}`;
}

/** A goal from its spec (goalSpec), or null when it is not one; a band's id is checked by the planner against the model's bands. */
export function parseGoalSpec(text: string): Goal | null {
  const match = /^(bureau|sesame|lender):([a-z_]+|\d+)$/.exec(text.trim());
  if (!match) return null;
  const [, model, value] = match;
  if (model === 'lender') return value === 'pass' ? { kind: 'lender', pass: true } : null;
  const parsed = goalSchema.safeParse(/^\d+$/.test(value) ? { kind: 'score', model, score: Number(value) } : { kind: 'band', model, band: value });
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------- results

const localizedText = z.strictObject({ 'zh-CN': z.string(), en: z.string() });
const ruleStatus = z.enum(['pass', 'warn', 'fail', 'unknown']);
export type RuleStatus = z.output<typeof ruleStatus>;
const nullableNumber = z.number().nullable();

const bandRef = z.strictObject({ id: z.string(), label: localizedText });
/** A score in a month; every field null when the bureau-style score cannot score the file then (a thin file). */
const scoreAt = z.strictObject({
  score: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  band: bandRef.nullable(),
  /** Bands of the range's ends. */
  bandLow: z.string().nullable(),
  bandHigh: z.string().nullable(),
});
export type ScoreAt = z.output<typeof scoreAt>;

/** One key figure of the report (core/bureau/figures.ts Figure, without the records behind it). */
const figureValue = z.strictObject({
  value: nullableNumber,
  ifUnknownReported: nullableNumber.optional(),
  range: z.tuple([z.number(), z.number()]).optional(),
  missing: z.number().int(),
});
export type FigureValue = z.output<typeof figureValue>;

const ruleAt = z.strictObject({
  ruleId: z.string(),
  status: ruleStatus,
  statusIfUnknownReported: ruleStatus.optional(),
  value: nullableNumber,
  safeToApply: z.strictObject({ warn: day.nullable(), fail: day.nullable() }).nullable(),
});
export type RuleAt = z.output<typeof ruleAt>;

const factorDelta = z.strictObject({
  model: z.enum(['bureau', 'sesame']),
  key: z.string(),
  label: localizedText,
  unit: z.string(),
  points: z.number(),
  pointsBefore: z.number(),
  pointsAfter: z.number(),
  valueBefore: nullableNumber,
  valueAfter: nullableNumber,
  /** The first month from which the factor differs. */
  since: month,
  text: localizedText,
});
export type FactorDelta = z.output<typeof factorDelta>;

const monthResult = z.strictObject({
  /** The report month (the last month ended by `asOf`). */
  month,
  asOf: day,
  bureau: scoreAt,
  sesame: scoreAt,
  figures: z.record(z.string(), figureValue),
  rules: z.array(ruleAt),
  /** The worst status of the lender rules. */
  verdict: ruleStatus,
  /** Against the baseline in the same month (the baseline: against its first month). */
  deltas: z.array(factorDelta),
});
export type MonthResult = z.output<typeof monthResult>;

const cashItem = z.strictObject({
  actionIndex: z.number().int(),
  on: day,
  accountId: z.number().int(),
  /** Paid out (a repayment), or received (a loan's disbursement: negative). */
  amountFen: z.number().int(),
  text: localizedText,
});
export type CashItem = z.output<typeof cashItem>;

const scenarioAccount = z.strictObject({ id: z.number().int(), name: z.string(), product: z.string(), kind: z.string(), created: z.boolean() });

const scenarioResult = z.strictObject({
  /** The saved scenario's id, when it is one. */
  id: z.number().int().nullable(),
  name: z.string(),
  actions: z.array(actionAnswerSchema),
  months: z.array(monthResult),
  /** Index into months of the month the scenario is read at (let time pass; else the last). */
  focus: z.number().int(),
  /** The first day from which every lender rule passes and keeps passing to the end of the timeline. */
  safeToApply: z.strictObject({ on: day.nullable(), text: localizedText }),
  cash: z.array(cashItem),
  cashTotalFen: z.number().int(),
  /** What the scenario takes as given (frozen), with every result. */
  assumptions: z.array(localizedText),
  /** What the engine noticed while applying the actions (nothing overdue to clear, …). */
  notes: z.array(localizedText),
  accounts: z.array(scenarioAccount),
});
export type ScenarioResult = z.output<typeof scenarioResult>;

const bandResult = z.strictObject({ id: z.string(), label: localizedText, lower: z.number(), upper: nullableNumber });

export const comparisonSchema = z.strictObject({
  asOf: day,
  months: z.number().int(),
  models: z.strictObject({
    bureau: z.strictObject({ name: localizedText, bands: z.array(bandResult), scale: z.strictObject({ low: z.number(), high: z.number() }) }),
    sesame: z.strictObject({ name: localizedText, bands: z.array(bandResult), scale: z.strictObject({ low: z.number(), high: z.number() }) }),
  }),
  figures: z.array(z.strictObject({ key: z.string(), label: localizedText, unit: z.enum(['count', 'fen', 'months', 'month', 'ratio']) })),
  rules: z.array(z.strictObject({ ruleId: z.string(), label: localizedText })),
  baseline: scenarioResult,
  scenarios: z.array(scenarioResult).max(MAX_SCENARIOS),
});
export type Comparison = z.output<typeof comparisonSchema>;

const planStep = z.strictObject({ action: actionAnswerSchema, why: localizedText });

export const targetResultSchema = z.strictObject({
  goal: goalSchema,
  by: day,
  reached: z.boolean(),
  /** The smallest set of actions found that reaches the goal by the date (empty when it is reached already or cannot be). */
  steps: z.array(planStep),
  cashFen: z.number().int(),
  /** The first day from which the goal holds on every report through the date (with the steps), when it does by the date. */
  earliest: day.nullable(),
  /** When not by the date: the first report month end after it on which every candidate measure meets the goal (null: not within the longest timeline). */
  reachableOn: day.nullable(),
  explanation: z.array(localizedText),
  /** The plan as a scenario, with its month by month result. */
  scenario: scenarioResult.nullable(),
});
export type TargetResult = z.output<typeof targetResultSchema>;

export const savedScenarioSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  actions: z.array(actionAnswerSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Marked as the client's plan: when (the adviser's plan checklist builds on it). */
  planMarkedAt: z.string().nullable(),
});
export type SavedScenario = z.output<typeof savedScenarioSchema>;

export const planMarkSchema = z.strictObject({
  scenarioId: z.number().int(),
  name: z.string(),
  markedAt: z.string(),
  asOf: day,
  actions: z.array(actionAnswerSchema),
});
export type PlanMark = z.output<typeof planMarkSchema>;
