// `credence observe …`: platform scores the user saw in an app, one kind of manual record.

import type { Response } from '../../ipc/contract.ts';
import { observationSchema, SCORE_RANGES } from '../../ledger/observations.ts';
import { OBSERVATION_HELP } from '../field-help.ts';
import { fieldSet } from '../fields.ts';
import type { CliContext } from '../io.ts';
import { recordCommand } from './records.ts';

type Observation = Response<'ledger.observations.list'>['observations'][number];

const OPTIONS = { positional: ['kind', 'value', 'observedOn', 'label'], aliases: { date: 'observedOn', score: 'value' } };

function line(ctx: CliContext, o: Observation): string {
  const name = o.kind === 'other' ? (o.label ?? '') : SCORE_RANGES[o.kind].name[ctx.locale];
  return `#${o.id} ${o.observedOn} ${name} ${o.value}${o.note ? ` — ${o.note}` : ''}`;
}

export const observeCommand = recordCommand<Observation>({
  command: 'observe',
  summary: { 'zh-CN': '记录在应用里看到的平台评分（芝麻分、微信支付分等）', en: 'record platform scores seen in an app (Sesame, WeChat Pay Score, …)' },
  noun: { 'zh-CN': '评分记录', en: 'observed score' },
  fields: { add: fieldSet(observationSchema, OBSERVATION_HELP, OPTIONS), edit: fieldSet(observationSchema, OBSERVATION_HELP, { ...OPTIONS, positional: [], required: [] }) },
  channels: { list: 'ledger.observations.list', save: 'ledger.observation.save', remove: 'ledger.observation.delete' },
  list: async (call, profileId) => {
    const reply = await call('ledger.observations.list', { profileId });
    return { reply, records: reply.observations };
  },
  save: async (call, profileId, observationId, input) => {
    const reply = await call('ledger.observation.save', { profileId, observationId, input });
    return { reply, record: reply.observation };
  },
  remove: (call, profileId, observationId) => call('ledger.observation.delete', { profileId, observationId }),
  line,
  said: {
    added: { 'zh-CN': '已记录评分：{line}', en: 'Recorded score: {line}' },
    changed: { 'zh-CN': '已修改评分：{line}', en: 'Changed score: {line}' },
    none: { 'zh-CN': '没有评分记录。', en: 'No score observations.' },
    deleted: { 'zh-CN': '已删除评分记录 #{id}。', en: 'Deleted score observation #{id}.' },
  },
});
