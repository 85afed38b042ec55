import { useState, type ReactNode } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { kindName, platformName } from '../import/labels.ts';
import { utc8Parts } from '../import/format.ts';
import { formatFen, identifier } from '../presentation/format.ts';
import type { AccountsList, AccountSummary, LedgerTransaction } from './useLedger.ts';

/** Assigns one credit event to an account (or none, or back to the import rules). */
function AssignSelect({
  profileId,
  transaction,
  accounts,
  onChanged,
}: {
  profileId: string;
  transaction: LedgerTransaction;
  accounts: AccountSummary[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const assign = async (value: string) => {
    if (value === '') return;
    setBusy(true);
    setError(null);
    try {
      const accountId = value === 'none' ? null : value === 'reset' ? ('reset' as const) : Number(value);
      await invoke('ledger.transaction.assign', { profileId, transactionId: transaction.id, accountId });
      onChanged();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <select
        aria-label={t('ledger.assign.label')}
        value=""
        disabled={busy}
        data-testid="assign-select"
        onChange={(event) => void assign(event.currentTarget.value)}
      >
        <option value="">{t('ledger.assign.choose')}</option>
        {accounts
          .filter((a) => a.id !== transaction.accountId)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {identifier(a.name)}
            </option>
          ))}
        {transaction.accountId !== null && <option value="none">{t('ledger.assign.none')}</option>}
        {transaction.linkSource === 'manual' && <option value="reset">{t('ledger.assign.reset')}</option>}
      </select>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

function TransactionCells({ transaction }: { transaction: LedgerTransaction }) {
  const { t, locale } = useI18n();
  const parts = utc8Parts(transaction.occurredAt);
  return (
    <>
      <td>{parts ? parts.date : transaction.occurredAt}</td>
      <td>{platformName(locale, transaction.platform)}</td>
      <td>
        {transaction.counterparty ?? t('ledger.none')}
        {transaction.item && <span className="muted"> {transaction.item}</span>}
      </td>
      <td>{transaction.kind ? kindName(t, transaction.kind) : t('ledger.none')}</td>
      <td className="num">{formatFen(transaction.amountFen)}</td>
    </>
  );
}

/** One credit event as a table row: its own cells, then `children`, then where to assign it. */
export function TransactionRow({
  profileId,
  transaction,
  accounts,
  onChanged,
  testId,
  role,
  children,
}: {
  profileId: string;
  transaction: LedgerTransaction;
  accounts: AccountSummary[];
  onChanged: () => void;
  testId: string;
  /** `data-role`, for rows that have one. */
  role?: string;
  children?: ReactNode;
}) {
  return (
    <tr data-testid={testId} data-role={role}>
      <TransactionCells transaction={transaction} />
      {children}
      <td>
        <AssignSelect profileId={profileId} transaction={transaction} accounts={accounts} onChanged={onChanged} />
      </td>
    </tr>
  );
}

export function UnassignedPanel({
  profileId,
  unassigned,
  accounts,
  onChanged,
}: {
  profileId: string;
  unassigned: AccountsList['unassigned'];
  accounts: AccountSummary[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="unassigned" aria-labelledby="unassigned-title">
      <h2 className="section-title" id="unassigned-title">
        {t('ledger.unassigned.title', { count: unassigned.total })}
      </h2>
      <p className="muted">{t('ledger.unassigned.why')}</p>
      <div className="table-scroll">
        <table className="ledger-table">
          <tbody>
            {unassigned.items.map((tx) => (
              <TransactionRow key={tx.id} testId="unassigned-item" profileId={profileId} transaction={tx} accounts={accounts} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
