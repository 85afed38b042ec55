import type { Locale } from '../../../core/shared/localized-text.ts';
import { translate } from '../i18n/translate.ts';
import { planSentence } from './format.ts';
import { StateChip } from './StateChip.tsx';
import type { PlanItem } from './types.ts';

/** The plan's steps in order: date, what to do, state, what the ledger shows (and, on the page, what counts as done). */
export function Checklist({ items, locale, effects, showRule }: { items: PlanItem[]; locale: Locale; effects?: Map<number, string>; showRule: boolean }) {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <table className="ledger-table plan-table" data-testid="plan-checklist">
      <thead>
        <tr>
          <th scope="col">{t('plan.col.step')}</th>
          <th scope="col">{t('plan.col.date')}</th>
          <th scope="col">{t('plan.col.action')}</th>
          <th scope="col">{t('plan.col.state')}</th>
          <th scope="col">{t('plan.col.evidence')}</th>
          {effects && <th scope="col">{t('plan.col.effect')}</th>}
          {showRule && <th scope="col">{t('plan.col.rule')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.index} data-testid="plan-item" data-state={item.state}>
            <td>{item.index + 1}</td>
            <td className="plan-date">{item.on}</td>
            <td>{planSentence(item.sentence, locale)}</td>
            <td>
              <StateChip state={item.state} locale={locale} />
            </td>
            <td className="muted">{planSentence(item.evidence, locale)}</td>
            {effects && <td>{effects.get(item.index) ?? '—'}</td>}
            {showRule && <td className="muted">{item.rule[locale]}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
