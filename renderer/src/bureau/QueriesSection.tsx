import { INSTITUTION_KEYS } from '../accounts/labels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { InstitutionType } from '../../../core/shared/ledger-vocabulary.ts';
import { BureauTable } from './BureauTable.tsx';
import type { BureauReport } from './useBureau.ts';

/** 七 查询记录: every query on the report, newest first. */
export function QueriesSection({ queries }: { queries: BureauReport['queries'] }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel bureau-section" data-testid="bureau-queries" aria-labelledby="bureau-queries-title">
      <h2 id="bureau-queries-title">{t('bureau.queries.title')}</h2>
      {queries.length === 0 ? (
        <p className="muted">{t('bureau.queries.none')}</p>
      ) : (
        <BureauTable columns={[{ label: t('bureau.queries.date') }, { label: t('bureau.queries.institution') }, { label: t('bureau.queries.reason') }]}>
          <tbody>
            {queries.map((q) => (
              <tr key={q.id} data-testid="query-row" data-hard={q.hard}>
                <td>{q.queriedOn}</td>
                <td>
                  {q.institution}
                  {q.institutionType && <span className="muted"> {t(INSTITUTION_KEYS[q.institutionType as InstitutionType])}</span>}
                </td>
                <td>
                  {q.reasonName[locale]}
                  {q.hard && <span className="badge badge-warning">{t('ledger.queries.hard')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </BureauTable>
      )}
    </section>
  );
}
