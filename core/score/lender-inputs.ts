// The expert adjustments' inputs: the lender metrics of core/rules/lender-metrics.ts (the one
// place they are computed, shared with the simulated report's lender view), as value bounds.
//
// A metric's point value counts the accounts whose reporting is unknown as reported (as the
// bureau card's point estimate does); its bounds run from "only the accounts known to report"
// to "all of them". A sum with amounts the ledger cannot tell is a lower bound: unbounded above.
// Loan lines whose layout nobody confirmed (per-draw or merged, credit-domain §4 and report note
// 10) are computed both ways and the bounds cover both.

import type { BureauLayout } from '../ledger/types.ts';
import { formatDay } from '../ledger/calendar.ts';
import { computeLenderMetrics, type LenderMetrics, type LenderMetricValue } from '../rules/lender-metrics.ts';
import type { ValueBounds } from './bins.ts';
import type { ScoringLedger } from './scoring-ledger.ts';

export type AdjustmentInputs = Record<string, ValueBounds>;

function bounds(figure: LenderMetricValue): ValueBounds {
  const point = figure.ifUnknownReported !== undefined ? figure.ifUnknownReported : figure.value;
  if (point === null) return { value: null, low: null, high: null };
  const [low, high] = figure.range ?? [point, point];
  const partial = figure.missing > 0 && (figure.unit === 'fen' || figure.unit === 'ratio');
  return { value: point, low, high: partial ? null : high };
}

function union(a: ValueBounds, b: ValueBounds): ValueBounds {
  const lowest = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.min(x, y));
  const highest = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.max(x, y));
  return { value: a.value, low: lowest(a.low, b.low), high: highest(a.high, b.high) };
}

/** Lines with draws whose layout the user has not confirmed. */
export function unconfirmedLayoutLines(ledger: ScoringLedger): number[] {
  const parents = new Set(ledger.accounts.filter((a) => a.kind === 'draw' && a.parentId !== null).map((a) => a.parentId!));
  return ledger.accounts.filter((a) => a.kind === 'line' && a.bureauLayout === null && parents.has(a.id)).map((a) => a.id);
}

const cache = new WeakMap<ScoringLedger, Map<number, AdjustmentInputs>>();

function metricsFor(ledger: ScoringLedger, asOf: string, layout?: BureauLayout): LenderMetrics {
  const lines = layout ? unconfirmedLayoutLines(ledger) : [];
  const overrides = lines.length > 0 ? { layout: new Map(lines.map((id) => [id, layout!])) } : {};
  return computeLenderMetrics(ledger.lenderInput, asOf, ledger.rules, overrides);
}

/** Every lender rule's metric as of `asOfDay`, keyed by rule id (computed once per day and ledger). */
export function adjustmentInputs(ledger: ScoringLedger, asOfDay: number): AdjustmentInputs {
  let byDay = cache.get(ledger);
  if (!byDay) cache.set(ledger, (byDay = new Map()));
  const cached = byDay.get(asOfDay);
  if (cached) return cached;
  const asOf = formatDay(asOfDay);
  const base = metricsFor(ledger, asOf);
  const variants = unconfirmedLayoutLines(ledger).length > 0 ? [metricsFor(ledger, asOf, 'per_draw'), metricsFor(ledger, asOf, 'merged_monthly')] : [];
  const inputs: AdjustmentInputs = {};
  for (const [ruleId, figure] of Object.entries(base)) {
    inputs[ruleId] = variants.reduce((b, v) => union(b, bounds(v[ruleId]!)), bounds(figure));
  }
  byDay.set(asOfDay, inputs);
  return inputs;
}
