import type { Locale } from '../../../core/shared/localized-text.ts';
import { formatDay, today } from '../../../core/shared/calendar.ts';
import { parsePrintHash, printLanguages } from '../../../core/shared/plan-print-route.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { translate, type MessageKey, type Params } from '../i18n/translate.ts';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { hrefFor, useHash } from '../router.ts';
import type { Comparison, ScenarioResult, ScoreAt } from '../whatif/types.ts';
import { Checklist } from './Checklist.tsx';
import { planFen, planFigure } from './format.ts';
import { bandLabel, identifier, personName, prose, scoreValue } from '../presentation/format.ts';
import { PrintButton } from './PrintButton.tsx';
import { usePresentation } from '../presentation/PresentationProvider.tsx';
import { PresentationSwitch } from '../presentation/PresentationSwitch.tsx';
import type { PrintData } from './usePrintData.ts';
import { usePrintData } from './usePrintData.ts';
import './print.css';

type Model = keyof Comparison['models'];
const MODELS: readonly Model[] = ['bureau', 'sesame'];

/** A term in Chinese in either language's plan: the words the client meets on the report and in the market. */
const chineseTerm = (key: 'print.term.reference' | 'print.term.notRepair' | 'print.term.summary') => translate('zh-CN', key);

/** A score, its range's ends and its band: hidden only when the adviser hides scores too (presentation/format.ts). */
function scoreParts(s: ScoreAt, locale: Locale) {
  const round = (n: number | null) => scoreValue(Math.round(n ?? s.score!));
  return { score: round(s.score), low: round(s.low), high: round(s.high), band: bandLabel(s.band!.label[locale]) };
}

function scoreText(s: ScoreAt, locale: Locale): string {
  if (s.score === null || s.band === null) return translate(locale, 'print.scores.unscorable');
  return translate(locale, 'print.scores.value', scoreParts(s, locale));
}

function shortScore(s: ScoreAt, locale: Locale): string {
  if (s.score === null || s.band === null) return '—';
  const { score, low, high, band } = scoreParts(s, locale);
  return `${score} (${low}–${high}) ${band}`;
}

interface DocProps {
  data: PrintData;
  locale: Locale;
  client: string;
}

function Scores({ data, locale }: Omit<DocProps, 'client'>) {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const { comparison } = data;
  const now = comparison.baseline.months[0]!;
  return (
    <section className="print-section" data-testid="print-scores">
      <h2>{t('print.scores.title')}</h2>
      <p className="print-muted">{t('print.figuresAsOf', { asOf: comparison.asOf })}</p>
      <div className="print-scores">
        {MODELS.map((model) => (
          <div key={model} className="print-score" data-testid={`print-score-${model}`}>
            <h3>
              {t(`print.scores.${model}`)} <span className="print-muted">· {comparison.models[model].name[locale]} · {t('print.scores.scale', comparison.models[model].scale)}</span>
            </h3>
            <p className="print-score-value">{scoreText(now[model], locale)}</p>
            <p>{t(model === 'bureau' ? 'print.scores.bureauIs' : 'print.scores.sesameIs')}</p>
            <p>{t(model === 'bureau' ? 'print.scores.bureauIsNot' : 'print.scores.sesameIsNot')}</p>
          </div>
        ))}
      </div>
    </section>
  );
}

function Summary({ data, locale }: Omit<DocProps, 'client'>) {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const now = data.comparison.baseline.months[0]!;
  return (
    <section className="print-section" data-testid="print-summary">
      <h2>{t('print.summary.title', { term: chineseTerm('print.term.summary') })}</h2>
      <table className="print-table print-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('print.summary.figure')}</th>
            <th scope="col">{t('print.summary.value')}</th>
          </tr>
        </thead>
        <tbody>
          {data.comparison.figures.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label[locale]}</th>
              <td className="print-num">{planFigure(f.unit, now.figures[f.key]?.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Each step's own effect the engine can name: the cash it needs (core/whatif/projection.ts cash items). */
function cashByStep(plan: ScenarioResult, locale: Locale): Map<number, string> {
  const sums = new Map<number, number>();
  for (const c of plan.cash) sums.set(c.actionIndex, (sums.get(c.actionIndex) ?? 0) + c.amountFen);
  return new Map([...sums].filter(([, fen]) => fen > 0).map(([index, fen]) => [index, translate(locale, 'print.steps.cash', { amount: planFen(fen) })]));
}

/** Months where the plan moves either score from the baseline's, with the first and the month it is read at. */
function effectMonths(plan: ScenarioResult, baseline: ScenarioResult): number[] {
  const moved = plan.months.map((_, k) => k).filter((k) => MODELS.some((model) => plan.months[k]![model].score !== baseline.months[k]?.[model].score));
  return [...new Set([0, ...moved, plan.focus])].sort((a, b) => a - b);
}

function Effect({ plan, baseline, locale }: { plan: ScenarioResult; baseline: ScenarioResult; locale: Locale }) {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const months = effectMonths(plan, baseline);
  const moved = months.filter((k) => k !== 0 && MODELS.some((m) => plan.months[k]![m].score !== baseline.months[k]?.[m].score));
  // Why, in the month the bureau-style score moves most.
  const widest = moved.reduce<number | null>((best, k) => {
    const gap = (i: number) => Math.abs((plan.months[i]!.bureau.score ?? 0) - (baseline.months[i]?.bureau.score ?? 0));
    return best === null || gap(k) > gap(best) ? k : best;
  }, null);
  return (
    <div data-testid="print-effect">
      <h3>{t('print.effect.title')}</h3>
      {moved.length === 0 ? (
        <p>{t('print.effect.none', { month: plan.months[plan.focus]!.month })}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('print.effect.month')}</th>
              {MODELS.map((m) => (
                <th scope="col" key={m}>
                  {t('print.effect.model', { model: t(`print.scores.${m}`) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((k) => (
              <tr key={k}>
                <th scope="row">{plan.months[k]!.month}</th>
                {MODELS.map((m) => (
                  <td key={m}>{t('print.effect.change', { before: shortScore(baseline.months[k]![m], locale), after: shortScore(plan.months[k]![m], locale) })}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {widest !== null && plan.months[widest]!.deltas.length > 0 && (
        <>
          <p>{t('print.effect.why', { month: plan.months[widest]!.month })}</p>
          <ul className="print-list">
            {plan.months[widest]!.deltas.slice(0, 6).map((d) => (
              <li key={`${d.model}-${d.key}`}>{prose(d.text[locale])}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function SideBySide({ data, locale }: Omit<DocProps, 'client'>) {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const { comparison } = data;
  const plan = comparison.scenarios[0]!;
  const columns = [comparison.baseline, ...comparison.scenarios];
  const k = plan.focus;
  const month = (s: ScenarioResult) => s.months[k] ?? s.months.at(-1)!;
  const title = (s: ScenarioResult, i: number) => (i === 0 ? t('print.compare.baseline') : i === 1 ? t('print.compare.plan', { name: identifier(s.name) }) : identifier(s.name));
  return (
    <section className="print-section" data-testid="print-compare">
      <h2>{t('print.compare.title', { month: month(plan).month })}</h2>
      {data.othersLeftOut && <p className="print-muted">{t('print.compare.failed')}</p>}
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('print.compare.metric')}</th>
            {columns.map((s, i) => (
              <th scope="col" key={i}>
                {title(s, i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MODELS.map((m) => (
            <tr key={m}>
              <th scope="row">{t(`print.scores.${m}`)}</th>
              {columns.map((s, i) => (
                <td key={i}>{shortScore(month(s)[m], locale)}</td>
              ))}
            </tr>
          ))}
          {comparison.figures.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label[locale]}</th>
              {columns.map((s, i) => (
                <td key={i} className="print-num">
                  {planFigure(f.unit, month(s).figures[f.key]?.value)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('print.compare.verdict')}</th>
            {columns.map((s, i) => (
              <td key={i}>{t(`print.verdict.${month(s).verdict}`)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('print.compare.safe')}</th>
            {columns.map((s, i) => (
              <td key={i}>{s.safeToApply.on ?? '—'}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('print.compare.cash')}</th>
            {columns.map((s, i) => (
              <td key={i} className="print-num">
                {planFen(s.cashTotalFen)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h3>{t('print.safe.title')}</h3>
      <p>{t('print.safe.body')}</p>
      <ul className="print-list" data-testid="print-safe">
        {columns.map((s, i) => (
          <li key={i}>{t('print.safe.item', { name: title(s, i), text: prose(s.safeToApply.text[locale]) })}</li>
        ))}
      </ul>
    </section>
  );
}

function PlanDocument({ data, locale, client }: DocProps) {
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const { plan, comparison } = data;
  const planResult = comparison.scenarios[0]!;
  return (
    <article className="print-doc" lang={locale} data-testid={`print-doc-${locale}`}>
      <header className="print-head">
        <h1>{t('print.docTitle')}</h1>
        <dl className="print-facts">
          <div>
            <dt>{t('print.client')}</dt>
            <dd data-testid="print-client">{client}</dd>
          </div>
          <div>
            <dt>{t('print.generated')}</dt>
            <dd>{t('print.generatedOn', { date: formatDay(today()) })}</dd>
          </div>
          <div>
            <dt>{t('print.planName')}</dt>
            <dd>{identifier(plan.name)}</dd>
          </div>
          <div>
            <dt>{t('print.startsOn')}</dt>
            <dd>{plan.startsOn}</dd>
          </div>
        </dl>
      </header>
      <Scores data={data} locale={locale} />
      <Summary data={data} locale={locale} />
      <section className="print-section" data-testid="print-steps">
        <h2>{t('print.steps.title')}</h2>
        {plan.items.length === 0 ? <p>{t('print.steps.none')}</p> : <Checklist items={plan.items} locale={locale} effects={cashByStep(planResult, locale)} showRule={false} />}
        <Effect plan={planResult} baseline={comparison.baseline} locale={locale} />
      </section>
      <SideBySide data={data} locale={locale} />
      <section className="print-section" data-testid="print-assumptions">
        <h2>{t('print.assumptions.title')}</h2>
        <ul className="print-list">
          {planResult.assumptions.map((a, i) => (
            <li key={i}>{prose(a[locale])}</li>
          ))}
        </ul>
      </section>
      <section className="print-section print-sources" data-testid="print-sources">
        <h2>{t('print.sources.title')}</h2>
        <p className="print-disclaimer">{t('print.disclaimer.reference', { term: chineseTerm('print.term.reference') })}</p>
        <p className="print-disclaimer">{t('print.disclaimer.notRepair', { term: chineseTerm('print.term.notRepair') })}</p>
        <p>{t('print.disclaimer.local')}</p>
        <ul className="print-list">
          <li>{t('print.sources.models')}</li>
          <li>{t('print.sources.regulation')}</li>
          <li>{t('print.sources.ledger', { asOf: plan.asOf })}</li>
        </ul>
      </section>
    </article>
  );
}

/**
 * The printable plan (#/plan/print): A4, no app chrome, in one language or both (one after the
 * other, each from a new page). The same view prints in the desktop app (printToPDF), in a
 * browser (its own print) and from the CLI (core/cli/plan-pdf.ts); `data-print-state` tells a
 * printer when it is ready. `locked`: the app lock is on (the app's window); nothing of the profile shows. `toolbar`: back
 * and print buttons, in the app's window (a printer that opened the view straight needs none).
 */
export function PrintPlan({ locked: appLocked, toolbar }: { locked: boolean; toolbar: boolean }) {
  const { t } = useI18n();
  const params = parsePrintHash(useHash());
  // Drawn again when presentation mode flips: the formatters read the mask in force.
  usePresentation();
  const { profiles, selected } = useProfiles();
  const profile = profiles?.find((p) => p.id === params.profileId) ?? selected;
  const locked = appLocked || profile?.encryption?.locked === true;
  const load = usePrintData(locked ? null : (profile?.id ?? null), params.asOf);
  const back = (
    <a className="button" href={hrefFor('plan')}>
      {t('print.back')}
    </a>
  );
  if (profiles !== null && !profile) return <p data-print-state="failed">{t('plan.none.title')}</p>;
  if (locked) return <p data-print-state="failed">{back}</p>;
  if (load.state === 'loading') return <p className="muted">{t('print.loading')}</p>;
  if (load.state === 'none') {
    return (
      <div className="print-toolbar" data-print-state="failed">
        <p>{t('plan.none.body')}</p>
        {back}
      </div>
    );
  }
  if (load.state === 'failed') {
    return (
      <div className="print-toolbar" data-print-state="failed">
        <p>{t('print.failed')}</p>
        <ErrorMessage error={load.error} />
        {back}
      </div>
    );
  }
  return (
    <div className="print-root" data-print-state="ready">
      {toolbar && (
        <div className="print-toolbar">
          {back}
          <PresentationSwitch />
          <PrintButton profileId={profile!.id} lang={params.lang} />
        </div>
      )}
      {printLanguages(params.lang).map((locale) => (
        <PlanDocument key={locale} data={load.data} locale={locale} client={personName(profile!.name)} />
      ))}
    </div>
  );
}
