import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { BureauTable, FigureCells } from './BureauTable.tsx';
import { FigureValue } from './FigureValue.tsx';
import type { BureauReport, FigureView } from './useBureau.ts';

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
      <BureauTable
        columns={[
          { label: t('bureau.col.type') },
          { label: t('bureau.col.accounts'), num: true },
          { label: t('bureau.col.firstMonth'), num: true },
        ]}
      >
        <tbody>
          {overview.byType.map((row) => {
            const type = t(TYPE_KEYS[row.type]);
            return (
              <tr key={row.type}>
                <th scope="row">
                  <TypeName type={row.type} />
                </th>
                <FigureCells
                  cells={[
                    { figure: row.accounts, label: t('bureau.label.accountsOfType', { type }), testId: `fig-type-${row.type}` },
                    { figure: row.firstMonth, label: t('bureau.label.firstMonthOfType', { type }), testId: `fig-type-${row.type}-first` },
                  ]}
                />
              </tr>
            );
          })}
        </tbody>
        <tbody className="bureau-table-group">
          {overview.byBusiness.map((row) => (
            <tr key={row.category}>
              <th scope="row">{row.name[locale]}</th>
              <FigureCells
                cells={[
                  { figure: row.accounts, label: row.name[locale], testId: `fig-business-${row.category}` },
                  { figure: row.firstMonth, label: t('bureau.label.firstMonthOfType', { type: row.name[locale] }) },
                ]}
              />
            </tr>
          ))}
        </tbody>
      </BureauTable>
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
      <BureauTable
        columns={[
          { label: t('bureau.col.type') },
          { label: t('bureau.col.overdueAccounts'), num: true },
          { label: t('bureau.col.overdueMonths'), num: true },
          { label: t('bureau.col.highestMonthly'), num: true },
          { label: t('bureau.col.longestMonths'), num: true },
        ]}
      >
        <tbody>
          {defaults.overdue.map((row) => {
            const type = t(TYPE_KEYS[row.type]);
            const id = (field: string) => `fig-overdue-${row.type}-${field}`;
            return (
              <tr key={row.type} data-testid="overdue-row" data-type={row.type}>
                <th scope="row">
                  <TypeName type={row.type} />
                </th>
                <FigureCells
                  cells={[
                    { figure: row.accounts, label: t('bureau.label.overdueAccounts', { type }), testId: id('accounts') },
                    { figure: row.months, label: t('bureau.label.overdueMonths', { type }), testId: id('months') },
                    { figure: row.highestMonthlyFen, label: t('bureau.label.highestMonthly', { type }), testId: id('highest') },
                    { figure: row.longestMonths, label: t('bureau.label.longestMonths', { type }), testId: id('longest') },
                  ]}
                />
              </tr>
            );
          })}
        </tbody>
      </BureauTable>
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
      <BureauTable
        columns={[
          { label: t('bureau.col.type') },
          { label: t('bureau.col.institutions'), num: true },
          { label: t('bureau.col.accounts'), num: true },
          { label: t('bureau.col.total'), num: true },
          { label: t('bureau.col.balance'), num: true },
          { label: t('bureau.col.average6m'), num: true },
          { label: t('bureau.col.highestLowest'), num: true },
        ]}
      >
        <tbody>
          {debt.map((row) => {
            const type = t(TYPE_KEYS[row.type]);
            const id = (field: string) => `fig-debt-${row.type}-${field}`;
            return (
              <tr key={row.type} data-testid="debt-row" data-type={row.type}>
                <th scope="row">
                  <TypeName type={row.type} />
                </th>
                <FigureCells
                  cells={[
                    { figure: row.institutions, label: t('bureau.label.institutions', { type }), testId: id('institutions') },
                    { figure: row.accounts, label: t('bureau.label.openAccounts', { type }), testId: id('accounts') },
                    { figure: row.totalFen, label: t('bureau.label.total', { type }), testId: id('total') },
                    { figure: row.balanceFen, label: t('bureau.label.balance', { type }), testId: id('balance') },
                    { figure: row.average6mFen, label: t('bureau.label.average6m', { type }), testId: id('average') },
                  ]}
                />
                <td className="num">
                  {row.highestLineFen && row.lowestLineFen ? (
                    <>
                      <FigureValue figure={row.highestLineFen} label={t('bureau.label.highestLine', { type })} testId={id('highest')} /> /{' '}
                      <FigureValue figure={row.lowestLineFen} label={t('bureau.label.lowestLine', { type })} testId={id('lowest')} />
                    </>
                  ) : (
                    // Cards only (单家行最高/最低授信额): the other types have none, which is not unknown.
                    <span className="muted" aria-label={t('ledger.notApplicable')}>--</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </BureauTable>
    </section>
  );
}

/** (七) 查询记录概要. */
function Queries({ queries }: { queries: Summary['queries'] }) {
  const { t, locale } = useI18n();
  const last = queries.last;
  const reason = (code: string) => QUERY_REASONS.find((r) => r.code === code)?.name[locale] ?? code;
  // Column groups, each a label key and its figures: [reason code, figure, testid].
  const groups: Array<{ head: MessageKey; label: MessageKey; cells: Array<[string, FigureView, string]> }> = [
    {
      head: 'bureau.col.institutions1m',
      label: 'bureau.label.institutions1m',
      cells: [
        ['02', queries.institutions1m.loan, 'fig-q-inst1m-loan'],
        ['03', queries.institutions1m.card, 'fig-q-inst1m-card'],
      ],
    },
    {
      head: 'bureau.col.queries1m',
      label: 'bureau.label.queries1m',
      cells: [
        ['02', queries.queries1m.loan, 'fig-q-1m-loan'],
        ['03', queries.queries1m.card, 'fig-q-1m-card'],
        ['self', queries.queries1m.self, 'fig-q-1m-self'],
      ],
    },
    {
      head: 'bureau.col.queries2y',
      label: 'bureau.label.queries2y',
      cells: [
        ['01', queries.queries2y.postLoan, 'fig-q-2y-postloan'],
        ['08', queries.queries2y.guarantee, 'fig-q-2y-guarantee'],
        ['19', queries.queries2y.merchant, 'fig-q-2y-merchant'],
      ],
    },
  ];
  return (
    <section className="bureau-subsection" data-testid="bureau-query-summary">
      <h3>{t('bureau.summary.queries')}</h3>
      <p data-testid="last-query">
        {last ? t('bureau.summary.lastQuery', { date: last.queriedOn, institution: last.institution, reason: reason(last.reasonCode) }) : t('bureau.summary.noQuery')}
      </p>
      <BureauTable
        headRows={[
          groups.map((g) => ({ label: t(g.head), span: g.cells.length })),
          groups.flatMap((g) => g.cells.map(([code]) => ({ label: reason(code), num: true }))),
        ]}
      >
        <tbody>
          <tr>
            <FigureCells cells={groups.flatMap((g) => g.cells.map(([code, figure, testId]) => ({ figure, label: t(g.label, { reason: reason(code) }), testId })))} />
          </tr>
        </tbody>
      </BureauTable>
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
