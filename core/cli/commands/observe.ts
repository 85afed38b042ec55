import { CredenceError } from '../../shared/errors.ts';
import { asOfFrom } from '../../ledger/validation.ts';
import { namedArgs, ledgerDb, wholeNumber } from '../args.ts';
import { deleteObservation, listObservations, saveObservation, SCORE_RANGES, type Observation } from '../../ledger/observations.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

const FIELDS = ['kind', 'value', 'date', 'label', 'note'] as const;

function line(ctx: CliContext, o: Observation): string {
  const name = o.kind === 'other' ? (o.label ?? '') : SCORE_RANGES[o.kind].name[ctx.locale];
  return `#${o.id} ${o.observedOn} ${name} ${o.value}${o.note ? ` — ${o.note}` : ''}`;
}

function add(ctx: CliContext): number {
  const args = namedArgs(ctx, FIELDS, { score: 'value', on: 'date' });
  const db = ledgerDb(ctx, 'observe add');
  try {
    const observation = saveObservation(
      db,
      null,
      { kind: args.kind, value: wholeNumber(args.value), observedOn: args.date, label: args.label ?? null, note: args.note ?? null },
      { actor: 'cli', asOfDay: asOfFrom(ctx.options['as-of']) },
    );
    if (ctx.json) printJson(ctx, { observation });
    else say(ctx, { 'zh-CN': `已记录评分：${line(ctx, observation)}`, en: `Recorded score: ${line(ctx, observation)}` });
    return 0;
  } finally {
    db.close();
  }
}

function list(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'observe list');
  try {
    const observations = listObservations(db);
    if (ctx.json) printJson(ctx, { observations });
    else if (observations.length === 0) say(ctx, { 'zh-CN': '没有评分记录。', en: 'No score observations.' });
    else for (const o of observations) ctx.io.out(line(ctx, o));
    return 0;
  } finally {
    db.close();
  }
}

function remove(ctx: CliContext): number {
  const id = wholeNumber(ctx.args[0]);
  if (typeof id !== 'number') throw new CredenceError('cli.usage', { reason: 'observe delete ID' });
  const db = ledgerDb(ctx, 'observe delete');
  try {
    deleteObservation(db, id, 'cli');
    if (ctx.json) printJson(ctx, { deleted: id });
    else say(ctx, { 'zh-CN': `已删除评分记录 #${id}。`, en: `Deleted score observation #${id}.` });
    return 0;
  } finally {
    db.close();
  }
}

export const observeCommand: Command = {
  name: 'observe',
  summary: { 'zh-CN': '记录在应用里看到的平台评分（芝麻分、微信支付分等）', en: 'record platform scores seen in an app (Sesame, WeChat Pay Score, …)' },
  usage: [
    'credence observe add sesame|wechat_pay_score|other VALUE DATE [LABEL] --db DB [--json]',
    'credence observe add --kind sesame --value 712 --date 2026-05-06 [--label …] --db DB',
    'credence observe list --db DB [--json]',
    'credence observe delete ID --db DB',
  ],
  subcommands: { add, list, delete: remove },
};
