import { useI18n } from '../i18n/I18nProvider.tsx';
import { statusClass } from './labels.ts';
import { statusInfo, type StatusCode } from '../../../core/shared/status-alphabet.ts';

/** One status code, coloured, with its meaning for screen readers and on hover. */
export function StatusChip({ code, testId }: { code: StatusCode | null; testId?: string }) {
  const { t, locale } = useI18n();
  if (code === null) return <span className="muted">{t('ledger.none')}</span>;
  const meaning = statusInfo(code).meaning[locale];
  return (
    <span className={statusClass(code)} title={meaning} aria-label={t('ledger.statusLabel', { code, meaning })} data-testid={testId} data-status={code}>
      {code}
    </span>
  );
}
