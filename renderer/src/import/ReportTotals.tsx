import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen } from '../presentation/format.ts';
import { directionName, kindName, type Direction } from './labels.ts';
import type { ImportReport } from './useImportRun.ts';

const DIRECTIONS: Direction[] = ['income', 'expense', 'neutral'];

/** Counts and amounts by direction, then spending, all as read from this file (duplicates included). */
export function ReportTotals({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const rows = [
    ...DIRECTIONS.map((direction) => ({ key: direction, label: directionName(t, direction), total: report.byDirection[direction] })),
    { key: 'spending', label: t('report.spending'), total: report.spending },
  ];
  return (
    <section className="report-section">
      <h4>{t('report.byDirection')}</h4>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('report.colDirection')}</th>
            <th scope="col" className="num">
              {t('report.colCount')}
            </th>
            <th scope="col" className="num">
              {t('report.colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="report-direction" data-direction={row.key} className={row.key === 'spending' ? 'report-table-total' : undefined}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatCount(row.total.count)}</td>
              <td className="num">{formatFen(row.total.fen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ReportCreditEvents({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const entries = Object.entries(report.creditEvents).filter(([, count]) => (count ?? 0) > 0);
  const review = report.needsReview.length + report.needsReviewOmitted;
  return (
    <section className="report-section" data-testid="report-credit-events">
      <h4>{t('report.creditEvents')}</h4>
      {entries.length === 0 ? (
        <p className="muted">{t('report.creditEventsNone')}</p>
      ) : (
        <ul className="chip-list">
          {entries.map(([kind, count]) => (
            <li key={kind} className="chip" data-kind={kind}>
              {kindName(t, kind)} <span className="chip-count">{formatCount(count ?? 0)}</span>
            </li>
          ))}
        </ul>
      )}
      {review > 0 && <p className="problem-text">{t('report.needsReview', { count: formatCount(review) })}</p>}
    </section>
  );
}
