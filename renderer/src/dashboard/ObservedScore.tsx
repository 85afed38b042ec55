import { useState, type FormEvent } from 'react';
import { parseWhole } from '../../../core/shared/money.ts';
import { FormField } from '../accounts/FormField.tsx';
import { fieldErrors } from '../accounts/useLedger.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ScoredModel } from './useScores.ts';

/** The real Sesame score the user read in Alipay, recorded beside the estimate, and the gap between them. */
export function ObservedScore({ profileId, model, asOf, onSaved }: { profileId: string; model: ScoredModel; asOf: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [observedOn, setObservedOn] = useState(asOf);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const observed = model.observed;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await invoke('ledger.observation.save', { profileId, observationId: null, input: { kind: 'sesame', value: parseWhole(value) ?? value, observedOn } });
      setValue('');
      onSaved();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="observed" data-testid="observed">
      {observed ? (
        <p className="observed-gap" data-testid="observed-gap" data-gap={observed.gap}>
          {t(observed.gap === 0 ? 'score.observed.same' : observed.gap > 0 ? 'score.observed.higher' : 'score.observed.lower', {
            value: observed.value,
            date: observed.observedOn,
            gap: Math.abs(observed.gap),
            estimate: model.score,
          })}
        </p>
      ) : (
        <p className="muted">{t('score.observed.none')}</p>
      )}
      <form className="ledger-form ledger-form-inline" onSubmit={(event) => void submit(event)} noValidate>
        <FormField name="observedValue" label={t('score.observed.value')} hint={t('score.observed.hint')} error={errors.value} value={value} onChange={setValue} />
        <FormField name="observedOn" label={t('score.observed.date')} type="date" error={errors.observedOn} value={observedOn} onChange={setObservedOn} />
        <button type="submit" className="button" disabled={busy} data-testid="observed-save">
          {t('score.observed.save')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
