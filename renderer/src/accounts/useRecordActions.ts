import { useState, type FormEvent } from 'react';
import { asIpcError, type IpcError } from '../api.ts';
import { fieldErrors } from './useLedger.ts';

export interface RecordActions<Form> {
  /** Writes the form as a new record. */
  save: (form: Form) => Promise<unknown>;
  /** Deletes one record by id. */
  remove: (id: number) => Promise<unknown>;
  /** Reloads the list after either write. */
  reload: () => Promise<void>;
}

/**
 * A record list's add form and delete buttons (queries, observed scores): a save clears the
 * form, either write reloads the list, and a failure shows under the form.
 */
export function useRecordActions<Form extends Record<string, string>>(empty: Form, actions: RecordActions<Form>) {
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof Form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await actions.save(form);
      setForm(empty);
      await actions.reload();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await actions.remove(id);
      await actions.reload();
    } catch (failure) {
      setError(asIpcError(failure));
    }
  };

  return { form, set, error, errors: fieldErrors(error), busy, submit, remove };
}
