import { useState } from 'react';
import type { CreditEventKind } from '../../../core/shared/credit-events.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ALL_KINDS, kindName } from './labels.ts';

/** The select's value for "no credit event at all" (kind null); kinds are snake_case, so no clash. */
const NO_EVENT = '-';

/** "Correct to …": another kind, or no credit event (null); for one row or for a whole group. */
export function CorrectControl(props: {
  selectId: string;
  label: string;
  apply: string;
  busy: boolean;
  testIds: { kind: string; apply: string };
  onApply: (kind: CreditEventKind | null) => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState('');
  return (
    <div className="review-correct">
      <label htmlFor={props.selectId}>{props.label}</label>
      <select id={props.selectId} value={choice} disabled={props.busy} data-testid={props.testIds.kind} onChange={(event) => setChoice(event.currentTarget.value)}>
        <option value="">{t('review.choose')}</option>
        {ALL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kindName(t, kind)}
          </option>
        ))}
        <option value={NO_EVENT}>{t('review.notCredit')}</option>
      </select>
      <button
        type="button"
        className="button"
        disabled={props.busy || choice === ''}
        data-testid={props.testIds.apply}
        onClick={() => props.onApply(choice === NO_EVENT ? null : (choice as CreditEventKind))}
      >
        {props.apply}
      </button>
    </div>
  );
}
