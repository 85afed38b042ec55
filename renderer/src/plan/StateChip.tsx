import type { Locale } from '../../../core/shared/localized-text.ts';
import { translate } from '../i18n/translate.ts';
import type { PlanState } from './types.ts';

/** A step's state as a chip: the word, never the colour alone. */
export function StateChip({ state, locale }: { state: PlanState; locale: Locale }) {
  return (
    <span className={`plan-state plan-state-${state}`} data-testid="plan-state" data-state={state}>
      {translate(locale, `plan.state.${state}`)}
    </span>
  );
}
