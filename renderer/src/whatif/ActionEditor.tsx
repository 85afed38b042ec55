import { useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../../core/shared/localized-text.ts';
import { ACTION_NAMES, ACTION_TYPES, type ActionType } from '../../../core/shared/whatif-actions.ts';
import type { IpcError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { actionFrom, CREATES_ACCOUNT, fieldsOf, valuesOf, type Field, type FormValues } from './action-fields.ts';
import { actionLine, optionLabel, type AccountName } from './format.ts';
import type { ActionInput, Draft } from './types.ts';
import { problemsOf, type Problem, type WhatIf } from './useWhatIf.ts';
import { identifier, prose } from '../presentation/format.ts';

/** The accounts an action at `position` may name: the profile's, and those the actions before it open (−N). */
function accountsBefore(existing: readonly AccountName[], actions: readonly ActionInput[], position: number, created: (n: number, name: string) => string, locale: Locale): AccountName[] {
  const opened = actions.slice(0, position).flatMap((a, i) => {
    if (!CREATES_ACCOUNT.has(a.type)) return [];
    const given = a as { name?: string; lender?: string };
    return [{ id: -(i + 1), name: created(i + 1, given.name ?? given.lender ?? ACTION_NAMES[a.type][locale]) }];
  });
  return [...existing, ...opened];
}

function FieldInput({ field, value, onChange, accounts, message }: { field: Field; value: string | string[] | undefined; onChange: (v: string | string[]) => void; accounts: readonly AccountName[]; message: string | undefined }) {
  const { t, locale } = useI18n();
  const id = useId();
  const label = t(`whatif.field.${field.name}` as MessageKey);
  const errorId = `${id}-error`;
  const common = { id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? errorId : undefined, 'data-testid': `action-field-${field.name}` } as const;
  const text = typeof value === 'string' ? value : '';
  let control;
  if (field.kind === 'accounts') {
    const chosen = Array.isArray(value) ? value : [];
    control = (
      <fieldset className="whatif-accounts" aria-describedby={message ? errorId : undefined} data-testid={`action-field-${field.name}`}>
        <legend>{label}</legend>
        {accounts.map((a) => (
          <label key={a.id} className="whatif-check">
            <input
              type="checkbox"
              value={String(a.id)}
              checked={chosen.includes(String(a.id))}
              onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, String(a.id)] : chosen.filter((x) => x !== String(a.id)))}
            />
            {identifier(a.name)}
          </label>
        ))}
      </fieldset>
    );
  } else if (field.kind === 'account' || field.kind === 'line' || field.kind === 'choice' || field.kind === 'flag') {
    const options =
      field.kind === 'account' || field.kind === 'line'
        ? accounts.map((a) => ({ value: String(a.id), label: identifier(a.name) }))
        : (field.kind === 'flag' ? ['true', 'false'] : field.options!).map((v) => ({ value: v, label: optionLabel(field.name, v, t, locale) }));
    control = (
      <select {...common} value={text} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{field.optional ? t('whatif.picker.default') : t('whatif.picker.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type = field.kind === 'day' ? 'date' : field.kind === 'month' ? 'month' : 'text';
    const inputMode = field.kind === 'fen' || field.kind === 'rate' ? 'decimal' : field.kind === 'whole' ? 'numeric' : undefined;
    control = <input {...common} className="input" type={type} inputMode={inputMode} value={text} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  return (
    <div className={`form-field${message ? ' form-field-invalid' : ''}`} data-field={field.name}>
      {field.kind !== 'accounts' && (
        <label htmlFor={id}>
          {label}
          {field.optional && <span className="muted"> {t('whatif.picker.optional')}</span>}
        </label>
      )}
      {control}
      {message && (
        <span className="error-text" id={errorId} role="alert" data-testid={`action-error-${field.name}`}>
          {message}
        </span>
      )}
    </div>
  );
}

/** The action picker: a kind of action, its form, and core's word on it. `position` is where it goes (or the action it replaces). */
function ActionPicker({ draft, whatIf, existing, editing, onDone }: { draft: Draft; whatIf: WhatIf; existing: readonly AccountName[]; editing: number | null; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [type, setType] = useState<ActionType>(editing === null ? 'pay' : draft.actions[editing]!.type);
  const [values, setValues] = useState<FormValues>(editing === null ? {} : valuesOf(draft.actions[editing]!));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typeId = useId();
  const position = editing ?? draft.actions.length;
  const accounts = accountsBefore(existing, draft.actions, position, (n, name) => t('whatif.picker.created', { n, name }), locale);
  const fields = fieldsOf(type);
  const mine = problems.filter((p) => p.actionIndex === position);
  const forField = (name: string) => mine.find((p) => p.field === name)?.message[locale];
  const elsewhere = problems.filter((p) => p.actionIndex !== position || !fields.some((f) => f.name === p.field));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const action = actionFrom(type, values);
    const actions = editing === null ? [...draft.actions, action] : draft.actions.map((a, i) => (i === editing ? action : a));
    const tried = await whatIf.tryActions(draft.key, actions);
    setBusy(false);
    if (tried.ok) {
      setProblems([]);
      setFailure(null);
      setValues({});
      onDone();
      return;
    }
    const named = problemsOf(tried.error);
    setProblems(named);
    setFailure(named.length === 0 ? tried.error.localized[locale] : null);
  };

  return (
    <form className="whatif-picker" data-testid="action-picker" aria-labelledby={`${typeId}-title`} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={`${typeId}-title`}>{editing === null ? t('whatif.picker.title') : t('whatif.picker.editTitle', { n: editing + 1 })}</h3>
      <div className="form-field">
        <label htmlFor={typeId}>{t('whatif.picker.type')}</label>
        <select
          id={typeId}
          data-testid="action-type"
          value={type}
          onChange={(event) => {
            setType(event.currentTarget.value as ActionType);
            setValues({});
            setProblems([]);
          }}
        >
          {ACTION_TYPES.map((a) => (
            <option key={a} value={a}>
              {ACTION_NAMES[a][locale]}
            </option>
          ))}
        </select>
      </div>
      <div className="whatif-fields">
        {fields.map((field) => (
          <FieldInput
            key={`${type}:${field.name}`}
            field={field}
            value={values[field.name]}
            accounts={accounts}
            message={forField(field.name)}
            onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
          />
        ))}
      </div>
      {(elsewhere.length > 0 || failure) && (
        <div className="whatif-refused" role="alert" data-testid="action-refused">
          <p>{mine.length > 0 || failure ? t('whatif.picker.refused') : t('whatif.picker.scenarioProblems')}</p>
          {failure && <p>{failure}</p>}
          <ul className="plain-list">
            {elsewhere.map((p, i) => (
              <li key={i} data-testid="action-problem" data-action-index={p.actionIndex ?? ''} data-field={p.field}>
                {prose(p.message[locale])}
              </li>
            ))}
          </ul>
        </div>
      )}
      {mine.length > 0 && elsewhere.length === 0 && (
        <p className="visually-hidden" role="status">
          {t('whatif.picker.refused')} {mine.map((p) => prose(p.message[locale])).join(' ')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="action-submit">
          {editing === null ? t('whatif.picker.add') : t('whatif.picker.update')}
        </button>
        {editing !== null && (
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('whatif.picker.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The chosen scenario's actions in order, each editable, movable and removable, and the picker under them. */
export function ActionEditor({ draft, whatIf }: { draft: Draft | null; whatIf: WhatIf }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  const [refused, setRefused] = useState<IpcError | null>(null);
  if (!draft) {
    return (
      <section className="panel whatif-editor" aria-labelledby="whatif-editor-title" data-testid="action-editor">
        <h2 id="whatif-editor-title">{t('whatif.picker.title')}</h2>
        <p className="muted">{t('whatif.editor.pickScenario')}</p>
      </section>
    );
  }
  const existing: AccountName[] = (whatIf.comparison?.baseline.accounts ?? []).map((a) => ({ id: a.id, name: `${a.name}（#${a.id}）` }));
  const named = accountsBefore(existing, draft.actions, draft.actions.length, (n, name) => t('whatif.picker.created', { n, name }), locale);
  const set = async (actions: ActionInput[]) => {
    const tried = await whatIf.tryActions(draft.key, actions);
    setRefused(tried.ok ? null : tried.error);
  };
  const move = (from: number, to: number) => {
    const actions = [...draft.actions];
    const [moved] = actions.splice(from, 1);
    actions.splice(to, 0, moved!);
    void set(actions);
  };
  const refusedProblems = problemsOf(refused);
  return (
    <section className="panel whatif-editor" aria-labelledby="whatif-editor-title" data-testid="action-editor" data-scenario={draft.name}>
      <h2 id="whatif-editor-title">{t('whatif.editor.title', { name: draft.name })}</h2>
      <p className="muted">{t('whatif.editor.order')}</p>
      {draft.actions.length === 0 ? (
        <p className="muted">{t('whatif.editor.none')}</p>
      ) : (
        <ol className="whatif-actions" data-testid="action-list">
          {draft.actions.map((action, i) => (
            <li key={i} data-testid="action-item" data-type={action.type}>
              <span className="whatif-action-no">{t('whatif.action.position', { n: i + 1 })}</span>
              <span className="whatif-action-text">{actionLine(action, named, t, locale)}</span>
              <span className="whatif-action-buttons">
                <button type="button" className="link-button" aria-label={t('whatif.action.editLabel', { n: i + 1 })} onClick={() => setEditing(i)}>
                  {t('whatif.action.edit')}
                </button>
                {i > 0 && (
                  <button type="button" className="link-button" aria-label={t('whatif.action.upLabel', { n: i + 1 })} onClick={() => move(i, i - 1)}>
                    {t('whatif.action.up')}
                  </button>
                )}
                {i < draft.actions.length - 1 && (
                  <button type="button" className="link-button" aria-label={t('whatif.action.downLabel', { n: i + 1 })} onClick={() => move(i, i + 1)}>
                    {t('whatif.action.down')}
                  </button>
                )}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('whatif.action.removeLabel', { n: i + 1 })}
                  data-testid="action-remove"
                  onClick={() => {
                    setEditing(null);
                    void set(draft.actions.filter((_, j) => j !== i));
                  }}
                >
                  {t('whatif.action.remove')}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {refused && (
        <div className="whatif-refused" role="alert" data-testid="list-refused">
          <p>{refusedProblems.length > 0 ? t('whatif.picker.scenarioProblems') : refused.localized[locale]}</p>
          <ul className="plain-list">
            {refusedProblems.map((p, i) => (
              <li key={i}>{prose(p.message[locale])}</li>
            ))}
          </ul>
        </div>
      )}
      <ActionPicker key={`${draft.key}:${editing ?? 'new'}`} draft={draft} whatIf={whatIf} existing={existing} editing={editing} onDone={() => setEditing(null)} />
    </section>
  );
}
