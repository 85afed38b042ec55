import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { parseWhole } from '../../../core/shared/money.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { ActionEditor } from './ActionEditor.tsx';
import { markRendered } from './answer-timing.ts';
import { PlannerPanel } from './PlannerPanel.tsx';
import { ScenarioCards } from './ScenarioCards.tsx';
import { ScoreChart } from './ScoreChart.tsx';
import { SideBySide } from './SideBySide.tsx';
import type { Comparison } from './types.ts';
import { useWhatIf } from './useWhatIf.ts';
import './whatif.css';
import { personName } from '../presentation/format.ts';

/** The month the table shows: the one picked, while the timeline has it; else the first scenario's (let time pass), else the last. */
function monthIndex(comparison: Comparison, picked: string | null): number {
  const months = comparison.baseline.months;
  const at = picked === null ? -1 : months.findIndex((m) => m.month === picked);
  if (at >= 0) return at;
  return Math.min(comparison.scenarios[0]?.focus ?? comparison.baseline.focus, months.length - 1);
}

/** What-if: scenarios of dated actions on a copy of the ledger, the baseline beside them, month by month. */
export function WhatIfPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const whatIf = useWhatIf(profile.id);
  const [selected, setSelected] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [monthsText, setMonthsText] = useState('');
  const draft = whatIf.drafts.find((d) => d.key === selected) ?? whatIf.drafts[0] ?? null;
  const { comparison } = whatIf;
  // Stable between answers, so that typing in a form redraws neither the charts nor the table (memo).
  const names = useMemo(() => (comparison ? [t('whatif.baseline.name'), ...comparison.scenarios.map((s) => s.name)] : []), [comparison, t]);
  const month = comparison ? monthIndex(comparison, picked) : 0;
  const pick = useCallback((i: number) => setPicked(comparison!.baseline.months[i]!.month), [comparison]);
  useLayoutEffect(() => {
    if (comparison) markRendered();
  }, [comparison]);
  return (
    <>
      <header className="page-header page-header-row whatif-header">
        <div>
          <p className="eyebrow">{personName(profile.name)}</p>
          <h1>{t('whatif.title')}</h1>
          <p className="lead">{t('whatif.lead')}</p>
        </div>
        <div className="whatif-options">
          <label className="field-inline">
            {t('whatif.asOf')}
            <input type="date" className="input" data-testid="whatif-as-of" value={whatIf.asOf} onChange={(event) => event.currentTarget.value && whatIf.setAsOf(event.currentTarget.value)} />
          </label>
          <label className="field-inline">
            {t('whatif.months')}
            <input
              className="input whatif-months"
              inputMode="numeric"
              data-testid="whatif-months"
              value={monthsText}
              placeholder={comparison ? String(comparison.months) : ''}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setMonthsText(text);
                const n = parseWhole(text);
                if (n === null) whatIf.setMonths(null);
                else if (n !== undefined && n > 0) whatIf.setMonths(n);
              }}
            />
          </label>
        </div>
      </header>
      <p className="muted whatif-state" role="status" data-testid="whatif-state" data-pending={whatIf.pending}>
        {whatIf.pending ? t('whatif.computing') : ''}
      </p>
      {whatIf.error && (
        <div className="panel whatif-failed" data-testid="whatif-error">
          <p>{t('whatif.failed')}</p>
          <ErrorMessage error={whatIf.error} />
        </div>
      )}
      <ScenarioCards whatIf={whatIf} selected={draft?.key ?? null} onSelect={setSelected} />
      <ActionEditor key={draft?.key ?? 'none'} draft={draft} whatIf={whatIf} />
      {!comparison && !whatIf.error && <p className="muted">{t('whatif.loading')}</p>}
      {comparison && (
        <div data-testid="whatif-result" data-as-of={comparison.asOf} data-months={comparison.months}>
          <section className="panel whatif-charts" aria-label={t('whatif.sbs.scores')}>
            <p className="muted">{t('whatif.chart.caption')}</p>
            <ScoreChart comparison={comparison} model="bureau" names={names} selected={month} onPick={pick} />
            <ScoreChart comparison={comparison} model="sesame" names={names} selected={month} onPick={pick} />
          </section>
          <SideBySide comparison={comparison} names={names} month={month} onMonth={pick} />
        </div>
      )}
      {comparison && <PlannerPanel profileId={profile.id} comparison={comparison} whatIf={whatIf} onOpen={setSelected} />}
    </>
  );
}
