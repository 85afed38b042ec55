import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLock } from './LockProvider.tsx';

/** Lock now, from the top bar: closes every encrypted profile and wipes its key from memory. */
export function LockButton() {
  const { t } = useI18n();
  const { lockNow } = useLock();
  return (
    <button type="button" className="button button-quiet lock-button" data-testid="lock-now" onClick={() => void lockNow()}>
      {t('lock.lockNow')}
    </button>
  );
}
