import { accountHref } from '../accounts/useLedger.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BureauTable, FigureCells } from './BureauTable.tsx';
import { keyFigureLabel } from './key-figures.ts';
import { STATUS_LABEL_KEYS } from './LenderPanel.tsx';
import type { BureauReport, HuabeiSwitch } from './useBureau.ts';
import { identifier } from '../presentation/format.ts';

function Switch({ item }: { item: HuabeiSwitch }) {
  const { t, locale } = useI18n();
  return (
    <div className="bureau-subsection" data-testid="huabei-switch" data-account-id={item.accountId} data-hypothetical={item.hypothetical}>
      <h3>
        <a href={accountHref(item.accountId)}>{identifier(item.name)}</a>
      </h3>
      <p>
        {item.hypothetical
          ? t('bureau.huabei.hypothetical', { month: item.fromMonth, reporting: t(`ledger.reports.${item.reporting}`) })
          : t('bureau.huabei.reporting', { month: item.fromMonth, on: item.monthsOnReport, before: item.monthsBefore })}
      </p>
      {item.changes.length === 0 ? (
        <p className="muted">{t('bureau.huabei.noChange')}</p>
      ) : (
        <BureauTable
          columns={[
            { label: t('bureau.layouts.figure') },
            { label: t('bureau.huabei.without'), num: true },
            { label: t('bureau.huabei.with'), num: true },
          ]}
        >
          <tbody>
            {item.changes.map((change) => {
              const label = keyFigureLabel(t, change.key);
              return (
                <tr key={change.key} data-testid="huabei-change" data-key={change.key} data-before={String(change.before.value)} data-after={String(change.after.value)}>
                  <th scope="row">{label}</th>
                  <FigureCells
                    cells={[
                      { figure: change.before, label: `${label} · ${t('bureau.huabei.without')}`, testId: 'huabei-before' },
                      { figure: change.after, label: `${label} · ${t('bureau.huabei.with')}`, testId: 'huabei-after' },
                    ]}
                  />
                </tr>
              );
            })}
            {item.rules.map((rule) => (
              <tr key={rule.ruleId} className="bureau-row-differs" data-testid="huabei-rule" data-rule-id={rule.ruleId}>
                <th scope="row">{rule.label[locale]}</th>
                <td className="num">{t(STATUS_LABEL_KEYS[rule.before])}</td>
                <td className="num">{t(STATUS_LABEL_KEYS[rule.after])}</td>
              </tr>
            ))}
          </tbody>
        </BureauTable>
      )}
    </div>
  );
}

/** The 2020 Huabei service upgrade: what changes on the report once Huabei reports. */
export function HuabeiPanel({ report }: { report: BureauReport }) {
  const { t } = useI18n();
  if (report.huabei.length === 0) return null;
  return (
    <section className="panel bureau-section" data-testid="bureau-huabei" aria-labelledby="bureau-huabei-title">
      <h2 id="bureau-huabei-title">{t('bureau.huabei.title')}</h2>
      <p className="muted">{t('bureau.huabei.intro')}</p>
      {report.huabei.map((item) => (
        <Switch key={item.accountId} item={item} />
      ))}
    </section>
  );
}
