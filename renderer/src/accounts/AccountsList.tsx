import { PRODUCTS, type Product } from '../../../core/shared/ledger-vocabulary.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { hrefFor } from '../router.ts';
import { money } from './format.ts';
import { PRODUCT_KEYS } from './labels.ts';
import { formatBp } from './money.ts';
import { ObservationsPanel } from './ObservationsPanel.tsx';
import { QueriesPanel } from './QueriesPanel.tsx';
import { StatusChip } from './StatusChip.tsx';
import { UnassignedPanel } from './UnassignedPanel.tsx';
import { accountHref, NEW_ACCOUNT_HREF, useAccounts, type AccountSummary } from './useLedger.ts';
import { identifier, personName } from '../presentation/format.ts';

function AccountRow({ account, child }: { account: AccountSummary; child: boolean }) {
  const { t } = useI18n();
  const dash = t('ledger.none');
  // A draw or a loan has no limit of its own (its line does), and a settled one nothing due next: not unknown, not applicable.
  const noLimit = account.kind === 'draw' || account.kind === 'loan';
  const notApplicable = <span aria-label={t('ledger.notApplicable')}>—</span>;
  return (
    <tr data-testid="account-row" data-account-id={account.id} data-product={account.product} className={child ? 'account-row-child' : undefined}>
      <th scope="row">
        <a href={accountHref(account.id)} data-testid="account-link">
          {identifier(account.name)}
        </a>
        <span className="account-row-tags">
          <span className={`badge ${account.source === 'manual' ? '' : 'badge-quiet'}`}>{t(`ledger.source.${account.source}`)}</span>
          {account.unconfirmed > 0 && <span className="badge badge-warning">{t('ledger.list.unconfirmed', { count: account.unconfirmed })}</span>}
          {typeof account.fields.sharedLine.value === 'string' && (
            <span className="badge" data-testid="account-shared-line">
              {t('ledger.sharedLine.badge', { name: account.fields.sharedLine.value })}
            </span>
          )}
        </span>
      </th>
      <td className="num" data-testid="account-balance">{money(account.balanceFen, dash)}</td>
      <td className="num">{noLimit && account.limitFen === null ? notApplicable : money(account.limitFen, dash)}</td>
      <td className="num" data-testid="account-utilisation">{account.utilisationBp !== null ? formatBp(account.utilisationBp) : noLimit ? notApplicable : dash}</td>
      <td>{account.nextDueOn ?? (account.settledOn !== null ? t('ledger.list.settled') : account.balanceFen === 0 ? notApplicable : dash)}</td>
      <td>
        <StatusChip code={account.worst24} testId="account-worst" />
        {account.unknownMonths24 > 0 && <span className="muted"> {t('ledger.list.unknownMonths', { count: account.unknownMonths24 })}</span>}
      </td>
    </tr>
  );
}

function ProductGroup({ product, accounts }: { product: Product; accounts: AccountSummary[] }) {
  const { t } = useI18n();
  // Draws sit right under their line.
  const ids = new Set(accounts.map((a) => a.id));
  const top = accounts.filter((a) => a.parentId === null || !ids.has(a.parentId));
  const rows = top.flatMap((a) => [
    { account: a, child: false },
    ...accounts.filter((c) => c.parentId === a.id).map((c) => ({ account: c, child: true })),
  ]);
  return (
    <section className="panel ledger-group" data-testid="account-group" data-product={product} aria-labelledby={`group-${product}`}>
      <h2 className="section-title" id={`group-${product}`}>
        {t(PRODUCT_KEYS[product])} <span className="muted">{t('ledger.list.count', { count: accounts.length })}</span>
      </h2>
      <div className="table-scroll">
        <table className="ledger-table">
          <thead>
            <tr>
              <th scope="col">{t('ledger.list.colAccount')}</th>
              <th scope="col" className="num">{t('ledger.list.colBalance')}</th>
              <th scope="col" className="num">{t('ledger.list.colLimit')}</th>
              <th scope="col" className="num">{t('ledger.list.colUtilisation')}</th>
              <th scope="col">{t('ledger.list.colNextDue')}</th>
              <th scope="col">{t('ledger.list.colWorst')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ account, child }) => (
              <AccountRow key={account.id} account={account} child={child} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every account of the profile, grouped by product, with the queries and scores the user recorded. */
export function AccountsList({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const list = useAccounts(profile.id);
  const accounts = list.data?.accounts ?? [];
  return (
    <>
      <header className="page-header page-header-row ledger-header">
        <div>
          <p className="eyebrow">{personName(profile.name)}</p>
          <h1>{t('ledger.title')}</h1>
        </div>
        <a className="button button-primary" href={NEW_ACCOUNT_HREF} data-testid="accounts-add">
          {t('ledger.add')}
        </a>
      </header>
      <p className="lead">{t('ledger.intro')}</p>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data === null && !list.error && <p className="muted">{t('app.loading')}</p>}
      {list.data !== null && accounts.length === 0 && (
        <EmptyState
          title={t('ledger.emptyTitle')}
          body={t('ledger.emptyBody')}
          action={
            <a className="button" href={hrefFor('import')}>
              {t('dashboard.emptyAction')}
            </a>
          }
        />
      )}
      {PRODUCTS.map((product) => {
        const group = accounts.filter((a) => a.product === product);
        return group.length > 0 ? <ProductGroup key={product} product={product} accounts={group} /> : null;
      })}
      {list.data && list.data.unassigned.total > 0 && (
        <UnassignedPanel profileId={profile.id} unassigned={list.data.unassigned} accounts={accounts} onChanged={() => void list.reload()} />
      )}
      {list.data && <p className="muted">{t('ledger.defaultsVersion', { version: list.data.defaultsVersion })}</p>}
      <QueriesPanel profileId={profile.id} />
      <ObservationsPanel profileId={profile.id} />
    </>
  );
}
