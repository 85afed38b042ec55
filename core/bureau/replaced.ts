// A snapshot evaluated beside a like one: a what-if scenario's month beside the baseline's on the
// same day, a baseline read again after one account changed beside the one before. Their lists of
// report accounts differ in a few places (the accounts the actions or the edit touched; every
// other report account is the same object, layouts.ts), so an aggregate over the list can start
// from the like snapshot's, with those accounts' parts replaced (lender-metrics.ts), instead of
// folding every account again. An aggregate that cannot replace a part exactly (a highest value
// whose holder leaves, a record that appears or goes) folds the whole list as before.
//
// The link is set only while the snapshot is evaluated (core/whatif/timeline.ts), so a snapshot
// never keeps its like one, nor that one its own, alive.

import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import type { RecordRef } from './report-schema.ts';

const likes = new WeakMap<LedgerSnapshot, LedgerSnapshot>();

/** Runs `evaluate` with `like` known as the snapshot `snapshot` is like (nothing of the answer depends on it). */
export function besideLike<T>(snapshot: LedgerSnapshot, like: LedgerSnapshot, evaluate: () => T): T {
  if (snapshot === like) return evaluate();
  likes.set(snapshot, like);
  try {
    return evaluate();
  } finally {
    likes.delete(snapshot);
  }
}

export function likeOf(snapshot: LedgerSnapshot): LedgerSnapshot | undefined {
  return likes.get(snapshot);
}

/** More replaced accounts than this and a whole fold is as quick. */
const MAX_REPLACED = 8;

/** One account of a like list replaced by another (`old` and `next`), dropped (`next` null) or added (`old` null). */
export interface Replacement<T> {
  old: T | null;
  next: T | null;
  /** An added account past the end of the like list (what a scenario's new account is). */
  atEnd: boolean;
}

/**
 * How `list` differs from `like`, both in one order: the accounts replaced in place, added or
 * dropped (the list walked against the like one, a single account added or dropped recognised by
 * the next one matching); null when they differ in more than a few.
 */
export function replacements<T>(list: readonly T[], like: readonly T[]): Replacement<T>[] | null {
  const out: Replacement<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < list.length || j < like.length) {
    if (i < list.length && j < like.length && list[i] === like[j]) {
      i++;
      j++;
      continue;
    }
    if (out.length === MAX_REPLACED) return null;
    if (j >= like.length || (i + 1 < list.length && list[i + 1] === like[j])) out.push({ old: null, next: list[i++], atEnd: j >= like.length });
    else if (i >= list.length || (j + 1 < like.length && list[i] === like[j + 1])) out.push({ old: like[j++], next: null, atEnd: false });
    else out.push({ old: like[j++], next: list[i++], atEnd: false });
  }
  return out;
}

/**
 * The accounts of a list that `keep` admits, in the list's order, from the like list's
 * (`likeKept`) and the replacements between the two lists: an account replaced in place swapped,
 * one that leaves taken out, one added past the like list's end put at the end; null when an
 * account comes in anywhere else (where it goes needs the whole list), or when one both comes in
 * and leaves (the two lists in different orders: the place found for it would be the new one's).
 */
export function keptFromLike<T>(changes: readonly Replacement<T>[], likeKept: readonly T[], keep: (account: T) => boolean): T[] | null {
  const comingIn = new Set(changes.map((change) => change.next));
  if (changes.some((change) => change.old !== null && comingIn.has(change.old))) return null;
  const out = likeKept.slice();
  for (const { old, next, atEnd } of changes) {
    const [leaves, comes] = [old !== null && keep(old), next !== null && keep(next)];
    if (leaves) {
      const at = out.indexOf(old!);
      if (at < 0) return null;
      if (comes) out[at] = next!;
      else out.splice(at, 1);
    } else if (comes) {
      if (!atEnd) return null;
      out.push(next!);
    }
  }
  return out;
}

export type Combine = 'sum' | 'max';

/** A total by `combine` with one of its values `old` replaced by `next`; null when a highest value leaves and the rest must be read. */
export function replacedTotal(combine: Combine, total: number, old: number, next: number): number | null {
  if (combine === 'sum') return total - old + next;
  return old < total || next >= total ? Math.max(total, next) : null;
}

/**
 * The records of a fold (one per account that adds to it, in the list's order) with one account's
 * record `old` replaced by `next`: the same list when neither adds one, the record swapped in
 * place when both do, taken out when only `old` does, put at the end when only `next` does and
 * its account is past the end of the like list (`appended`); null otherwise (where it goes needs
 * the whole list).
 */
export function replacedRecords(records: RecordRef[], old: RecordRef | null, next: RecordRef | null, appended: boolean): RecordRef[] | null {
  if (old === next) return records;
  if (old === null) return appended ? [...records, next!] : null;
  const at = records.indexOf(old);
  if (at < 0) return null;
  const out = records.slice();
  if (next === null) out.splice(at, 1);
  else out[at] = next;
  return out;
}

/** A list and what a fold answered for it: where the answer for a like list starts from. */
export interface Answered<A, T> {
  accounts: readonly A[];
  answer: T;
}

/**
 * The answer for `accounts` from a like list's: for each replacement `swap` gives the answer with
 * the like list's account (null: none) replaced by the new list's (null: none; `atEnd`: an added
 * account past the like list's end), or null when that needs the whole list (the accounts add
 * differently); null then, or when the lists differ much.
 */
export function fromLike<A, T>(accounts: readonly A[], like: Answered<A, T> | null, swap: (answer: T, old: A | null, next: A | null, atEnd: boolean) => T | null): T | null {
  if (like === null) return null;
  const changes = replacements(accounts, like.accounts);
  if (changes === null) return null;
  let answer: T | null = like.answer;
  for (const { old, next, atEnd } of changes) {
    answer = swap(answer, old, next, atEnd);
    if (answer === null) return null;
  }
  return answer;
}
