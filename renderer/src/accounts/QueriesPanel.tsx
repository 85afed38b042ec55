import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { INSTITUTION_TYPES } from '../../../core/shared/ledger-vocabulary.ts';
import { invoke } from '../api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { INSTITUTION_KEYS } from './labels.ts';
import { ManualRecordPanel, type ManualRecordKind } from './ManualRecordPanel.tsx';
import type { Response } from '../../../core/ipc/contract.ts';

type QueryRecord = Response<'ledger.queries.list'>['queries'][number];
const EMPTY = { queriedOn: '', institution: '', institutionType: '', reasonCode: '02', note: '' };

/** 查询记录: what the user reads off their report, with the reason code that makes a query hard. */
export function QueriesPanel({ profileId }: { profileId: string }) {
  const { t, locale } = useI18n();
  const kind: ManualRecordKind<QueryRecord, typeof EMPTY> = {
    testId: 'queries',
    rowTestId: 'query-row',
    addTestId: 'query-add',
    title: t('ledger.queries.title'),
    why: t('ledger.queries.why'),
    none: t('ledger.queries.none'),
    addLabel: t('ledger.queries.add'),
    list: async () => (await invoke('ledger.queries.list', { profileId })).queries,
    save: (form) =>
      invoke('ledger.query.save', {
        profileId,
        queryId: null,
        input: { queriedOn: form.queriedOn, institution: form.institution, reasonCode: form.reasonCode, institutionType: form.institutionType || null, note: form.note || null },
      }),
    remove: (queryId) => invoke('ledger.query.delete', { profileId, queryId }),
    empty: EMPTY,
    fields: () => [
      { name: 'queriedOn', label: t('ledger.queries.date'), type: 'date' },
      { name: 'institution', label: t('ledger.queries.institution') },
      {
        name: 'institutionType',
        label: t('ledger.field.institutionType'),
        options: [{ value: '', label: t('ledger.unknown') }, ...INSTITUTION_TYPES.map((code) => ({ value: code, label: `${code} ${t(INSTITUTION_KEYS[code])}` }))],
      },
      { name: 'reasonCode', label: t('ledger.queries.reason'), options: QUERY_REASONS.map((r) => ({ value: r.code, label: `${r.code === 'self' ? '' : `${r.code} `}${r.name[locale]}` })) },
      { name: 'note', label: t('ledger.field.note') },
    ],
    cells: (q) => [
      q.queriedOn,
      q.institution,
      `${q.reasonCode} ${QUERY_REASONS.find((r) => r.code === q.reasonCode)?.name[locale] ?? ''}`,
      q.hard ? <span className="badge badge-warning">{t('ledger.queries.hard')}</span> : <span className="muted">{t('ledger.queries.soft')}</span>,
    ],
  };
  return <ManualRecordPanel kind={kind} reloadKey={profileId} />;
}
