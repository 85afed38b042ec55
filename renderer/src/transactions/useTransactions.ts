import { useCallback, useEffect, useRef, useState } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { addSummaries, emptySummary, type TransactionSummary } from '../../../core/shared/transaction-summary.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import type { Filter, Order } from './route.ts';

export type Facets = Response<'transactions.facets'>;
export type TransactionRow = Response<'transactions.list'>['rows'][number];
export type Cursor = NonNullable<Response<'transactions.list'>['next']>;

/** Rows per request: a screenful many times over, small enough to arrive at once. */
const PAGE = 200;

export function useFacets(profileId: string): { facets: Facets | null; error: IpcError | null } {
  const [facets, setFacets] = useState<Facets | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    let live = true;
    invoke('transactions.facets', { profileId }).then(
      (value) => live && setFacets(value),
      (failure) => live && setError(asIpcError(failure)),
    );
    return () => {
      live = false;
    };
  }, [profileId]);
  return { facets, error };
}

export interface ListState {
  rows: TransactionRow[];
  /** Where the list goes on; null once it has ended. */
  next: Cursor | null;
  loading: boolean;
  error: IpcError | null;
  /** Asks for the next rows (no-op while a request is out, after an error, or at the end). */
  loadMore: () => void;
}

interface ListData {
  key: string;
  rows: TransactionRow[];
  next: Cursor | null;
  started: boolean;
  loading: boolean;
  error: IpcError | null;
}

const fresh = (key: string): ListData => ({ key, rows: [], next: null, started: false, loading: false, error: null });

/**
 * The filter's rows, a request at a time from the keyset cursor. A request may come back with
 * fewer rows than asked (even none) when its stretch of the list ends first: the list asks again
 * as long as its last row is on screen (see TransactionGrid).
 */
export function useTransactionList(profileId: string, filter: Filter, order: Order, key: string): ListState {
  const [data, setData] = useState<ListData>(() => fresh(key));
  const current = data.key === key ? data : fresh(key);
  const latest = useRef(current);
  latest.current = current;

  const loadMore = useCallback(() => {
    const now = latest.current;
    if (now.key !== key || now.loading || now.error || (now.started && now.next === null)) return;
    const after = now.started ? now.next : null;
    latest.current = { ...now, loading: true };
    setData({ ...now, loading: true });
    invoke('transactions.list', { profileId, filter, order, limit: PAGE, ...(after ? { after } : {}) }).then(
      (page) =>
        setData((before) =>
          before.key === key ? { ...before, rows: [...before.rows, ...page.rows], next: page.next, started: true, loading: false } : before,
        ),
      (failure) => setData((before) => (before.key === key ? { ...before, started: true, loading: false, error: asIpcError(failure) } : before)),
    );
    // The key stands for the filter and order.
  }, [profileId, key]);

  // A new filter starts from the top.
  useEffect(() => {
    if (!latest.current.started) loadMore();
  }, [key, loadMore]);

  return { rows: current.rows, next: current.started ? current.next : null, loading: !current.started || current.loading, error: current.error, loadMore };
}

export interface SummaryState {
  summary: TransactionSummary;
  /** Every part is in. */
  complete: boolean;
  /** While counting: how far back it has reached. */
  reached: Cursor | null;
  error: IpcError | null;
}

/** The filter's count and totals, part after part (core/ledger/transaction-list.ts SCAN_BUDGET), added up as they come. */
export function useTransactionSummary(profileId: string, filter: Filter, key: string): SummaryState {
  const [state, setState] = useState<SummaryState & { key: string }>({ key: '', summary: emptySummary(), complete: false, reached: null, error: null });
  useEffect(() => {
    let live = true;
    let total = emptySummary();
    setState({ key, summary: total, complete: false, reached: null, error: null });
    const part = (after: Cursor | null): void => {
      invoke('transactions.summary', { profileId, filter, ...(after ? { after } : {}) }).then(
        (value) => {
          if (!live) return;
          total = addSummaries(total, value);
          setState({ key, summary: total, complete: value.next === null, reached: value.next, error: null });
          if (value.next) part(value.next);
        },
        (failure) => live && setState((before) => ({ ...before, error: asIpcError(failure) })),
      );
    };
    part(null);
    return () => {
      live = false;
    };
    // The key stands for the filter: a new object with the same fields is the same question.
  }, [profileId, key]);
  return state.key === key ? state : { summary: emptySummary(), complete: false, reached: null, error: null };
}
