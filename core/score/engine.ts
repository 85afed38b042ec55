// The scoring engine: the one place a ledger becomes scores. It scores the engine's form of a
// ledger snapshot (load-ledger.ts: the snapshot through its bureau view) as of a day with both
// models, each explained factor by factor, as a point and the range its uncertain inputs allow,
// with the smallest next action. The main process (IPC), the CLI, score history and what-if
// scenarios all come through scoreLedger(); nothing else scores.
//
//   bureau  the fitted card (models/bureau-v1.json, bureau-range.ts, read as bureau-reading.ts
//           says) plus the expert adjustments (adjustments.ts) on the lender metrics
//           (core/bureau/lender-metrics.ts); nothing for a thin file (scorability.ts); the lender
//           rules the report fails, shown with the band they cap (models/bureau-bands-v1.ts)
//   sesame  the Sesame-style estimate (models/sesame-estimate-v1.ts, sesame-estimate.ts)

import type { BureauView } from '../bureau/view.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { CredenceError } from '../shared/errors.ts';
import { formatDay, formatMonth } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { SCORER_VISIBILITY_VERSION } from '../rules/scorer-visibility.ts';
import { ADJUSTMENTS, adjustmentFactor, ruleOf } from './adjustments.ts';
import { exact } from './bins.ts';
import { scoreBureauRange } from './bureau-range.ts';
import { cardLoss, extrapolationText, notApplicableFeatures, pointVector } from './bureau-reading.ts';
import { percentileOf } from './bureau-scorecard.ts';
import { bandOf, topReasons } from './explain.ts';
import { bureauFeatures, bureauMonths, sesameInputs, type BureauMonth } from './ledger-features.ts';
import { adjustmentInputs, ruleVerdicts, unconfirmedLayoutLines, type AdjustmentInputs } from './lender-inputs.ts';
import { loadScoringLedger, scoringLedgerOf } from './load-ledger.ts';
import { BAND_CAP_CONVENTION, BAND_CAP_SOURCES, BUREAU_BAND_CAPS, BUREAU_BAND_SOURCES, BUREAU_BANDS, BUREAU_IMPACT } from './models/bureau-bands-v1.ts';
import { bureauCaveats } from './models/bureau-caveats-v1.ts';
import { scorabilityOf } from './scorability.ts';
import { DEFAULT_MODELS, type EngineModels } from './models.ts';
import { bureauNextAction, sesameNextAction } from './next-action.ts';
import { seenBy, type ScoringLedger } from './scoring-ledger.ts';
import { scoreSesame, type SesameInputs } from './sesame-estimate.ts';
import type { BandResult, Extrapolation, FailingRule, ModelResult, ReasonResult, ScoredModelResult, ScoreReport } from './report-schema.ts';
import { uncertaintyNotes, unknownMonths } from './uncertainty.ts';

export { DEFAULT_MODELS, type EngineModels };

const HISTORY_24 = 24;

export interface ScoreOptions {
  /** Day number; default: the day the ledger was loaded for. */
  asOfDay?: number;
  models?: EngineModels;
  /** Search for the next action (default true; what-if sliders may skip it). */
  nextActions?: boolean;
}

/** The lender rules the report fails as of the day, each with the band cap it sets (the user's, else the convention's). */
function failingRules(ledger: ScoringLedger, asOfDay: number): FailingRule[] {
  return ruleVerdicts(ledger, asOfDay)
    .filter((v) => v.status === 'fail' || v.ifUnknownReported === 'fail')
    .map(({ rule, status, value }) => {
      const edited = Object.hasOwn(ledger.bandCaps, rule.id);
      return {
        ruleId: rule.id,
        label: rule.label,
        explanation: rule.explanation,
        unit: rule.unit,
        value,
        fail: rule.threshold.fail!,
        comparison: rule.threshold.comparison,
        certain: status === 'fail',
        capBand: edited ? ledger.bandCaps[rule.id]! : (BUREAU_BAND_CAPS[rule.id] ?? null),
        capEdited: edited,
        sources: [`core/rules/lender-heuristics.ts rule ${rule.id}`, ...rule.sources],
      };
    });
}

const bandRank = (bands: readonly BandResult[], id: string) => bands.findIndex((b) => b.id === id);

/** `band`, or the lowest cap of the rules that fail at the point when that is lower. */
function capped(bands: readonly BandResult[], band: BandResult, caps: readonly FailingRule[]): BandResult {
  let out = band;
  for (const rule of caps) {
    const cap = bands.find((b) => b.id === rule.capBand);
    if (cap && bandRank(bands, cap.id) < bandRank(bands, out.id)) out = cap;
  }
  return out;
}

/** What the result says of the bureau model itself, the same for every score it gives: built once per model. */
function modelTexts(model: EngineModels['bureau']): { disclaimer: ModelResult['disclaimer']; scale: ModelResult['scale']; sources: readonly string[] } {
  let texts = modelTextsOf.get(model);
  if (!texts) {
    texts = {
      disclaimer: {
        'zh-CN': `${model.description['zh-CN']} 调整项为常见银行经验规则（非监管规定），按假定的几率换算成分数。`,
        en: `${model.description.en} Adjustments are commonly cited lender heuristics (not regulation), turned into points from assumed odds.`,
      },
      // The fitted cards' range; expert adjustments can take a score below it.
      scale: { low: Math.min(...model.segments.map((s) => s.minScore)), high: Math.max(...model.segments.map((s) => s.maxScore)) },
      sources: [
        `core/score/models/bureau-v1.model-card.md: ${model.id} ${model.version}, 5-fold × 3 AUC ${model.validation.auc.mean.toFixed(3)}, KS ${model.validation.ks.mean.toFixed(3)}`,
        model.provenance.dataset.citation,
        ...BUREAU_BAND_SOURCES,
        'core/score/adjustments.ts (docs/domain/lender-heuristics.md, core/rules/lender-heuristics.ts)',
      ],
    };
    modelTextsOf.set(model, texts);
  }
  return texts;
}

const modelTextsOf = new WeakMap<EngineModels['bureau'], { disclaimer: ModelResult['disclaimer']; scale: ModelResult['scale']; sources: readonly string[] }>();

function bureauResult(ledger: ScoringLedger, models: EngineModels, asOfDay: number, latest: number, months: BureauMonth[], inputs: AdjustmentInputs, withActions: boolean): ModelResult {
  const model = models.bureau;
  const bands = [...BUREAU_BANDS];
  const scorability = scorabilityOf(ledger, latest, months);
  const failing = failingRules(ledger, asOfDay);
  const texts = modelTexts(model);
  const common = {
    modelId: model.id,
    modelVersion: model.version,
    name: model.name,
    disclaimer: texts.disclaimer,
    scale: texts.scale,
    bands,
    dimensions: [],
    thresholds: [],
    observed: null,
    sources: [...texts.sources, `core/rules/scorability.ts v${scorability.rulesVersion} (docs/domain/explainable-scoring.md#minimum-scoring-criteria)`],
    scorability,
    failingRules: failing,
  };
  // A thin file: no number, no band, no percentile (the 数字解读's `--`), only why and what would change it.
  if (!scorability.scorable) {
    return { ...common, score: null, range: null, band: null, bandRange: null, factors: [], reasons: [], uncertainty: [], nextAction: null, percentile: null, segment: null, bandCap: null, extrapolation: null };
  }

  const { point, bounds } = bureauFeatures(months);
  const options = { notApplicable: notApplicableFeatures(months), caveats: bureauCaveats(model) };
  const reading = pointVector(model, point);
  const card = scoreBureauRange(model, reading.vector, bounds, BUREAU_IMPACT, options);
  let cardRange = card.range;
  let extrapolation: Extrapolation | null = null;
  if (reading.extrapolated) {
    const own = reading.bounded ? scoreBureauRange(model, point, bounds, BUREAU_IMPACT, options) : card;
    cardRange = { low: Math.min(cardRange.low, own.range.low), high: Math.max(cardRange.high, own.range.high) };
    extrapolation = { ...reading.extrapolated, cardScore: own.point.score, text: extrapolationText(reading.extrapolated, reading.bounded, own.point.score, model.provenance.dataset.rows) };
  }
  const pdo = model.scaling.pdo;
  const adjustments = ADJUSTMENTS.map((row) =>
    adjustmentFactor(row, ruleOf(row, ledger.rules), inputs[row.ruleId] ?? exact(null), pdo, BUREAU_IMPACT, cardLoss(card.point, row.pricedByCard)),
  );
  const factors = [...card.factors, ...adjustments];
  const score = card.point.score + adjustments.reduce((s, f) => s + f.points, 0);
  const range = {
    low: cardRange.low + adjustments.reduce((s, f) => s + f.pointsRange.low, 0),
    high: cardRange.high + adjustments.reduce((s, f) => s + f.pointsRange.high, 0),
  };
  const segmentReasons: ReasonResult[] = card.point.reasons
    .filter((r) => r.key.startsWith('segment:'))
    .map((r) => ({ key: r.key, origin: 'segment', pointsBelowBest: r.pointsBelowBest, text: r.text }));
  const own = bandOf(bands, score);
  // The cap follows the score's point reading: accounts of unknown reporting counted as reported.
  const failsAtPoint = new Set(ruleVerdicts(ledger, asOfDay).filter((v) => v.ifUnknownReported === 'fail').map((v) => v.rule.id));
  const caps = failing.filter((r) => r.capBand !== null && failsAtPoint.has(r.ruleId));
  const band = capped(bands, own, caps);
  const capping = caps.filter((r) => r.capBand === band.id);
  return {
    ...common,
    score,
    range,
    band,
    bandRange: { low: capped(bands, bandOf(bands, range.low), caps), high: capped(bands, bandOf(bands, range.high), caps) },
    factors,
    reasons: topReasons(factors, segmentReasons),
    uncertainty: uncertaintyNotes(ledger, {
      accounts: ledger.accounts.filter((a) => seenBy('bureau', a)),
      from: latest - months.length + 1,
      to: latest,
      reporting: true,
      layoutUnknown: unconfirmedLayoutLines(ledger).length,
      unobservable: false,
      historyShort: months.filter((m) => m.beforeHistory > 0).length,
      scorableIfReported: scorability.onlyIfUnknownReported,
    }),
    nextAction: withActions ? bureauNextAction({ ledger, models, asOfDay, latest, months, inputs, score }) : null,
    percentile: percentileOf(model.percentiles, score),
    segment: card.segments.join('|'),
    bandCap: band.id === own.id ? null : { uncapped: own, ruleIds: capping.map((r) => r.ruleId), convention: BAND_CAP_CONVENTION, sources: [...BAND_CAP_SOURCES] },
    extrapolation,
  };
}

// ---------------------------------------------------------------- the Sesame-style estimate

function sesameResult(ledger: ScoringLedger, models: EngineModels, asOfDay: number, latest: number, inputs: SesameInputs, withActions: boolean): ScoredModelResult {
  const model = models.sesame;
  const scored = scoreSesame(model, inputs);
  const observed = ledger.observations.filter((o) => o.kind === 'sesame' && o.day <= asOfDay).sort((a, b) => b.day - a.day)[0];
  return {
    modelId: model.id,
    modelVersion: model.version,
    name: model.name,
    disclaimer: model.disclaimer,
    score: scored.score,
    range: scored.range,
    scale: model.scale,
    band: scored.band,
    bandRange: scored.bandRange,
    bands: model.bands,
    factors: scored.factors,
    reasons: scored.reasons,
    uncertainty: uncertaintyNotes(ledger, {
      accounts: ledger.accounts,
      from: latest - HISTORY_24 + 1,
      to: latest,
      reporting: false,
      layoutUnknown: 0,
      unobservable: true,
    }),
    nextAction: withActions ? sesameNextAction({ ledger, models, asOfDay, latest, inputs, score: scored.score }) : null,
    percentile: null,
    segment: null,
    dimensions: scored.dimensions,
    thresholds: scored.thresholds,
    observed: observed ? { value: observed.value, observedOn: formatDay(observed.day), gap: observed.value - scored.score } : null,
    sources: [...model.sources, model.weightSource, ...model.bandSources, `core/rules/scorer-visibility.ts v${SCORER_VISIBILITY_VERSION}: only what Ant sees`],
    scorability: null,
    failingRules: [],
    bandCap: null,
    extrapolation: null,
  };
}

// ---------------------------------------------------------------- the report

/** How many of `items` `test` admits, counted without a filtered copy (every scored month counts every account). */
function countOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

/** Both models as of a day (default: the day the ledger was loaded for). */
export function scoreLedger(ledger: ScoringLedger, options: ScoreOptions = {}): ScoreReport {
  const asOfDay = options.asOfDay ?? ledger.loadedAsOf;
  if (asOfDay > ledger.loadedAsOf) throw new CredenceError('score.as_of_out_of_range', { asOf: formatDay(asOfDay), loaded: formatDay(ledger.loadedAsOf) });
  const models = options.models ?? DEFAULT_MODELS;
  const withActions = options.nextActions !== false;
  const latest = reportMonthOf(asOfDay);
  const adjustmentsIn = adjustmentInputs(ledger, asOfDay);
  const months = bureauMonths(ledger, latest);
  const estimateIn = sesameInputs(ledger, latest);
  return {
    asOf: formatDay(asOfDay),
    latestMonth: formatMonth(latest),
    inputs: {
      accounts: ledger.accounts.length,
      reportingUnknown: countOf(ledger.accounts, (a) => a.onReport === 'unknown'),
      unknownMonths: unknownMonths(ledger.accounts, latest - HISTORY_24 + 1, latest),
      needsReviewEvents: ledger.needsReview,
      hardQueries12m: countOf(ledger.queries, (q) => q.hard && q.day <= asOfDay && q.day > asOfDay - 365),
    },
    bureau: bureauResult(ledger, models, asOfDay, latest, months, adjustmentsIn, withActions),
    sesame: sesameResult(ledger, models, asOfDay, latest, estimateIn, withActions),
  };
}

/**
 * Both scores of a snapshot through its bureau view (default as of the view's day): a pure
 * function of the two, the seam a what-if calls with an edited copy of a snapshot.
 */
export function scoreSnapshot(snapshot: LedgerSnapshot, view: BureauView, options: ScoreOptions = {}): ScoreReport {
  return scoreLedger(scoringLedgerOf(snapshot, view), { asOfDay: view.asOfDay, ...options });
}

/** Reads a profile's snapshot for `asOfDay` and scores it: what the CLI and the score history call. */
export function scoreDatabase(db: Db, asOfDay: number, options: Omit<ScoreOptions, 'asOfDay'> = {}): ScoreReport {
  return scoreLedger(loadScoringLedger(db, asOfDay), { ...options, asOfDay });
}
