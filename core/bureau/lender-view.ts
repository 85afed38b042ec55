// The lender view: every rule of docs/domain/lender-heuristics.md (core/rules/lender-heuristics.ts,
// with the user's thresholds from settings.ts) evaluated on the simulated report with
// evaluateThreshold: pass, warn or fail, the value and the records that triggered it, and the day
// from which it is under each level (safe-to-apply.ts).

import type { LenderMetricValue } from './lender-metrics.ts';
import { figureOf, metricOf, prepareLenderMetrics } from './lender-metrics.ts';
import { ruleSafeToApply } from './safe-to-apply.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { evaluateThreshold, type LenderRule } from '../rules/lender-heuristics.ts';
import type { ScenarioOverrides } from './layouts.ts';
import type { EffectiveRule } from '../settings/bureau-settings.ts';
import { WINDOW_CHOICES } from '../settings/bureau-settings.ts';
import type { RuleEvaluation, RuleStatus } from './report-schema.ts';

/**
 * The number a rule is judged on. An amount the ledger cannot tell still exists: a current
 * overdue whose amount is unknown is more than 0 fen, so it fails "any current overdue".
 */
function probe(value: number | null, metric: LenderMetricValue, rule: LenderRule): number | null {
  if (value === null) return null;
  if (rule.unit === 'fen' && metric.missing > 0 && metric.records.length > 0) return Math.max(value, 1);
  return value;
}

function statusOf(value: number | null, metric: LenderMetricValue, rule: LenderRule): RuleStatus {
  const judged = probe(value, metric, rule);
  return judged === null ? 'unknown' : evaluateThreshold(judged, rule.threshold);
}

/**
 * A rule's status on its metric: on the accounts known to report, and, where accounts of unknown
 * reporting change it, with them counted as reported (the scores' point reading). The one place
 * the lender view and the score card judge a rule.
 */
export function ruleStatus(metric: LenderMetricValue, rule: LenderRule): { status: RuleStatus; ifUnknownReported: RuleStatus } {
  const status = statusOf(metric.value, metric, rule);
  return { status, ifUnknownReported: 'ifUnknownReported' in metric ? statusOf(metric.ifUnknownReported ?? null, metric, rule) : status };
}

export function lenderView(input: LedgerSnapshot, asOf: string, rules: readonly EffectiveRule[], overrides: ScenarioOverrides = {}): RuleEvaluation[] {
  const prepared = prepareLenderMetrics(input, asOf, overrides);
  return rules.map(({ rule, defaults, edited }) => {
    const metric = metricOf(prepared, rule.metric, rule.windowMonths, prepared.ctx.reportMonth);
    const { status, ifUnknownReported } = ruleStatus(metric, rule);
    const evaluation: RuleEvaluation = {
      ruleId: rule.id,
      metric: rule.metric,
      label: rule.label,
      explanation: rule.explanation,
      alternatives: rule.alternatives,
      sources: [...rule.sources],
      unit: rule.unit,
      windowMonths: rule.windowMonths,
      defaultWindowMonths: defaults.windowMonths,
      windowChoices: [...(WINDOW_CHOICES[rule.id] ?? [])],
      threshold: { ...rule.threshold },
      defaultThreshold: { ...defaults.threshold },
      edited,
      figure: figureOf(metric),
      status,
      safeToApply: ruleSafeToApply(prepared, rule, metric),
    };
    if (ifUnknownReported !== status) evaluation.statusIfUnknownReported = ifUnknownReported;
    return evaluation;
  });
}
