import { useState } from 'react';
import { money, overdueMoney } from '../accounts/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { GridMonth, ReportAccount } from './useBureau.ts';
import { STATUS_TABLE, statusInfo } from '../../../core/shared/status-alphabet.ts';

function toneClass(code: GridMonth['status']): string {
  return `bureau-cell bureau-tone-${statusInfo(code).tone}`;
}

/** The account's 60 months as on the report: a row per year, each month coloured by its status. */
export function RepaymentGrid({ months, compact = false, grace }: { months: GridMonth[]; compact?: boolean; grace?: ReportAccount['grace'] }) {
  const { t, locale } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  if (months.length === 0) return <p className="muted">{t('bureau.grid.empty')}</p>;
  const years = new Map<string, (GridMonth | null)[]>();
  for (const row of months) {
    const [year, month] = row.month.split('-');
    if (!years.has(year)) years.set(year, Array(12).fill(null));
    years.get(year)![Number(month) - 1] = row;
  }
  const chosen = months.find((m) => m.month === selected) ?? null;
  const dash = t('ledger.none');
  return (
    <div className={`bureau-grid${compact ? ' bureau-grid-compact' : ''}`} data-testid="repayment-grid" role="group" aria-label={t('bureau.grid.label')}>
      {[...years].map(([year, cells]) => (
        <div className="bureau-grid-year" key={year}>
          <span className="bureau-grid-year-label">{year}</span>
          {cells.map((row, index) =>
            row === null ? (
              <span key={index} className="bureau-cell bureau-cell-gap" />
            ) : (
              <button
                key={row.month}
                type="button"
                className={`${toneClass(row.status)}${row.month === selected ? ' bureau-cell-selected' : ''}${row.reason === 'paid_in_grace' ? ' bureau-cell-grace' : ''}`}
                data-testid="grid-cell"
                data-month={row.month}
                data-status={row.status}
                data-reason={row.reason}
                aria-pressed={row.month === selected}
                title={t('bureau.grid.cell', { month: row.month, code: row.status, meaning: statusInfo(row.status).meaning[locale] })}
                onClick={() => setSelected(row.month === selected ? null : row.month)}
              >
                {row.status}
              </button>
            ),
          )}
        </div>
      ))}
      {chosen && (
        <p className="bureau-grid-detail" data-testid="grid-detail">
          {t('bureau.grid.detail', {
            month: chosen.month,
            code: chosen.status,
            meaning: statusInfo(chosen.status).meaning[locale],
            overdue: overdueMoney(chosen.overdueFen, chosen.overdueRangeFen, dash, (low, high) => t('bureau.overdueRange', { low, high })),
            due: money(chosen.amountDueFen, dash),
            paid: money(chosen.amountPaidFen, dash),
            used: money(chosen.creditUsedFen, dash),
          })}
          {chosen.reason === 'paid_in_grace' && grace && (
            <span data-testid="grid-grace"> {t('bureau.grid.grace', { days: grace.graceDays, amount: money(grace.toleranceFen, dash) })}</span>
          )}
        </p>
      )}
    </div>
  );
}

/** Every code of the alphabet with its colour and meaning (docs/domain/pboc-report.md#repayment-status-codes). */
export function GridLegend() {
  const { t, locale } = useI18n();
  return (
    <ul className="status-legend" data-testid="grid-legend" aria-label={t('bureau.grid.legend')}>
      {STATUS_TABLE.map((c) => (
        <li key={c.code} data-code={c.code}>
          <span className={toneClass(c.code)} aria-hidden="true">
            {c.code}
          </span>{' '}
          {statusInfo(c.code).meaning[locale]}
        </li>
      ))}
    </ul>
  );
}
