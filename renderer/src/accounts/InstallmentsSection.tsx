import { useState, type FormEvent } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatFen } from '../presentation/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField } from './FormField.tsx';
import { parseWhole, parseYuan } from '../../../core/shared/money.ts';
import { fieldErrors, type AccountDetail } from './useLedger.ts';

const EMPTY = { label: '', principalFen: '', feeFen: '', periods: '', firstMonth: '' };

/** 分期 plans on a card or line: one period of principal and fee billed per statement. */
export function InstallmentsSection({ profileId, detail, onSaved }: { profileId: string; detail: AccountDetail; onSaved: (detail: AccountDetail) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (name: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const accountId = detail.account.id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const principal = parseYuan(form.principalFen);
    const fee = parseYuan(form.feeFen);
    const periods = parseWhole(form.periods);
    const problems: Record<string, string> = {};
    if (principal === undefined) problems.principalFen = t('ledger.form.notMoney');
    if (fee === undefined) problems.feeFen = t('ledger.form.notMoney');
    if (periods === undefined) problems.periods = t('ledger.form.notWhole');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await invoke('ledger.installment.save', {
        profileId,
        accountId,
        installmentId: null,
        input: { label: form.label.trim() || null, principalFen: principal ?? 0, feeFen: fee ?? 0, periods: periods ?? 0, firstMonth: form.firstMonth },
      });
      setForm(EMPTY);
      onSaved(saved);
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (installmentId: number) => {
    try {
      onSaved(await invoke('ledger.installment.delete', { profileId, accountId, installmentId }));
    } catch (failure) {
      setError(asIpcError(failure));
    }
  };

  return (
    <section className="panel" data-testid="installments" aria-labelledby="installments-title">
      <h2 className="section-title" id="installments-title">
        {t('ledger.installments.title')}
      </h2>
      <p className="muted">{t('ledger.installments.why')}</p>
      {detail.installments.length > 0 && (
        <ul className="plain-list">
          {detail.installments.map((plan) => (
            <li key={plan.id} data-testid="installment-row">
              {t('ledger.installments.row', { label: plan.label ?? '', principal: formatFen(plan.principalFen), fee: formatFen(plan.feeFen), periods: plan.periods, month: plan.firstMonth })}{' '}
              <button type="button" className="link-button" onClick={() => void remove(plan.id)}>
                {t('ledger.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="ledger-form ledger-form-inline" onSubmit={(event) => void submit(event)} noValidate>
        <FormField name="inst-label" label={t('ledger.installments.label')} value={form.label} onChange={set('label')} error={errors.label} />
        <FormField name="inst-principal" label={t('ledger.installments.principal')} value={form.principalFen} onChange={set('principalFen')} error={errors.principalFen} localError={local.principalFen ?? null} />
        <FormField name="inst-fee" label={t('ledger.installments.fee')} value={form.feeFen} onChange={set('feeFen')} error={errors.feeFen} localError={local.feeFen ?? null} />
        <FormField name="inst-periods" label={t('ledger.installments.periods')} value={form.periods} onChange={set('periods')} error={errors.periods} localError={local.periods ?? null} />
        <FormField name="inst-first" label={t('ledger.installments.firstMonth')} type="month" value={form.firstMonth} onChange={set('firstMonth')} error={errors.firstMonth} />
        <button type="submit" className="button" disabled={busy} data-testid="installment-add">
          {t('ledger.installments.add')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
