import { PRODUCT_KEYS } from '../accounts/labels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AccountCard } from './AccountsSection.tsx';
import { BureauTable, FigureCells } from './BureauTable.tsx';
import { keyFigureLabel } from './key-figures.ts';
import { STATUS_LABEL_KEYS } from './LenderPanel.tsx';
import type { BureauReport, LayoutComparison } from './useBureau.ts';

function Comparison({ comparison, rules }: { comparison: LayoutComparison; rules: BureauReport['lenderView'] }) {
  const { t, locale } = useI18n();
  const sides = [comparison.perDraw, comparison.merged] as const;
  // The figures either layout has something for; those that differ are marked.
  const rows = comparison.perDraw.figures
    .map((f, i) => ({ key: f.key, perDraw: f.figure, merged: comparison.merged.figures[i].figure }))
    .filter((row) => row.perDraw.value || row.merged.value);
  const ruleRows = comparison.perDraw.rules
    .map((r, i) => ({ ruleId: r.ruleId, perDraw: r.status, merged: comparison.merged.rules[i].status }))
    .filter((r) => r.perDraw !== r.merged);
  return (
    <section className="bureau-subsection" data-testid="layout-comparison" data-line-id={comparison.lineId}>
      <h3>
        {comparison.lineName} <span className="muted">{t(PRODUCT_KEYS[comparison.product])}</span>
      </h3>
      <p>{t('bureau.layouts.lineIntro', { count: comparison.draws, chosen: t(`ledger.layout.${comparison.chosen}`) })}</p>
      <BureauTable
        columns={[
          { label: t('bureau.layouts.figure') },
          ...sides.map((side) => ({
            num: true,
            label: (
              <>
                {t(`ledger.layout.${side.layout}`)}
                {side.layout === comparison.chosen && <span className="badge">{t('bureau.layouts.chosen')}</span>}
              </>
            ),
          })),
        ]}
      >
        <tbody>
          {rows.map((row) => {
            const label = keyFigureLabel(t, row.key);
            return (
              <tr key={row.key} data-testid="layout-figure" data-key={row.key} className={row.perDraw.value !== row.merged.value ? 'bureau-row-differs' : undefined}>
                <th scope="row">{label}</th>
                <FigureCells
                  cells={[
                    { figure: row.perDraw, label: `${label} · ${t('ledger.layout.per_draw')}`, testId: 'layout-per-draw' },
                    { figure: row.merged, label: `${label} · ${t('ledger.layout.merged_monthly')}`, testId: 'layout-merged' },
                  ]}
                />
              </tr>
            );
          })}
          {ruleRows.map((row) => (
            <tr key={row.ruleId} className="bureau-row-differs">
              <th scope="row">{rules.find((r) => r.ruleId === row.ruleId)?.label[locale] ?? row.ruleId}</th>
              <td className="num">
                <span className={`bureau-status bureau-status-${row.perDraw}`}>{t(STATUS_LABEL_KEYS[row.perDraw])}</span>
              </td>
              <td className="num">
                <span className={`bureau-status bureau-status-${row.merged}`}>{t(STATUS_LABEL_KEYS[row.merged])}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </BureauTable>
      <div className="bureau-side-by-side">
        {sides.map((side) => (
          <div key={side.layout} className="bureau-side" data-testid="layout-side" data-layout={side.layout}>
            <h4>{t('bureau.layouts.sideTitle', { layout: t(`ledger.layout.${side.layout}`), count: side.accounts.length })}</h4>
            {side.accounts.map((account) => (
              <AccountCard key={account.id} account={account} compact />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Report note 10: every line with draws, per draw and merged, side by side. */
export function LayoutsSection({ report }: { report: BureauReport }) {
  const { t } = useI18n();
  if (report.layouts.length === 0) return null;
  return (
    <section className="panel bureau-section" data-testid="bureau-layouts" aria-labelledby="bureau-layouts-title">
      <h2 id="bureau-layouts-title">{t('bureau.layouts.title')}</h2>
      <p className="muted">{t('bureau.layouts.intro')}</p>
      {report.layouts.map((comparison) => (
        <Comparison key={comparison.lineId} comparison={comparison} rules={report.lenderView} />
      ))}
    </section>
  );
}
