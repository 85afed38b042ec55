// Writes one bill's transactions inside the caller's database transaction: 50-row inserts that
// skip a conflict on the (platform, platform_order_id) unique index, refund
// pairing at the end, and the figures of the import report.
//
// Duplicate prefilter: before each 50-row statement, the probe (duplicate-probe.ts) finds the keys
// already stored on the same index; those rows are counted as duplicates without serialising their
// raw row or binding 22 parameters each (a re-export of an imported bill: ~7 µs → ~0.6 µs a row).
// A stored key is certain to be ignored by the INSERT, so counts are exactly as without it.
//
// Ids seen: an id this file showed before is compared with the row stored under it (storedKey).
// Into a profile holding rows of the platform, the ids seen so far are kept as hashes (dedupe.ts
// SeenIds), since a stored id may be an earlier import's. With nothing of the platform stored
// before (a first import, which brings a whole history), a stored id can only be this file's, so
// the unique index is the record of the ids seen and nothing is kept per row: each statement is
// written without a conflict clause and fails whole (its statement journal takes it back) when one
// of its ids is already stored; only then are its rows keyed one by one against the stored rows,
// as the ids seen would have keyed them (rekeyStatement).

import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../storage/database.ts';
import { storeRawNames } from '../storage/raw-rows.ts';
import { REPAYMENT_KINDS } from './credit-rules.ts';
import { contentHash, repeatKey, SeenIds, StatementKeys, type ContentFields } from './dedupe.ts';
import { DuplicateProbe, platformStored } from './duplicate-probe.ts';
import { makeWarning, type WarningSink } from './messages.ts';
import type { StatedTally } from './reconcile.ts';
import { type Cell, type CreditEventKind, type NormalizedTransaction, type Platform, type StatusClass } from './types.ts';
import type { ByDirection, DirectionTotal, ImportWarning, NeedsReviewEntry } from './report-schema.ts';

export const COLUMNS = [
  'batch_id', 'platform', 'platform_order_id', 'merchant_order_id', 'occurred_at', 'occurred_epoch', 'amount_fen',
  'direction', 'status', 'status_class', 'category', 'counterparty', 'item', 'payment_method', 'funding_account',
  'credit_event', 'credit_confidence', 'needs_review', 'raw_row', 'source_line', 'credit_account_key',
  'refund_of_order_id',
] as const;

/** Multi-row VALUES cut the per-row statement overhead by ~20% (docs/engineering/performance.md#sqlite-bulk-insert). */
const ROWS_PER_STATEMENT = 50;

/**
 * The columns every row of one writer shares: its batch and platform. They go into its statements
 * as literals, bound by none of their rows (each bound value costs the addon a few calls into V8,
 * about 0.2 µs: docs/engineering/performance.md, issue 16's whole-process pass).
 */
const SHARED_COLUMNS = 2;
const NEEDS_REVIEW_KEPT = 1000;

/**
 * The ids one statement pairing refunds by order id spans. A statement's journal keeps every page
 * it changes as it was, and refunds lie all over the table: where it is kept in memory (an
 * encrypted profile's temp_store, storage/encryption/cipher.ts), one statement over a million rows
 * with a refund in every 33 held about 120 MB; 4,096 ids are at most about 450 pages.
 */
export const PAIRING_IDS = 4096;

/** The raw rows of the bill being read (BillReader): its header names, and a row's cells as raw_row stores them. */
export interface RawRows {
  readonly rawNames: readonly string[];
  rawRowOf(cells: readonly Cell[]): string;
}

interface PendingRefund {
  key: string;
  pairKey: string;
  epoch: number;
}

interface PairCandidate {
  key: string;
  epoch: number;
}

export interface WriterFigures {
  imported: number;
  duplicates: number;
  byDirection: ByDirection;
  spending: DirectionTotal;
  statusClasses: Record<StatusClass, number>;
  creditEvents: Partial<Record<CreditEventKind, number>>;
  needsReview: NeedsReviewEntry[];
  needsReviewOmitted: number;
}

function emptyTotals(): ByDirection {
  return { income: { count: 0, fen: 0 }, expense: { count: 0, fen: 0 }, neutral: { count: 0, fen: 0 } };
}

export class BatchWriter {
  readonly figures: WriterFigures = {
    imported: 0,
    duplicates: 0,
    byDirection: emptyTotals(),
    spending: { count: 0, fen: 0 },
    statusClasses: { completed: 0, closed: 0, refund: 0, pending: 0, failed: 0 },
    creditEvents: {},
    needsReview: [],
    needsReviewOmitted: 0,
  };

  private readonly db: Db;
  private readonly warnings: WarningSink;
  private readonly tally: StatedTally | null;
  /** Whether nothing of the platform was stored before this import; decided at the first row. */
  private first: boolean | null = null;
  /** Made at the first id of an import into rows of the platform (keyFor). */
  private seenIds: SeenIds | null = null;
  private readonly statementKeys = new StatementKeys();
  /** The insert statements by row count, all of the batch and platform `statementsShare` names as literals. */
  private readonly statements = new Map<number, Database.Statement>();
  /** The same without a conflict clause, for a first import (a stored key fails the statement). */
  private readonly plainStatements = new Map<number, Database.Statement>();
  private statementsShare = '';
  private findStored: Database.Statement<[string, string], ContentFields> | null = null;
  private readonly probe: DuplicateProbe;
  private params: unknown[] = [];
  private rows = 0;
  private pendingTx: NormalizedTransaction[] = [];
  private pendingKeys: string[] = [];
  private pendingCells: Array<readonly Cell[] | null> = [];
  /** A first import's: how many warnings were kept when each pending row was added (rekeyStatement). */
  private pendingMarks: number[] = [];
  private pendingBatch = 0;
  private readonly rawRows: RawRows;
  private batchId: number | null = null;
  private platform: Platform | null = null;
  private readonly refundsByPairKey: PendingRefund[] = [];
  private readonly pairOriginals = new Map<string, PairCandidate[]>();

  constructor(
    db: Db,
    warnings: WarningSink,
    tally: StatedTally | null,
    rawRows: RawRows,
    prefilter = true,
  ) {
    this.probe = new DuplicateProbe(db, prefilter);
    this.db = db;
    this.warnings = warnings;
    this.tally = tally;
    this.rawRows = rawRows;
  }

  /** The import_batches row (and its raw rows' names) is created with the first transaction, or at the end if none. */
  ensureBatch(file: string, platform: Platform, startedAt: string): number {
    if (this.batchId === null) {
      const info = this.db
        .prepare('INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES (?, ?, ?, ?, ?)')
        .run(file, '', platform, '', startedAt);
      this.batchId = Number(info.lastInsertRowid);
      this.platform = platform;
      storeRawNames(this.db, this.batchId, this.rawRows.rawNames);
    }
    return this.batchId;
  }

  /** Frees what the writer kept per row (the ids seen), once the file's rows are written. */
  release(): void {
    this.seenIds?.release();
    this.probe.release();
  }

  /** The row's key; in a first import an id is taken as new until a statement says otherwise. */
  private keyFor(tx: NormalizedTransaction): string {
    if (tx.orderId === null) return this.statementKeys.keyFor(tx);
    if (this.first) return tx.orderId;
    this.seenIds ??= new SeenIds();
    if (!this.seenIds.check(tx.orderId)) return tx.orderId;
    this.flush();
    return this.storedKey(tx, tx.orderId, (warning) => this.warnings.add(warning));
  }

  /**
   * The key of a row whose id may be stored already by this file (rare in real exports): none
   * stored, the id; else compared with the row stored under it. Identical content is the same
   * transaction twice; different content keeps both rows.
   */
  private storedKey(tx: NormalizedTransaction, orderId: string, warn: (warning: ImportWarning) => void): string {
    this.findStored ??= this.db.prepare<[string, string], ContentFields>(
      `SELECT occurred_at AS occurredAt, amount_fen AS amountFen, direction, status, category, counterparty, item,
              funding_account AS fundingAccount
       FROM transactions WHERE platform = ? AND platform_order_id = ?`,
    );
    const stored = this.findStored.get(tx.platform, orderId);
    if (!stored) return orderId;
    if (contentHash(stored) === contentHash(tx)) {
      warn(makeWarning('import.warn.duplicate_row', tx.sourceLine, { orderId }));
      return orderId;
    }
    warn(makeWarning('import.warn.repeated_order_id', tx.sourceLine, { orderId }));
    return repeatKey(orderId, tx);
  }

  /**
   * `cells` are the row's cells when its `rawRow` was left empty (BillReader's deferRawRow): the
   * raw row is then serialised at flush, and only if the row is not already stored.
   */
  add(tx: NormalizedTransaction, batchId: number, cells: readonly Cell[] | null = null): void {
    this.first ??= !platformStored(this.db, tx.platform);
    if (this.first) this.pendingMarks.push(this.warnings.kept.length);
    const key = this.keyFor(tx);
    this.count(tx);
    this.pendingBatch = batchId;
    this.pendingTx.push(tx);
    this.pendingKeys.push(key);
    this.pendingCells.push(cells);
    if (this.pendingTx.length === ROWS_PER_STATEMENT) this.flush();
  }

  flush(): void {
    const pending = this.pendingTx.length;
    if (pending === 0) return;
    if (!this.first) this.write(0, pending, this.probe.stored(this.pendingTx[0].platform, this.pendingKeys), false);
    else if (!this.writeFirst()) this.rekeyStatement();
    // The keys are final now: a refund's pairing keeps the key its row was written under.
    for (let i = 0; i < pending; i++) this.trackPairs(this.pendingTx[i], this.pendingKeys[i]);
    this.pendingTx = [];
    this.pendingKeys = [];
    this.pendingCells = [];
    this.pendingMarks = [];
  }

  /** A first import's statement, written whole; false (nothing written) when one of its keys is stored already. */
  private writeFirst(): boolean {
    try {
      this.write(0, this.pendingTx.length, null, true);
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw error;
    }
  }

  /**
   * A first import's statement that met a stored key: its rows keyed one by one as the ids seen
   * would have keyed them (keyFor: a row stored under the id is this file's, and the rows before
   * it are written first), each warning put where keyFor would have added it, then written with
   * the conflict clause.
   */
  private rekeyStatement(): void {
    const pending = this.pendingTx.length;
    /** The ids of the rows from `from` on, not written yet. */
    const unwritten = new Set<string>();
    let from = 0;
    let moved = 0;
    for (let i = 0; i < pending; i++) {
      const tx = this.pendingTx[i];
      const id = tx.orderId;
      if (id === null) continue;
      if (unwritten.has(id)) {
        this.write(from, i, null, false);
        from = i;
        unwritten.clear();
      }
      unwritten.add(id);
      const position = this.pendingMarks[i] + moved;
      this.pendingKeys[i] = this.storedKey(tx, id, (warning) => {
        if (this.warnings.addAt(position, warning)) moved++;
      });
    }
    this.write(from, pending, null, false);
  }

  /**
   * Writes the pending rows from `from` to `to` in one statement, but those `stored` names (by
   * their index among the pending rows), and counts them; `plain`: without the conflict clause.
   */
  private write(from: number, to: number, stored: readonly boolean[] | null, plain: boolean): void {
    const batchId = this.pendingBatch;
    for (let i = from; i < to; i++) {
      const key = this.pendingKeys[i];
      if (stored !== null && stored[i]) continue;
      const tx = this.pendingTx[i];
      const cells = this.pendingCells[i];
      const rawRow = cells !== null ? this.rawRows.rawRowOf(cells) : tx.rawRow;
      const credit = tx.credit;
      this.params.push(
        key, tx.merchantOrderId, tx.occurredAt, tx.occurredEpoch, tx.amountFen, tx.direction,
        tx.status, tx.statusClass, tx.category, tx.counterparty, tx.item, tx.paymentMethod, tx.fundingAccount,
        credit?.kind ?? null, credit?.confidence ?? null, credit?.needsReview ? 1 : 0, rawRow, tx.sourceLine,
        credit?.accountKey ?? null, tx.refundLink?.by === 'order_id' ? tx.refundLink.orderId : null,
      );
      this.rows++;
    }
    try {
      const inserted = this.rows === 0 ? 0 : this.statement(this.rows, batchId, this.pendingTx[0].platform, plain).run(this.params).changes;
      this.figures.imported += inserted;
      this.figures.duplicates += to - from - inserted;
    } finally {
      this.params = [];
      this.rows = 0;
    }
  }

  /** The statement for `rows` rows of one batch and platform (one writer's rows share both); `plain`: without the conflict clause. */
  private statement(rows: number, batchId: number, platform: Platform, plain: boolean): Database.Statement {
    const shared = `${batchId},'${platform}'`;
    if (shared !== this.statementsShare) {
      if (!Number.isSafeInteger(batchId) || !/^[a-z_]+$/.test(platform)) throw new Error(`not a batch id and platform: ${batchId}, ${platform}`);
      this.statements.clear();
      this.plainStatements.clear();
      this.statementsShare = shared;
    }
    const statements = plain ? this.plainStatements : this.statements;
    let statement = statements.get(rows);
    if (!statement) {
      const tuple = `(${shared},${COLUMNS.slice(SHARED_COLUMNS).map(() => '?').join(',')})`;
      // Only the order key's conflict is a duplicate to skip: `INSERT OR IGNORE` would skip a row
      // breaking a CHECK or NOT NULL constraint just as silently, and count it as a duplicate.
      const sql =
        `INSERT INTO transactions (${COLUMNS.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}` +
        (plain ? '' : ' ON CONFLICT (platform, platform_order_id) DO NOTHING');
      statement = this.db.prepare(sql);
      statements.set(rows, statement);
    }
    return statement;
  }

  private count(tx: NormalizedTransaction): void {
    const f = this.figures;
    const bucket = f.byDirection[tx.direction];
    bucket.count++;
    bucket.fen += tx.amountFen;
    this.tally?.add(tx);
    f.statusClasses[tx.statusClass]++;
    const kind = tx.credit?.kind;
    const live = tx.statusClass === 'completed' || tx.statusClass === 'pending';
    if (tx.direction === 'expense' && live && !(kind && REPAYMENT_KINDS.has(kind))) {
      f.spending.count++;
      f.spending.fen += tx.amountFen;
    }
    if (!kind) return;
    f.creditEvents[kind] = (f.creditEvents[kind] ?? 0) + 1;
    if (!tx.credit!.needsReview) return;
    if (f.needsReview.length < NEEDS_REVIEW_KEPT) {
      f.needsReview.push({ line: tx.sourceLine, kind, rule: tx.credit!.rule, confidence: tx.credit!.confidence });
    } else {
      f.needsReviewOmitted++;
    }
  }

  private trackPairs(tx: NormalizedTransaction, key: string): void {
    if (tx.refundLink?.by === 'pair_key') {
      this.refundsByPairKey.push({ key, pairKey: tx.refundLink.key, epoch: tx.occurredEpoch });
    }
    if (tx.pairKey !== null) {
      const list = this.pairOriginals.get(tx.pairKey) ?? [];
      list.push({ key, epoch: tx.occurredEpoch });
      this.pairOriginals.set(tx.pairKey, list);
    }
  }

  /**
   * Links refunds to originals and returns how many this import linked: by order id through the
   * unique index (also pairing refunds of earlier imports whose original arrived only now), and
   * by the formats' own pairing key within this file, taking the latest original not after the
   * refund.
   */
  pairRefunds(): number {
    if (this.platform === null) return 0;
    const unpaired = 'platform = ? AND refund_of IS NULL AND refund_of_order_id IS NOT NULL';
    const { low, high } = this.db.prepare(`SELECT min(id) AS low, max(id) AS high FROM transactions WHERE ${unpaired}`).get(this.platform) as {
      low: number | null;
      high: number;
    };
    const byOrderId = this.db.prepare(
      `UPDATE transactions SET refund_of = (
         SELECT o.id FROM transactions o
         WHERE o.platform = transactions.platform AND o.platform_order_id = transactions.refund_of_order_id)
       WHERE ${unpaired} AND id BETWEEN ? AND ?`,
    );
    let paired = 0;
    // A stretch of ids a statement: each refund is paired on its own, so the stretches change what
    // one statement would, while its journal (the pages as they were) stays small.
    if (low !== null) for (let from = low; from <= high; from += PAIRING_IDS) paired += byOrderId.run(this.platform, from, from + PAIRING_IDS - 1).changes;
    // The order-id pass also touched refunds whose original is still missing (set to NULL again).
    paired -= (
      this.db
        .prepare('SELECT count(*) AS n FROM transactions WHERE platform = ? AND refund_of IS NULL AND refund_of_order_id IS NOT NULL')
        .get(this.platform) as { n: number }
    ).n;
    const link = this.db.prepare(
      `UPDATE transactions SET refund_of = (SELECT id FROM transactions WHERE platform = @platform AND platform_order_id = @original)
       WHERE platform = @platform AND platform_order_id = @refund AND refund_of IS NULL`,
    );
    const taken = new Set<string>();
    for (const refund of this.refundsByPairKey) {
      const original = (this.pairOriginals.get(refund.pairKey) ?? [])
        .filter((candidate) => candidate.epoch <= refund.epoch && !taken.has(candidate.key))
        .sort((a, b) => b.epoch - a.epoch)[0];
      if (!original) continue;
      taken.add(original.key);
      paired += link.run({ platform: this.platform, original: original.key, refund: refund.key }).changes;
    }
    return paired;
  }
}
