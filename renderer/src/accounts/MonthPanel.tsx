import { useState, type FormEvent } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { money } from './format.ts';
import { FormField } from './FormField.tsx';
import { REASON_KEYS } from './labels.ts';
import { parseYuan } from '../../../core/shared/money.ts';
import { yuanText } from './money.ts';
import { StatusChip } from './StatusChip.tsx';
import { fieldErrors, type AccountDetail, type MonthRow } from './useLedger.ts';
import { STATUS_CODES, statusInfo } from '../../../core/shared/status-alphabet.ts';

type Fact = AccountDetail['monthFacts'][number];
const MONEY = ['amountDueFen', 'minimumDueFen', 'amountPaidFen', 'balanceFen'] as const;

/** One month: what was derived and why, and the user's own figures for it (which win). */
export function MonthPanel({
  profileId,
  accountId,
  row,
  fact,
  onSaved,
}: {
  profileId: string;
  accountId: number;
  row: MonthRow;
  fact: Fact | undefined;
  onSaved: (detail: AccountDetail) => void;
}) {
  const { t, locale } = useI18n();
  const dash = t('ledger.none');
  const start = () => ({
    amountDueFen: yuanText(fact?.amountDueFen),
    minimumDueFen: yuanText(fact?.minimumDueFen),
    amountPaidFen: yuanText(fact?.amountPaidFen),
    balanceFen: yuanText(fact?.balanceFen),
    status: fact?.status ?? '',
    note: fact?.note ?? '',
  });
  const [form, setForm] = useState(start);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const set = (name: keyof ReturnType<typeof start>) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const save = async (clear: boolean) => {
    const input: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const name of MONEY) {
      const value = parseYuan(form[name]);
      if (value === undefined) problems[name] = t('ledger.form.notMoney');
      else input[name] = value;
    }
    input.status = form.status === '' ? null : form.status;
    input.note = form.note.trim() === '' ? null : form.note.trim();
    setLocal(clear ? {} : problems);
    if (!clear && Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const detail = await invoke('ledger.month.set', { profileId, accountId, month: row.month, input: clear ? null : input });
      onSaved(detail);
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <section className="panel month-panel" data-testid="month-panel" data-month={row.month} aria-labelledby="month-title">
      <h2 className="section-title" id="month-title">
        {t('ledger.month.title', { month: row.month })} <StatusChip code={row.status} />
      </h2>
      <p data-testid="month-reason">
        {statusInfo(row.status).meaning[locale]} · {t(REASON_KEYS[row.reason])}
      </p>
      <dl className="facts">
        <dt>{t('ledger.month.dueOn')}</dt>
        <dd>{row.dueOn ?? dash}</dd>
        <dt>{t('ledger.month.statementBalance')}</dt>
        <dd>{money(row.statementBalanceFen, dash)}</dd>
        <dt>{t('ledger.month.amountDue')}</dt>
        <dd>{money(row.amountDueFen, dash)}</dd>
        <dt>{t('ledger.month.minimumDue')}</dt>
        <dd>{money(row.minimumDueFen, dash)}</dd>
        <dt>{t('ledger.month.amountPaid')}</dt>
        <dd data-testid="month-paid">{money(row.amountPaidFen, dash)}</dd>
        <dt>{t('ledger.month.creditUsed')}</dt>
        <dd>{money(row.creditUsedFen, dash)}</dd>
        <dt>{t('ledger.month.daysPastDue')}</dt>
        <dd>{row.daysPastDue ?? dash}</dd>
        {row.unconfirmed > 0 && (
          <>
            <dt>{t('ledger.month.unconfirmed')}</dt>
            <dd>{row.unconfirmed}</dd>
          </>
        )}
      </dl>
      <form className="ledger-form" onSubmit={submit} noValidate>
        <p className="muted">{t('ledger.month.factsWhy')}</p>
        <div className="form-grid">
          {MONEY.map((name) => (
            <FormField key={name} name={`month-${name}`} label={t(`ledger.month.field.${name}`)} value={form[name]} onChange={set(name)} error={errors[name]} localError={local[name] ?? null} />
          ))}
          <FormField
            name="month-status"
            label={t('ledger.month.field.status')}
            value={form.status}
            onChange={set('status')}
            error={errors.status}
            options={[{ value: '', label: t('ledger.month.derivedStatus') }, ...STATUS_CODES.map((code) => ({ value: code, label: `${code} ${statusInfo(code).meaning[locale]}` }))]}
          />
          <FormField name="month-note" label={t('ledger.field.note')} value={form.note} onChange={set('note')} error={errors.note} />
        </div>
        {error && <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="month-save">
            {t('ledger.save')}
          </button>
          {fact && (
            <button type="button" className="button button-quiet" disabled={busy} data-testid="month-clear" onClick={() => void save(true)}>
              {t('ledger.month.clear')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
