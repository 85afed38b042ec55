import { useEffect, useRef } from 'react';
import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { accountHref } from '../accounts/useLedger.ts';
import { useReturnFocus } from '../components/useReturnFocus.ts';
import { monthsRange, transactionsHref } from '../transactions/route.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FigureValue } from './FigureValue.tsx';
import type { RecordsTarget, RecordView } from './useBureau.ts';
import { identifier } from '../presentation/format.ts';

function RecordRow({ record }: { record: RecordView }) {
  const { t, locale } = useI18n();
  if (record.kind === 'query') {
    const reason = QUERY_REASONS.find((r) => r.code === record.reasonCode)?.name[locale] ?? record.reasonCode;
    return (
      <li data-testid="record" data-kind="query" data-id={record.queryId}>
        {t('bureau.records.query', { date: record.queriedOn, institution: record.institution, reason })}
      </li>
    );
  }
  return (
    <li data-testid="record" data-kind="account" data-id={record.accountId}>
      <a href={accountHref(record.accountId)}>{identifier(record.name)}</a> <span className="badge badge-quiet">{record.type}</span>
      {record.reporting === 'unknown' && <span className="badge badge-warning">{t('bureau.reporting.unknownBadge')}</span>}
      {record.months.length > 0 && <span className="muted"> {t('bureau.records.months', { months: record.months.join(', ') })}</span>}
      {' '}
      <a
        href={transactionsHref({ accountId: record.accountId, ...monthsRange(record.months) })}
        aria-label={t('tx.link.recordLabel', { name: identifier(record.name) })}
        data-testid="record-transactions"
      >
        {t('tx.link.record')}
      </a>
    </li>
  );
}

/** The records behind the figure the user opened: accounts (with the months that count) or queries. */
export function RecordsDrawer({ target, onClose }: { target: RecordsTarget; onClose: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [target]);
  // Closed (its button, Escape), it gives the focus back to the figure that opened it.
  useReturnFocus();
  return (
    <aside
      className="panel bureau-records"
      data-testid="bureau-records"
      aria-labelledby="bureau-records-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="bureau-records-head">
        <h2 id="bureau-records-title" ref={heading} tabIndex={-1}>
          {t('bureau.records.title', { label: target.title })}
        </h2>
        <button type="button" className="button button-quiet" data-testid="bureau-records-close" onClick={onClose}>
          {t('bureau.records.close')}
        </button>
      </div>
      <FigureValue figure={target.figure} label={target.title} />
      {target.figure.records.length === 0 ? (
        <p className="muted">{t('bureau.records.none')}</p>
      ) : (
        <ul className="plain-list bureau-records-list">
          {target.figure.records.map((record, i) => (
            <RecordRow key={i} record={record} />
          ))}
        </ul>
      )}
    </aside>
  );
}
