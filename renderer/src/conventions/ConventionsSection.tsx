import { useState } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { parsePercent, parseWhole, parseYuan } from '../../../core/shared/money.ts';
import { formatFen } from '../presentation/format.ts';
import { FormField } from '../accounts/FormField.tsx';
import { yuanText } from '../accounts/money.ts';
import { useLoaded } from '../accounts/useLedger.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import './conventions.css';

type Conventions = Response<'bureau.conventions'>;
type Issuer = Conventions['grace']['issuers'][number];

const pct = (share: number) => `${Math.round(share * 10000) / 100}%`;

/** One issuer's row: its grace days and tolerance as inputs, saved through core (which checks them), or reset. */
function IssuerRow({ issuer, profileId, onSaved }: { issuer: Issuer; profileId: string; onSaved: (c: Conventions) => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState(String(issuer.graceDays));
  const [tolerance, setTolerance] = useState(yuanText(issuer.toleranceFen));
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const save = (input: Record<string, unknown> | null) => {
    setError(null);
    invoke('bureau.grace.save', { profileId, lender: issuer.lender, input }).then(onSaved, (failure) => setError(asIpcError(failure)));
  };
  const submit = () => {
    const graceDays = parseWhole(days);
    const toleranceFen = parseYuan(tolerance);
    if (graceDays === undefined || graceDays === null || toleranceFen === undefined || toleranceFen === null) {
      setLocal(t('conventions.grace.notANumber'));
      return;
    }
    setLocal(null);
    save({ graceDays, toleranceFen });
  };
  const unchanged = days === String(issuer.graceDays) && tolerance === yuanText(issuer.toleranceFen);
  return (
    <tr data-testid="grace-issuer" data-lender={issuer.lender} data-origin={issuer.origin} data-days={issuer.graceDays} data-tolerance={issuer.toleranceFen}>
      <th scope="row">{issuer.lender}</th>
      <td>
        <input className="conventions-number" aria-label={`${issuer.lender} ${t('conventions.grace.col.days')}`} data-testid="grace-days" inputMode="numeric" value={days} onChange={(e) => setDays(e.currentTarget.value)} />
      </td>
      <td>
        <input className="conventions-number" aria-label={`${issuer.lender} ${t('conventions.grace.col.tolerance')}`} data-testid="grace-tolerance" inputMode="decimal" value={tolerance} onChange={(e) => setTolerance(e.currentTarget.value)} />
      </td>
      <td>
        <span className={issuer.origin === 'profile' ? 'badge badge-warning' : 'badge badge-quiet'}>{t(`conventions.origin.${issuer.origin}`)}</span>
      </td>
      <td className="num">{issuer.accounts}</td>
      <td>
        <button type="button" className="button button-primary" data-testid="grace-save" disabled={unchanged} onClick={submit}>
          {t('conventions.grace.save')}
        </button>{' '}
        {issuer.origin === 'profile' && (
          <button type="button" className="button" data-testid="grace-reset" onClick={() => save(null)}>
            {t('conventions.grace.reset')}
          </button>
        )}
        {local && <p className="error-text">{local}</p>}
        {error && <ErrorMessage error={error} />}
      </td>
    </tr>
  );
}

/** A card issuer the list does not have yet (the profile has no account of it): its name, then its row. */
function AddIssuer({ onAdd }: { onAdd: (lender: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  return (
    <form
      className="ledger-form-inline"
      data-testid="grace-add"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() !== '') onAdd(name.trim());
        setName('');
      }}
    >
      <FormField name="issuer" label={t('conventions.grace.newIssuer')} value={name} onChange={setName} />
      <button type="submit" className="button">
        {t('conventions.grace.add')}
      </button>
    </form>
  );
}

function DebtShareForm({ conventions, profileId, onSaved }: { conventions: Conventions; profileId: string; onSaved: (c: Conventions) => void }) {
  const { t } = useI18n();
  const d = conventions.debtToIncome;
  const [text, setText] = useState(String(Math.round(d.revolvingShareOfUsed * 10000) / 100));
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const save = (input: Record<string, unknown> | null) => {
    setError(null);
    invoke('bureau.debtToIncome.save', { profileId, input }).then(onSaved, (failure) => setError(asIpcError(failure)));
  };
  return (
    <form
      className="form-section"
      data-testid="dti-form"
      data-share={d.revolvingShareOfUsed}
      data-edited={d.edited}
      data-sourced={d.sourced}
      onSubmit={(event) => {
        event.preventDefault();
        const bp = parsePercent(text);
        if (bp === undefined || bp === null || bp > 10_000) {
          setLocal(t('conventions.dti.notAPercent'));
          return;
        }
        setLocal(null);
        save({ revolvingShareOfUsed: bp / 10_000 });
      }}
    >
      <h3>
        {t('conventions.dti.title')} {d.edited && <span className="badge badge-warning">{t('conventions.edited')}</span>}
      </h3>
      <p className="muted">{t('conventions.dti.intro')}</p>
      <p className={d.sourced ? 'muted' : 'conventions-flag'} data-testid="dti-source">
        {d.sourced ? t('conventions.dti.sourced', { share: pct(d.defaultShare), source: d.source }) : t('conventions.dti.own', { share: pct(d.defaultShare) })}
      </p>
      <div className="ledger-form-inline">
        <FormField name="share" label={t('conventions.dti.label')} value={text} onChange={setText} localError={local} hint={t('conventions.dti.current', { share: pct(d.revolvingShareOfUsed) })} />
        <button type="submit" className="button button-primary" data-testid="dti-save">
          {t('conventions.dti.save')}
        </button>
        {d.edited && (
          <button type="button" className="button" data-testid="dti-reset" onClick={() => save(null)}>
            {t('conventions.dti.reset')}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/**
 * The profile's credit conventions where banks differ (core/settings/conventions.ts): each card
 * issuer's 容时 and 容差, which every monthly history applies, and the share of a revolving balance
 * the debt-to-income rule counts, flagged where no source gives it.
 */
export function ConventionsSection({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const loaded = useLoaded(() => invoke('bureau.conventions', { profileId: profile.id }), profile.id);
  const [added, setAdded] = useState<string[]>([]);
  const c = loaded.data;
  const issuers: Issuer[] = c
    ? [
        ...c.grace.issuers,
        ...added
          .filter((lender) => !c.grace.issuers.some((i) => i.lender === lender))
          .map((lender): Issuer => ({ lender, graceDays: c.grace.cardDefault.graceDays, toleranceFen: c.grace.cardDefault.toleranceFen, origin: 'card_default', source: c.grace.cardDefault.source, accounts: 0 })),
      ]
    : [];
  return (
    <section className="panel" data-testid="conventions" aria-labelledby="conventions-title">
      <h2 className="section-title" id="conventions-title">
        {t('conventions.title')}
      </h2>
      <p className="muted">{t('conventions.intro')}</p>
      {loaded.error && <ErrorMessage error={loaded.error} />}
      {!c && !loaded.error && <p className="muted">{t('app.loading')}</p>}
      {c && (
        <>
          <h3>{t('conventions.grace.title')}</h3>
          <p className="muted" data-testid="grace-source">
            {t('conventions.grace.intro', { days: c.grace.cardDefault.graceDays, amount: formatFen(c.grace.cardDefault.toleranceFen, { dropZeroCents: true }) })}
          </p>
          <div className="table-scroll">
            <table className="ledger-table conventions-table" data-testid="grace-table">
              <thead>
                <tr>
                  <th scope="col">{t('conventions.grace.col.issuer')}</th>
                  <th scope="col">{t('conventions.grace.col.days')}</th>
                  <th scope="col">{t('conventions.grace.col.tolerance')}</th>
                  <th scope="col">{t('conventions.grace.col.origin')}</th>
                  <th scope="col" className="num">
                    {t('conventions.grace.col.accounts')}
                  </th>
                  <th scope="col">{t('conventions.grace.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {issuers.map((issuer) => (
                  <IssuerRow key={`${issuer.lender}:${issuer.origin}:${issuer.graceDays}:${issuer.toleranceFen}`} issuer={issuer} profileId={profile.id} onSaved={loaded.set} />
                ))}
              </tbody>
            </table>
          </div>
          <AddIssuer onAdd={(lender) => setAdded((list) => [...list, lender])} />
          <DebtShareForm key={`${c.debtToIncome.revolvingShareOfUsed}:${c.debtToIncome.edited}`} conventions={c} profileId={profile.id} onSaved={loaded.set} />
        </>
      )}
    </section>
  );
}
