import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { FormField, type Option } from './FormField.tsx';
import { useLoaded } from './useLedger.ts';
import { useRecordActions } from './useRecordActions.ts';

/** One field of a record's add form. */
export interface RecordField<Form> {
  name: keyof Form & string;
  label: string;
  type?: 'date';
  options?: Option[];
  hint?: string;
}

/**
 * What makes one kind of manual record (core/ledger/manual-records.ts) a panel: its words, its
 * list and its two writes over the kind's channels, the add form's fields, and a record's cells.
 */
export interface ManualRecordKind<R extends { id: number }, Form extends Record<string, string>> {
  /** `queries` → data-testid `queries`, rows `query-row`, the button `query-add`. */
  testId: string;
  rowTestId: string;
  addTestId: string;
  title: string;
  why: string;
  none: string;
  addLabel: string;
  list: () => Promise<R[]>;
  save: (form: Form) => Promise<unknown>;
  remove: (id: number) => Promise<unknown>;
  empty: Form;
  /** The form's fields as they stand (an "other" score asks for its name). */
  fields: (form: Form) => RecordField<Form>[];
  cells: (record: R) => ReactNode[];
}

/**
 * A kind of manual record on the Accounts page: the records in a table, each with its delete
 * button, and the add form under it; a write reloads the list, a refusal shows under the form with
 * each bad field's sentence under that field. QueriesPanel and ObservationsPanel are two kinds of it.
 */
export function ManualRecordPanel<R extends { id: number }, Form extends Record<string, string>>({ kind, reloadKey }: { kind: ManualRecordKind<R, Form>; reloadKey: string }) {
  const { t } = useI18n();
  const list = useLoaded(kind.list, reloadKey);
  const { form, set, error, errors, busy, submit, remove } = useRecordActions(kind.empty, { save: kind.save, remove: kind.remove, reload: list.reload });
  const records = list.data ?? [];
  const titleId = `${kind.testId}-title`;
  return (
    <section className="panel" data-testid={kind.testId} aria-labelledby={titleId}>
      <h2 className="section-title" id={titleId}>
        {kind.title}
      </h2>
      <p className="muted">{kind.why}</p>
      {list.error && <ErrorMessage error={list.error} />}
      {records.length === 0 ? (
        <p className="muted">{kind.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="ledger-table">
            <tbody>
              {records.map((record) => (
                <tr key={record.id} data-testid={kind.rowTestId}>
                  {kind.cells(record).map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                  <td>
                    <button type="button" className="link-button" onClick={() => void remove(record.id)}>
                      {t('ledger.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="ledger-form ledger-form-inline" onSubmit={(event) => void submit(event)} noValidate>
        {kind.fields(form).map((field) => (
          <FormField
            key={field.name}
            name={field.name}
            label={field.label}
            type={field.type}
            options={field.options}
            hint={field.hint}
            error={errors[field.name]}
            value={form[field.name]}
            onChange={set(field.name)}
          />
        ))}
        <button type="submit" className="button button-primary" disabled={busy} data-testid={kind.addTestId}>
          {kind.addLabel}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
