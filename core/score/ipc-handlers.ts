// The main-process side of the score channels (core/ipc/channels/score.ts).

import type { scoreChannels } from '../ipc/channels/score.ts';
import type { HandlerContext } from '../ipc/handlers.ts';
import type { Handlers } from '../ipc/registry.ts';
import { asOfFrom } from '../ledger/accounts.ts';
import { scoreDatabase } from './engine.ts';
import { EDUCATION_LEVELS } from './profile-facts-schema.ts';
import { readProfileFacts, saveProfileFacts } from './profile-facts.ts';
import { listSnapshots } from './snapshots.ts';

type ScoreHandlers = Pick<Handlers, keyof typeof scoreChannels>;

export function scoreHandlers(ctx: HandlerContext): ScoreHandlers {
  const db = (profileId: string) => ctx.store.database(profileId);
  const facts = (profileId: string) => ({ facts: readProfileFacts(db(profileId)), educationLevels: [...EDUCATION_LEVELS] });
  return {
    'score.report': ({ profileId, asOf }) => scoreDatabase(db(profileId), asOfFrom(asOf)),
    'score.history': ({ profileId }) => ({ snapshots: listSnapshots(db(profileId)) }),
    'score.profile.get': ({ profileId }) => facts(profileId),
    'score.profile.save': ({ profileId, input }) => {
      saveProfileFacts(db(profileId), input);
      return facts(profileId);
    },
  };
}
