// `credence query …`: the credit-report query records of the Accounts page, one kind of manual record.

import type { Response } from '../../ipc/contract.ts';
import { querySchema, QUERY_REASONS } from '../../ledger/queries.ts';
import { QUERY_HELP } from '../field-help.ts';
import { fieldSet } from '../fields.ts';
import type { CliContext } from '../io.ts';
import { recordCommand } from './records.ts';

type QueryRecord = Response<'ledger.queries.list'>['queries'][number];

const OPTIONS = { positional: ['queriedOn', 'institution', 'reasonCode', 'institutionType'], aliases: { date: 'queriedOn', reason: 'reasonCode', type: 'institutionType' } };

function line(ctx: CliContext, q: QueryRecord): string {
  const reason = QUERY_REASONS.find((r) => r.code === q.reasonCode)?.name[ctx.locale] ?? q.reasonCode;
  const hard = q.hard ? (ctx.locale === 'zh-CN' ? '（硬查询）' : ' (hard)') : '';
  return `#${q.id} ${q.queriedOn} ${q.institution}${q.institutionType ? ` [${q.institutionType}]` : ''} ${q.reasonCode} ${reason}${hard}${q.note ? ` — ${q.note}` : ''}`;
}

export const queryCommand = recordCommand<QueryRecord>({
  command: 'query',
  summary: { 'zh-CN': '征信查询记录（日期、机构、查询原因代码；哪些算硬查询见 credence settings）', en: 'credit-report query records (date, institution, reason code; which are hard: credence settings)' },
  noun: { 'zh-CN': '查询记录', en: 'query record' },
  fields: { add: fieldSet(querySchema, QUERY_HELP, OPTIONS), edit: fieldSet(querySchema, QUERY_HELP, { ...OPTIONS, positional: [], required: [] }) },
  channels: { list: 'ledger.queries.list', save: 'ledger.query.save', remove: 'ledger.query.delete' },
  list: async (call, profileId) => {
    const reply = await call('ledger.queries.list', { profileId });
    return { reply, records: reply.queries };
  },
  save: async (call, profileId, queryId, input) => {
    const reply = await call('ledger.query.save', { profileId, queryId, input });
    return { reply, record: reply.query };
  },
  remove: (call, profileId, queryId) => call('ledger.query.delete', { profileId, queryId }),
  line,
  said: {
    added: { 'zh-CN': '已记录查询：{line}', en: 'Recorded query: {line}' },
    changed: { 'zh-CN': '已修改查询：{line}', en: 'Changed query: {line}' },
    none: { 'zh-CN': '没有查询记录。', en: 'No query records.' },
    deleted: { 'zh-CN': '已删除查询记录 #{id}。', en: 'Deleted query record #{id}.' },
  },
});
