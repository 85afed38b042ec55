import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import type { ProgressView } from './useImportRun.ts';
import { identifier } from '../presentation/format.ts';
import { formatMegabytes } from './format.ts';

export function ImportProgress({ progress, cancelling, onCancel }: { progress: ProgressView | null; cancelling: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  const percent = progress?.percent ?? null;
  // Every file is saved: what is left (the accounts and scores) is no longer cancelled.
  const late = progress?.phase === 'ledger';
  return (
    <section className="panel import-progress" data-testid="import-progress" data-rows-read={progress?.rowsRead ?? 0} aria-live="polite">
      <div className="import-progress-head">
        <p className="import-progress-file">
          {progress ? t('import.progressFile', { index: progress.index, count: progress.count, file: identifier(progress.file) }) : t('import.preparing')}
        </p>
        <button type="button" className="button" data-testid="import-cancel" disabled={cancelling || late} onClick={onCancel}>
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
      {/* No value while the size is unknown (e.g. inside a ZIP): the bar is then indeterminate. */}
      <progress className="import-progress-bar" max={100} value={percent === null ? undefined : percent} aria-label={t('import.progressLabel')} />
      <p className="muted" data-testid="import-progress-detail" data-phase={progress === null ? 'preparing' : progress.upload ? 'upload' : late ? 'ledger' : 'import'}>
        {late
          ? t('import.progressLedger', { rows: formatCount(progress.rowsRead) })
          : progress?.upload
            ? t('import.uploading', { sent: formatMegabytes(progress.upload.sent), total: formatMegabytes(progress.upload.total) })
            : t('import.progressRows', { rows: formatCount(progress?.rowsRead ?? 0) })}
        {percent !== null && !late && ` · ${t('import.progressPercent', { percent: Math.floor(percent) })}`}
      </p>
    </section>
  );
}
