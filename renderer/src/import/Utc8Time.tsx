import { useI18n } from '../i18n/I18nProvider.tsx';
import { utc8Parts } from './format.ts';

/** A stored `…+08:00` instant as the user reads it, saying it is UTC+8. */
export function Utc8Time({ iso }: { iso: string }) {
  const { t } = useI18n();
  const parts = utc8Parts(iso);
  return <time dateTime={iso}>{parts ? t('format.utc8', { date: parts.date, time: parts.time }) : iso}</time>;
}
