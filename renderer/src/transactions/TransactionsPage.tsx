import { useCallback, useMemo, useState } from 'react';
import { dayOfEpoch, formatDay } from '../../../core/shared/calendar.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, personName } from '../presentation/format.ts';
import { directionName } from '../import/labels.ts';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { FilterBar } from './FilterBar.tsx';
import { parseTransactionsHash, replaceView, useTransactionsHash, type Filter, type Order } from './route.ts';
import { TransactionDetail } from './TransactionDetail.tsx';
import { TransactionGrid } from './TransactionGrid.tsx';
import { useFacets, useTransactionList, useTransactionSummary, type SummaryState, type TransactionRow } from './useTransactions.ts';
import './transactions.css';

function Figures({ state }: { state: SummaryState }) {
  const { t } = useI18n();
  if (state.error) return <ErrorMessage error={state.error} testId="tx-summary-error" />;
  const { summary } = state;
  return (
    <div className="tx-figures" role="status" aria-label={t('tx.summary.label')} data-testid="tx-summary" data-complete={state.complete}>
      <strong data-testid="tx-count" data-value={summary.count}>
        {t('tx.summary.count', { count: formatCount(summary.count) })}
      </strong>
      {(['expense', 'income', 'neutral'] as const).map((direction) => (
        <span key={direction} className={`tx-figure tx-${direction}`} data-testid={`tx-total-${direction}`} data-count={summary.byDirection[direction].count} data-fen={summary.byDirection[direction].fen}>
          {t('tx.summary.direction', {
            name: directionName(t, direction),
            count: formatCount(summary.byDirection[direction].count),
            amount: formatFen(summary.byDirection[direction].fen),
          })}
        </span>
      ))}
      {!state.complete && state.reached && <span className="muted">{t('tx.summary.counting', { date: formatDay(dayOfEpoch(state.reached.epoch)) })}</span>}
    </div>
  );
}

/** `#/transactions?…`: every imported row, filtered by the hash (route.ts), a windowed list. */
export function TransactionsPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const hash = useTransactionsHash();
  const view = useMemo(() => parseTransactionsHash(hash), [hash]);
  const key = JSON.stringify([view.filter, view.order]);
  const { facets, error: facetsError } = useFacets(profile.id);
  const list = useTransactionList(profile.id, view.filter, view.order, key);
  const summary = useTransactionSummary(profile.id, view.filter, JSON.stringify(view.filter));
  const [open, setOpen] = useState<TransactionRow | null>(null);
  const accountNames = useMemo(() => new Map((facets?.accounts ?? []).map((account) => [account.id, account.name])), [facets]);
  const change = useCallback((filter: Filter, order: Order) => {
    setOpen(null);
    replaceView(filter, order);
  }, []);
  const closeDetail = useCallback(() => {
    setOpen(null);
    document.querySelector<HTMLElement>('[data-testid="tx-grid"]')?.focus();
  }, []);

  const nothingImported = facets !== null && facets.total === 0;
  const noMatch = !nothingImported && !list.loading && list.rows.length === 0 && list.next === null && !list.error;
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{personName(profile.name)}</p>
        <h1>{t('tx.title')}</h1>
        <p className="muted">{t('tx.lead')}</p>
      </header>
      {facetsError && <ErrorMessage error={facetsError} />}
      {nothingImported ? (
        <EmptyState body={t('tx.empty.none')} />
      ) : (
        <>
          <FilterBar filter={view.filter} order={view.order} facets={facets} onChange={change} />
          <Figures state={summary} />
          <p id="tx-grid-hint" className="muted tx-hint">
            {t('tx.list.hint')}
          </p>
          <div className="tx-layout">
            {noMatch ? (
              <EmptyState
                title={t('tx.empty.title')}
                body={t('tx.empty.body')}
                action={
                  <button type="button" className="button" data-testid="tx-empty-clear" onClick={() => change({}, view.order)}>
                    {t('tx.filters.clear')}
                  </button>
                }
              />
            ) : (
              <TransactionGrid
                key={key}
                list={list}
                total={summary.complete ? summary.summary.count : null}
                accountNames={accountNames}
                focusId={view.focus}
                onOpen={setOpen}
              />
            )}
            {open && (
              <TransactionDetail
                row={open}
                accountName={open.accountId === null ? null : (accountNames.get(open.accountId) ?? null)}
                onOnlyFile={(batchId) => change({ ...view.filter, batchId }, view.order)}
                onClose={closeDetail}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}
