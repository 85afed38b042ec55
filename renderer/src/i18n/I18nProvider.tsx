import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { usePresentation } from '../presentation/PresentationProvider.tsx';
import { LOCALE_KEY, readSetting, writeSetting } from '../storage.ts';
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey, type Params } from './translate.ts';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  const stored = readSetting(LOCALE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  // Presentation mode rewrites the page's figures as a change of language rewrites its words: a new
  // `t` makes every reader of it render again, memoised charts and tables included.
  const { mask } = usePresentation();

  // <html lang> drives CJK font selection and screen-reader pronunciation, so it must follow the switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    writeSetting(LOCALE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale, mask],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
