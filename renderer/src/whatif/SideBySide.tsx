import { memo, useId, type ReactNode } from 'react';
import { formatFen, prose } from '../presentation/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { figureText, scoreText } from './format.ts';
import type { Comparison, MonthResult, RuleStatus, ScenarioResult } from './types.ts';

const STATUS_KEYS: Record<RuleStatus, MessageKey> = { pass: 'bureau.status.pass', warn: 'bureau.status.warn', fail: 'bureau.status.fail', unknown: 'bureau.status.unknown' };

function Row({ label, row, cells }: { label: string; row: string; cells: { value: string; text: ReactNode; status?: RuleStatus }[] }) {
  return (
    <tr data-testid="sbs-row" data-row={row}>
      <th scope="row">{label}</th>
      {cells.map((c, k) => (
        <td key={k} className={c.status ? `whatif-status whatif-status-${c.status}` : undefined} data-testid="sbs-cell" data-row={row} data-scenario={k} data-value={c.value}>
          {c.text}
        </td>
      ))}
    </tr>
  );
}

function Group({ label, span }: { label: string; span: number }) {
  return (
    <tr className="whatif-group">
      <th scope="rowgroup" colSpan={span}>
        {label}
      </th>
    </tr>
  );
}

/** The figures and verdicts of every scenario in one month, side by side. */
function Table({ comparison, series, names, month }: { comparison: Comparison; series: readonly ScenarioResult[]; names: readonly string[]; month: number }) {
  const { t, locale } = useI18n();
  const at = (s: ScenarioResult): MonthResult => s.months[month]!;
  const first = at(comparison.baseline);
  const span = series.length + 1;
  return (
    <div className="table-scroll">
      <table className="ledger-table whatif-table" data-testid="side-by-side" data-month={first.month}>
        <caption>{t('whatif.sbs.caption', { month: first.month, asOf: first.asOf })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('whatif.sbs.item')}</th>
            {names.map((name, k) => (
              <th key={k} scope="col" data-testid="sbs-head" data-scenario={k}>
                <span className={`whatif-swatch whatif-swatch-s${k}`} aria-hidden="true" /> {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Group label={t('whatif.sbs.scores')} span={span} />
          {(['bureau', 'sesame'] as const).map((model) => (
            <Row key={model} label={comparison.models[model].name[locale]} row={`score.${model}`} cells={series.map((s) => ({ value: String(at(s)[model].score ?? ''), text: scoreText(at(s)[model], t, locale) }))} />
          ))}
          <Group label={t('whatif.sbs.figures')} span={span} />
          {comparison.figures.map((f) => (
            <Row
              key={f.key}
              label={f.label[locale]}
              row={`figure.${f.key}`}
              cells={series.map((s) => {
                const v = at(s).figures[f.key];
                return {
                  value: String(v?.value ?? ''),
                  text: (
                    <>
                      {figureText(f.unit, v?.value)}
                      {v?.ifUnknownReported !== undefined && <span className="whatif-note">{t('whatif.sbs.ifUnknown', { value: figureText(f.unit, v.ifUnknownReported) })}</span>}
                      {v?.range && <span className="whatif-note">{t('whatif.sbs.range', { low: figureText(f.unit, v.range[0]), high: figureText(f.unit, v.range[1]) })}</span>}
                    </>
                  ),
                };
              })}
            />
          ))}
          <Group label={t('whatif.sbs.lender')} span={span} />
          <Row label={t('whatif.sbs.verdict')} row="verdict" cells={series.map((s) => ({ value: at(s).verdict, status: at(s).verdict, text: t(STATUS_KEYS[at(s).verdict]) }))} />
          {comparison.rules.map((rule) => (
            <Row
              key={rule.ruleId}
              label={rule.label[locale]}
              row={`rule.${rule.ruleId}`}
              cells={series.map((s) => {
                const r = at(s).rules.find((x) => x.ruleId === rule.ruleId);
                const warn = r?.safeToApply?.warn;
                return {
                  value: r?.status ?? '',
                  status: r?.status,
                  text: (
                    <>
                      {r ? t(STATUS_KEYS[r.status]) : '—'}
                      {r && r.status !== 'pass' && warn && warn !== at(s).asOf && (
                        <span className="whatif-note" data-testid="rule-safe" data-date={warn}>
                          {t('whatif.sbs.safeRule', { date: warn })}
                        </span>
                      )}
                    </>
                  ),
                };
              })}
            />
          ))}
          <Row label={t('whatif.sbs.safe')} row="safe" cells={series.map((s) => ({ value: s.safeToApply.on ?? '', text: prose(s.safeToApply.text[locale]) }))} />
          <Row label={t('whatif.sbs.cash')} row="cash" cells={series.map((s) => ({ value: String(s.cashTotalFen), text: formatFen(s.cashTotalFen) }))} />
        </tbody>
      </table>
    </div>
  );
}

function Deltas({ s, k, name, month, baselineMonth }: { s: ScenarioResult; k: number; name: string; month: number; baselineMonth: string }) {
  const { t, locale } = useI18n();
  const deltas = s.months[month]!.deltas;
  return (
    <div className="whatif-deltas" data-testid="deltas" data-scenario={k}>
      <h4>
        <span className={`whatif-swatch whatif-swatch-s${k}`} aria-hidden="true" /> {name}
        <span className="muted"> · {k === 0 ? t('whatif.deltas.baselineAgainst', { month: baselineMonth }) : t('whatif.deltas.against')}</span>
      </h4>
      {deltas.length === 0 ? (
        <p className="muted">{t('whatif.deltas.none')}</p>
      ) : (
        <ul className="plain-list">
          {deltas.map((d) => (
            <li key={`${d.model}:${d.key}`} className={d.points > 0 ? 'whatif-up' : 'whatif-down'} data-testid="delta" data-model={d.model} data-key={d.key} data-points={d.points}>
              <span className="whatif-delta-model">{d.model === 'bureau' ? 'B' : 'S'}</span> {prose(d.text[locale])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The side-by-side view: a month picked, the table, why each score moved, the cash, and what every result takes as given. */
export const SideBySide = memo(function SideBySide({ comparison, names, month, onMonth }: { comparison: Comparison; names: readonly string[]; month: number; onMonth: (month: number) => void }) {
  const { t, locale } = useI18n();
  const monthId = useId();
  const series = [comparison.baseline, ...comparison.scenarios];
  const selected = comparison.baseline.months[month]!;
  const given = new Set(comparison.baseline.assumptions.map((a) => a['zh-CN']));
  return (
    <section className="panel whatif-sbs" aria-labelledby="whatif-sbs-title" data-testid="side-by-side-view">
      <div className="page-header-row">
        <h2 id="whatif-sbs-title">{t('whatif.sbs.title')}</h2>
        <label className="field-inline" htmlFor={monthId}>
          {t('whatif.sbs.month')}
          <select id={monthId} data-testid="sbs-month" value={month} onChange={(event) => onMonth(Number(event.currentTarget.value))}>
            {comparison.baseline.months.map((m, i) => (
              <option key={m.month} value={i}>
                {t('whatif.sbs.monthOption', { month: m.month, asOf: m.asOf })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Table comparison={comparison} series={series} names={names} month={month} />
      <h3>{t('whatif.deltas.title', { month: selected.month })}</h3>
      <div className="whatif-columns">
        {series.map((s, k) => (
          <Deltas key={k} s={s} k={k} name={names[k]!} month={month} baselineMonth={comparison.baseline.months[0]!.month} />
        ))}
      </div>
      <h3>{t('whatif.cash.title')}</h3>
      <div className="whatif-columns">
        {comparison.scenarios.map((s, i) => (
          <div key={i} data-testid="cash" data-scenario={i + 1}>
            <h4>
              <span className={`whatif-swatch whatif-swatch-s${i + 1}`} aria-hidden="true" /> {names[i + 1]} · {formatFen(s.cashTotalFen)}
            </h4>
            {s.cash.length === 0 ? (
              <p className="muted">{t('whatif.cash.none')}</p>
            ) : (
              <ul className="plain-list">
                {s.cash.map((c, j) => (
                  <li key={j} data-testid="cash-item" data-amount={c.amountFen}>
                    {prose(c.text[locale])}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <div className="whatif-assumptions" data-testid="assumptions">
        <h3>{t('whatif.assumptions.title')}</h3>
        <p className="muted">{t('whatif.assumptions.intro')}</p>
        <ul>
          {comparison.baseline.assumptions.map((a, i) => (
            <li key={i} data-testid="assumption">
              {prose(a[locale])}
            </li>
          ))}
        </ul>
        {comparison.scenarios.map((s, i) => {
          const extra = s.assumptions.filter((a) => !given.has(a['zh-CN']));
          return (
            <div key={i}>
              {extra.length > 0 && (
                <>
                  <p>{t('whatif.assumptions.extra', { name: names[i + 1]! })}</p>
                  <ul>
                    {extra.map((a, j) => (
                      <li key={j} data-testid="assumption-extra" data-scenario={i + 1}>
                        {prose(a[locale])}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {s.notes.length > 0 && (
                <>
                  <p>{t('whatif.notes.title', { name: names[i + 1]! })}</p>
                  <ul>
                    {s.notes.map((n, j) => (
                      <li key={j} data-testid="note" data-scenario={i + 1}>
                        {prose(n[locale])}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
});
