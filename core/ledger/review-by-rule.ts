import { z } from 'zod';
import { CREDIT_EVENT_KINDS, type CreditEventKind } from '../shared/credit-events.ts';
import { CredenceError } from '../shared/errors.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { PLATFORMS } from '../shared/platforms.ts';
import { reviewRuleFor, type CreditRule } from '../importers/credit-rules.ts';
import { appendAudit, type Db } from '../storage/database.ts';
import { reviewActionSchema, reviewItemSchema, type ReviewAction, type ReviewItem } from './credit-review.ts';

// Review by rule, not by row: the events waiting for review, grouped by the rule that found them
// and, where the rule names one, the pattern that tells its rows apart (the card a payment names,
// the bank a repayment goes to). One decision resolves a whole group ("confirm all 213 like
// this"), is kept with each row's prior state (migration 0014) so that it can be undone, and both
// are audited. The wire shapes of core/ipc/channels/imports.ts are declared here once.

const EXAMPLES = 3;
const DECISIONS_LISTED = 20;

const patternSchema = z.strictObject({ field: z.enum(['fundingAccount', 'counterparty']), value: z.string().nullable() });

const reviewGroupSchema = z.strictObject({
  /** `platform:kind`, with `:pattern` where the rule splits its rows by one (stable across lists). */
  key: z.string(),
  platform: z.enum(PLATFORMS.map((p) => p.id) as [string, ...string[]]),
  kind: z.enum(CREDIT_EVENT_KINDS),
  rule: z.strictObject({ id: z.string(), confidence: z.number(), source: z.string() }),
  pattern: patternSchema.nullable(),
  count: z.number().int(),
  amountFen: z.number().int(),
  first: z.string(),
  last: z.string(),
  examples: z.array(reviewItemSchema),
});
export type ReviewGroup = z.output<typeof reviewGroupSchema>;

const reviewDecisionSchema = z.strictObject({
  id: z.number().int(),
  key: z.string(),
  rule: z.string(),
  action: z.enum(['confirm', 'correct']),
  fromKind: z.enum(CREDIT_EVENT_KINDS),
  toKind: z.enum(CREDIT_EVENT_KINDS).nullable(),
  rows: z.number().int(),
  decidedAt: z.string(),
});
export type ReviewDecision = z.output<typeof reviewDecisionSchema>;

export const reviewGroupsSchema = z.strictObject({
  groups: z.array(reviewGroupSchema),
  /** Rows waiting in all groups. */
  total: z.number().int(),
  /** Decisions that can still be undone, newest first. */
  decisions: z.array(reviewDecisionSchema),
});
export const resolveGroupRequest = z.strictObject({ key: z.string().min(3).max(400), action: reviewActionSchema });
export const resolveGroupResponse = z.strictObject({ decision: reviewDecisionSchema, remaining: z.number().int() });
export const undoDecisionResponse = z.strictObject({ decisionId: z.number().int(), restored: z.number().int(), remaining: z.number().int() });

interface WaitingRow extends ReviewItem {
  fundingAccount: string | null;
}

function patternOf(rule: CreditRule | null, row: WaitingRow): z.output<typeof patternSchema> | null {
  const field = rule?.reviewPattern;
  return field ? { field, value: row[field] } : null;
}

function keyOf(platform: string, kind: string, pattern: z.output<typeof patternSchema> | null): string {
  return pattern ? `${platform}:${kind}:${pattern.value ?? ''}` : `${platform}:${kind}`;
}

function waitingRows(db: Db): WaitingRow[] {
  return db
    .prepare(
      `SELECT t.id, t.platform, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction,
              t.counterparty, t.item, t.payment_method AS paymentMethod, t.credit_event AS kind,
              t.credit_confidence AS confidence, t.source_line AS sourceLine, b.file_name AS file,
              t.funding_account AS fundingAccount
         FROM transactions t JOIN import_batches b ON b.id = t.batch_id
        WHERE t.needs_review = 1
        ORDER BY t.occurred_epoch DESC, t.id`,
    )
    .all() as WaitingRow[];
}

interface Grouped {
  group: ReviewGroup;
  ids: number[];
}

function groupRows(rows: readonly WaitingRow[]): Map<string, Grouped> {
  const groups = new Map<string, Grouped>();
  for (const row of rows) {
    const rule = reviewRuleFor(row.platform, row.kind);
    const pattern = patternOf(rule, row);
    const key = keyOf(row.platform, row.kind, pattern);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        ids: [],
        group: {
          key,
          platform: row.platform,
          kind: row.kind,
          rule: rule ? { id: rule.id, confidence: rule.confidence, source: rule.source } : { id: `${row.platform}.${row.kind}`, confidence: row.confidence ?? 0, source: '' },
          pattern,
          count: 0,
          amountFen: 0,
          first: row.occurredAt,
          last: row.occurredAt,
          examples: [],
        },
      };
      groups.set(key, entry);
    }
    const g = entry.group;
    entry.ids.push(row.id);
    g.count++;
    g.amountFen += row.amountFen;
    // Rows come newest first.
    g.first = row.occurredAt;
    if (g.examples.length < EXAMPLES) {
      const { fundingAccount: _, ...item } = row;
      g.examples.push(item);
    }
  }
  return groups;
}

function remaining(db: Db): number {
  return db.prepare('SELECT count(*) FROM transactions WHERE needs_review = 1').pluck().get() as number;
}

interface DecisionRow {
  id: number;
  group_key: string;
  rule: string;
  action: 'confirm' | 'correct';
  from_kind: CreditEventKind;
  to_kind: CreditEventKind | null;
  row_count: number;
  decided_at: string;
}

function decisionOf(row: DecisionRow): ReviewDecision {
  return { id: row.id, key: row.group_key, rule: row.rule, action: row.action, fromKind: row.from_kind, toKind: row.to_kind, rows: row.row_count, decidedAt: row.decided_at };
}

/** The waiting events by rule and pattern, largest group first, and the decisions that can be undone. */
export function listReviewGroups(db: Db): z.output<typeof reviewGroupsSchema> {
  const rows = waitingRows(db);
  const groups = [...groupRows(rows).values()].map((entry) => entry.group).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const decisions = (
    db.prepare('SELECT * FROM review_decisions WHERE undone_at IS NULL ORDER BY id DESC LIMIT ?').all(DECISIONS_LISTED) as DecisionRow[]
  ).map(decisionOf);
  return { groups, total: rows.length, decisions };
}

/** Resolves every row of one group in one decision: all confirmed, or all corrected to one kind (or none). */
export function resolveReviewGroup(db: Db, key: string, action: ReviewAction, actor = 'user'): z.output<typeof resolveGroupResponse> {
  return db.transaction(() => {
    const entry = groupRows(waitingRows(db)).get(key);
    if (!entry) throw new CredenceError('review.group_not_found', { key });
    const { group, ids } = entry;
    const toKind = action.type === 'confirm' ? group.kind : action.kind;
    const decidedAt = toUtc8Iso();
    const id = Number(
      db
        .prepare('INSERT INTO review_decisions (group_key, rule, action, from_kind, to_kind, row_count, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(key, group.rule.id, action.type, group.kind, toKind, ids.length, decidedAt).lastInsertRowid,
    );
    const keep = db.prepare(
      'INSERT INTO review_decision_rows (decision_id, transaction_id, prior_event, prior_confidence) SELECT ?, id, credit_event, credit_confidence FROM transactions WHERE id = ?',
    );
    for (const transactionId of ids) keep.run(id, transactionId);
    db.prepare(
      `UPDATE transactions SET credit_event = ?, credit_confidence = 1, needs_review = 0
        WHERE id IN (SELECT transaction_id FROM review_decision_rows WHERE decision_id = ?)`,
    ).run(toKind, id);
    appendAudit(db, {
      actor,
      action: action.type === 'confirm' ? 'review.group.confirm' : 'review.group.correct',
      subject: `review_decision:${id}`,
      details: { key, rule: group.rule.id, from: group.kind, to: toKind, rows: ids.length },
    });
    const decision: ReviewDecision = { id, key, rule: group.rule.id, action: action.type, fromKind: group.kind, toKind, rows: ids.length, decidedAt };
    return { decision, remaining: remaining(db) };
  })();
}

/**
 * Undoes one decision: its rows wait for review again with their prior event and confidence. A row
 * changed since (assigned, corrected on its own) keeps that change and is not counted as restored.
 */
export function undoReviewDecision(db: Db, decisionId: number, actor = 'user'): z.output<typeof undoDecisionResponse> {
  return db.transaction(() => {
    const decision = db.prepare('SELECT * FROM review_decisions WHERE id = ? AND undone_at IS NULL').get(decisionId) as DecisionRow | undefined;
    if (!decision) throw new CredenceError('review.decision_not_found', { id: decisionId });
    const restored = db
      .prepare(
        `UPDATE transactions SET credit_event = r.prior_event, credit_confidence = r.prior_confidence, needs_review = 1
           FROM review_decision_rows r
          WHERE r.decision_id = ? AND transactions.id = r.transaction_id
            AND transactions.needs_review = 0 AND transactions.credit_confidence = 1 AND transactions.credit_event IS ?`,
      )
      .run(decisionId, decision.to_kind).changes;
    db.prepare('UPDATE review_decisions SET undone_at = ? WHERE id = ?').run(toUtc8Iso(), decisionId);
    appendAudit(db, { actor, action: 'review.undo', subject: `review_decision:${decisionId}`, details: { key: decision.group_key, rule: decision.rule, rows: decision.row_count, restored } });
    return { decisionId, restored, remaining: remaining(db) };
  })();
}
