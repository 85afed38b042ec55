// Which query records are "hard" (docs/domain/pboc-report.md#hard-queries): the one place that
// decides it. The set of reason codes is the user's, per profile (stored with the bureau settings,
// core/settings/bureau-settings.ts); this module holds the sourced default and the test. Node-free, so
// the renderer may import it.
//
// A query's hardness is decided once, when the ledger reads its query records
// (core/ledger/queries.ts queryRecords.list, with the profile's set), and carried as `hard` on each
// record: the ledger's query list, the report's query rows, the lender metrics' hard-query
// windows (core/bureau/lender-metrics.ts) and the scoring engine's adjustments all read that flag.

import { z } from 'zod';
import { QUERY_REASON_CODES } from '../shared/reference-data.ts';

/**
 * docs/domain/pboc-report.md#hard-queries: the default hard set is {02, 03, 08, 20, 24, 26},
 * editable by the user. 02 贷款审批, 03 信用卡审批, 08 担保资格审查 are hard in every source cited
 * there; 20 保前审查 in some; 24 融资审批 and 26 额度审批 complete the "1x: before a loan,
 * guarantee or first credit line" group of pboc_conf.py inq_reason_cat, less 16 and 18.
 */
export const DEFAULT_HARD_QUERY_REASONS: readonly string[] = ['02', '03', '08', '20', '24', '26'];

export const HARD_QUERY_REASONS_SOURCE =
  'docs/domain/pboc-report.md#hard-queries (hard: 贷款审批, 信用卡审批, 担保资格审查, some add 保前审查; default {02, 03, 08, 20, 24, 26}, user-editable)';

/** The profile's hard set as the report shows it: the codes, the default, and whether the user changed it. */
export const hardQuerySetSchema = z.strictObject({ codes: z.array(z.string()), defaults: z.array(z.string()), edited: z.boolean() });
export type HardQueryReasons = z.output<typeof hardQuerySetSchema>;

/** Is a query with this reason code hard under the given set (the profile's, or the default)? */
export function isHardQuery(reasonCode: string, hardReasons: readonly string[] = DEFAULT_HARD_QUERY_REASONS): boolean {
  return hardReasons.includes(reasonCode);
}

/** A set of known reason codes (any order, repeats allowed; stored deduplicated in table order). */
export const hardQueryReasonsSchema = z.array(z.enum(QUERY_REASON_CODES)).max(100);

/** The codes deduplicated, in the order of the reason table (reference-data.ts). */
export function normalizeHardReasons(codes: readonly string[]): string[] {
  return QUERY_REASON_CODES.filter((code) => codes.includes(code));
}

export function defaultHardQueryReasons(): HardQueryReasons {
  const defaults = normalizeHardReasons(DEFAULT_HARD_QUERY_REASONS);
  return { codes: defaults, defaults, edited: false };
}
