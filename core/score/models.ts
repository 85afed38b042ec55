// The models the engine scores with, and the bureau card's fast point path shared by the engine
// and the next-action search.

import type { BureauModel } from './bureau-scorecard.ts';
import { bureauPoint } from './bureau-reading.ts';
import type { BureauMonth } from './ledger-features.ts';
import type { AdjustmentInputs } from './lender-inputs.ts';
import bureauV1 from './models/bureau-v1.json' with { type: 'json' };
import { SESAME_ESTIMATE_V1 } from './models/sesame-estimate-v1.ts';
import type { ScoringLedger } from './scoring-ledger.ts';
import type { SesameModel } from './sesame-estimate.ts';

export interface EngineModels {
  bureau: BureauModel;
  sesame: SesameModel;
}

export const DEFAULT_MODELS: EngineModels = {
  bureau: bureauV1 as unknown as BureauModel,
  sesame: SESAME_ESTIMATE_V1,
};

/** The bureau point estimate for given months and adjustment inputs, read as the engine reads it (bureau-reading.ts). */
export function bureauPointScore(models: EngineModels, ledger: ScoringLedger, months: readonly BureauMonth[], inputs: AdjustmentInputs): number {
  return bureauPoint(models.bureau, ledger.rules, months, inputs);
}
