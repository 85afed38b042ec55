import { useCallback, useId, useState, type FormEvent } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { parsePercent, parseWhole, parseYuan } from '../../../core/shared/money.ts';
import { useLoaded } from '../accounts/useLedger.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { prose } from '../presentation/format.ts';
import './checklist.css';

type ChecklistReply = Response<'checklist.get'>;
type Question = ChecklistReply['questions'][number];

const METHODS = ['equal_installment', 'equal_principal', 'interest_first', 'bullet'] as const;

/** Each form field's label, and how its text becomes the value the edit channel takes. */
const FIELDS: Record<string, { label: MessageKey; parse: (text: string) => unknown; kind: 'text' | 'date' | 'reporting' | 'method' }> = {
  limitFen: { label: 'checklist.field.limitFen', parse: parseYuan, kind: 'text' },
  statementDay: { label: 'checklist.field.statementDay', parse: parseWhole, kind: 'text' },
  dueDay: { label: 'checklist.field.dueDay', parse: parseWhole, kind: 'text' },
  openedOn: { label: 'checklist.field.openedOn', parse: (t) => (t === '' ? undefined : t), kind: 'date' },
  termMonths: { label: 'checklist.field.termMonths', parse: parseWhole, kind: 'text' },
  repaymentMethod: { label: 'checklist.field.repaymentMethod', parse: (t) => t, kind: 'method' },
  annualRateBp: { label: 'checklist.field.annualRate', parse: parsePercent, kind: 'text' },
  reportsToBureau: { label: 'checklist.field.reportsToBureau', parse: (t) => t, kind: 'reporting' },
  monthlyIncomeFen: { label: 'checklist.field.monthlyIncome', parse: parseYuan, kind: 'text' },
};

/** What the form starts from: an inferred value to confirm, the measured method, else empty. */
function initialValues(q: Question): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of q.fields) {
    const inferred = q.inferred?.values[field];
    if (inferred !== undefined && inferred !== null) out[field] = String(inferred);
    else if (field === 'reportsToBureau') out[field] = 'yes';
    else if (field === 'repaymentMethod') out[field] = String(q.assumed[field] ?? 'equal_installment');
    else out[field] = '';
  }
  return out;
}

/** The answer is written through the same channels the Accounts page and the income form use. */
async function answer(profileId: string, q: Question, values: Record<string, unknown>): Promise<void> {
  if (q.fact === 'income') await invoke('bureau.income.save', { profileId, monthlyIncomeFen: values.monthlyIncomeFen as number | null });
  else await invoke('ledger.account.update', { profileId, accountId: q.accountId!, input: values });
}

function QuestionRow({ profileId, question, onAnswered, onDismiss }: { profileId: string; question: Question; onAnswered: () => void; onDismiss: () => void }) {
  const { t, locale } = useI18n();
  const [texts, setTexts] = useState(() => initialValues(question));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | 'number' | null>(null);
  const id = useId();

  async function save(values: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      await answer(profileId, question, values);
      onAnswered();
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const values: Record<string, unknown> = {};
    for (const field of question.fields) {
      const parsed = FIELDS[field]!.parse(texts[field] ?? '');
      if (parsed === undefined || parsed === null) return setError('number');
      values[field] = parsed;
    }
    void save(values);
  }

  return (
    <li className="checklist-item" data-testid="checklist-item" data-key={question.key}>
      <div className="checklist-head">
        <h3 className="checklist-title">{question.title[locale]}</h3>
        <p className="checklist-effect" data-testid="checklist-effect">{prose(question.text[locale])}</p>
        <p className="muted checklist-why">{question.assumedWhy[locale]}</p>
      </div>
      {question.inferred && (
        <div className="checklist-inferred" data-testid="checklist-inferred">
          <span>{prose(question.inferred.text[locale])}</span>{' '}
          <button type="button" className="button button-primary" data-testid="checklist-confirm" disabled={busy} onClick={() => void save(question.inferred!.values)}>
            {t('checklist.confirmInferred')}
          </button>
        </div>
      )}
      <form className="checklist-form" onSubmit={submit} noValidate>
        {question.fields.map((field) => {
          const spec = FIELDS[field]!;
          const inputId = `${id}-${field}`;
          const set = (value: string) => setTexts((all) => ({ ...all, [field]: value }));
          return (
            <label key={field} className="form-field" htmlFor={inputId}>
              {t(spec.label)}
              {spec.kind === 'reporting' ? (
                <select id={inputId} value={texts[field]} onChange={(e) => set(e.currentTarget.value)}>
                  <option value="yes">{t('checklist.reporting.yes')}</option>
                  <option value="no">{t('checklist.reporting.no')}</option>
                </select>
              ) : spec.kind === 'method' ? (
                <select id={inputId} value={texts[field]} onChange={(e) => set(e.currentTarget.value)}>
                  {METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(`checklist.method.${m}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={inputId} type={spec.kind === 'date' ? 'date' : 'text'} inputMode={spec.kind === 'date' ? undefined : 'decimal'} value={texts[field]} onChange={(e) => set(e.currentTarget.value)} data-testid={`checklist-field-${field}`} />
              )}
            </label>
          );
        })}
        <div className="checklist-actions">
          <button type="submit" className="button" data-testid="checklist-save" disabled={busy}>
            {busy ? t('checklist.saving') : t('checklist.save')}
          </button>
          <button type="button" className="link-button" data-testid="checklist-dismiss" disabled={busy} onClick={onDismiss}>
            {t('checklist.dismiss')}
          </button>
        </div>
      </form>
      {error === 'number' && <p className="error-text" role="alert">{t('checklist.invalidNumber')}</p>}
      {error !== null && error !== 'number' && <ErrorMessage error={error} />}
    </li>
  );
}

/**
 * The missing facts, largest measured effect first (core/checklist), each with its form. `limit`
 * shows the first few (after an import); `onChanged` tells the page that the ledger moved.
 */
export function Checklist({ profileId, limit, afterImport = false, onChanged }: { profileId: string; limit?: number; afterImport?: boolean; onChanged?: () => void }) {
  const { t, locale } = useI18n();
  const loaded = useLoaded(() => invoke('checklist.get', { profileId }), profileId);
  const [error, setError] = useState<IpcError | null>(null);
  const { reload, set } = loaded;
  const answered = useCallback(() => {
    void reload();
    onChanged?.();
  }, [reload, onChanged]);

  async function keep(channel: 'checklist.dismiss' | 'checklist.restore', key: string) {
    setError(null);
    try {
      set(await invoke(channel, { profileId, key }));
    } catch (caught) {
      setError(asIpcError(caught));
    }
  }

  const data = loaded.data;
  const shown = data ? data.questions.slice(0, limit ?? data.questions.length) : [];
  return (
    <section className="panel checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <h2 className="section-title" id="checklist-title">
        {t('checklist.title')}
      </h2>
      <p className="muted">{afterImport ? t('checklist.afterImport') : t('checklist.intro')}</p>
      {loaded.error && <ErrorMessage error={loaded.error} />}
      {error && <ErrorMessage error={error} />}
      {data === null && !loaded.error && <p className="muted">{t('app.loading')}</p>}
      {data !== null && data.questions.length === 0 && <p data-testid="checklist-none">{t('checklist.none')}</p>}
      {shown.length > 0 && (
        <ol className="checklist-list">
          {shown.map((q) => (
            <QuestionRow key={q.key} profileId={profileId} question={q} onAnswered={answered} onDismiss={() => void keep('checklist.dismiss', q.key)} />
          ))}
        </ol>
      )}
      {data !== null && shown.length < data.questions.length && <p className="muted">{t('checklist.more', { count: data.questions.length - shown.length })}</p>}
      {data !== null && data.dismissed.length > 0 && (
        <details className="checklist-dismissed" data-testid="checklist-dismissed">
          <summary>{t('checklist.dismissedTitle', { count: data.dismissed.length })}</summary>
          <ul className="item-list">
            {data.dismissed.map((q) => (
              <li key={q.key}>
                <span>{q.title[locale]}</span>{' '}
                <button type="button" className="link-button" data-testid="checklist-restore" onClick={() => void keep('checklist.restore', q.key)}>
                  {t('checklist.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
