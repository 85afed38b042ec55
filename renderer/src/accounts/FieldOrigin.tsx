import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AccountFieldName, AccountSummary } from './useLedger.ts';

export type FieldView = AccountSummary['fields'][AccountFieldName];

/** Where a value comes from: the user, an import, or the defaults table (with its source). */
export function FieldOrigin({ view, testId }: { view: FieldView; testId?: string }) {
  const { t, locale } = useI18n();
  const showSource = view.source !== undefined && (view.provenance === 'default' || view.provenance === 'none');
  return (
    <span className="origin" data-testid={testId} data-provenance={view.provenance}>
      <span className={`badge origin-badge origin-${view.provenance}`}>{t(`ledger.origin.${view.provenance}`)}</span>
      {showSource && (
        <span className="origin-source">
          {t('ledger.origin.sourceLine', { source: view.source ?? '', grade: view.grade ?? '—', version: view.version ?? '—' })}
          {view.note && <span className="origin-note">{view.note[locale]}</span>}
        </span>
      )}
    </span>
  );
}
