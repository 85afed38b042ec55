import { SCORE_RANGES } from '../../../core/shared/reference-data.ts';
import { OBSERVATION_KINDS } from '../../../core/shared/ledger-vocabulary.ts';
import { parseWhole } from '../../../core/shared/money.ts';
import { invoke } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ManualRecordPanel, type ManualRecordKind, type RecordField } from './ManualRecordPanel.tsx';
import type { Response } from '../../../core/ipc/contract.ts';

type Observation = Response<'ledger.observations.list'>['observations'][number];
const EMPTY = { kind: 'sesame', label: '', value: '', observedOn: '', note: '' };

/** Scores the user saw in an app (Sesame, WeChat Pay Score, …): recorded, never estimated here. */
export function ObservationsPanel({ profileId }: { profileId: string }) {
  const { t, locale } = useI18n();
  const kind: ManualRecordKind<Observation, typeof EMPTY> = {
    testId: 'observations',
    rowTestId: 'observation-row',
    addTestId: 'observation-add',
    title: t('ledger.observations.title'),
    why: t('ledger.observations.why'),
    none: t('ledger.observations.none'),
    addLabel: t('ledger.observations.add'),
    list: async () => (await invoke('ledger.observations.list', { profileId })).observations,
    save: (form) =>
      invoke('ledger.observation.save', {
        profileId,
        observationId: null,
        input: { kind: form.kind, label: form.kind === 'other' ? form.label || null : null, value: parseWhole(form.value) ?? form.value, observedOn: form.observedOn, note: form.note || null },
      }),
    remove: (observationId) => invoke('ledger.observation.delete', { profileId, observationId }),
    empty: EMPTY,
    fields: (form) => {
      const range = form.kind === 'other' ? null : SCORE_RANGES[form.kind as 'sesame'];
      const fields: RecordField<typeof EMPTY>[] = [
        { name: 'kind', label: t('ledger.observations.kind'), options: OBSERVATION_KINDS.map((k) => ({ value: k, label: SCORE_RANGES[k].name[locale] })) },
        { name: 'value', label: t('ledger.observations.value'), hint: range ? t('ledger.observations.range', { min: range.min, max: range.max }) : undefined },
        { name: 'observedOn', label: t('ledger.observations.date'), type: 'date' },
        { name: 'note', label: t('ledger.field.note') },
      ];
      if (form.kind === 'other') fields.splice(1, 0, { name: 'label', label: t('ledger.observations.label') });
      return fields;
    },
    cells: (o) => [o.observedOn, <strong>{o.kind === 'other' ? o.label : SCORE_RANGES[o.kind].name[locale]}</strong>, o.value, o.note ?? ''],
  };
  return <ManualRecordPanel kind={kind} reloadKey={profileId} />;
}
