import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import type { BureauReport } from './useBureau.ts';

const SIMULATED: MessageKey[] = [
  'bureau.note.sim.reporting',
  'bureau.note.sim.type',
  'bureau.note.sim.layout',
  'bureau.note.sim.codes',
  'bureau.note.sim.amounts',
  'bureau.note.sim.month',
  'bureau.note.sim.huabei',
  'bureau.note.sim.institutions',
  'bureau.note.sim.rules',
];

const REAL: MessageKey[] = ['bureau.note.real.structure', 'bureau.note.real.codes', 'bureau.note.real.counters', 'bureau.note.real.window', 'bureau.note.real.retention', 'bureau.note.real.merged'];

/** What of this page is the real report's definitions, what is estimated, and what is left out. */
export function ClosingNote({ report }: { report: BureauReport }) {
  const { t } = useI18n();
  return (
    <section className="panel bureau-section bureau-note" data-testid="bureau-note" aria-labelledby="bureau-note-title">
      <h2 id="bureau-note-title">{t('bureau.note.title')}</h2>
      <h3>{t('bureau.note.realTitle')}</h3>
      <ul>
        {REAL.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h3>{t('bureau.note.simTitle')}</h3>
      <ul>
        {SIMULATED.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h3>{t('bureau.note.missingTitle')}</h3>
      <p>{t('bureau.note.missing')}</p>
      <p className="muted">{t('bureau.note.versions', { bureau: report.versions.bureau, rules: report.versions.rules, defaults: report.versions.defaults })}</p>
    </section>
  );
}
