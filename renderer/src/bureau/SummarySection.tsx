import { QUERY_REASONS } from '../../../core/ledger/reference-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FigureValue } from './FigureValue.tsx';
import type { BureauReport } from './useBureau.ts';

type Summary = BureauReport['summary'];
type BureauType = Summary['debt'][number]['type'];

export const TYPE_KEYS: Record<BureauType, MessageKey> = {
  D1: 'bureau.type.D1',
  R4: 'bureau.type.R4',
  R1: 'bureau.type.R1',
  R2: 'bureau.type.R2',
  R3: 'bureau.type.R3',
};

function TypeName({ type }: { type: BureauType }) {
  const { t } = useI18n();
  return (
    <>
      <span className="badge badge-quiet">{type}</span> {t(TYPE_KEYS[type])}
    </>
  );
}

/** (二) 信贷交易信息提示: accounts by type and by business category, with the first month of each. */
function Overview({ overview }: { overview: Summary['overview'] }) {
  const { t, locale } = useI18n();
  return (
    <section className="bureau-subsection" data-testid="bureau-overview">
      <h3>{t('bureau.summary.overview')}</h3>
      <p>
        {t('bureau.summary.totalAccounts')} <FigureValue figure={overview.totalAccounts} label={t('bureau.summary.totalAccounts')} testId="fig-total" />
      </p>
      <div className="table-scroll">
        <table className="ledger-table bureau-table">
          <thead>
            <tr>
              <th scope="col">{t('bureau.col.type')}</th>
              <th scope="col" className="num">{t('bureau.col.accounts')}</th>
              <th scope="col" className="num">{t('bureau.col.firstMonth')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.byType.map((row) => (
              <tr key={row.type}>
                <th scope="row">
                  <TypeName type={row.type} />
                </th>
                <td className="num">
                  <FigureValue figure={row.accounts} label={t('bureau.label.accountsOfType', { type: t(TYPE_KEYS[row.type]) })} testId={`fig-type-${row.type}`} />
                </td>
                <td className="num">
                  <FigureValue figure={row.firstMonth} label={t('bureau.label.firstMonthOfType', { type: t(TYPE_KEYS[row.type]) })} testId={`fig-type-${row.type}-first`} />
                </td>
              </tr>
            ))}
          </tbody>
          <tbody className="bureau-table-group">
            {overview.byBusiness.map((row) => (
              <tr key={row.category}>
                <th scope="row">{row.name[locale]}</th>
                <td className="num">
                  <FigureValue figure={row.accounts} label={row.name[locale]} testId={`fig-business-${row.category}`} />
                </td>
                <td className="num">
                  <FigureValue figure={row.firstMonth} label={t('bureau.label.firstMonthOfType', { type: row.name[locale] })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** (三) 信贷交易违约信息概要: bad debt and, per account type, the overdue summary. */
function Defaults({ defaults }: { defaults: Summary['defaults'] }) {
  const { t } = useI18n();
  return (
    <section className="bureau-subsection" data-testid="bureau-defaults">
      <h3>{t('bureau.summary.defaults')}</h3>
      <p>
        {t('bureau.summary.badDebt')} <FigureValue figure={defaults.badDebt.accounts} label={t('bureau.summary.badDebt')} testId="fig-baddebt-accounts" />{' '}
        {t('bureau.summary.badDebtBalance')} <FigureValue figure={defaults.badDebt.balanceFen} label={t('bureau.summary.badDebtBalance')} testId="fig-baddebt-balance" />
      </p>
      <div className="table-scroll">
        <table className="ledger-table bureau-table">
          <thead>
            <tr>
              <th scope="col">{t('bureau.col.type')}</th>
              <th scope="col" className="num">{t('bureau.col.overdueAccounts')}</th>
              <th scope="col" className="num">{t('bureau.col.overdueMonths')}</th>
              <th scope="col" className="num">{t('bureau.col.highestMonthly')}</th>
              <th scope="col" className="num">{t('bureau.col.longestMonths')}</th>
            </tr>
          </thead>
          <tbody>
            {defaults.overdue.map((row) => {
              const type = t(TYPE_KEYS[row.type]);
              return (
                <tr key={row.type} data-testid="overdue-row" data-type={row.type}>
                  <th scope="row">
                    <TypeName type={row.type} />
                  </th>
                  <td className="num">
                    <FigureValue figure={row.accounts} label={t('bureau.label.overdueAccounts', { type })} testId={`fig-overdue-${row.type}-accounts`} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.months} label={t('bureau.label.overdueMonths', { type })} testId={`fig-overdue-${row.type}-months`} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.highestMonthlyFen} label={t('bureau.label.highestMonthly', { type })} testId={`fig-overdue-${row.type}-highest`} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.longestMonths} label={t('bureau.label.longestMonths', { type })} testId={`fig-overdue-${row.type}-longest`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** (四) 信贷交易授信及负债信息概要: open accounts only (report note 7). */
function Debt({ debt }: { debt: Summary['debt'] }) {
  const { t } = useI18n();
  return (
    <section className="bureau-subsection" data-testid="bureau-debt">
      <h3>{t('bureau.summary.debt')}</h3>
      <p className="muted">{t('bureau.summary.debtNote')}</p>
      <div className="table-scroll">
        <table className="ledger-table bureau-table">
          <thead>
            <tr>
              <th scope="col">{t('bureau.col.type')}</th>
              <th scope="col" className="num">{t('bureau.col.institutions')}</th>
              <th scope="col" className="num">{t('bureau.col.accounts')}</th>
              <th scope="col" className="num">{t('bureau.col.total')}</th>
              <th scope="col" className="num">{t('bureau.col.balance')}</th>
              <th scope="col" className="num">{t('bureau.col.average6m')}</th>
              <th scope="col" className="num">{t('bureau.col.highestLowest')}</th>
            </tr>
          </thead>
          <tbody>
            {debt.map((row) => {
              const type = t(TYPE_KEYS[row.type]);
              const id = (field: string) => `fig-debt-${row.type}-${field}`;
              return (
                <tr key={row.type} data-testid="debt-row" data-type={row.type}>
                  <th scope="row">
                    <TypeName type={row.type} />
                  </th>
                  <td className="num">
                    <FigureValue figure={row.institutions} label={t('bureau.label.institutions', { type })} testId={id('institutions')} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.accounts} label={t('bureau.label.openAccounts', { type })} testId={id('accounts')} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.totalFen} label={t('bureau.label.total', { type })} testId={id('total')} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.balanceFen} label={t('bureau.label.balance', { type })} testId={id('balance')} />
                  </td>
                  <td className="num">
                    <FigureValue figure={row.average6mFen} label={t('bureau.label.average6m', { type })} testId={id('average')} />
                  </td>
                  <td className="num">
                    {row.highestLineFen && row.lowestLineFen ? (
                      <>
                        <FigureValue figure={row.highestLineFen} label={t('bureau.label.highestLine', { type })} testId={id('highest')} /> /{' '}
                        <FigureValue figure={row.lowestLineFen} label={t('bureau.label.lowestLine', { type })} testId={id('lowest')} />
                      </>
                    ) : (
                      <span className="muted">{t('ledger.none')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** (七) 查询记录概要. */
function Queries({ queries }: { queries: Summary['queries'] }) {
  const { t, locale } = useI18n();
  const last = queries.last;
  const reason = (code: string) => QUERY_REASONS.find((r) => r.code === code)?.name[locale] ?? code;
  const cell = (figure: Summary['queries']['queries1m']['loan'], label: string, testId: string) => (
    <td className="num">
      <FigureValue figure={figure} label={label} testId={testId} />
    </td>
  );
  return (
    <section className="bureau-subsection" data-testid="bureau-query-summary">
      <h3>{t('bureau.summary.queries')}</h3>
      <p data-testid="last-query">
        {last ? t('bureau.summary.lastQuery', { date: last.queriedOn, institution: last.institution, reason: reason(last.reasonCode) }) : t('bureau.summary.noQuery')}
      </p>
      <div className="table-scroll">
        <table className="ledger-table bureau-table">
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                {t('bureau.col.institutions1m')}
              </th>
              <th scope="col" colSpan={3}>
                {t('bureau.col.queries1m')}
              </th>
              <th scope="col" colSpan={3}>
                {t('bureau.col.queries2y')}
              </th>
            </tr>
            <tr>
              <th scope="col" className="num">{reason('02')}</th>
              <th scope="col" className="num">{reason('03')}</th>
              <th scope="col" className="num">{reason('02')}</th>
              <th scope="col" className="num">{reason('03')}</th>
              <th scope="col" className="num">{reason('self')}</th>
              <th scope="col" className="num">{reason('01')}</th>
              <th scope="col" className="num">{reason('08')}</th>
              <th scope="col" className="num">{reason('19')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {cell(queries.institutions1m.loan, t('bureau.label.institutions1m', { reason: reason('02') }), 'fig-q-inst1m-loan')}
              {cell(queries.institutions1m.card, t('bureau.label.institutions1m', { reason: reason('03') }), 'fig-q-inst1m-card')}
              {cell(queries.queries1m.loan, t('bureau.label.queries1m', { reason: reason('02') }), 'fig-q-1m-loan')}
              {cell(queries.queries1m.card, t('bureau.label.queries1m', { reason: reason('03') }), 'fig-q-1m-card')}
              {cell(queries.queries1m.self, t('bureau.label.queries1m', { reason: reason('self') }), 'fig-q-1m-self')}
              {cell(queries.queries2y.postLoan, t('bureau.label.queries2y', { reason: reason('01') }), 'fig-q-2y-postloan')}
              {cell(queries.queries2y.guarantee, t('bureau.label.queries2y', { reason: reason('08') }), 'fig-q-2y-guarantee')}
              {cell(queries.queries2y.merchant, t('bureau.label.queries2y', { reason: reason('19') }), 'fig-q-2y-merchant')}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 二 信息概要, in the report's order. */
export function SummarySection({ summary }: { summary: Summary }) {
  const { t } = useI18n();
  return (
    <section className="panel bureau-section" data-testid="bureau-summary" aria-labelledby="bureau-summary-title">
      <h2 id="bureau-summary-title">{t('bureau.summary.title')}</h2>
      <Overview overview={summary.overview} />
      <Defaults defaults={summary.defaults} />
      <Debt debt={summary.debt} />
      <Queries queries={summary.queries} />
    </section>
  );
}
