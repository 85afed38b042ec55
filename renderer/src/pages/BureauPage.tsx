import { useState } from 'react';
import { parseDay } from '../../../core/shared/calendar.ts';
import { accountHref } from '../accounts/useLedger.ts';
import { AccountsSection, NegativeList } from '../bureau/AccountsSection.tsx';
import { ClosingNote } from '../bureau/ClosingNote.tsx';
import { HuabeiPanel } from '../bureau/HuabeiPanel.tsx';
import { LayoutsSection } from '../bureau/LayoutsSection.tsx';
import { LenderPanel } from '../bureau/LenderPanel.tsx';
import { QueriesSection } from '../bureau/QueriesSection.tsx';
import { AgreementsSection } from '../bureau/AgreementsSection.tsx';
import { RecordsDrawer } from '../bureau/RecordsDrawer.tsx';
import { SafeToApplySection } from '../bureau/SafeToApplySection.tsx';
import { SummarySection } from '../bureau/SummarySection.tsx';
import { RecordsContext, todayText, useBureauReport, type BureauReport, type RecordsTarget } from '../bureau/useBureau.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import '../bureau/bureau.css';
import { personName } from '../presentation/format.ts';

function ReportingBanner({ report }: { report: BureauReport }) {
  const { t } = useI18n();
  const r = report.reporting;
  return (
    <div className="panel bureau-reporting" data-testid="bureau-reporting">
      <p>{t('bureau.reporting.counts', { yes: r.yes, unknown: r.unknown, no: r.no })}</p>
      {r.unknown > 0 && (
        <p>
          {t('bureau.reporting.unknownIntro')}{' '}
          {r.unknownAccounts.map((a, i) => (
            <span key={a.id}>
              {i > 0 && t('bureau.reporting.listSeparator')}
              <a href={accountHref(a.id)}>{a.name}</a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function Report({ report, profile, onSaved }: { report: BureauReport; profile: ProfileSummary; onSaved: (report: BureauReport) => void }) {
  const { t } = useI18n();
  return (
    <>
      <ReportingBanner report={report} />
      <SummarySection summary={report.summary} />
      <AccountsSection accounts={report.accounts} />
      <AgreementsSection agreements={report.agreements} />
      <QueriesSection queries={report.queries} />
      <section className="panel bureau-section" data-testid="bureau-negatives" aria-labelledby="bureau-negatives-title">
        <h2 id="bureau-negatives-title">{t('bureau.negative.title')}</h2>
        <p className="muted">{t('bureau.negative.intro')}</p>
        <NegativeList items={report.negativeItems} />
      </section>
      <LayoutsSection report={report} />
      <HuabeiPanel report={report} />
      <SafeToApplySection report={report} />
      <LenderPanel report={report} profileId={profile.id} onSaved={onSaved} />
      <ClosingNote report={report} />
    </>
  );
}

/** The simulated second-generation credit report, in the report's own order; every figure opens its records. */
export function BureauPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayText());
  const report = useBureauReport(profile.id, asOf);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  return (
    <RecordsContext.Provider value={setRecords}>
      <header className="page-header page-header-row bureau-header">
        <div>
          <p className="eyebrow">{personName(profile.name)}</p>
          <h1>{t('bureau.title')}</h1>
        </div>
        <label className="field-inline bureau-as-of">
          {t('bureau.asOf')}
          <input
            type="date"
            data-testid="bureau-as-of"
            value={asOf}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (parseDay(value) !== null) setAsOf(value);
            }}
          />
        </label>
      </header>
      <p className="lead" data-testid="bureau-disclaimer">
        {t('bureau.disclaimer')}
      </p>
      {report.data && (
        <p className="muted" data-testid="bureau-report-month" data-month={report.data.reportMonth}>
          {t('bureau.reportMonth', { month: report.data.reportMonth, from: report.data.gridFrom })}
        </p>
      )}
      {report.error && <ErrorMessage error={report.error} />}
      {report.data === null && !report.error && <p className="muted">{t('app.loading')}</p>}
      {records && <RecordsDrawer target={records} onClose={() => setRecords(null)} />}
      {report.data && <Report report={report.data} profile={profile} onSaved={report.set} />}
    </RecordsContext.Provider>
  );
}
