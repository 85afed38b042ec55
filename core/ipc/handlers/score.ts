// The main-process side of the score channels (core/ipc/channels/score.ts). Reports score the
// profile's read model kept in memory (core/score/ledger-cache.ts), shared with the bureau
// channels and read again only when the data version moved.

import type { scoreChannels } from '../channels/score.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { scoreLedger } from '../../score/engine.ts';
import { LedgerCache } from '../../score/ledger-cache.ts';
import { EDUCATION_LEVELS } from '../../settings/profile-facts-schema.ts';
import { readProfileFacts, saveProfileFacts } from '../../settings/profile-facts.ts';
import { listSnapshots, takeSnapshot } from '../../score/snapshots.ts';
import { BUREAU_BANDS } from '../../score/models/bureau-bands-v1.ts';
import { saveBandCap } from '../../settings/bureau-settings.ts';

export function scoreHandlers(ctx: HandlerContext, readModels: LedgerCache = new LedgerCache()): DomainHandlers<typeof scoreChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  const facts = (profileId: string) => ({ facts: readProfileFacts(db(profileId)), educationLevels: [...EDUCATION_LEVELS] });
  return {
    'score.report': ({ profileId, asOf }) => {
      const asOfDay = asOfFrom(asOf);
      // What scoreDatabase(db, asOfDay) does, with the read model kept between requests.
      return scoreLedger(readModels.ledger(db(profileId), asOfDay), { asOfDay });
    },
    'score.history': ({ profileId }) => ({ snapshots: listSnapshots(db(profileId)) }),
    'score.snapshot': ({ profileId, asOf }) => ({ snapshot: takeSnapshot(db(profileId), 'manual', asOfFrom(asOf)) }),
    'score.bandCap.save': ({ profileId, ruleId, band, reset }) => ({
      caps: saveBandCap(db(profileId), ruleId, reset ? null : { band }, BUREAU_BANDS.map((b) => b.id), actorOf(ctx)),
    }),
    'score.profile.get': ({ profileId }) => facts(profileId),
    'score.profile.save': ({ profileId, input }) => {
      saveProfileFacts(db(profileId), input, actorOf(ctx));
      return facts(profileId);
    },
  };
}
