import { useI18n } from '../i18n/I18nProvider.tsx';
import { statusClass } from './labels.ts';
import type { MonthRow } from './useLedger.ts';
import { statusInfo } from '../../../core/shared/status-alphabet.ts';

/** The account's months as the report's grid: one row per year, each month coloured by its status. */
export function MonthTimeline({ months, selected, onSelect }: { months: MonthRow[]; selected: string | null; onSelect: (month: string) => void }) {
  const { t, locale } = useI18n();
  if (months.length === 0) return <p className="muted">{t('ledger.timeline.empty')}</p>;
  const years = new Map<string, (MonthRow | null)[]>();
  for (const row of months) {
    const [year, month] = row.month.split('-');
    if (!years.has(year)) years.set(year, Array(12).fill(null));
    years.get(year)![Number(month) - 1] = row;
  }
  return (
    <div className="timeline" data-testid="timeline" role="group" aria-label={t('ledger.timeline.label')}>
      {[...years].map(([year, cells]) => (
        <div className="timeline-year" key={year}>
          <span className="timeline-year-label">
            {year}
          </span>
          {cells.map((row, index) =>
            row === null ? (
              <span key={index} className="timeline-gap" />
            ) : (
              <button
                key={row.month}
                type="button"
                className={`${statusClass(row.status)} timeline-cell${row.month === selected ? ' timeline-cell-selected' : ''}${row.statusSource === 'manual' ? ' timeline-cell-manual' : ''}`}
                data-testid="month-cell"
                data-month={row.month}
                data-status={row.status}
                aria-pressed={row.month === selected}
                aria-label={t('ledger.timeline.cell', { month: row.month, code: row.status, meaning: statusInfo(row.status).meaning[locale] })}
                title={`${row.month} ${row.status} — ${statusInfo(row.status).meaning[locale]}`}
                onClick={() => onSelect(row.month)}
              >
                {row.status}
              </button>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

export function StatusLegend() {
  const { t, locale } = useI18n();
  const codes = ['N', 'M', '1', '3', '7', '*', '#', 'C'] as const;
  return (
    <ul className="status-legend" aria-label={t('ledger.timeline.legend')}>
      {codes.map((code) => (
        <li key={code}>
          <span className={statusClass(code)}>{code}</span> {statusInfo(code).meaning[locale]}
        </li>
      ))}
    </ul>
  );
}
