import { useEffect, useRef, type ReactNode } from 'react';
import { accountHref } from '../accounts/useLedger.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, identifier, personName } from '../presentation/format.ts';
import { directionName, kindName, platformName } from '../import/labels.ts';
import { Utc8Time } from '../import/Utc8Time.tsx';
import { hrefFor } from '../router.ts';
import type { TransactionRow } from './useTransactions.ts';

/** Everything stored about one row, and where to go from it: its file, its account, its review. */
export function TransactionDetail({
  row,
  accountName,
  onOnlyFile,
  onClose,
}: {
  row: TransactionRow;
  accountName: string | null;
  onOnlyFile: (batchId: number) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.id]);
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section
      className="panel tx-detail"
      aria-labelledby="tx-detail-title"
      data-testid="tx-detail"
      data-id={row.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="tx-detail-head">
        <h2 id="tx-detail-title" className="section-title" ref={heading} tabIndex={-1}>
          {t('tx.detail.title')}
        </h2>
        <button type="button" className="button button-quiet" data-testid="tx-detail-close" onClick={onClose}>
          {t('tx.detail.close')}
        </button>
      </div>
      <dl className="facts tx-facts">
        {fact(t('tx.detail.time'), <Utc8Time iso={row.occurredAt} />)}
        {fact(t('tx.col.platform'), platformName(locale, row.platform))}
        {fact(t('tx.col.what'), [row.counterparty === null ? null : personName(row.counterparty), row.item === null ? null : identifier(row.item)].filter(Boolean).join(' · ') || '—')}
        {fact(t('tx.detail.amount'), `${formatFen(row.amountFen)} · ${directionName(t, row.direction)}`, 'tx-detail-amount')}
        {fact(t('tx.detail.status'), row.status)}
        {fact(t('tx.filters.category'), row.category ?? '—')}
        {fact(t('tx.detail.payment'), row.paymentMethod === null ? '—' : identifier(row.paymentMethod))}
        {fact(t('tx.detail.order'), <span className="tx-source">{identifier(row.orderId)}</span>)}
        {fact(
          t('tx.detail.event'),
          row.creditEvent === null ? '—' : (
            <>
              {kindName(t, row.creditEvent)} {row.needsReview && <span className="badge badge-warning">{t('tx.row.review')}</span>}
            </>
          ),
        )}
        {fact(t('tx.detail.account'), accountName === null ? '—' : identifier(accountName))}
        {fact(t('tx.detail.source'), t('tx.detail.sourceValue', { file: identifier(row.file), line: formatCount(row.sourceLine) }), 'tx-detail-source')}
      </dl>
      <div className="tx-detail-actions">
        <button type="button" className="button" data-testid="tx-only-file" onClick={() => onOnlyFile(row.batchId)}>
          {t('tx.detail.onlyFile')}
        </button>
        {row.accountId !== null && accountName !== null && (
          <a className="button" href={accountHref(row.accountId)} data-testid="tx-open-account">
            {t('tx.detail.openAccount', { name: identifier(accountName) })}
          </a>
        )}
        {row.needsReview && (
          <a className="button" href={hrefFor('import')}>
            {t('tx.detail.review')}
          </a>
        )}
      </div>
    </section>
  );
}
