// The duplicate prefilter's probe (batch-writer.ts): which keys of the rows about to be written are
// already stored, found on the (platform, platform_order_id) unique index. A key it names is stored
// (it was read from the index), so skipping its row loses nothing; a stored key it misses is still
// skipped by the insert's conflict clause, and counted as a duplicate by it. Its answers change
// the work done, never what is stored or counted.
//
// Exports list rows in time order, and ids begin with their family and date, so the file's keys
// of one family walk the index in one direction: the probe reads the index ahead of them, a
// stretch of STRETCH_KEYS stored keys from the first key it has not covered, and answers the next
// rows of that family from it without a statement. A re-import of a re-saved copy reads each
// stored key about once (1M Alipay keys: 8,100 reads of 128 keys, where a range read per 50-row
// statement made 20,000; a WeChat file's interleaved families, one lookup per key before).

import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../storage/database.ts';

/**
 * A key's first characters name its family: WeChat's ids begin with a 10-digit type code (4200…,
 * 1000…, 1800…) and then the date, Alipay's with the date. Within a family keys follow
 * time, so each family's keys come in index order, one stretch after the other.
 */
const FAMILY_CHARS = 10;
/** Stretches kept at once; a file with more families than this (ids not shaped so) starts over. */
const MAX_FAMILIES = 64;
/**
 * Stored keys one read takes ahead. Not more: a stretch lives while the file's rows pass it, and
 * at 512 keys enough of them outlived a young-generation collection to add 60 MB to the heap.
 * The reads carry it as a literal: a bound LIMIT made SQLite prepare the statement again at every
 * read (sqlite3Reprepare: about a third of the reads' CPU time, 0.09 s per 1M keys).
 */
const STRETCH_KEYS = 128;
/** After a read that did not reach a statement's keys (ids not in time order), the statements that look their keys up. */
const LOOKUP_RUN = 32;
/** After a probe that found nothing, skip up to this many statements (doubling) before the next. */
const MAX_PROBE_SKIP = 16;

/**
 * Every stored key of the platform from `low` to `high` (null: no bound on that side), both ends
 * inclusive, in ascending order; `at` is where the last key was found.
 */
interface Stretch {
  low: string | null;
  high: string | null;
  keys: readonly string[];
  at: number;
}

function covers(stretch: Stretch, key: string): boolean {
  return (stretch.low === null || stretch.low <= key) && (stretch.high === null || key <= stretch.high);
}

/**
 * A copy of a key read from the file, which is a slice of the chunk of text it was read from: kept
 * as it is, a stretch's bound would keep that whole chunk alive.
 */
function detached(key: string): string {
  return ` ${key}`.slice(1);
}

/** Steps taken from the last key found before a binary search: the file's next key is mostly beside it. */
const NEAR_STEPS = 4;

/**
 * Whether `key` is the stretch's key beside the last one found, as a re-import's next key mostly
 * is: one test for equality each, where order comparisons walk the keys' long common prefix. True
 * only for a key of the stretch, so it needs no check that the stretch covers the key.
 */
function besideLast(stretch: Stretch, key: string): boolean {
  const keys = stretch.keys;
  const at = stretch.at;
  if (at > 0 && keys[at - 1] === key) {
    stretch.at = at - 1;
    return true;
  }
  if (at + 1 < keys.length && keys[at + 1] === key) {
    stretch.at = at + 1;
    return true;
  }
  return false;
}

/**
 * Whether `key` is one of the stretch's keys, looked for beside the last one found first. JavaScript
 * orders strings by UTF-16 units, SQLite's BINARY collation by UTF-8 bytes; where they differ (keys
 * with characters from the surrogates up) a stored key may be missed, never one named that is not.
 */
function holds(stretch: Stretch, key: string): boolean {
  const keys = stretch.keys;
  if (keys.length === 0) return false;
  if (besideLast(stretch, key)) return true;
  let at = stretch.at;
  for (let step = 0; step < NEAR_STEPS; step++) {
    const here = keys[at]!;
    if (here === key) {
      stretch.at = at;
      return true;
    }
    if (here > key) {
      if (at === 0 || keys[at - 1]! < key) return false;
      at--;
    } else {
      if (at === keys.length - 1 || keys[at + 1]! > key) return false;
      at++;
    }
  }
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const here = keys[middle]!;
    if (here === key) {
      stretch.at = middle;
      return true;
    }
    if (here < key) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Whether anything of the platform is stored: before an import's first write, whether it may meet stored keys at all. */
export function platformStored(db: Db, platform: string): boolean {
  return db.prepare('SELECT 1 FROM transactions WHERE platform = ? LIMIT 1').get(platform) !== undefined;
}

export class DuplicateProbe {
  private readonly db: Db;
  /** null: not decided yet (first probe); false: nothing of this platform stored before, or the prefilter is off. */
  private probing: boolean | null;
  private probeSkip = 0;
  private probeSkipNext = 1;
  private lookupRun = 0;
  private readonly stretches = new Map<string, Stretch>();
  private readDown: Database.Statement<[string, string], string> | null = null;
  private readUp: Database.Statement<[string, string], string> | null = null;
  private readonly lookups = new Map<number, Database.Statement>();

  constructor(db: Db, prefilter: boolean) {
    this.db = db;
    this.probing = prefilter ? null : false;
  }

  /**
   * Which of `keys` are already stored (true at a stored key's index), or null when not probed:
   * nothing of this platform stored before this import (a first import), or the last probes found
   * nothing (new rows; probing backs off so that a fresh import into a full profile pays almost
   * nothing for it).
   */
  stored(platform: string, keys: readonly string[]): readonly boolean[] | null {
    if (this.probing === null) {
      this.probing = platformStored(this.db, platform);
    }
    if (!this.probing) return null;
    if (this.probeSkip > 0) {
      this.probeSkip--;
      return null;
    }
    const stored = new Array<boolean>(keys.length).fill(false);
    let found: number;
    if (this.lookupRun > 0) {
      this.lookupRun--;
      found = this.lookUp(platform, keys, keys.map((_, index) => index), stored);
    } else {
      found = this.fromStretches(platform, keys, stored);
    }
    if (found === 0) {
      this.probeSkip = this.probeSkipNext;
      this.probeSkipNext = Math.min(MAX_PROBE_SKIP, this.probeSkipNext * 2);
      return null;
    }
    this.probeSkipNext = 1;
    return stored;
  }

  /** Frees the stretches, once the file's rows are written. */
  release(): void {
    this.stretches.clear();
  }

  /** Marks the stored keys in `stored`; how many there are. */
  private fromStretches(platform: string, keys: readonly string[], stored: boolean[]): number {
    let found = 0;
    /** The indexes of the keys no stretch covers, by family. */
    let missed: Map<string, number[]> | null = null;
    // Consecutive rows are mostly of one family: its stretch is tried before the key's family is named.
    let recent: Stretch | undefined;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (recent !== undefined && besideLast(recent, key)) {
        stored[index] = true;
        found++;
        continue;
      }
      if (recent === undefined || !covers(recent, key)) {
        const family = key.slice(0, FAMILY_CHARS);
        const stretch = this.stretches.get(family);
        if (stretch === undefined || !covers(stretch, key)) {
          missed ??= new Map();
          const list = missed.get(family);
          if (list === undefined) missed.set(family, [index]);
          else list.push(index);
          continue;
        }
        recent = stretch;
      }
      if (holds(recent, key)) {
        stored[index] = true;
        found++;
      }
    }
    if (missed === null) return found;
    if (this.stretches.size + missed.size > MAX_FAMILIES) this.stretches.clear();
    for (const [family, indexes] of missed) {
      const stretch = this.readAhead(platform, indexes.map((index) => keys[index]!), this.stretches.get(family));
      if (stretch === null) {
        this.lookupRun = LOOKUP_RUN;
        found += this.lookUp(platform, keys, indexes, stored);
        continue;
      }
      this.stretches.set(family, stretch);
      for (const index of indexes) {
        if (holds(stretch, keys[index]!)) {
          stored[index] = true;
          found++;
        }
      }
    }
    return found;
  }

  /**
   * A stretch of the index holding all of `keys`, read from their highest key down (or, where the
   * file goes up, from their lowest up); null when STRETCH_KEYS stored keys did not reach them all.
   */
  private readAhead(platform: string, keys: readonly string[], last: Stretch | undefined): Stretch | null {
    let low = keys[0]!;
    let high = low;
    for (const key of keys) {
      if (key < low) low = key;
      else if (key > high) high = key;
    }
    if (last !== undefined && last.high !== null && low > last.high) {
      this.readUp ??= this.db
        .prepare<[string, string], string>(
          `SELECT platform_order_id FROM transactions WHERE platform = ? AND platform_order_id >= ? ORDER BY platform_order_id LIMIT ${STRETCH_KEYS}`,
        )
        .pluck();
      const read = this.readUp.all(platform, low);
      const stretch = { low: detached(low), high: read.length < STRETCH_KEYS ? null : read[read.length - 1]!, keys: read, at: 0 };
      return covers(stretch, high) ? stretch : null;
    }
    this.readDown ??= this.db
      .prepare<[string, string], string>(
        `SELECT platform_order_id FROM transactions WHERE platform = ? AND platform_order_id <= ? ORDER BY platform_order_id DESC LIMIT ${STRETCH_KEYS}`,
      )
      .pluck();
    const read = this.readDown.all(platform, high).reverse();
    const stretch = { low: read.length < STRETCH_KEYS ? null : read[0]!, high: detached(high), keys: read, at: read.length - 1 };
    return covers(stretch, low) ? stretch : null;
  }

  /** Looks up the keys at `indexes` one by one, marking the stored ones in `stored`; how many there are. */
  private lookUp(platform: string, keys: readonly string[], indexes: readonly number[], stored: boolean[]): number {
    const count = indexes.length;
    let lookup = this.lookups.get(count);
    if (!lookup) {
      lookup = this.db
        .prepare(`SELECT platform_order_id FROM transactions WHERE platform = ? AND platform_order_id IN (${Array(count).fill('?').join(',')})`)
        .pluck();
      this.lookups.set(count, lookup);
    }
    const asked = indexes.map((index) => keys[index]!);
    const found = new Set(lookup.all(platform, ...asked) as string[]);
    let marked = 0;
    for (const index of indexes) {
      if (found.has(keys[index]!)) {
        stored[index] = true;
        marked++;
      }
    }
    return marked;
  }
}
