import { useI18n } from '../i18n/I18nProvider.tsx';

// The button names the language it switches to, written in that language, so a user who cannot
// read the current one can still find the way back. The longer description goes in `title`, not
// `aria-label`, so the accessible name still matches the visible word.
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  const target = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="locale-switch"
      title={t('locale.switchLabel')}
      lang={target}
      onClick={() => setLocale(target)}
    >
      {t('locale.switchTo')}
    </button>
  );
}
