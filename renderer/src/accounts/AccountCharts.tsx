import { useId } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { firstDay, lastDay, parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import { invoke } from '../api.ts';
import { ChartData } from '../components/chart/ChartData.tsx';
import { pointX, pointsAttr, runs, ticks, valueY, type Frame } from '../components/chart/geometry.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatFen, identifier } from '../presentation/format.ts';
import { money } from './format.ts';
import { formatBp } from './money.ts';
import { useLoaded, type AccountDetail } from './useLedger.ts';

// The account view's pictures: the card's use of its limit month by month, each statement day
// marked, and the balance owed at each month's end. Both from the chart channels
// (core/ledger/charts), the numbers the month timeline and the report read; each with its table.

type Utilisation = Response<'charts.utilisation'>;
type Balance = Response<'charts.balance'>;

const MONTHS = 24;
const FRAME: Frame = { width: 960, height: 260, left: 72, right: 96, top: 14, bottom: 34 };

/** Month labels along the bottom: about eight, and always the last. */
function monthTicks(count: number): (i: number) => boolean {
  const step = Math.max(1, Math.ceil(count / 8));
  return (i) => i % step === 0 || i === count - 1;
}

function UtilisationFigure({ chart }: { chart: Utilisation }) {
  const { t } = useI18n();
  const id = useId();
  const account = chart.accounts[0]!;
  const title = t('ledger.chart.utilisation.title');
  if (account.limitFen === null) {
    return (
      <figure className="chart-figure" data-testid="utilisation-chart" data-state="no-limit">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('ledger.chart.utilisation.noLimit')}</p>
      </figure>
    );
  }
  const first = firstDay(parseMonth(chart.months[0]!)!);
  const last = lastDay(parseMonth(chart.months.at(-1)!)!);
  const span = FRAME.width - FRAME.left - FRAME.right;
  const x = (day: number) => FRAME.left + ((day - first) / Math.max(1, last - first)) * span;
  const known = account.points.flatMap((p) => [p.usedBp, p.statementBp]).filter((v): v is number => v !== null);
  const hi = Math.max(10000, ...known) * 1.08;
  const y = valueY(FRAME, 0, hi);
  const ends = account.points.map((p) => (p.usedBp === null ? null : ([x(parseDay(p.on)!), y(p.usedBp)] as const)));
  // A statement's share of the limit; for a month that closed at its statement date, the balance then is that statement's.
  const markBp = (p: (typeof account.points)[number]) => p.statementBp ?? (p.on === p.statementOn ? p.usedBp : null);
  const marks = account.points.filter((p) => p.statementOn !== null && markBp(p) !== null);
  const latest = marks.at(-1);
  const highest = account.points.reduce<(typeof account.points)[number] | null>((best, p) => (p.usedBp !== null && (best === null || p.usedBp > best.usedBp!) ? p : best), null);
  const showMonth = monthTicks(chart.months.length);
  const description = t('ledger.chart.utilisation.aria', {
    name: identifier(account.name),
    from: chart.months[0]!,
    to: chart.months.at(-1)!,
    latest: latest ? t('ledger.chart.utilisation.ariaLatest', { date: latest.statementOn!, value: formatBp(markBp(latest)!) }) : t('ledger.chart.utilisation.ariaNoStatement'),
    highest: highest ? t('ledger.chart.utilisation.ariaHighest', { month: highest.month, value: formatBp(highest.usedBp!) }) : '',
  });
  return (
    <figure className="chart-figure" data-testid="utilisation-chart" data-account-id={account.accountId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(0, hi).map((v) => (
          <g key={v}>
            <line className="chart-grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(v)} y2={y(v)} />
            <text className="chart-tick" x={FRAME.left - 6} y={y(v) + 4} textAnchor="end">
              {`${v / 100}%`}
            </text>
          </g>
        ))}
        <line className="chart-reference" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(10000)} y2={y(10000)} />
        <text className="chart-tick" x={FRAME.width - FRAME.right + 6} y={y(10000) + 4}>
          {t('ledger.chart.utilisation.limitLine', { limit: formatFen(account.limitFen, { dropZeroCents: true }) })}
        </text>
        <line className="chart-axis" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={FRAME.height - FRAME.bottom} y2={FRAME.height - FRAME.bottom} />
        {chart.months.map((month, i) =>
          showMonth(i) ? (
            <text key={month} className="chart-tick" x={x(firstDay(parseMonth(month)!) + 14)} y={FRAME.height - 12} textAnchor="middle">
              {month}
            </text>
          ) : null,
        )}
        <g className="chart-s0">
          {runs(ends).map((run) => (run.length > 1 ? <polyline key={run[0]![0]} className="chart-line" points={pointsAttr(run)} /> : null))}
          {account.points.map((p, i) =>
            ends[i] ? <circle key={p.month} className="chart-dot" cx={ends[i]![0]} cy={ends[i]![1]} r={3} data-testid="utilisation-month-end" data-month={p.month} data-bp={p.usedBp!} /> : null,
          )}
        </g>
        <g className="chart-s1">
          {marks.map((p) => {
            const cx = x(parseDay(p.statementOn!)!);
            const cy = y(markBp(p)!);
            return (
              <rect key={p.month} className="chart-mark" x={cx - 4.5} y={cy - 4.5} width={9} height={9} transform={`rotate(45 ${cx} ${cy})`} data-testid="utilisation-statement" data-on={p.statementOn!} data-bp={markBp(p)!}>
                <title>{t('ledger.chart.utilisation.markTitle', { date: p.statementOn!, amount: money(p.statementFen ?? (p.on === p.statementOn ? p.usedFen : null), t('ledger.none')), value: formatBp(markBp(p)!) })}</title>
              </rect>
            );
          })}
        </g>
      </svg>
      <ul className="chart-legend">
        <li className="chart-s0">
          <span className="chart-key" aria-hidden="true" />
          {t('ledger.chart.utilisation.legendUsed')}
        </li>
        <li className="chart-s1">
          <span className="chart-key chart-key-mark" aria-hidden="true" />
          {t('ledger.chart.utilisation.legendStatement')}
        </li>
      </ul>
      <ChartData label={t('ledger.chart.table')} testId="utilisation-data">
        {() => (
          <table className="ledger-table" data-testid="utilisation-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.chart.month')}</th>
                <th scope="col">{t('ledger.chart.on')}</th>
                <th scope="col">{t('ledger.chart.statementOn')}</th>
                <th scope="col" className="num">{t('ledger.chart.statementFen')}</th>
                <th scope="col" className="num">{t('ledger.chart.statementBp')}</th>
                <th scope="col" className="num">{t('ledger.chart.usedFen')}</th>
                <th scope="col" className="num">{t('ledger.chart.usedBp')}</th>
              </tr>
            </thead>
            <tbody>
              {account.points.map((p) => (
                <tr key={p.month} data-testid="utilisation-row" data-month={p.month} data-on={p.on} data-statement-on={p.statementOn ?? ''} data-statement-bp={p.statementBp ?? ''} data-used-bp={p.usedBp ?? ''}>
                  <th scope="row">{p.month}</th>
                  <td>{p.on}</td>
                  <td>{p.statementOn ?? t('ledger.chart.noStatement')}</td>
                  <td className="num">{money(p.statementFen, t('ledger.none'))}</td>
                  <td className="num">{p.statementBp === null ? t('ledger.none') : formatBp(p.statementBp)}</td>
                  <td className="num">{money(p.usedFen, t('ledger.none'))}</td>
                  <td className="num">{p.usedBp === null ? t('ledger.none') : formatBp(p.usedBp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartData>
    </figure>
  );
}

function BalanceFigure({ chart }: { chart: Balance }) {
  const { t } = useI18n();
  const id = useId();
  const account = chart.accounts[0]!;
  const title = t('ledger.chart.balance.title');
  const known = account.monthsFen.filter((v): v is number => v !== null);
  if (known.length === 0) {
    return (
      <figure className="chart-figure" data-testid="balance-chart" data-state="unknown">
        <figcaption>{title}</figcaption>
        <p className="muted">{t('ledger.chart.balance.none')}</p>
      </figure>
    );
  }
  const lo = Math.min(0, ...known);
  const hi = Math.max(100, ...known) * 1.08;
  const x = pointX(FRAME, chart.months.length);
  const y = valueY(FRAME, lo, hi);
  const points = account.monthsFen.map((fen, i) => (fen === null ? null : ([x(i), y(fen)] as const)));
  const showMonth = monthTicks(chart.months.length);
  const lastKnown = [...account.monthsFen.keys()].reverse().find((i) => account.monthsFen[i] !== null)!;
  const description = t('ledger.chart.balance.aria', {
    name: identifier(account.name),
    from: chart.months[0]!,
    to: chart.months.at(-1)!,
    month: chart.months[lastKnown]!,
    amount: formatFen(account.monthsFen[lastKnown]!),
    highest: formatFen(Math.max(...known)),
  });
  return (
    <figure className="chart-figure" data-testid="balance-chart" data-account-id={account.accountId}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} width="100%" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks(lo, hi).map((v) => (
          <g key={v}>
            <line className="chart-grid" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(v)} y2={y(v)} />
            <text className="chart-tick" x={FRAME.left - 6} y={y(v) + 4} textAnchor="end">
              {formatFen(v, { dropZeroCents: true })}
            </text>
          </g>
        ))}
        <line className="chart-axis" x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={y(0)} y2={y(0)} />
        {chart.months.map((month, i) =>
          showMonth(i) ? (
            <text key={month} className="chart-tick" x={x(i)} y={FRAME.height - 12} textAnchor="middle">
              {month}
            </text>
          ) : null,
        )}
        <g className="chart-s0">
          {runs(points).map((run) => (run.length > 1 ? <polyline key={run[0]![0]} className="chart-line" points={pointsAttr(run)} /> : null))}
          {account.monthsFen.map((fen, i) =>
            fen === null ? null : (
              <circle key={chart.months[i]} className="chart-dot" cx={x(i)} cy={y(fen)} r={3} data-testid="balance-point" data-month={chart.months[i]} data-fen={fen}>
                <title>{`${chart.months[i]}: ${formatFen(fen)}`}</title>
              </circle>
            ),
          )}
        </g>
      </svg>
      <ChartData label={t('ledger.chart.table')} testId="balance-data">
        {() => (
          <table className="ledger-table" data-testid="balance-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.chart.month')}</th>
                <th scope="col" className="num">{t('ledger.chart.usedFen')}</th>
              </tr>
            </thead>
            <tbody>
              {chart.months.map((month, i) => (
                <tr key={month} data-testid="balance-row" data-month={month} data-fen={account.monthsFen[i] ?? ''}>
                  <th scope="row">{month}</th>
                  <td className="num">{money(account.monthsFen[i], t('ledger.none'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartData>
    </figure>
  );
}

/** Asked again whenever the account's detail changes (an edit answers with a fresh one). */
export function AccountCharts({ profileId, detail }: { profileId: string; detail: AccountDetail }) {
  const { t } = useI18n();
  const accountId = detail.account.id;
  const revolving = detail.account.kind === 'revolving';
  const revision = `${profileId}:${accountId}:${detail.account.limitFen}:${detail.account.fields.statementDay.value}:${detail.months.map((m) => `${m.statementBalanceFen}/${m.creditUsedFen}`).join(',')}`;
  const charts = useLoaded(
    async () => ({
      utilisation: revolving ? await invoke('charts.utilisation', { profileId, accountId, months: MONTHS }) : null,
      balance: await invoke('charts.balance', { profileId, accountId, months: MONTHS }),
    }),
    revision,
  );
  return (
    <section className="panel" aria-labelledby="account-charts-title" data-testid="account-charts">
      <h2 className="section-title" id="account-charts-title">
        {t('ledger.chart.title')}
      </h2>
      <p className="muted">{revolving ? t('ledger.chart.noteRevolving') : t('ledger.chart.note')}</p>
      {charts.error && <ErrorMessage error={charts.error} />}
      {!charts.data && !charts.error && <p className="muted">{t('app.loading')}</p>}
      {charts.data?.utilisation && charts.data.utilisation.accounts.length > 0 && <UtilisationFigure chart={charts.data.utilisation} />}
      {charts.data && charts.data.balance.accounts.length > 0 && <BalanceFigure chart={charts.data.balance} />}
    </section>
  );
}
