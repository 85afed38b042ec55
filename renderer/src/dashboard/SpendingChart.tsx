import { useId } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { invoke } from '../api.ts';
import { useLoaded } from '../accounts/useLedger.ts';
import { ChartData } from '../components/chart/ChartData.tsx';
import { columns, ticks, valueY, type Frame } from '../components/chart/geometry.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatFen, identifier } from '../presentation/format.ts';

// The Dashboard's spending picture: each month's purchases stacked by credit product (Huabei,
// 白条, 月付, each card on its own), from charts.spending (core/ledger/charts), with its table.

type Spending = Response<'charts.spending'>;

const MONTHS = 12;
const SERIES_STYLES = 6;
const FRAME: Frame = { width: 960, height: 280, left: 80, right: 16, top: 14, bottom: 34 };

function Chart({ chart }: { chart: Spending }) {
  const { t, locale } = useI18n();
  const id = useId();
  const title = t('dashboard.spending.title');
  const hi = Math.max(100, ...chart.totalsFen) * 1.08;
  const y = valueY(FRAME, 0, hi);
  const { x, width } = columns(FRAME, chart.months.length);
  const bar = Math.min(48, width * 0.7);
  const all = chart.totalsFen.reduce((a, b) => a + b, 0);
  const description = t('dashboard.spending.aria', {
    from: chart.months[0]!,
    to: chart.months.at(-1)!,
    total: formatFen(all),
    series: chart.series.map((s) => t('dashboard.spending.seriesTotal', { name: identifier(s.label[locale]), total: formatFen(s.totalFen) })).join(locale === 'zh-CN' ? '，' : ', '),
  });
  return (
    <figure className="chart-figure" data-testid="spending-chart" data-series={chart.series.length}>
      <figcaption id={`${id}-title`} className="visually-hidden">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(0, hi).map((v) => (
          <g key={v}>
            <line className="chart-grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(v)} y2={y(v)} />
            <text className="chart-tick" x={FRAME.left - 6} y={y(v) + 4} textAnchor="end">
              {formatFen(v, { dropZeroCents: true })}
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(0)} y2={y(0)} />
        {chart.months.map((month, i) => {
          let base = 0;
          return (
            <g key={month} data-testid="spending-month" data-month={month} data-total={chart.totalsFen[i]}>
              {chart.series.map((s, k) => {
                const fen = s.monthsFen[i]!;
                if (fen === 0) return null;
                const top = y(base + fen);
                const height = y(base) - top;
                base += fen;
                return (
                  <rect key={s.key} className={`chart-bar chart-s${k % SERIES_STYLES}`} x={x(i) - bar / 2} width={bar} y={top} height={Math.max(0.5, height)} data-key={s.key} data-fen={fen}>
                    <title>{t('dashboard.spending.barTitle', { name: identifier(s.label[locale]), month, amount: formatFen(fen) })}</title>
                  </rect>
                );
              })}
              <text className="chart-tick" x={x(i)} y={FRAME.height - 12} textAnchor="middle">
                {month}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {chart.series.map((s, k) => (
          <li key={s.key} className={`chart-s${k % SERIES_STYLES}`} data-testid="spending-legend" data-key={s.key}>
            <span className="chart-key" aria-hidden="true" />
            {t('dashboard.spending.seriesTotal', { name: identifier(s.label[locale]), total: formatFen(s.totalFen) })}
          </li>
        ))}
      </ul>
      <ChartData label={t('dashboard.spending.table')} testId="spending-data">
        {() => (
          <table className="ledger-table" data-testid="spending-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.spending.month')}</th>
                {chart.series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {identifier(s.label[locale])}
                  </th>
                ))}
                <th scope="col" className="num">{t('dashboard.spending.total')}</th>
              </tr>
            </thead>
            <tbody>
              {chart.months.map((month, i) => (
                <tr key={month} data-testid="spending-row" data-month={month}>
                  <th scope="row">{month}</th>
                  {chart.series.map((s) => (
                    <td key={s.key} className="num" data-key={s.key} data-fen={s.monthsFen[i]}>
                      {formatFen(s.monthsFen[i]!)}
                    </td>
                  ))}
                  <td className="num" data-key="total" data-fen={chart.totalsFen[i]}>
                    {formatFen(chart.totalsFen[i]!)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartData>
    </figure>
  );
}

/** The section on the Dashboard; `revision` changes when the page's data did. */
export function SpendingSection({ profileId, revision }: { profileId: string; revision: string }) {
  const { t } = useI18n();
  const spending = useLoaded(() => invoke('charts.spending', { profileId, months: MONTHS }), `${profileId}:${revision}`);
  return (
    <section className="panel" aria-labelledby="spending-title" data-testid="spending-section">
      <h2 className="section-title" id="spending-title">
        {t('dashboard.spending.title')}
      </h2>
      <p className="muted">{t('dashboard.spending.note')}</p>
      {spending.error && <ErrorMessage error={spending.error} />}
      {!spending.data && !spending.error && <p className="muted">{t('app.loading')}</p>}
      {spending.data && (spending.data.series.length === 0 ? <p className="muted">{t('dashboard.spending.none')}</p> : <Chart chart={spending.data} />)}
    </section>
  );
}
