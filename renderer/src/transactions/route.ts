import { useSyncExternalStore } from 'react';
import type { Request } from '../../../core/ipc/contract.ts';
import { firstDay, formatDay, lastDay, parseMonth } from '../../../core/shared/calendar.ts';

// The page's state lives in its hash, `#/transactions?platform=alipay&from=2026-01-01…`, so that
// any page can link to it with a filter set (an account, a report figure, a review item), a
// reload keeps it, and Back returns to the filter before.

export type Filter = Request<'transactions.list'>['filter'];
export type Order = 'newest' | 'oldest';

export interface TransactionsView {
  filter: Filter;
  order: Order;
  /** A row to show and select once it is listed (a review item's). */
  focus: number | null;
}

// Hash parameter ↔ filter field. Numbers and enums are checked by the contract when the page asks.
const TEXT_FIELDS = { from: 'from', to: 'to', platform: 'platform', direction: 'direction', category: 'category', event: 'creditEvent', q: 'text' } as const;
const NUMBER_FIELDS = { account: 'accountId', file: 'batchId' } as const;

function positive(text: string | null): number | null {
  return text !== null && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null;
}

export function parseTransactionsHash(hash: string): TransactionsView {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const filter: Record<string, string | number> = {};
  for (const [param, field] of Object.entries(TEXT_FIELDS)) {
    const value = params.get(param);
    if (value) filter[field] = value;
  }
  for (const [param, field] of Object.entries(NUMBER_FIELDS)) {
    const value = positive(params.get(param));
    if (value !== null) filter[field] = value;
  }
  return { filter: filter as Filter, order: params.get('order') === 'oldest' ? 'oldest' : 'newest', focus: positive(params.get('focus')) };
}

export function transactionsHref(filter: Filter, options: { order?: Order; focus?: number } = {}): string {
  const params = new URLSearchParams();
  const values = filter as Record<string, string | number | undefined>;
  for (const [param, field] of Object.entries({ ...TEXT_FIELDS, ...NUMBER_FIELDS })) {
    const value = values[field];
    if (value !== undefined && value !== '') params.set(param, String(value));
  }
  if (options.order === 'oldest') params.set('order', 'oldest');
  if (options.focus !== undefined) params.set('focus', String(options.focus));
  const query = params.toString();
  return `#/transactions${query ? `?${query}` : ''}`;
}

/** The first and last day of the months a report figure counts, as a date range. */
export function monthsRange(months: readonly string[]): { from?: string; to?: string } {
  const indexes = months.map(parseMonth).filter((m): m is number => m !== null);
  if (indexes.length === 0) return {};
  return { from: formatDay(firstDay(Math.min(...indexes))), to: formatDay(lastDay(Math.max(...indexes))) };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useTransactionsHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** A new filter replaces the hash (no history entry per keystroke); links from other pages push one. */
export function replaceView(filter: Filter, order: Order): void {
  window.location.replace(transactionsHref(filter, { order }));
}
