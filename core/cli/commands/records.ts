// One command pattern for every kind of manual record (core/ledger/manual-records.ts): `credence
// <kind> list|add|edit|delete`, each over the kind's three channels, its fields read off the
// kind's schema. `credence query` and `credence observe` are two uses of it.

import type { Channel } from '../../ipc/contract.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { idArg, noMoreArgs } from '../args.ts';
import { withContract, type ContractCall } from '../contract-call.ts';
import type { FieldSet } from '../fields.ts';
import { parseFields } from '../fields.ts';
import { printJson, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

export interface RecordKind<R extends { id: number }> {
  command: string;
  summary: LocalizedText;
  /** What one record is called (`query record`); in English an `s` makes the plural. */
  noun: LocalizedText;
  /** Add takes these (with its required fields); edit the same, none required. */
  fields: { add: FieldSet; edit: FieldSet };
  channels: { list: Channel; save: Channel; remove: Channel };
  /** The channels' replies as they are (what --json prints) and the records in them. */
  list(call: ContractCall, profileId: string): Promise<{ reply: unknown; records: R[] }>;
  save(call: ContractCall, profileId: string, id: number | null, input: Record<string, unknown>): Promise<{ reply: unknown; record: R }>;
  remove(call: ContractCall, profileId: string, id: number): Promise<unknown>;
  line(ctx: CliContext, record: R): string;
  /** `{line}` and `{id}` are filled in. */
  said: { added: LocalizedText; changed: LocalizedText; none: LocalizedText; deleted: LocalizedText };
}

function fill(text: LocalizedText, ctx: CliContext, values: Record<string, string | number>): string {
  return text[ctx.locale].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
}

export function recordCommand<R extends { id: number }>(kind: RecordKind<R>): Command {
  const positionals = kind.fields.add.positional.map((name) => {
    const field = kind.fields.add.fields.find((f) => f.name === name)!;
    const word = field.key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    return field.required ? word : `[${word}]`;
  });

  const list = (ctx: CliContext) => {
    noMoreArgs(ctx, 0);
    return withContract(ctx, `${kind.command} list`, async ({ call, profileId }) => {
      const { reply, records } = await kind.list(call, profileId);
      if (ctx.json) printJson(ctx, reply);
      else if (records.length === 0) ctx.io.out(kind.said.none[ctx.locale]);
      else for (const record of records) ctx.io.out(kind.line(ctx, record));
      return 0;
    });
  };

  const saved = (ctx: CliContext, { reply, record }: { reply: unknown; record: R }, said: LocalizedText) => {
    if (ctx.json) printJson(ctx, reply);
    else ctx.io.out(fill(said, ctx, { line: kind.line(ctx, record), id: record.id }));
    return 0;
  };

  const add = (ctx: CliContext) => {
    const input = parseFields(kind.fields.add, ctx.args);
    return withContract(ctx, `${kind.command} add`, async ({ call, profileId }) => saved(ctx, await kind.save(call, profileId, null, input), kind.said.added));
  };

  const edit = (ctx: CliContext) => {
    const id = idArg(ctx, 0, 'ID');
    const given = parseFields(kind.fields.edit, ctx.args.slice(1));
    if (Object.keys(given).length === 0) throw new CredenceError('cli.usage', { reason: `${kind.command} edit needs at least one field=value` });
    return withContract(ctx, `${kind.command} edit`, async ({ call, profileId }) => {
      // A record is saved whole: the fields not given keep their value. Only the schema's fields
      // are sent back (a query's `hard` is worked out, not entered).
      const current = (await kind.list(call, profileId)).records.find((r) => r.id === id);
      const before = current ? Object.fromEntries(kind.fields.edit.fields.map((f) => [f.name, (current as Record<string, unknown>)[f.name]])) : {};
      return saved(ctx, await kind.save(call, profileId, id, { ...before, ...given }), kind.said.changed);
    });
  };

  const remove = (ctx: CliContext) => {
    const id = idArg(ctx, 0, 'ID');
    noMoreArgs(ctx, 1);
    return withContract(ctx, `${kind.command} delete`, async ({ call, profileId }) => {
      const reply = await kind.remove(call, profileId, id);
      if (ctx.json) printJson(ctx, reply);
      else ctx.io.out(fill(kind.said.deleted, ctx, { id }));
      return 0;
    });
  };

  return {
    name: kind.command,
    summary: kind.summary,
    default: 'list',
    subcommands: {
      list: { args: '', summary: { 'zh-CN': `全部${kind.noun['zh-CN']}`, en: `the ${kind.noun.en}s` }, channels: [kind.channels.list], run: list },
      add: {
        args: `${positionals.join(' ')} [field=value…]`,
        summary: { 'zh-CN': `添加一条${kind.noun['zh-CN']}`, en: `add a ${kind.noun.en}` },
        channels: [kind.channels.save],
        fields: kind.fields.add,
        run: add,
      },
      edit: {
        args: 'ID field=value…',
        summary: { 'zh-CN': `修改一条${kind.noun['zh-CN']}；未给出的字段保持不变`, en: `change a ${kind.noun.en}; fields not given stay as they are` },
        channels: [kind.channels.list, kind.channels.save],
        fields: kind.fields.edit,
        run: edit,
      },
      delete: { args: 'ID', summary: { 'zh-CN': `删除一条${kind.noun['zh-CN']}`, en: `delete a ${kind.noun.en}` }, channels: [kind.channels.remove], run: remove },
    },
  };
}
