import type { LocalizedText } from '../shared/localized-text.ts';

/**
 * When the bureau-style score is "not scorable yet" (a thin file), as a versioned table
 * (docs/domain/explainable-scoring.md#minimum-scoring-criteria). The PBOC's own 数字解读 shows
 * `--` when it cannot be computed and publishes no criteria; FICO's minimum scoring criteria are
 * the most cited, and the CFPB's "unscored" files are the ones they exclude. Credence applies
 * FICO's two account criteria to the simulated report, and one of its own to the ledger: a
 * score needs at least one known month among the months the card reads. A file that fails any
 * check gets no number, no band and no percentile, each failing check saying what would meet it
 * (core/score/scorability.ts).
 */
export const SCORABILITY_VERSION = '2026-12-03.1';

/** What stands where the score would be, wherever a result is shown (CLI, export, pages' text). */
export const NOT_SCORABLE: LocalizedText = { 'zh-CN': '暂不能评分', en: 'not scorable yet' };

export type ScorabilityCheckId = 'reporting_account' | 'account_age' | 'recent_report' | 'known_months';

export interface ScorabilityRule {
  id: ScorabilityCheckId;
  /** The number of months the check asks for (its threshold or window). */
  months: number;
  label: LocalizedText;
  sources: readonly string[];
}

const PBOC = 'docs/domain/pboc-report.md#report-notes (note 3: the 数字解读 shows “--” when it cannot be computed) [A]';
const FICO = 'docs/domain/explainable-scoring.md#minimum-scoring-criteria (FICO: an account open 6 months or more, one reported within the past 6 months) [B]';
const CFPB = 'docs/domain/explainable-scoring.md#minimum-scoring-criteria (CFPB: “unscored” files, too few, too new or stale accounts) [B]';

export const SCORABILITY_RULES: readonly ScorabilityRule[] = [
  {
    id: 'reporting_account',
    months: 0,
    label: { 'zh-CN': '征信报告上有信用账户', en: 'A credit account on the report' },
    sources: [PBOC, CFPB],
  },
  {
    id: 'account_age',
    months: 6,
    label: { 'zh-CN': '至少一个上报账户已满 6 个月', en: 'An account on the report for 6 months or more' },
    sources: [FICO, CFPB],
  },
  {
    id: 'recent_report',
    months: 6,
    label: { 'zh-CN': '近 6 个月内有账户更新', en: 'An account reported within the last 6 months' },
    sources: [FICO, CFPB],
  },
  {
    id: 'known_months',
    months: 1,
    label: { 'zh-CN': '账本里知道评分读取的月份', en: 'The ledger knows the months the score reads' },
    sources: [PBOC, 'core/rules/scorability.ts: Credence’s own check on the ledger (a score needs at least one known month of the 6 the card reads)'],
  },
];

export function scorabilityRule(id: ScorabilityCheckId): ScorabilityRule {
  return SCORABILITY_RULES.find((r) => r.id === id)!;
}
