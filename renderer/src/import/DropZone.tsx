import { useRef, useState, type DragEvent } from 'react';
import { invoke } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Picked } from './useImportRun.ts';

const ACCEPT = '.csv,.xls,.xlsx,.zip';

/**
 * Files arrive only as File objects the user hands over (drop or the native dialog behind the
 * file input), or, in the desktop app (`mainDialog`), as references to the files main's own open
 * dialog chose: the page never names a path (in the desktop app a dropped File goes by a
 * reference too: useImportRun.ts). The dialog's filter is a convenience: a dropped file of any
 * type is still sent, and main says plainly if it is not a bill.
 */
export function DropZone({ disabled, mainDialog, onFiles }: { disabled: boolean; mainDialog: boolean; onFiles: (files: Picked[]) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    // Without preventDefault the drop would make the window open the file itself.
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...event.dataTransfer.files]);
  };

  const choose = async () => {
    if (!mainDialog) return input.current?.click();
    try {
      const { files } = await invoke('import.chooseFiles', {});
      if (files.length > 0) onFiles(files);
    } catch {
      // Main could not open its dialog: the page's own picker still hands the files over.
      input.current?.click();
    }
  };

  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}${disabled ? ' dropzone-disabled' : ''}`}
      data-testid="import-dropzone"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="dropzone-title">{t('import.dropTitle')}</p>
      <p className="muted">{t('import.dropHint')}</p>
      <button type="button" className="button button-primary" disabled={disabled} onClick={() => void choose()}>
        {t('import.choose')}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-label={t('import.choose')}
        data-testid="import-file-input"
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so that choosing the same file again (a re-import) fires change again.
          event.currentTarget.value = '';
          onFiles(files);
        }}
      />
    </div>
  );
}

export function PasswordField({ value, onChange, disabled }: { value: string; onChange: (value: string) => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <div className="import-password">
      <label htmlFor="import-password">{t('import.passwordLabel')}</label>
      <input
        id="import-password"
        type="password"
        className="input"
        inputMode="numeric"
        autoComplete="off"
        maxLength={64}
        value={value}
        disabled={disabled}
        aria-describedby="import-password-hint"
        data-testid="import-password"
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <p className="muted" id="import-password-hint">
        {t('import.passwordHint')}
      </p>
    </div>
  );
}
