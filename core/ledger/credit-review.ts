import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../shared/credit-events.ts';
import { CredenceError } from '../shared/errors.ts';
import { DIRECTIONS } from '../importers/types.ts';
import { appendAudit, type Db } from '../storage/database.ts';

// The wire shapes of the review queue (core/ipc/channels/imports.ts), declared here once.

export const reviewItemSchema = z.strictObject({
  id: z.number().int(),
  platform: z.string(),
  occurredAt: z.string(),
  amountFen: z.number().int(),
  direction: z.enum(DIRECTIONS),
  counterparty: z.string().nullable(),
  item: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  kind: z.enum(CREDIT_EVENT_KINDS),
  confidence: z.number().nullable(),
  sourceLine: z.number().int(),
  file: z.string(),
});
export type ReviewItem = z.output<typeof reviewItemSchema>;
export const reviewListSchema = z.strictObject({ items: z.array(reviewItemSchema), total: z.number().int() });

/** confirm: the event is right; correct: it is another kind, or (null) no credit event at all. */
export const reviewActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('confirm') }),
  z.strictObject({ type: z.literal('correct'), kind: z.enum(CREDIT_EVENT_KINDS).nullable() }),
]);
export type ReviewAction = z.output<typeof reviewActionSchema>;

const LIST_LIMIT = 500;

/**
 * Credit events that rest on keyword heuristics wait here for the user: confirmed, or corrected
 * to another kind or to none. The user's word is final (confidence 1) and is audited.
 */
export function listNeedsReview(db: Db): z.output<typeof reviewListSchema> {
  const total = db.prepare('SELECT count(*) FROM transactions WHERE needs_review = 1').pluck().get() as number;
  const items = db
    .prepare(
      `SELECT t.id, t.platform, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction,
              t.counterparty, t.item, t.payment_method AS paymentMethod, t.credit_event AS kind,
              t.credit_confidence AS confidence, t.source_line AS sourceLine, b.file_name AS file
         FROM transactions t JOIN import_batches b ON b.id = t.batch_id
        WHERE t.needs_review = 1
        ORDER BY t.occurred_epoch DESC, t.id
        LIMIT ?`,
    )
    .all(LIST_LIMIT) as ReviewItem[];
  return { items, total };
}

export function resolveReview(db: Db, transactionId: number, action: ReviewAction, actor = 'user'): { remaining: number } {
  db.transaction(() => {
    const row = db.prepare('SELECT credit_event FROM transactions WHERE id = ? AND needs_review = 1').get(transactionId) as
      | { credit_event: string }
      | undefined;
    if (!row) throw new CredenceError('review.not_found', { id: transactionId });
    const kind = action.type === 'confirm' ? row.credit_event : action.kind;
    db.prepare('UPDATE transactions SET credit_event = ?, credit_confidence = 1, needs_review = 0 WHERE id = ?').run(kind, transactionId);
    appendAudit(db, {
      actor,
      action: action.type === 'confirm' ? 'review.confirm' : 'review.correct',
      subject: `transaction:${transactionId}`,
      details: { from: row.credit_event, to: kind },
    });
  })();
  return { remaining: db.prepare('SELECT count(*) FROM transactions WHERE needs_review = 1').pluck().get() as number };
}
