import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { platformName } from './labels.ts';
import { ReportNotices } from './ReportNotices.tsx';
import { ReportReconciliation } from './ReportReconciliation.tsx';
import { ReportCreditEvents, ReportTotals } from './ReportTotals.tsx';
import { Utc8Time } from './Utc8Time.tsx';
import type { FileFailure, ImportReport } from './useImportRun.ts';
import { identifier, prose } from '../presentation/format.ts';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{formatCount(value)}</dd>
    </div>
  );
}

/** One imported file (or one bill inside a ZIP). */
export function ReportCard({ report }: { report: ImportReport }) {
  const { t, locale } = useI18n();
  // A re-import is the common case for "0 imported": say so, so it does not read as a failure.
  const nothingNew = report.imported === 0 && report.duplicates > 0;
  return (
    <article className="panel report-card" data-testid="import-report" data-file={report.file}>
      <header className="report-card-head">
        <h3 className="report-file">{identifier(report.file)}</h3>
        <span className="report-platform" data-testid="report-platform">
          {platformName(locale, report.platform)}
        </span>
        <span className="badge" title={t('report.variant')}>
          {report.variant}
        </span>
      </header>
      {report.period && (
        <p className="muted" data-testid="report-period" data-source={report.period.source}>
          {t('report.period')} <Utc8Time iso={report.period.start.iso} /> – <Utc8Time iso={report.period.end.iso} />{' '}
          {t(report.period.source === 'stated' ? 'report.periodStated' : 'report.periodRows')}
        </p>
      )}
      {nothingNew && (
        <p className="report-nothing-new" data-testid="report-nothing-new">
          {t('report.nothingNew', { count: formatCount(report.duplicates) })}
        </p>
      )}
      <dl className="report-figures">
        <Figure label={t('report.rowsRead')} value={report.rowsRead} testId="report-rows-read" />
        <Figure label={t('report.imported')} value={report.imported} testId="report-imported" />
        <Figure label={t('report.duplicates')} value={report.duplicates} testId="report-duplicates" />
      </dl>
      <div className="report-columns">
        <ReportTotals report={report} />
        <ReportCreditEvents report={report} />
      </div>
      <ReportReconciliation reconciled={report.reconciled} file={report.file} />
      <ReportNotices title={t('report.warnings')} notices={report.warnings} omitted={report.warningsOmitted} testId="report-warnings" tone="warning" />
      <ReportNotices title={t('report.rejected')} notices={report.rejected} omitted={report.rejectedOmitted} testId="report-rejected" tone="danger" />
    </article>
  );
}

/** A file that did not import at all; its message says why and that nothing was written. */
export function FailureCard({ failure }: { failure: FileFailure }) {
  const { t, locale } = useI18n();
  return (
    <article className="panel report-card report-card-failed" data-testid="import-failure" data-file={failure.file} data-code={failure.code}>
      <header className="report-card-head">
        <h3 className="report-file">{identifier(failure.file)}</h3>
        <span className="badge badge-danger">{t('report.failed')}</span>
      </header>
      <p className="error-text" role="alert">
        {prose(failure.message[locale])}
      </p>
    </article>
  );
}
