import { useState } from 'react';
import { money } from '../accounts/format.ts';
import { FormField } from '../accounts/FormField.tsx';
import { yuanText } from '../accounts/money.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { hrefFor } from '../router.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { parseLevel, parseYuan } from '../../../core/shared/money.ts';
import { formatFen } from '../presentation/format.ts';
import { FigureValue } from './FigureValue.tsx';
import { HardReasonsEditor } from './HardReasonsEditor.tsx';
import type { BureauReport, RuleView } from './useBureau.ts';

export const STATUS_LABEL_KEYS: Record<RuleView['status'], MessageKey> = {
  pass: 'bureau.status.pass',
  warn: 'bureau.status.warn',
  fail: 'bureau.status.fail',
  unknown: 'bureau.status.unknown',
};

/** A threshold level in the rule's unit: ratios as percent, amounts in yuan, counts and months whole. */
function levelText(unit: RuleView['unit'], value: number): string {
  if (unit === 'ratio') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'fen') return formatFen(value);
  return String(value);
}

function levelInput(unit: RuleView['unit'], value: number | null): string {
  if (value === null) return '';
  if (unit === 'ratio') return String(Math.round(value * 10000) / 100);
  if (unit === 'fen') return yuanText(value);
  return String(value);
}

function Threshold({ rule }: { rule: RuleView }) {
  const { t } = useI18n();
  const cmp = rule.threshold.comparison === 'more_than' ? '>' : '≥';
  const parts = [
    rule.threshold.warn === null ? null : t('bureau.rule.warnAt', { cmp, value: levelText(rule.unit, rule.threshold.warn) }),
    rule.threshold.fail === null ? null : t('bureau.rule.failAt', { cmp, value: levelText(rule.unit, rule.threshold.fail) }),
  ].filter((p): p is string => p !== null);
  return (
    <span data-testid="rule-threshold">
      {parts.join(t('bureau.rule.separator'))}
      {rule.windowMonths !== null && <span className="muted"> {t('bureau.rule.window', { count: rule.windowMonths })}</span>}
      {rule.edited && <span className="badge badge-warning">{t('bureau.rule.edited')}</span>}
    </span>
  );
}

function ThresholdForm({ rule, profileId, asOf, onSaved, onClose }: { rule: RuleView; profileId: string; asOf: string; onSaved: (report: BureauReport) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [warn, setWarn] = useState(levelInput(rule.unit, rule.threshold.warn));
  const [fail, setFail] = useState(levelInput(rule.unit, rule.threshold.fail));
  const [window, setWindow] = useState(String(rule.windowMonths ?? ''));
  const [error, setError] = useState<IpcError | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const save = async (input: Record<string, unknown> | null) => {
    try {
      onSaved(await invoke('bureau.rule.save', { profileId, ruleId: rule.ruleId, input, asOf }));
      onClose();
    } catch (failure) {
      setError(asIpcError(failure));
    }
  };
  const submit = () => {
    const w = parseLevel(rule.unit, warn);
    const f = parseLevel(rule.unit, fail);
    if (w === undefined || f === undefined) {
      setLocal(t('bureau.rule.notALevel'));
      return;
    }
    setLocal(null);
    void save({ warn: w, fail: f, ...(rule.windowChoices.length > 0 ? { windowMonths: Number(window) } : {}) });
  };
  const unitHint = t(`bureau.unit.${rule.unit}`);
  return (
    <form
      className="ledger-form-inline bureau-threshold-form"
      data-testid="threshold-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormField name="warn" label={t('bureau.rule.warnLabel', { unit: unitHint })} value={warn} onChange={setWarn} localError={local} />
      <FormField name="fail" label={t('bureau.rule.failLabel', { unit: unitHint })} value={fail} onChange={setFail} />
      {rule.windowChoices.length > 0 && (
        <FormField
          name="windowMonths"
          label={t('bureau.rule.windowLabel')}
          value={window}
          onChange={setWindow}
          options={rule.windowChoices.map((months) => ({ value: String(months), label: t('bureau.rule.window', { count: months }) }))}
        />
      )}
      <button type="submit" className="button button-primary" data-testid="threshold-save">
        {t('bureau.rule.save')}
      </button>
      {rule.edited && (
        <button type="button" className="button" data-testid="threshold-reset" onClick={() => void save(null)}>
          {t('bureau.rule.reset')}
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('bureau.rule.cancel')}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** How debt-to-income counts a card, and whether that share is sourced or Credence's own (core/rules/debt-to-income.ts). */
function DebtShare({ conventions }: { conventions: BureauReport['conventions'] }) {
  const { t } = useI18n();
  const d = conventions.debtToIncome;
  const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
  return (
    <p data-testid="dti-share" data-share={d.revolvingShareOfUsed} data-sourced={d.sourced} data-edited={d.edited}>
      {t('bureau.rule.dtiShare', { share: pct(d.revolvingShareOfUsed) })}{' '}
      <span className="muted">
        {d.edited ? t('bureau.rule.dtiEdited', { share: pct(d.defaultShare) }) : d.sourced ? d.source : t('bureau.rule.dtiOwn')} <a href={hrefFor('settings')}>{t('nav.settings')}</a>
      </span>
    </p>
  );
}

function RuleRow({ rule, profileId, asOf, conventions, onSaved }: { rule: RuleView; profileId: string; asOf: string; conventions: BureauReport['conventions']; onSaved: (report: BureauReport) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const label = rule.label[locale];
  return (
    <li className="bureau-rule" data-testid="lender-rule" data-rule-id={rule.ruleId} data-status={rule.status}>
      <div className="bureau-rule-head">
        <span className={`bureau-status bureau-status-${rule.status}`} data-testid="rule-status">
          {t(STATUS_LABEL_KEYS[rule.status])}
        </span>
        {rule.statusIfUnknownReported && (
          <span className={`bureau-status bureau-status-${rule.statusIfUnknownReported}`} data-testid="rule-status-if-unknown">
            {t('bureau.rule.ifUnknown', { status: t(STATUS_LABEL_KEYS[rule.statusIfUnknownReported]) })}
          </span>
        )}
        <strong>{label}</strong>
        <FigureValue figure={rule.figure} label={label} testId="rule-value" />
      </div>
      <p className="muted">{rule.explanation[locale]}</p>
      <p>
        <Threshold rule={rule} />{' '}
        {!editing && (
          <button type="button" className="link-button" data-testid="threshold-edit" onClick={() => setEditing(true)}>
            {t('bureau.rule.edit')}
          </button>
        )}
      </p>
      {editing && <ThresholdForm rule={rule} profileId={profileId} asOf={asOf} onSaved={onSaved} onClose={() => setEditing(false)} />}
      {rule.safeToApply?.basis === 'queries' && (
        <p data-testid="safe-to-apply" data-warn={rule.safeToApply.warn ?? ''} data-fail={rule.safeToApply.fail ?? ''}>
          {rule.safeToApply.warn === asOf
            ? t('bureau.rule.safeNow')
            : rule.safeToApply.warn
              ? t('bureau.rule.safeFrom', { date: rule.safeToApply.warn })
              : t('bureau.rule.safeNever')}
          {rule.safeToApply.fail && rule.safeToApply.fail !== rule.safeToApply.warn && (
            <span className="muted"> {t('bureau.rule.safeFail', { date: rule.safeToApply.fail })}</span>
          )}
        </p>
      )}
      {rule.safeToApply && rule.safeToApply.basis !== 'queries' && rule.status === 'fail' && (
        <p data-testid="safe-to-apply" data-warn={rule.safeToApply.warn ?? ''} data-fail={rule.safeToApply.fail ?? ''}>
          {rule.safeToApply.fail ? t('bureau.rule.clearFrom', { date: rule.safeToApply.fail }) : t('bureau.rule.clearNever')}
          {rule.safeToApply.action && <span> {t('bureau.rule.needs', { action: rule.safeToApply.action[locale] })}</span>}
        </p>
      )}
      {rule.ruleId === 'debt_to_income' && <DebtShare conventions={conventions} />}
      {rule.alternatives && <p className="muted">{t('bureau.rule.alternatives', { text: rule.alternatives[locale] })}</p>}
      <details className="bureau-sources">
        <summary>{t('bureau.rule.sources', { count: rule.sources.length })}</summary>
        <ul className="plain-list">
          {rule.sources.map((source) => (
            <li key={source}>
              <code>{source}</code>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function IncomeForm({ report, profileId, asOf, onSaved }: { report: BureauReport; profileId: string; asOf: string; onSaved: (report: BureauReport) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(yuanText(report.monthlyIncomeFen));
  const [local, setLocal] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <form
      className="ledger-form-inline"
      data-testid="income-form"
      onSubmit={(event) => {
        event.preventDefault();
        const fen = parseYuan(text);
        if (fen === undefined) {
          setLocal(t('bureau.income.notAnAmount'));
          return;
        }
        setLocal(null);
        invoke('bureau.income.save', { profileId, monthlyIncomeFen: fen, asOf }).then(onSaved, (failure) => setError(asIpcError(failure)));
      }}
    >
      <FormField
        name="monthlyIncome"
        label={t('bureau.income.label')}
        value={text}
        onChange={setText}
        localError={local}
        hint={report.monthlyIncomeFen === null ? t('bureau.income.none') : t('bureau.income.current', { amount: money(report.monthlyIncomeFen, '') })}
      />
      <button type="submit" className="button" data-testid="income-save">
        {t('bureau.income.save')}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** The lender view: the rule table of docs/domain/lender-heuristics.md evaluated on this report, each threshold editable, and the profile's hard-query reasons. */
export function LenderPanel({ report, profileId, onSaved }: { report: BureauReport; profileId: string; onSaved: (report: BureauReport) => void }) {
  const { t } = useI18n();
  return (
    <section className="panel bureau-section" data-testid="lender-view" aria-labelledby="lender-view-title">
      <h2 id="lender-view-title">{t('bureau.lender.title')}</h2>
      <p className="muted">{t('bureau.lender.intro', { version: report.versions.rules })}</p>
      <ul className="plain-list bureau-rules">
        {report.lenderView.map((rule) => (
          <RuleRow key={rule.ruleId} rule={rule} profileId={profileId} asOf={report.asOf} conventions={report.conventions} onSaved={onSaved} />
        ))}
      </ul>
      <HardReasonsEditor
        key={`${report.hardQueryReasons.edited}:${report.hardQueryReasons.codes.join(',')}`}
        report={report}
        profileId={profileId}
        onSaved={onSaved}
      />
      <IncomeForm key={report.monthlyIncomeFen ?? 'none'} report={report} profileId={profileId} asOf={report.asOf} onSaved={onSaved} />
    </section>
  );
}
