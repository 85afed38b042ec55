import type { IpcError } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Main sends every error in both languages; pick at render time so a language switch re-labels it. */
export function ErrorMessage({ error, id, testId }: { error: IpcError; id?: string; testId?: string }) {
  const { locale } = useI18n();
  return (
    <p className="error-text" role="alert" id={id} data-testid={testId}>
      {error.localized[locale]}
    </p>
  );
}
