// Keeps the derived half of the ledger in step with the data: accounts and links from the
// imported credit events (derive/), then the accounts' monthly histories (recompute/), in one
// transaction. After an import, and nothing else, only what it added is taken up: its rows, the
// accounts they reach and those whose coverage its period moved (derive/derive-and-store.ts);
// an import that added no row derives nothing. The result is the same as a derivation of
// everything (test/unit/ledger/incremental-derive.test.ts).
//
// Reads call ensureLedger(): it derives again only when the data the derivation reads (the
// `ledger_inputs` data version, which triggers move on every write: migration 0008), the day, or
// this code's version changed since the stored derivation. On a new day with nothing else moved,
// no row is taken up and each history goes on from its last day checkpoint
// (recompute/day-checkpoints.ts): the day costs the months since, not the account's years. Edits run in ledgerEdit(), which
// brings the ledger up to date inside the edit's own transaction, and then refresh or recompute.

import { today } from '../shared/calendar.ts';
import { readDataVersion, recordDerivedThrough } from '../storage/data-version.ts';
import { assertNotImporting, importRunning, type Db } from '../storage/database.ts';
import { deriveAndStore, type DerivedBefore } from './derive/derive-and-store.ts';
import { exportCoverage, type CoverageEntry } from './export-coverage.ts';
import { readLedgerState, writeLedgerState } from './ledger-state.ts';
import { DEFAULTS_VERSION } from './product-defaults.ts';
import { storedCheckpoints, type CheckpointUse } from './recompute/day-checkpoints.ts';
import { accountsMoved, recomputeHistories } from './recompute/recompute-histories.ts';

/** Bump when derivation or history rules change: stored histories are then recomputed on read. */
export const LEDGER_ENGINE_VERSION = 4;

const CODE = `${LEDGER_ENGINE_VERSION}:${DEFAULTS_VERSION}`;

/** What a derivation depends on but the day: this code, and every table it reads (the data version's `ledger_inputs`, moved by triggers on each write, the derivation's own writes included). */
function inputsKey(db: Db): string {
  return `${CODE}:${readDataVersion(db).ledgerInputs}`;
}

/** What a derivation depends on: its inputs and the day. */
function fingerprint(db: Db, asOfDay: number): string {
  return `${inputsKey(db)}:${asOfDay}`;
}

/** Whether the stored derivation was made from the inputs as they are now: only the day can have moved since. */
function sameInputs(db: Db): boolean {
  const stored = readLedgerState(db, 'fingerprint');
  return stored !== null && stored.slice(0, stored.lastIndexOf(':')) === inputsKey(db);
}

/**
 * Recorded after the derivation's own writes, so that they do not count as a change; with the
 * derived tables' counter those writes left (`ledger_outputs`, migration 0019): while it stands
 * there, nothing else wrote a history, and the stored months are those the checkpoints came with.
 */
function stamp(db: Db, asOfDay: number): void {
  writeLedgerState(db, 'fingerprint', fingerprint(db, asOfDay));
  writeLedgerState(db, 'outputs', String(readDataVersion(db).ledgerOutputs));
}

/** What the stored derivation was made from, beside data_version.derived_through (ledger_state `derivation`). */
interface DerivationState {
  /** This code's versions (as in the fingerprint). */
  code: string;
  /** data_version.ledger_edits after it. */
  edits: number;
  /** The day its histories were computed for. */
  day: number;
  cardKeys: string[];
  /** The exports' coverage its histories were computed with. */
  exports: CoverageEntry[];
}

/**
 * The histories' day checkpoints (recompute/day-checkpoints.ts) serve while everything the
 * fingerprint reads but the day is as it was: this code, and the inputs as of now (after the
 * derivation's own writes). A new day then walks each account from its last checkpoint.
 */
function checkpointUse(db: Db, fresh: boolean): CheckpointUse {
  return { inputs: inputsKey(db), fresh };
}

/**
 * The histories' day checkpoints that serve the inputs as they are now, by account, as stored:
 * where a pass over the same inputs for a later day may start, with the stored months up to them
 * (a what-if's baseline: whatif/projection.ts). None when a history was written since the last
 * derivation by anything else (its months may not be the pass's any more). Read after
 * ensureLedger, in the reader's transaction.
 */
export function currentCheckpoints(db: Db): Map<number, string> {
  if (readLedgerState(db, 'outputs') !== String(readDataVersion(db).ledgerOutputs)) return new Map();
  return storedCheckpoints(db, inputsKey(db));
}

function readDerivationState(db: Db): DerivationState | null {
  const text = readLedgerState(db, 'derivation');
  const state = text === null ? null : (JSON.parse(text) as DerivationState);
  return state !== null && state.code === CODE && state.edits === readDataVersion(db).ledgerEdits ? state : null;
}

function deriveIfStale(db: Db, asOfDay: number): void {
  if (readLedgerState(db, 'fingerprint') === fingerprint(db, asOfDay)) return;
  refreshLedger(db, asOfDay);
}

/**
 * Before a read: derives and recomputes when anything it depends on moved. While an import runs
 * (its transaction on this connection, or on a worker's connection of its own, which derives the
 * ledger itself when it is done) the stored ledger is served as it is, and nothing is written.
 */
export function ensureLedger(db: Db, asOfDay: number = today()): void {
  if (importRunning(db)) return;
  deriveIfStale(db, asOfDay);
}

/**
 * Runs a ledger edit in one transaction, on a ledger derived for `asOfDay` first (the edit is
 * checked against what the user sees); refused while an import holds the connection.
 */
export function ledgerEdit<T>(db: Db, asOfDay: number, edit: () => T): T {
  assertNotImporting(db);
  return db.transaction(() => {
    deriveIfStale(db, asOfDay);
    return edit();
  })();
}

/**
 * Derive accounts and links, then recompute the histories: one transaction. Nothing when only the
 * day moved since the last derivation (the histories are walked on to it); only what was added
 * when nothing else it reads moved since (an import's rows: the state above still holds);
 * everything otherwise or with `everything`.
 */
export function refreshLedger(db: Db, asOfDay: number = today(), everything = false): void {
  db.transaction(() => {
    const state = everything ? null : readDerivationState(db);
    if (state !== null && sameInputs(db)) {
      // Only the day moved: nothing to take up, and the histories go on from their checkpoints.
      recomputeHistories(db, asOfDay, null, checkpointUse(db, false));
      writeLedgerState(db, 'derivation', JSON.stringify({ ...state, day: asOfDay }));
      stamp(db, asOfDay);
      return;
    }
    const before: DerivedBefore | null = state && { through: readDataVersion(db).derivedThrough, cardKeys: state.cardKeys };
    const through = (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
    const derived = deriveAndStore(db, before);
    const exports = exportCoverage(db);
    const only = state !== null && state.day === asOfDay && derived.touched !== null ? accountsMoved(db, derived.touched, state.exports, exports) : null;
    recomputeHistories(db, asOfDay, only, checkpointUse(db, everything));
    recordDerivedThrough(db, through);
    const after: DerivationState = { code: CODE, edits: readDataVersion(db).ledgerEdits, day: asOfDay, cardKeys: derived.cardKeys, exports };
    writeLedgerState(db, 'derivation', JSON.stringify(after));
    stamp(db, asOfDay);
  })();
}

/** After an edit that cannot change links (terms, month facts, instalments): recompute only. */
export function recomputeAfterEdit(db: Db, asOfDay: number = today()): void {
  db.transaction(() => {
    recomputeHistories(db, asOfDay, null, checkpointUse(db, false));
    stamp(db, asOfDay);
  })();
}
