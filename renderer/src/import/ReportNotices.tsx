import type { LocalizedText } from '../../../core/shared/localized-text.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatCount } from '../../../core/shared/money.ts';
import { prose } from '../presentation/format.ts';

export interface Notice {
  message: LocalizedText;
}

/** Warnings or rejected rows: main caps each list, and says how many more it left out. */
export function ReportNotices({ title, notices, omitted, testId, tone }: { title: string; notices: Notice[]; omitted: number; testId: string; tone: 'warning' | 'danger' }) {
  const { t, locale } = useI18n();
  const count = notices.length + omitted;
  return (
    <section className="report-section" data-testid={testId} data-count={count}>
      <h4>
        {title} <span className="report-section-count">{formatCount(count)}</span>
      </h4>
      {count === 0 ? (
        <p className="muted">{t('report.none')}</p>
      ) : (
        <ul className={`notice-list notice-list-${tone}`}>
          {notices.map((notice, index) => (
            <li key={index}>
              {/* Main's message already names the line, as the CLI prints it. */}
              <span>{prose(notice.message[locale])}</span>
            </li>
          ))}
          {omitted > 0 && <li className="notice-more">{t('report.andMore', { count: formatCount(omitted) })}</li>}
        </ul>
      )}
    </section>
  );
}
