import { useId, useState, type FormEvent } from 'react';
import type { Request } from '../../../core/ipc/contract.ts';
import type { LocalizedText } from '../../../core/shared/localized-text.ts';
import { formatFen, prose } from '../presentation/format.ts';
import { MAX_SCENARIOS } from '../../../core/shared/whatif-actions.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { actionLine } from './format.ts';
import type { Comparison, Model, TargetResult } from './types.ts';
import type { WhatIf } from './useWhatIf.ts';

type Goal = Request<'whatif.target'>['goal'];
type GoalKind = Goal['kind'];
const GOAL_KINDS: readonly GoalKind[] = ['score', 'band', 'lender'];
const MODELS: readonly Model[] = ['bureau', 'sesame'];

/** The goal the form describes; a score that does not read goes as typed, for core to refuse. */
function goalOf(kind: GoalKind, model: Model, score: string, band: string): Goal {
  if (kind === 'lender') return { kind, pass: true };
  if (kind === 'band') return { kind, model, band };
  return { kind, model, score: /^\d{1,4}$/.test(score.trim()) ? Number(score.trim()) : (score as unknown as number) };
}

/** The planner's explanation: its goal and answer first, then (after the steps, which carry their own lines) how it searched. */
function Lines({ lines }: { lines: readonly LocalizedText[] }) {
  const { locale } = useI18n();
  return (
    <ul className="plain-list">
      {lines.map((line, i) => (
        <li key={i} data-testid="planner-explanation">
          {prose(line[locale])}
        </li>
      ))}
    </ul>
  );
}

/**
 * The target planner (whatif.target, the engine's own search): a goal by a date → the fewest
 * actions that reach it, their cash and the earliest day, or why not by then; the plan opens as a
 * scenario beside the others.
 */
export function PlannerPanel({ profileId, comparison, whatIf, onOpen }: { profileId: string; comparison: Comparison; whatIf: WhatIf; onOpen: (key: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<GoalKind>('score');
  const [model, setModel] = useState<Model>('bureau');
  const [score, setScore] = useState('');
  const [band, setBand] = useState(comparison.models.bureau.bands[0]?.id ?? '');
  const [by, setBy] = useState('');
  const [result, setResult] = useState<TargetResult | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const bands = comparison.models[model].bands;
  const accounts = comparison.baseline.accounts.map((a) => ({ id: a.id, name: `${a.name}（#${a.id}）` }));

  const plan = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setResult(await invoke('whatif.target', { profileId, asOf: whatIf.asOf, goal: goalOf(kind, model, score, band), by }));
      setError(null);
    } catch (failure) {
      setError(asIpcError(failure));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel whatif-planner" aria-labelledby={`${id}-title`} data-testid="planner">
      <h2 id={`${id}-title`}>{t('whatif.planner.title')}</h2>
      <p className="muted">{t('whatif.planner.intro')}</p>
      <form className="whatif-fields" onSubmit={(event) => void plan(event)} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-kind`}>{t('whatif.planner.goal')}</label>
          <select id={`${id}-kind`} data-testid="planner-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as GoalKind)}>
            {GOAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`whatif.planner.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind !== 'lender' && (
          <div className="form-field">
            <label htmlFor={`${id}-model`}>{t('whatif.planner.model')}</label>
            <select
              id={`${id}-model`}
              data-testid="planner-model"
              value={model}
              onChange={(event) => {
                const next = event.currentTarget.value as Model;
                setModel(next);
                setBand(comparison.models[next].bands[0]?.id ?? '');
              }}
            >
              {MODELS.map((m) => (
                <option key={m} value={m}>
                  {comparison.models[m].name[locale]}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'score' && (
          <div className="form-field">
            <label htmlFor={`${id}-score`}>{t('whatif.planner.score', { low: comparison.models[model].scale.low, high: comparison.models[model].scale.high })}</label>
            <input id={`${id}-score`} className="input" inputMode="numeric" data-testid="planner-score" value={score} onChange={(event) => setScore(event.currentTarget.value)} />
          </div>
        )}
        {kind === 'band' && (
          <div className="form-field">
            <label htmlFor={`${id}-band`}>{t('whatif.planner.band')}</label>
            <select id={`${id}-band`} data-testid="planner-band" value={band} onChange={(event) => setBand(event.currentTarget.value)}>
              {bands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label[locale]}（≥{b.lower}）
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="form-field">
          <label htmlFor={`${id}-by`}>{t('whatif.planner.by')}</label>
          <input id={`${id}-by`} className="input" type="date" data-testid="planner-by" value={by} onChange={(event) => setBy(event.currentTarget.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="planner-submit">
            {t('whatif.planner.submit')}
          </button>
        </div>
      </form>
      {error && <ErrorMessage error={error} testId="planner-error" />}
      {result && (
        <div className="whatif-plan" data-testid="planner-result" data-reached={result.reached} data-earliest={result.earliest ?? ''} data-cash={result.cashFen} data-reachable-on={result.reachableOn ?? ''}>
          <p className={result.reached ? 'success-text' : 'problem-text'}>{result.reached ? t('whatif.planner.reached', { by: result.by }) : t('whatif.planner.notReached', { by: result.by })}</p>
          <Lines lines={result.explanation.slice(0, 2)} />
          {result.steps.length > 0 && (
            <>
              <h3>{t('whatif.planner.steps')}</h3>
              <ol className="whatif-plan-steps">
                {result.steps.map((step, i) => (
                  <li key={i} data-testid="planner-step" data-type={step.action.type}>
                    <span className="whatif-plan-why">{prose(step.why[locale])}</span>
                    <span className="muted">{actionLine(step.action, accounts, t, locale)}</span>
                  </li>
                ))}
              </ol>
              <p data-testid="planner-summary">
                {t('whatif.planner.cash', { cash: formatFen(result.cashFen) })}
                {result.earliest && <> · {t('whatif.planner.earliest', { date: result.earliest })}</>}
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="button"
                  data-testid="planner-open"
                  disabled={!whatIf.canAdd}
                  onClick={() => {
                    const key = whatIf.addDraft(t('whatif.planner.scenarioName', { by: result.by }), result.steps.map((s) => s.action));
                    if (key) onOpen(key);
                  }}
                >
                  {t('whatif.planner.open')}
                </button>
                {!whatIf.canAdd && <span className="muted">{t('whatif.scenario.full', { max: MAX_SCENARIOS })}</span>}
              </div>
            </>
          )}
          <Lines lines={result.explanation.slice(2 + result.steps.length)} />
          {result.scenario && (
            <details className="whatif-assumptions">
              <summary>{t('whatif.assumptions.title')}</summary>
              <ul>
                {result.scenario.assumptions.map((a, i) => (
                  <li key={i} data-testid="planner-assumption">
                    {prose(a[locale])}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
