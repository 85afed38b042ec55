import { useI18n } from '../i18n/I18nProvider.tsx';
import { ConsentCard } from './ConsentCard.tsx';
import type { Catalogue, ConsentView, LogCheck } from './types.ts';

const GROUPS = [
  { key: 'active', states: ['active'] },
  { key: 'ended', states: ['expired', 'used_up'] },
  { key: 'closed', states: ['withdrawn', 'superseded'] },
] as const;

function LogStatus({ log }: { log: LogCheck }) {
  const { t } = useI18n();
  if (log.firstBroken) {
    const b = log.firstBroken;
    return (
      <p className="error-text" role="alert" data-testid="consent-log" data-ok="false">
        {t('consent.log.broken', { id: b.id, action: b.action, reason: t(`consent.log.reason.${b.reason}`) })}
      </p>
    );
  }
  if (log.firstUnlogged) {
    return (
      <p className="error-text" role="alert" data-testid="consent-log" data-ok="false">
        {t('consent.log.unlogged', { id: log.firstUnlogged.auditId, kind: log.firstUnlogged.kind })}
      </p>
    );
  }
  return (
    <p className="muted consent-log" data-testid="consent-log" data-ok="true">
      {t('consent.log.ok', { entries: log.entries })}
    </p>
  );
}

/** Active, ended and withdrawn consents (UK Open Banking and CDR dashboards), each with what it allowed and its exports. */
export function ConsentDashboard(props: {
  profileId: string;
  consents: ConsentView[];
  catalogue: Catalogue;
  log: LogCheck;
  onChanged: (flash?: 'withdrawn') => void;
  onAmend: (consent: ConsentView) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="consent-dashboard" data-testid="consent-dashboard">
      <LogStatus log={props.log} />
      {GROUPS.map((group) => {
        const members = props.consents.filter((c) => (group.states as readonly string[]).includes(c.state));
        return (
          <section key={group.key} className="consent-group" data-testid={`consent-group-${group.key}`} aria-labelledby={`consent-group-${group.key}`}>
            <h2 id={`consent-group-${group.key}`} className="section-title">
              {t(`consent.group.${group.key}`)} <span className="badge badge-quiet">{members.length}</span>
            </h2>
            {members.length === 0 ? (
              <p className="muted">{t('consent.group.empty')}</p>
            ) : (
              members.map((c) => <ConsentCard key={c.id} profileId={props.profileId} consent={c} catalogue={props.catalogue} onChanged={props.onChanged} onAmend={props.onAmend} />)
            )}
          </section>
        );
      })}
    </div>
  );
}
