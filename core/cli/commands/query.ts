import { CredenceError } from '../../shared/errors.ts';
import { namedArgs, ledgerDb, wholeNumber } from '../args.ts';
import { deleteQuery, listQueries, QUERY_REASONS, saveQuery, type QueryRecord } from '../../ledger/queries.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

const FIELDS = ['date', 'institution', 'reason', 'type', 'note'] as const;

function line(ctx: CliContext, q: QueryRecord): string {
  const reason = QUERY_REASONS.find((r) => r.code === q.reasonCode)?.name[ctx.locale] ?? q.reasonCode;
  const hard = q.hard ? (ctx.locale === 'zh-CN' ? '（硬查询）' : ' (hard)') : '';
  return `#${q.id} ${q.queriedOn} ${q.institution}${q.institutionType ? ` [${q.institutionType}]` : ''} ${q.reasonCode} ${reason}${hard}${q.note ? ` — ${q.note}` : ''}`;
}

function add(ctx: CliContext): number {
  const args = namedArgs(ctx, FIELDS, { on: 'date', code: 'reason', 'institution-type': 'type' });
  const db = ledgerDb(ctx, 'query add');
  try {
    const query = saveQuery(db, null, {
      queriedOn: args.date,
      institution: args.institution,
      reasonCode: args.reason,
      institutionType: args.type ?? null,
      note: args.note ?? null,
    }, 'cli');
    if (ctx.json) printJson(ctx, { query });
    else say(ctx, { 'zh-CN': `已记录查询：${line(ctx, query)}`, en: `Recorded query: ${line(ctx, query)}` });
    return 0;
  } finally {
    db.close();
  }
}

function list(ctx: CliContext): number {
  const db = ledgerDb(ctx, 'query list');
  try {
    const queries = listQueries(db);
    if (ctx.json) printJson(ctx, { queries });
    else if (queries.length === 0) say(ctx, { 'zh-CN': '没有查询记录。', en: 'No query records.' });
    else for (const q of queries) ctx.io.out(line(ctx, q));
    return 0;
  } finally {
    db.close();
  }
}

function remove(ctx: CliContext): number {
  const id = wholeNumber(ctx.args[0]);
  if (typeof id !== 'number') throw new CredenceError('cli.usage', { reason: 'query delete ID' });
  const db = ledgerDb(ctx, 'query delete');
  try {
    deleteQuery(db, id, 'cli');
    if (ctx.json) printJson(ctx, { deleted: id });
    else say(ctx, { 'zh-CN': `已删除查询记录 #${id}。`, en: `Deleted query record #${id}.` });
    return 0;
  } finally {
    db.close();
  }
}

export const queryCommand: Command = {
  name: 'query',
  summary: { 'zh-CN': '记录征信查询（日期、机构、查询原因代码）', en: 'record credit-report queries (date, institution, reason code)' },
  usage: [
    'credence query add DATE INSTITUTION REASON [INSTITUTION_TYPE] --db DB [--json]',
    'credence query add --date 2026-03-02 --institution 招商银行 --reason 03 [--type 11] [--note …] --db DB',
    'credence query list --db DB [--json]',
    'credence query delete ID --db DB',
  ],
  subcommands: { add, list, delete: remove },
};
