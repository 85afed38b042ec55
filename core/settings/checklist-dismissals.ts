// The checklist questions (core/checklist) a person dismissed, per profile (migration sample_profile_checklist): a
// dismissed question stays dismissed across restarts and re-imports until they ask for it again.
// Each change is in the audit log.

import { toUtc8Iso } from '../shared/calendar.ts';
import { appendAudit, type Db } from '../storage/database.ts';

export function readDismissals(db: Db): Map<string, string> {
  return new Map(db.prepare('SELECT question_key, dismissed_at FROM checklist_dismissals').raw().all() as [string, string][]);
}

export function dismissQuestion(db: Db, key: string, actor = 'user'): string {
  const at = toUtc8Iso();
  db.transaction(() => {
    db.prepare('INSERT INTO checklist_dismissals (question_key, dismissed_at) VALUES (?, ?) ON CONFLICT(question_key) DO NOTHING').run(key, at);
    appendAudit(db, { actor, action: 'checklist.dismiss', subject: key, details: {} });
  })();
  return readDismissals(db).get(key)!;
}

export function restoreQuestion(db: Db, key: string, actor = 'user'): void {
  db.transaction(() => {
    db.prepare('DELETE FROM checklist_dismissals WHERE question_key = ?').run(key);
    appendAudit(db, { actor, action: 'checklist.restore', subject: key, details: {} });
  })();
}
