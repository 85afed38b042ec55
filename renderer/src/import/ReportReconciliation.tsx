import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatSignedCount } from './format.ts';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen, identifier } from '../presentation/format.ts';
import { checkFieldName, isFenField, statedTotalName } from './labels.ts';
import type { ImportReport } from './useImportRun.ts';

type Check = ImportReport['reconciled']['checks'][number];
type Difference = ImportReport['reconciled']['differences'][number];

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

/** One differing total: the rows that account for it (file and line, what each adds), or why the rows cannot tell. */
function DifferenceItem({ difference, file }: { difference: Difference; file: string }) {
  const { t } = useI18n();
  const shift = [
    difference.rowsDifference === null ? null : formatSignedCount(difference.rowsDifference),
    difference.fenDifference === null ? null : formatFen(difference.fenDifference, { signed: true }),
  ].filter((part) => part !== null);
  const missing = difference.total === 'count' && (difference.rowsDifference ?? 0) < 0;
  return (
    <li data-testid="report-difference" data-total={difference.total} data-explained={difference.explained}>
      <strong>{statedTotalName(t, difference.total)}</strong> <span className="report-difference">{shift.join(' · ')}</span>
      {missing && <p className="muted">{t('report.diff.missing', { rows: formatCount(-(difference.rowsDifference ?? 0)) })}</p>}
      {!missing && !difference.explained && <p className="muted">{difference.rows.length > 0 ? t('report.diff.partly') : t('report.diff.unexplained')}</p>}
      {difference.rows.length > 0 && (
        <ul className="report-difference-rows">
          {difference.rows.map((row) => (
            <li key={`${row.line}-${row.why}`} data-testid="report-difference-row" data-line={row.line} data-why={row.why}>
              {t(`report.diff.${row.why}`, {
                file: identifier(file),
                line: formatCount(row.line),
                amount: formatFen(row.fen),
                countedIn: row.countedIn === null ? '' : statedTotalName(t, row.countedIn),
              })}
            </li>
          ))}
          {difference.rowsOmitted > 0 && <li className="muted">{t('report.diff.omitted', { count: formatCount(difference.rowsOmitted) })}</li>}
        </ul>
      )}
    </li>
  );
}

/** The file's own stated totals against what was read: agrees, differs (by how much, and which rows), or none stated. */
export function ReportReconciliation({ reconciled, file }: { reconciled: ImportReport['reconciled']; file: string }) {
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
          <h5>{t('report.diff.title')}</h5>
          <ul className="report-differences">
            {reconciled.differences.map((difference) => (
              <DifferenceItem key={difference.total} difference={difference} file={file} />
            ))}
          </ul>
        </>
      )}
      {reconciled.rule && state !== 'none' && <p className="muted">{t('report.diff.rule', { rule: reconciled.rule.id, version: reconciled.rule.version })}</p>}
    </section>
  );
}
