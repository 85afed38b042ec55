// The main-process side of the checklist channels (core/ipc/channels/checklist.ts).

import { buildChecklist, loadChecklistBase, questionKeys } from '../../checklist/checklist.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { dismissQuestion, restoreQuestion } from '../../settings/checklist-dismissals.ts';
import { today } from '../../shared/calendar.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { checklistChannels } from '../channels/checklist.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';

export function checklistHandlers(ctx: HandlerContext): DomainHandlers<typeof checklistChannels> {
  const db = (profileId: string) => ctx.store.database(profileId);
  const actor = actorOf(ctx);
  const checklist = (profileId: string) => buildChecklist(loadChecklistBase(db(profileId), today()));
  return {
    'checklist.get': ({ profileId, asOf }) => buildChecklist(loadChecklistBase(db(profileId), asOfFrom(asOf))),
    'checklist.dismiss': ({ profileId, key }) => {
      // Only a question the checklist asks now can be dismissed (a typo would otherwise hide nothing, silently).
      if (!questionKeys(loadChecklistBase(db(profileId), today())).has(key)) throw new CredenceError('checklist.unknown_question', { key });
      dismissQuestion(db(profileId), key, actor);
      return checklist(profileId);
    },
    'checklist.restore': ({ profileId, key }) => {
      restoreQuestion(db(profileId), key, actor);
      return checklist(profileId);
    },
  };
}
