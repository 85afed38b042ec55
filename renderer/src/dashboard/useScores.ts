import type { Response } from '../../../core/ipc/contract.ts';
import { useLoaded, type Loaded } from '../accounts/useLedger.ts';
import { invoke } from '../api.ts';

export type ScoreReport = Response<'score.report'>;
export type ModelResult = ScoreReport['bureau'];
/** A model with a number (the estimate always; the bureau-style score when the file is scorable). */
export type ScoredModel = ScoreReport['sesame'];

/** The model as scored, or null when it has no number (a thin file: not scorable yet). */
export function scored(model: ModelResult): ScoredModel | null {
  const { score, range, band, bandRange } = model;
  return score !== null && range !== null && band !== null && bandRange !== null ? { ...model, score, range, band, bandRange } : null;
}
export type FactorResult = ModelResult['factors'][number];
export type Snapshot = Response<'score.history'>['snapshots'][number];
export type ProfileFactsReply = Response<'score.profile.get'>;

/** Both scores as of today; reload() after an edit on the page keeps the old ones on screen until the new arrive. */
export function useScoreReport(profileId: string): Loaded<ScoreReport> {
  return useLoaded(() => invoke('score.report', { profileId }), profileId);
}

export function useScoreHistory(profileId: string): Loaded<Response<'score.history'>> {
  return useLoaded(() => invoke('score.history', { profileId }), profileId);
}

export function useProfileFacts(profileId: string): Loaded<ProfileFactsReply> {
  return useLoaded(() => invoke('score.profile.get', { profileId }), profileId);
}
