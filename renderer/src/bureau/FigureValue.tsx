import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatValue, useShowRecords, type FigureView } from './useBureau.ts';

/**
 * One number of the report, as a button that opens the records behind it. When accounts of
 * unknown reporting would change it, the number with them is shown too, labelled; when some
 * amounts are unknown, the number is a lower bound and says how many are missing.
 */
export function FigureValue({ figure, label, testId }: { figure: FigureView; label: string; testId?: string }) {
  const { t } = useI18n();
  const show = useShowRecords();
  // Nothing to count (no account of the type) is a dash; a value the data cannot tell is "unknown".
  const dash = figure.records.length === 0 && figure.missing === 0 ? '—' : t('ledger.none');
  const text = (value: number | null | undefined) => (value === null || value === undefined ? dash : formatValue(figure.unit, value));
  const lowerBound = figure.value !== null && figure.missing > 0 && (figure.unit === 'fen' || figure.unit === 'ratio');
  const hasOther = figure.ifUnknownReported !== undefined;
  return (
    <button
      type="button"
      className={`bureau-figure${hasOther ? ' bureau-figure-range' : ''}`}
      data-testid={testId}
      data-value={figure.value === null ? '' : String(figure.value)}
      data-if-unknown={hasOther ? String(figure.ifUnknownReported ?? '') : undefined}
      data-records={figure.records.length}
      onClick={() => show({ title: label, figure })}
    >
      {/* The name is the words on the button, with what it is and does around them (a name that hid them would not match what a speech user says). */}
      <span className="visually-hidden">{t('bureau.figure.name', { label })}</span>
      <span className="bureau-figure-value">{lowerBound ? t('bureau.figure.atLeast', { value: text(figure.value) }) : text(figure.value)}</span>
      {hasOther && <span className="bureau-figure-note">{t('bureau.figure.ifUnknown', { value: text(figure.ifUnknownReported) })}</span>}
      {figure.missing > 0 && <span className="bureau-figure-note">{t('bureau.figure.missing', { count: figure.missing })}</span>}
      <span className="visually-hidden">{t('bureau.figure.openHint')}</span>
    </button>
  );
}
