import { useI18n } from '../i18n/I18nProvider.tsx';
import { BureauTable } from './BureauTable.tsx';
import { STATUS_LABEL_KEYS } from './LenderPanel.tsx';
import type { BureauReport, RuleView } from './useBureau.ts';

/** A rule's date at one level: now, a day, "needs action" (no date by time alone) or no level set. */
function LevelDate({ rule, level, asOf }: { rule: RuleView; level: 'warn' | 'fail'; asOf: string }) {
  const { t } = useI18n();
  if (rule.threshold[level] === null) return <span className="muted">{t('bureau.safe.noLevel')}</span>;
  const date = rule.safeToApply![level];
  if (date === null) return <span className="bureau-status bureau-status-fail">{t('bureau.safe.dateNone')}</span>;
  if (date <= asOf) return <span>{t('bureau.safe.dateNow')}</span>;
  return <strong>{date}</strong>;
}

/**
 * When it is safe to apply again: the one date from which no lender rule fails, the rule that
 * sets it and what it assumes, then every rule's own dates and what moves it
 * (core/bureau/safe-to-apply.ts).
 */
export function SafeToApplySection({ report }: { report: BureauReport }) {
  const { t, locale } = useI18n();
  const safe = report.safeToApply;
  const label = (ruleId: string) => report.lenderView.find((r) => r.ruleId === ruleId)?.label[locale] ?? ruleId;
  const headline = safe.on === null ? t('bureau.safe.never') : safe.on <= report.asOf ? t('bureau.safe.now') : t('bureau.safe.on', { date: safe.on });
  return (
    <section className="panel bureau-section" data-testid="safe-to-apply-section" aria-labelledby="safe-to-apply-title">
      <h2 id="safe-to-apply-title">{t('bureau.safe.title')}</h2>
      <p className="muted">{t('bureau.safe.intro', { version: safe.version })}</p>
      <div className={`bureau-safe-headline${safe.on === null ? ' bureau-safe-blocked' : ''}`} data-testid="safe-to-apply-on" data-on={safe.on ?? ''} data-rule-id={safe.ruleId ?? ''}>
        <p className="bureau-safe-date">{headline}</p>
        <p>{safe.reason[locale]}</p>
        {safe.assumes.length > 0 && (
          <>
            <p className="muted">{t('bureau.safe.assumes')}</p>
            <ul className="plain-list bureau-safe-assumes" data-testid="safe-to-apply-assumes">
              {safe.assumes.map((a) => (
                <li key={a.ruleId} data-rule-id={a.ruleId}>
                  {label(a.ruleId)}: {a.action[locale]}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="muted" data-testid="safe-to-apply-clear" data-clear-on={safe.clearOn ?? ''}>
          {safe.clearOn === null ? t('bureau.safe.clearNever') : t('bureau.safe.clearOn', { date: safe.clearOn <= report.asOf ? t('bureau.safe.dateNow') : safe.clearOn })}
        </p>
        {safe.unknownRules.length > 0 && <p className="muted">{t('bureau.safe.unknown', { rules: safe.unknownRules.map(label).join(t('bureau.reporting.listSeparator')) })}</p>}
      </div>
      <BureauTable
        testId="safe-to-apply-table"
        columns={[{ label: t('bureau.safe.col.rule') }, { label: t('bureau.safe.col.status') }, { label: t('bureau.safe.col.fail') }, { label: t('bureau.safe.col.warn') }, { label: t('bureau.safe.col.how') }]}
      >
          <tbody>
            {report.lenderView.map((rule) => (
              <tr key={rule.ruleId} data-testid="safe-to-apply-rule" data-rule-id={rule.ruleId} data-fail={rule.safeToApply?.fail ?? ''} data-warn={rule.safeToApply?.warn ?? ''}>
                <th scope="row">{rule.label[locale]}</th>
                <td>
                  <span className={`bureau-status bureau-status-${rule.status}`}>{t(STATUS_LABEL_KEYS[rule.status])}</span>
                </td>
                {rule.safeToApply === null ? (
                  <td colSpan={3} className="muted">
                    {t('bureau.safe.notJudged')}
                  </td>
                ) : (
                  <>
                    <td className="bureau-safe-day">
                      <LevelDate rule={rule} level="fail" asOf={report.asOf} />
                    </td>
                    <td className="bureau-safe-day">
                      <LevelDate rule={rule} level="warn" asOf={report.asOf} />
                    </td>
                    <td>
                      {rule.status !== 'pass' && rule.safeToApply.action && <p>{t('bureau.rule.needs', { action: rule.safeToApply.action[locale] })}</p>}
                      <p className="muted">{rule.safeToApply.explanation[locale]}</p>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
      </BureauTable>
    </section>
  );
}
