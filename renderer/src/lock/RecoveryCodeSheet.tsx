import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useModalDialog } from '../components/useModalDialog.ts';

/**
 * The recovery code, shown once: large, grouped, printable (the print style keeps only this sheet)
 * and copyable. Nothing here stores it; closing the sheet is the last the app sees of it.
 */
export function RecoveryCodeSheet({ code, profileName, onDone }: { code: string; profileName: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="recovery-sheet" data-testid="recovery-sheet">
      <h2>{t('recovery.title')}</h2>
      <p>{t('recovery.body')}</p>
      <p className="muted">{t('recovery.profile', { name: profileName })}</p>
      <p className="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <div className="dialog-actions recovery-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(code)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? t('recovery.copied') : t('recovery.copy')}
        </button>
        <button type="button" className="button button-primary" data-testid="recovery-done" onClick={onDone}>
          {t('recovery.done')}
        </button>
      </div>
    </div>
  );
}

/** The sheet as a modal: Escape does not close it, only "I have saved it" does. */
export function RecoveryCodeDialog(props: { code: string; profileName: string; onDone: () => void }) {
  const ref = useModalDialog();
  return (
    <dialog ref={ref} className="dialog protect-dialog" onCancel={(event) => event.preventDefault()}>
      <RecoveryCodeSheet {...props} />
    </dialog>
  );
}
