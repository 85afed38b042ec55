import { useMemo, useState, type FormEvent } from 'react';
import { BUREAU_LAYOUTS, BUREAU_TYPES, INSTITUTION_TYPES, PRODUCTS, REPAYMENT_METHODS, REPORTS_TO_BUREAU, ACCOUNT_KINDS } from '../../../core/shared/ledger-vocabulary.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FieldOrigin } from './FieldOrigin.tsx';
import { FormField, type Option } from './FormField.tsx';
import { INSTITUTION_KEYS, PRODUCT_KEYS } from './labels.ts';
import { parsePercent, parseWhole, parseYuan } from '../../../core/shared/money.ts';
import { percentText, yuanText } from './money.ts';
import { fieldErrors, type AccountDetail, type AccountFieldName, type AccountSummary } from './useLedger.ts';
import { identifier } from '../presentation/format.ts';

type Kind = 'text' | 'money' | 'percent' | 'whole' | 'date' | 'month' | 'select';
type Values = Record<string, string>;
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

interface Spec {
  name: AccountFieldName;
  kind: Kind;
  options?: (t: T, lines: AccountSummary[]) => Option[];
  show?: (v: Values) => boolean;
  /** Stays a value when emptied (selects whose choices include every state). */
  required?: boolean;
}

const revolving = (v: Values) => v.kind === 'revolving';
const loanLike = (v: Values) => v.kind === 'draw' || v.kind === 'loan';

const none = (t: T): Option => ({ value: '', label: t('ledger.unknown') });

const SECTIONS: { title: MessageKey; fields: Spec[] }[] = [
  {
    title: 'ledger.form.sectionBasics',
    fields: [
      { name: 'product', kind: 'select', required: true, options: (t) => [{ value: '', label: t('ledger.form.chooseProduct') }, ...PRODUCTS.map((p) => ({ value: p, label: t(PRODUCT_KEYS[p]) }))] },
      { name: 'name', kind: 'text' },
      { name: 'kind', kind: 'select', required: true, options: (t) => ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`ledger.kind.${k}`) })) },
      { name: 'parentId', kind: 'select', show: (v) => v.kind === 'draw', options: (t, lines) => [none(t), ...lines.map((l) => ({ value: String(l.id), label: identifier(l.name) }))] },
      { name: 'bank', kind: 'text', show: (v) => v.product === 'credit_card' },
      { name: 'cardLast4', kind: 'text', show: (v) => v.product === 'credit_card' },
      { name: 'lender', kind: 'text' },
      { name: 'institutionType', kind: 'select', options: (t) => [none(t), ...INSTITUTION_TYPES.map((c) => ({ value: c, label: `${c} ${t(INSTITUTION_KEYS[c])}` }))] },
    ],
  },
  {
    title: 'ledger.form.sectionAmounts',
    fields: [
      { name: 'limitFen', kind: 'money', show: (v) => !loanLike(v) },
      { name: 'sharedLine', kind: 'text', show: revolving },
      { name: 'principalFen', kind: 'money', show: loanLike },
      { name: 'openedOn', kind: 'date' },
      { name: 'closedOn', kind: 'date' },
      { name: 'statementDay', kind: 'whole', show: revolving },
      { name: 'dueDay', kind: 'whole', show: (v) => v.kind !== 'line' },
      { name: 'minimumPaymentBp', kind: 'percent', show: revolving },
      { name: 'termMonths', kind: 'whole', show: loanLike },
      { name: 'annualRateBp', kind: 'percent', show: loanLike },
      { name: 'repaymentMethod', kind: 'select', show: loanLike, options: (t) => [none(t), ...REPAYMENT_METHODS.map((m) => ({ value: m, label: t(`ledger.method.${m}`) }))] },
      { name: 'openingBalanceFen', kind: 'money', show: (v) => !loanLike(v) },
      { name: 'openingBalanceOn', kind: 'date', show: (v) => !loanLike(v) },
    ],
  },
  {
    title: 'ledger.form.sectionBureau',
    fields: [
      { name: 'reportsToBureau', kind: 'select', required: true, options: (t) => REPORTS_TO_BUREAU.map((r) => ({ value: r, label: t(`ledger.reports.${r}`) })) },
      { name: 'bureauSinceMonth', kind: 'month' },
      { name: 'bureauType', kind: 'select', options: (t) => [none(t), ...BUREAU_TYPES.map((b) => ({ value: b, label: `${b} ${t(`ledger.bureauType.${b}`)}` }))] },
      { name: 'bureauLayout', kind: 'select', options: (t) => [none(t), ...BUREAU_LAYOUTS.map((l) => ({ value: l, label: t(`ledger.layout.${l}`) }))] },
      { name: 'note', kind: 'text' },
    ],
  },
];

const SPECS = SECTIONS.flatMap((section) => section.fields);

function toText(spec: Spec, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (spec.kind === 'money') return yuanText(value as number);
  if (spec.kind === 'percent') return percentText(value as number);
  return String(value);
}

/** The form's text → the value core stores; undefined when the text is not a valid value of its kind. */
function fromText(spec: Spec, text: string): unknown {
  const trimmed = text.trim();
  switch (spec.kind) {
    case 'money':
      return parseYuan(trimmed);
    case 'percent':
      return parsePercent(trimmed);
    case 'whole':
      return parseWhole(trimmed);
    case 'select':
      if (trimmed === '') return null;
      return spec.name === 'parentId' ? Number(trimmed) : trimmed;
    default:
      return trimmed === '' ? null : trimmed;
  }
}

const LOCAL_ERRORS: Partial<Record<Kind, MessageKey>> = {
  money: 'ledger.form.notMoney',
  percent: 'ledger.form.notPercent',
  whole: 'ledger.form.notWhole',
};

/** Create (account null) or edit an account; every value shows where it comes from. */
export function AccountForm({
  profileId,
  account,
  lines,
  onSaved,
  onCancel,
}: {
  profileId: string;
  account: AccountSummary | null;
  lines: AccountSummary[];
  onSaved: (detail: AccountDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const initial = useMemo<Values>(() => {
    const values: Values = {};
    for (const spec of SPECS) values[spec.name] = account ? toText(spec, account.fields[spec.name]?.value) : '';
    if (!account) {
      values.kind = 'revolving';
      values.reportsToBureau = 'unknown';
    }
    return values;
  }, [account]);
  const [values, setValues] = useState<Values>(initial);
  const [reset, setReset] = useState<Set<string>>(new Set());
  // A new account sends only what the user typed or chose: the rest stays "default" in core.
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const change = (name: string) => (value: string) => {
    setTouched((set) => new Set(set).add(name));
    setValues((v) => {
      const next = { ...v, [name]: value };
      // A new account's kind follows its product until the user picks one.
      if (!account && name === 'product') next.kind = ['jiebei', 'weilidai'].includes(value) ? 'line' : ['bank_loan', 'mortgage', 'car_loan'].includes(value) ? 'loan' : 'revolving';
      return next;
    });
    setReset((r) => {
      const next = new Set(r);
      next.delete(name);
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const spec of SPECS) {
      if (spec.show && !spec.show(values)) continue;
      const text = values[spec.name] ?? '';
      if (account && text === initial[spec.name]) continue;
      if (!account && (!touched.has(spec.name) || text.trim() === '') && spec.name !== 'product') continue;
      if (reset.has(spec.name)) continue;
      const value = fromText(spec, text);
      if (value === undefined) {
        problems[spec.name] = t(LOCAL_ERRORS[spec.kind] ?? 'ledger.form.notMoney');
        continue;
      }
      if (value === null && spec.required) continue;
      input[spec.name] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const detail = account
        ? await invoke('ledger.account.update', { profileId, accountId: account.id, input, reset: [...reset] })
        : await invoke('ledger.account.create', { profileId, input });
      onSaved(detail);
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel ledger-form" data-testid="account-form" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="section-title">{account ? t('ledger.form.editTitle', { name: identifier(account.name) }) : t('ledger.form.newTitle')}</h2>
      <p className="muted">{t('ledger.form.why')}</p>
      {SECTIONS.map((section) => (
        <fieldset key={section.title} className="form-section">
          <legend>{t(section.title)}</legend>
          <div className="form-grid">
            {section.fields
              .filter((spec) => !spec.show || spec.show(values))
              .map((spec) => {
                const view = account?.fields[spec.name];
                const resettable = view?.provenance === 'manual' && account !== null;
                return (
                  <FormField
                    key={spec.name}
                    name={spec.name}
                    label={t(`ledger.field.${spec.name}` as MessageKey)}
                    type={spec.kind === 'date' ? 'date' : spec.kind === 'month' ? 'month' : 'text'}
                    value={values[spec.name] ?? ''}
                    onChange={change(spec.name)}
                    options={spec.options?.(t, lines)}
                    error={errors[spec.name]}
                    localError={local[spec.name] ?? null}
                    hint={view && !reset.has(spec.name) ? <FieldOrigin view={view} /> : reset.has(spec.name) ? t('ledger.form.willReset') : undefined}
                    extra={
                      resettable && !reset.has(spec.name) ? (
                        <button type="button" className="link-button" data-testid={`reset-${spec.name}`} onClick={() => setReset((r) => new Set(r).add(spec.name))}>
                          {t('ledger.form.reset')}
                        </button>
                      ) : undefined
                    }
                  />
                );
              })}
          </div>
        </fieldset>
      ))}
      {error && <ErrorMessage error={error} testId="account-form-error" />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="account-save">
          {busy ? t('ledger.saving') : t('ledger.save')}
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
