import { useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { AccountCharts } from './AccountCharts.tsx';
import { AccountForm } from './AccountForm.tsx';
import { FieldOrigin } from './FieldOrigin.tsx';
import { money } from './format.ts';
import { InstallmentsSection } from './InstallmentsSection.tsx';
import { INSTITUTION_KEYS, PRODUCT_KEYS } from './labels.ts';
import { formatBp, percentText } from './money.ts';
import { MonthPanel } from './MonthPanel.tsx';
import { MonthTimeline, StatusLegend } from './MonthTimeline.tsx';
import { StatusChip } from './StatusChip.tsx';
import { TransactionRow } from './UnassignedPanel.tsx';
import { transactionsHref } from '../transactions/route.ts';
import { ACCOUNTS_HREF, accountHref, useAccount, useAccounts, type AccountDetail, type AccountSummary } from './useLedger.ts';
import { identifier } from '../presentation/format.ts';

const FACT_FIELDS = [
  'lender',
  'institutionType',
  'limitFen',
  'sharedLine',
  'principalFen',
  'openedOn',
  'closedOn',
  'statementDay',
  'dueDay',
  'minimumPaymentBp',
  'termMonths',
  'annualRateBp',
  'repaymentMethod',
  'openingBalanceFen',
  'openingBalanceOn',
  'reportsToBureau',
  'bureauSinceMonth',
  'bureauType',
  'bureauLayout',
  'note',
] as const;

function useDisplay() {
  const { t } = useI18n();
  return (name: (typeof FACT_FIELDS)[number], value: string | number | boolean | null): string => {
    if (value === null) return t('ledger.unknown');
    if (name === 'limitFen' || name === 'principalFen' || name === 'openingBalanceFen') return money(value as number, '');
    if (name === 'minimumPaymentBp' || name === 'annualRateBp') return `${percentText(value as number)}%`;
    if (name === 'institutionType') return `${value} ${Object.hasOwn(INSTITUTION_KEYS, String(value)) ? t(INSTITUTION_KEYS[value as keyof typeof INSTITUTION_KEYS]) : ''}`;
    if (name === 'repaymentMethod') return t(`ledger.method.${value}` as MessageKey);
    if (name === 'reportsToBureau') return t(`ledger.reports.${value}` as MessageKey);
    if (name === 'bureauLayout') return t(`ledger.layout.${value}` as MessageKey);
    if (name === 'bureauType') return `${value} ${t(`ledger.bureauType.${value}` as MessageKey)}`;
    return identifier(String(value));
  };
}

function Facts({ account }: { account: AccountSummary }) {
  const { t } = useI18n();
  const display = useDisplay();
  const loan = account.kind === 'draw' || account.kind === 'loan';
  const hidden = new Set<string>(
    loan
      ? ['limitFen', 'statementDay', 'minimumPaymentBp', 'openingBalanceFen', 'openingBalanceOn']
      : account.kind === 'line'
        ? ['principalFen', 'termMonths', 'annualRateBp', 'repaymentMethod', 'statementDay', 'dueDay', 'minimumPaymentBp']
        : ['principalFen', 'termMonths', 'annualRateBp', 'repaymentMethod'],
  );
  return (
    <dl className="facts ledger-facts" data-testid="account-facts">
      {FACT_FIELDS.filter((name) => !hidden.has(name)).map((name) => {
        const view = account.fields[name];
        return (
          <div key={name} className="fact" data-field={name}>
            <dt>{t(`ledger.field.${name}`)}</dt>
            <dd>
              <span data-testid={`fact-${name}`}>{display(name, view.value)}</span> <FieldOrigin view={view} testId={`origin-${name}`} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Figures({ account }: { account: AccountSummary }) {
  const { t } = useI18n();
  const dash = t('ledger.none');
  return (
    <div className="report-figures ledger-figures">
      <div className="report-figure">
        <span className="muted">{t('ledger.list.colBalance')}</span>
        <strong data-testid="figure-balance">{money(account.balanceFen, dash)}</strong>
      </div>
      <div className="report-figure">
        <span className="muted">{t('ledger.list.colUtilisation')}</span>
        <strong>{account.utilisationBp === null ? dash : formatBp(account.utilisationBp)}</strong>
      </div>
      <div className="report-figure">
        <span className="muted">{t('ledger.list.colNextDue')}</span>
        <strong>{account.nextDueOn ?? dash}</strong>
      </div>
      <div className="report-figure">
        <span className="muted">{t('ledger.list.colWorst')}</span>
        <strong>
          <StatusChip code={account.worst24} />
        </strong>
      </div>
    </div>
  );
}

function Transactions({ profileId, detail, accounts, onChanged }: { profileId: string; detail: AccountDetail; accounts: AccountSummary[]; onChanged: () => void }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="account-transactions" aria-labelledby="tx-title">
      <h2 className="section-title" id="tx-title">
        {t('ledger.transactions.title', { count: detail.transactions.length })}
      </h2>
      <p>
        <a href={transactionsHref({ accountId: detail.account.id })} data-testid="account-all-transactions">
          {t('tx.link.account')}
        </a>
      </p>
      {detail.transactions.length === 0 ? (
        <p className="muted">{t('ledger.transactions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.transactions.date')}</th>
                <th scope="col">{t('ledger.transactions.platform')}</th>
                <th scope="col">{t('ledger.transactions.what')}</th>
                <th scope="col">{t('ledger.transactions.kind')}</th>
                <th scope="col" className="num">{t('ledger.transactions.amount')}</th>
                <th scope="col">{t('ledger.transactions.role')}</th>
                <th scope="col">{t('ledger.transactions.basis')}</th>
                <th scope="col">{t('ledger.transactions.move')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.transactions.map((tx) => (
                <TransactionRow key={tx.id} testId="account-transaction" role={tx.role} profileId={profileId} transaction={tx} accounts={accounts} onChanged={onChanged}>
                  <td>{t(`ledger.role.${tx.role}`)}</td>
                  <td className="muted">
                    {t(`ledger.basis.${tx.basis}` as MessageKey)}
                    {tx.needsReview && <span className="badge badge-warning"> {t('ledger.transactions.unconfirmed')}</span>}
                  </td>
                </TransactionRow>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One account: its facts and where each comes from, its months coloured by status, its events. */
export function AccountView({ profile, accountId }: { profile: ProfileSummary; accountId: number }) {
  const { t } = useI18n();
  const loaded = useAccount(profile.id, accountId);
  const all = useAccounts(profile.id);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const detail = loaded.data;
  const accounts = all.data?.accounts ?? [];

  if (loaded.error) {
    return (
      <>
        <a href={ACCOUNTS_HREF}>{t('ledger.back')}</a>
        <ErrorMessage error={loaded.error} />
      </>
    );
  }
  if (!detail) return <p className="muted">{t('app.loading')}</p>;
  const account = detail.account;
  const selectedRow = detail.months.find((m) => m.month === selected) ?? null;
  const saved = (next: AccountDetail) => {
    loaded.set(next);
    void all.reload();
  };
  const remove = async () => {
    setBusy(true);
    try {
      await invoke('ledger.account.delete', { profileId: profile.id, accountId });
      window.location.hash = ACCOUNTS_HREF;
    } catch (failure) {
      setError(asIpcError(failure));
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <a href={ACCOUNTS_HREF} className="ledger-back">
        {t('ledger.back')}
      </a>
      <header className="page-header page-header-row ledger-header" data-testid="account-header" data-account-id={account.id}>
        <div>
          <p className="eyebrow">
            {t(PRODUCT_KEYS[account.product])} · {t(`ledger.kind.${account.kind}`)}
            {detail.parent && (
              <>
                {' · '}
                <a href={accountHref(detail.parent.id)}>{identifier(detail.parent.name)}</a>
              </>
            )}
          </p>
          <h1 data-testid="account-name">{identifier(account.name)}</h1>
        </div>
        <span className="badge">{t(`ledger.source.${account.source}`)}</span>
        <div className="ledger-header-actions">
          <button type="button" className="button" data-testid="account-edit" onClick={() => setEditing((e) => !e)}>
            {editing ? t('dialog.cancel') : t('ledger.edit')}
          </button>
          <button type="button" className="button button-quiet" data-testid="account-delete" onClick={() => setConfirming(true)}>
            {account.source === 'manual' ? t('ledger.delete') : t('ledger.hide')}
          </button>
        </div>
      </header>
      {error && <ErrorMessage error={error} />}
      {editing && (
        <AccountForm
          profileId={profile.id}
          account={account}
          lines={accounts.filter((a) => a.kind === 'line')}
          onSaved={(next) => {
            saved(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <Figures account={account} />
      <AccountCharts profileId={profile.id} detail={detail} />
      <section className="panel" aria-labelledby="timeline-title">
        <h2 className="section-title" id="timeline-title">
          {t('ledger.timeline.title')}
        </h2>
        <p className="muted">{t('ledger.timeline.why')}</p>
        <MonthTimeline months={detail.months} selected={selected} onSelect={setSelected} />
        <StatusLegend />
      </section>
      {selectedRow && (
        <MonthPanel
          key={selectedRow.month}
          profileId={profile.id}
          accountId={account.id}
          row={selectedRow}
          fact={detail.monthFacts.find((f) => f.month === selectedRow.month)}
          onSaved={saved}
        />
      )}
      <section className="panel" aria-labelledby="facts-title">
        <h2 className="section-title" id="facts-title">
          {t('ledger.facts.title')}
        </h2>
        <Facts account={account} />
      </section>
      {detail.children.length > 0 && (
        <section className="panel" data-testid="account-draws" aria-labelledby="draws-title">
          <h2 className="section-title" id="draws-title">
            {t('ledger.draws.title', { count: detail.children.length })}
          </h2>
          <ul className="plain-list">
            {detail.children.map((child) => (
              <li key={child.id}>
                <a href={accountHref(child.id)}>{identifier(child.name)}</a> <StatusChip code={child.latestStatus} /> {money(child.fields.principalFen.value as number | null, t('ledger.none'))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {account.kind === 'revolving' && <InstallmentsSection profileId={profile.id} detail={detail} onSaved={saved} />}
      <Transactions profileId={profile.id} detail={detail} accounts={accounts} onChanged={() => void loaded.reload().then(() => all.reload())} />
      {confirming && (
        <ConfirmDialog
          title={account.source === 'manual' ? t('ledger.deleteTitle') : t('ledger.hideTitle')}
          confirmLabel={account.source === 'manual' ? t('ledger.delete') : t('ledger.hide')}
          cancelLabel={t('dialog.cancel')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
          confirmTestId="account-delete-confirm"
          cancelTestId="account-delete-cancel"
        >
          <p>{account.source === 'manual' ? t('ledger.deleteBody', { name: identifier(account.name) }) : t('ledger.hideBody', { name: identifier(account.name) })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
