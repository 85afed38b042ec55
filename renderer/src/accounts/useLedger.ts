import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';

export type AccountsList = Response<'ledger.accounts.list'>;
export type AccountSummary = AccountsList['accounts'][number];
/** An account field the ledger answers with (every one, each with its value and origin). */
export type AccountFieldName = keyof AccountSummary['fields'];
export type AccountDetail = Response<'ledger.account.get'>;
export type MonthRow = AccountDetail['months'][number];
export type LedgerTransaction = AccountDetail['transactions'][number];
export type QueryRecord = Response<'ledger.queries.list'>['queries'][number];
export type Observation = Response<'ledger.observations.list'>['observations'][number];

/** `#/accounts` (list), `#/accounts/new`, `#/accounts/12`. */
export type AccountsView = { name: 'list' } | { name: 'new' } | { name: 'account'; id: number };

function parse(hash: string): AccountsView {
  const [, rest] = /^#\/?accounts\/?(.*)$/.exec(hash) ?? [];
  if (rest === 'new') return { name: 'new' };
  if (rest && /^\d+$/.test(rest)) return { name: 'account', id: Number(rest) };
  return { name: 'list' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useAccountsView(): AccountsView {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function accountHref(id: number): string {
  return `#/accounts/${id}`;
}

export const NEW_ACCOUNT_HREF = '#/accounts/new';
export const ACCOUNTS_HREF = '#/accounts';

export interface Loaded<T> {
  data: T | null;
  error: IpcError | null;
  reload: () => Promise<void>;
  /** Replace the data with a write's answer (the writes return the fresh account). */
  set: (data: T) => void;
}

/** Loads once per key; only the newest reply lands. */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const value = await loadRef.current();
      if (ticket !== latest.current) return;
      setData(value);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(asIpcError(failure));
    }
  }, []);
  useEffect(() => {
    setData(null);
    void reload();
  }, [key, reload]);
  const set = useCallback((value: T) => {
    latest.current++;
    setData(value);
    setError(null);
  }, []);
  return { data, error, reload, set };
}

export function useAccounts(profileId: string): Loaded<AccountsList> {
  return useLoaded(() => invoke('ledger.accounts.list', { profileId }), profileId);
}

export function useAccount(profileId: string, accountId: number): Loaded<AccountDetail> {
  return useLoaded(() => invoke('ledger.account.get', { profileId, accountId }), `${profileId}:${accountId}`);
}

/** The per-field sentences of a `ledger.invalid_input` error, by field. */
export function fieldErrors(error: IpcError | null): Record<string, { 'zh-CN': string; en: string }> {
  if (!error || error.code !== 'ledger.invalid_input') return {};
  const fields = (error.details.fields ?? []) as { field: string; message: { 'zh-CN': string; en: string } }[];
  return Object.fromEntries(fields.map((f) => [f.field, f.message]));
}
