import { useI18n } from '../i18n/I18nProvider.tsx';
import { AccountForm } from '../accounts/AccountForm.tsx';
import { AccountsList } from '../accounts/AccountsList.tsx';
import { AccountView } from '../accounts/AccountView.tsx';
import { ACCOUNTS_HREF, accountHref, useAccounts, useAccountsView } from '../accounts/useLedger.ts';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import '../accounts/accounts.css';
import { personName } from '../presentation/format.ts';

function NewAccount({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const list = useAccounts(profile.id);
  return (
    <>
      <a href={ACCOUNTS_HREF} className="ledger-back">
        {t('ledger.back')}
      </a>
      <header className="page-header">
        <p className="eyebrow">{personName(profile.name)}</p>
        <h1>{t('ledger.form.newTitle')}</h1>
      </header>
      <AccountForm
        profileId={profile.id}
        account={null}
        lines={(list.data?.accounts ?? []).filter((a) => a.kind === 'line')}
        onSaved={(detail) => {
          window.location.hash = accountHref(detail.account.id);
        }}
        onCancel={() => {
          window.location.hash = ACCOUNTS_HREF;
        }}
      />
    </>
  );
}

/** The credit ledger: `#/accounts` lists, `#/accounts/new` adds, `#/accounts/<id>` shows one account. */
export function AccountsPage({ profile }: { profile: ProfileSummary }) {
  const view = useAccountsView();
  if (view.name === 'new') return <NewAccount profile={profile} />;
  if (view.name === 'account') return <AccountView key={view.id} profile={profile} accountId={view.id} />;
  return <AccountsList profile={profile} />;
}
