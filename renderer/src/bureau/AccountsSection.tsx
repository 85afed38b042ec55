import type { ReactNode } from 'react';
import { money, overdueMoney } from '../accounts/format.ts';
import { INSTITUTION_KEYS } from '../accounts/labels.ts';
import { accountHref } from '../accounts/useLedger.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BureauTable } from './BureauTable.tsx';
import { GridLegend, RepaymentGrid } from './RepaymentGrid.tsx';
import { TYPE_KEYS } from './SummarySection.tsx';
import type { NegativeItem, ReportAccount } from './useBureau.ts';
import { statusInfo } from '../../../core/shared/status-alphabet.ts';
import { identifier } from '../presentation/format.ts';

/** Negative records with the month each leaves the report (regulation Art. 16) and the countdown. */
export function NegativeList({ items, showAccount = true }: { items: NegativeItem[]; showAccount?: boolean }) {
  const { t } = useI18n();
  const dash = t('ledger.none');
  if (items.length === 0) return <p className="muted">{t('bureau.negative.none')}</p>;
  return (
    <BureauTable
      testId="negative-list"
      columns={[
        ...(showAccount ? [{ label: t('bureau.col.account') }] : []),
        { label: t('bureau.col.months') },
        { label: t('bureau.col.worst') },
        { label: t('bureau.col.highestOverdue'), num: true },
        { label: t('bureau.col.ended') },
        { label: t('bureau.col.fallsOff') },
      ]}
    >
      <tbody>
        {items.map((item) => (
          <tr key={`${item.accountId}:${item.from}`} data-testid="negative-item" data-account-id={item.accountId} data-falls-off={item.fallsOffMonth ?? ''}>
            {showAccount && (
              <th scope="row">
                <a href={accountHref(item.accountId)}>{item.accountName}</a>
                {item.reporting === 'unknown' && <span className="badge badge-warning">{t('bureau.reporting.unknownBadge')}</span>}
              </th>
            )}
            <td>{t('bureau.negative.span', { from: item.from, to: item.to, count: item.months })}</td>
            <td>
              <span className={`bureau-cell bureau-tone-${statusInfo(item.worst).tone}`} data-status={item.worst}>
                {item.worst}
              </span>
            </td>
            <td className="num">{money(item.highestOverdueFen, dash)}</td>
            <td>
              {item.endedMonth ?? t('bureau.negative.ongoing')}
              {item.endedEarliest && <span className="muted"> {t('bureau.negative.endedEarliest', { month: item.endedEarliest })}</span>}
            </td>
            <td data-testid="negative-countdown">
              {item.fallsOffMonth === null ? (
                t('bureau.negative.notStarted')
              ) : (
                <>
                  <strong>{item.fallsOffMonth}</strong> {t('bureau.negative.left', { count: item.monthsLeft ?? 0 })}
                  {item.fallsOffEarliest && item.fallsOffEarliest !== item.fallsOffMonth && (
                    <span className="muted"> {t('bureau.negative.earliest', { month: item.fallsOffEarliest })}</span>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </BureauTable>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One account as the report details it: basic facts, latest month, the 60-month grid, its negatives. */
export function AccountCard({ account, compact = false }: { account: ReportAccount; compact?: boolean }) {
  const { t, locale } = useI18n();
  const dash = t('ledger.none');
  const card = account.type === 'R2' || account.type === 'R3';
  const revolving = card || account.type === 'R1';
  const notApplicable = <span aria-label={t('ledger.notApplicable')}>--</span>;
  return (
    <article className="bureau-account" data-testid="bureau-account" data-account-id={account.id} data-type={account.type} data-reporting={account.reporting}>
      <header className="bureau-account-head">
        <h4>
          <a href={accountHref(account.id)}>{identifier(account.name)}</a>
        </h4>
        <span className="badge badge-quiet">{account.type}</span>
        <span className="badge" data-testid="account-state">{account.stateName[locale]}</span>
        {account.reporting === 'unknown' && <span className="badge badge-warning">{t('bureau.reporting.unknownBadge')}</span>}
        {account.typeAssumed && <span className="badge badge-warning">{t('bureau.account.typeAssumed')}</span>}
      </header>
      {!compact && (
        <dl className="ledger-facts bureau-facts">
          <Fact label={t('bureau.account.lender')}>
            {account.lender ?? dash}
            {account.institutionType && <span className="muted"> {t(INSTITUTION_KEYS[account.institutionType])}</span>}
          </Fact>
          <Fact label={t('bureau.account.business')}>{`${account.businessType} ${account.businessName[locale]}`}</Fact>
          <Fact label={t('bureau.account.opened')}>{account.openedMonth ?? dash}</Fact>
          {account.closedMonth && <Fact label={t('bureau.account.closed')}>{account.closedMonth}</Fact>}
          <Fact label={card || account.type === 'R1' ? t('bureau.account.line') : t('bureau.account.loan')} testId="account-amount">
            {money(account.amountFen, dash)}
          </Fact>
          <Fact label={card ? t('bureau.account.used') : t('bureau.account.balance')} testId="account-balance">
            {money(account.balanceFen, dash)}
          </Fact>
          {/* A revolving account has no repayment method or term on the report ("--"), and a closed one no recent average: not unknown. */}
          <Fact label={t('bureau.account.method')}>{account.repaymentMethod ? t(`ledger.method.${account.repaymentMethod}`) : revolving ? notApplicable : dash}</Fact>
          <Fact label={t('bureau.account.frequency')}>{t('bureau.account.monthly')}</Fact>
          <Fact label={t('bureau.account.instalments')}>{account.instalments === null ? (revolving ? notApplicable : dash) : String(account.instalments)}</Fact>
          <Fact label={card ? t('bureau.account.average6mUsed') : t('bureau.account.average6mDue')}>{account.average6mFen === null && !account.open ? notApplicable : money(account.average6mFen, dash)}</Fact>
          <Fact label={t('bureau.account.currentOverdue')}>{account.latest ? overdueMoney(account.latest.overdueFen, account.latest.overdueRangeFen, dash, (low, high) => t('bureau.overdueRange', { low, high })) : dash}</Fact>
          <Fact label={t('bureau.account.layout')}>
            {t(`ledger.layout.${account.layout}`)}
            {account.layoutAssumed && <span className="muted"> {t('bureau.account.layoutAssumed')}</span>}
          </Fact>
          {account.sinceMonth && <Fact label={t('bureau.account.since')}>{account.sinceMonth}</Fact>}
          <Fact label={t('bureau.account.grace')} testId="account-grace">
            <span data-origin={account.grace.origin} data-days={account.grace.graceDays} data-tolerance={account.grace.toleranceFen}>
              {t('bureau.account.graceValue', { days: account.grace.graceDays, amount: money(account.grace.toleranceFen, dash) })}
            </span>
            <span className="muted"> {t(`bureau.grace.origin.${account.grace.origin}`)}</span>
          </Fact>
        </dl>
      )}
      <p className="muted">{account.gridFrom ? t('bureau.grid.window', { from: account.gridFrom, to: account.gridTo ?? '', count: account.grid.length }) : t('bureau.grid.empty')}</p>
      <RepaymentGrid months={account.grid} compact={compact} grace={account.grace} />
      {!compact && account.negative.length > 0 && <NegativeList items={account.negative} showAccount={false} />}
    </article>
  );
}

const GROUP_TITLES = {
  D1: 'bureau.accounts.D1',
  R4: 'bureau.accounts.R4',
  R1: 'bureau.accounts.R1',
  R2: 'bureau.accounts.R2',
  R3: 'bureau.accounts.R3',
} as const;

/** 三 信贷交易信息明细: accounts by type, in the report's order, with the grid's legend. */
export function AccountsSection({ accounts }: { accounts: ReportAccount[] }) {
  const { t } = useI18n();
  const types = (['D1', 'R4', 'R1', 'R2', 'R3'] as const).filter((type) => accounts.some((a) => a.type === type));
  return (
    <section className="panel bureau-section" data-testid="bureau-accounts" aria-labelledby="bureau-accounts-title">
      <h2 id="bureau-accounts-title">{t('bureau.accounts.title')}</h2>
      <GridLegend />
      {accounts.length === 0 && <p className="muted">{t('bureau.accounts.none')}</p>}
      {types.map((type) => (
        <section key={type} className="bureau-subsection" data-testid="bureau-account-group" data-type={type}>
          <h3>
            {t(GROUP_TITLES[type])} <span className="muted">{t(TYPE_KEYS[type])}</span>
          </h3>
          {accounts
            .filter((a) => a.type === type)
            .map((account) => (
              <AccountCard key={account.id} account={account} />
            ))}
        </section>
      ))}
    </section>
  );
}
