// Report note 10 side by side: every line that has draws (Jiebei, Weilidai, …) shown as the
// report would show it per draw (each draw its own D1 account, "借10次→10笔已结清账户",
// docs/domain/platform-products.md#weilidai [C])
// and merged (one account, 不区分还款方式, monthly), with the whole report's key figures in each.
// Which one the report above uses is the line's chosen layout; this shows what the other would.

import { linesWithDraws, type ScenarioOverrides } from './layouts.ts';
import { accountView, computeCore, keyFigures } from './report-core.ts';
import type { EffectiveRule } from '../settings/bureau-settings.ts';
import type { BureauLayout } from '../shared/ledger-vocabulary.ts';
import type { LayoutComparison, LayoutSide } from './report-schema.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';

function side(snapshot: LedgerSnapshot, asOf: string, rules: readonly EffectiveRule[], lineId: number, layout: BureauLayout, base: ScenarioOverrides): LayoutSide {
  const layouts = new Map(base.layout ?? []);
  layouts.set(lineId, layout);
  const core = computeCore(snapshot, asOf, rules, { ...base, layout: layouts });
  return {
    layout,
    accounts: core.accounts.filter((a) => a.lineId === lineId).map((a) => accountView(a, core.reportMonth, core.graceRules)),
    figures: keyFigures(core),
    rules: core.lenderView.map((r) => ({ ruleId: r.ruleId, status: r.status })),
  };
}

export function layoutComparisons(snapshot: LedgerSnapshot, asOf: string, rules: readonly EffectiveRule[], base: ScenarioOverrides = {}): LayoutComparison[] {
  return linesWithDraws(snapshot).map(({ line, draws }) => ({
    lineId: line.id,
    lineName: line.name,
    product: line.product,
    chosen: base.layout?.get(line.id) ?? line.bureauLayout ?? 'merged_monthly',
    draws: draws.length,
    perDraw: side(snapshot, asOf, rules, line.id, 'per_draw', base),
    merged: side(snapshot, asOf, rules, line.id, 'merged_monthly', base),
  }));
}
