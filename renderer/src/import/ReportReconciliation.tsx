import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatSignedCount } from './format.ts';
import { formatCount, formatFen } from '../../../core/shared/money.ts';
import { checkFieldName, isFenField } from './labels.ts';
import type { ImportReport } from './useImportRun.ts';

type Check = ImportReport['reconciled']['checks'][number];

function CheckRow({ check }: { check: Check }) {
  const { t } = useI18n();
  const money = isFenField(check.field);
  const value = (n: number) => (money ? formatFen(n) : formatCount(n));
  return (
    <tr data-field={check.field}>
      <th scope="row">{checkFieldName(t, check.field)}</th>
      <td className="num">{value(check.stated)}</td>
      <td className="num">{value(check.actual)}</td>
      <td className="num report-difference">{money ? formatFen(check.difference, { signed: true }) : formatSignedCount(check.difference)}</td>
    </tr>
  );
}

/** The file's own stated totals against what was read: agrees, differs (and by how much), or none stated. */
export function ReportReconciliation({ reconciled }: { reconciled: ImportReport['reconciled'] }) {
  const { t } = useI18n();
  const state = reconciled.agrees === null ? 'none' : reconciled.agrees ? 'agrees' : 'differs';
  const differing = reconciled.checks.filter((check) => check.difference !== 0);
  return (
    <section className="report-section" data-testid="report-reconciled" data-state={state}>
      <h4>{t('report.reconciled')}</h4>
      {state === 'none' && <p className="muted">{t('report.reconciledNone')}</p>}
      {state === 'agrees' && <p className="success-text">{t('report.reconciledAgrees', { count: reconciled.checks.length })}</p>}
      {state === 'differs' && (
        <>
          <p className="problem-text">{t('report.reconciledDiffers')}</p>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.colItem')}</th>
                <th scope="col" className="num">
                  {t('report.colStated')}
                </th>
                <th scope="col" className="num">
                  {t('report.colActual')}
                </th>
                <th scope="col" className="num">
                  {t('report.colDifference')}
                </th>
              </tr>
            </thead>
            <tbody>
              {differing.map((check) => (
                <CheckRow key={check.field} check={check} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
