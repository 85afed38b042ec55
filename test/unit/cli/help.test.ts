// `--help` of every command shows its fields as the schema behind its channel declares them, in
// zh-CN and English; a bad value is refused naming the field; the README carries the command list
// and the channel↔command table as the command table makes them.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelTable, CLI_ONLY } from '../../../core/cli/channel-table.ts';
import { commands } from '../../../core/cli/commands/index.ts';
import { commandWords } from '../../../core/cli/commands/command.ts';
import { cliReference, CLI_REFERENCE_END, CLI_REFERENCE_START } from '../../../core/cli/help.ts';
import { accountFieldSchemas, monthFactSchema } from '../../../core/ledger/validation.ts';
import { PRODUCTS } from '../../../core/shared/ledger-vocabulary.ts';
import { tempDir } from '../../helpers/temp.ts';
import { runCli } from '../consent/helpers.ts';

describe('credence --help', () => {
  it('lists every command and subcommand, and what every command works on', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { code, stdout } = await runCli(['--help', '--lang', lang]);
      expect(code).toBe(0);
      for (const command of commands) {
        for (const name of Object.keys(command.subcommands)) {
          // The subcommand run without one is shown as optional: `credence accounts [list]`.
          const shown = command.default === name && name !== '' ? `credence ${command.name} [${name}]` : commandWords(command, name);
          expect(stdout, `${command.name} ${name}`).toContain(shown);
        }
      }
    }
    expect((await runCli(['--help'])).stdout).toContain('每个命令都作用于一个档案');
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('Every command works on one profile');
  });

  it('shows a subcommand’s fields from the schema that validates them: every field, its choices, its unit', async () => {
    const zh = (await runCli(['accounts', 'add', '--help'])).stdout;
    const en = (await runCli(['accounts', 'add', '--help', '--lang', 'en'])).stdout;
    // Every field of the account schema, amounts and rates under their typed names (limitFen → limit).
    const keys = Object.keys(accountFieldSchemas).map((name) => name.replace(/(Fen|Bp)$/, ''));
    for (const key of keys) {
      expect(zh, key).toMatch(new RegExp(`^  ${key}=`, 'm'));
      expect(en, key).toMatch(new RegExp(`^  ${key}=`, 'm'));
    }
    expect(en).toContain(`  product=${PRODUCTS.join('|')}`);
    expect(en).toMatch(/ {6}product; required/);
    expect(zh).toMatch(/ {6}产品；必填/);
    expect(en).toContain('  limit=yuan');
    expect(en).toContain('or limitFen= in fen');
    expect(en).toContain('  statementDay=integer 1–31');
    expect(zh).toContain('  statementDay=整数 1–31');
    expect(en).toContain('  openedOn=YYYY-MM-DD');
    expect(en).toContain('Through the app’s own channels: ledger.account.create');
    // Editing takes the same fields, none of them required.
    expect((await runCli(['accounts', 'edit', '--help', '--lang', 'en'])).stdout).not.toContain('required');
  });

  it('derives the fields: a field added to the schema appears in the help', async () => {
    const { fieldSet, fieldHelpLines } = await import('../../../core/cli/fields.ts');
    const wider = monthFactSchema.extend({ interestFen: z.number().int().min(0).nullable().optional() });
    const lines = fieldHelpLines(fieldSet(wider, { ...Object.fromEntries(Object.keys(monthFactSchema.shape).map((k) => [k, { 'zh-CN': k, en: k }])), interestFen: { 'zh-CN': '利息', en: 'interest' } }), 'en');
    expect(lines).toContain('  interest=yuan');
  });

  it('gives every subcommand a help of its own that names its channels, in both languages', async () => {
    for (const command of commands) {
      for (const [name, sub] of Object.entries(command.subcommands)) {
        const words = commandWords(command, name).split(' ').slice(1);
        for (const lang of ['zh-CN', 'en']) {
          const { code, stdout } = await runCli([...words, '--help', '--lang', lang]);
          expect(code, words.join(' ')).toBe(0);
          expect(stdout, words.join(' ')).toContain(sub.summary[lang as 'en']);
          for (const channel of sub.channels) expect(stdout, words.join(' ')).toContain(channel);
          for (const field of sub.fields?.fields ?? []) expect(stdout, `${words.join(' ')} ${field.key}`).toContain(`  ${field.key}=`);
        }
      }
    }
  });

  it('runs as the real bin', () => {
    const run = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../../bin/credence.mjs'), 'month', 'set', '--help', '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('credence month set ACCOUNT YYYY-MM field=value… (--db FILE | --profile NAME) [--json]');
    expect(run.stdout).toContain('  amountDue=yuan');
    expect(run.stdout).toContain(`  status=${(monthFactSchema.shape.status.unwrap().unwrap() as z.ZodEnum).options.join('|')}`);
  });
});

describe('bad input', () => {
  async function profile() {
    const file = join(tempDir(), 'p.sqlite');
    expect((await runCli(['profile', 'create', '输入', '--db', file])).code).toBe(0);
    return file;
  }

  it('is refused naming the field, in the language asked for, and nothing is written', async () => {
    const db = await profile();
    const zh = await runCli(['accounts', 'add', 'credit_card', 'bank=招商银行', 'statementDay=40', '--db', db]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('  statementDay: 账单日须为 1 到 31 之间的整数');
    const en = await runCli(['accounts', 'add', 'credit_card', 'bank=招商银行', 'statementDay=40', 'limit=abc', '--db', db, '--lang', 'en']);
    expect(en.stderr).toContain('  statementDay: Statement day must be a whole number from 1 to 31');
    // An amount that is not one goes on as typed, and the validator names it by the key it was typed under.
    expect(en.stderr).toContain('  limit: Limit must be an amount of 0 or more (at most 2 decimals)');
    expect(JSON.parse((await runCli(['accounts', '--db', db, '--json'])).stdout).accounts).toEqual([]);

    const json = await runCli(['query', 'add', '2026-02-30', '某银行', '03', '--db', db, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'ledger.invalid_input', details: { fields: [{ field: 'queriedOn' }] } });
  });

  it('names a rule across fields by the field it is about', async () => {
    const db = await profile();
    const card = JSON.parse((await runCli(['accounts', 'add', 'credit_card', 'bank=招商银行', 'cardLast4=8888', '--db', db, '--json'])).stdout).account.id as number;
    const bad = await runCli(['month', 'set', String(card), '2026-05', 'amountDue=100', 'minimumDue=200', '--db', db, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('  minimumDue: The minimum due cannot exceed the amount due');
    const rule = await runCli(['settings', 'rule', 'debt_to_income', 'warn=abc', '--db', db, '--lang', 'en']);
    expect(rule.stderr).toContain('  warn: The warning level must be a number of 0 or more, or blank');
  });

  it('that is not a field at all is a usage error (exit 2) naming it and the fields there are', async () => {
    const db = await profile();
    const unknown = await runCli(['month', 'set', '1', '2026-05', 'paid=100', '--db', db, '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown field "paid" (fields: balance, amountDue, minimumDue, amountPaid, status, note)');
    expect((await runCli(['accounts', 'show', 'abc', '--db', db, '--lang', 'en'])).stderr).toContain('ACCOUNT must be an id (a whole number), not "abc"');
    expect((await runCli(['accounts', 'edit', '1', 'limit=1', 'limit=2', '--db', db])).code).toBe(2);
    expect((await runCli(['accounts', 'frobnicate', '--db', db])).code).toBe(2);
    expect((await runCli(['accounts', 'delete', '1', '--db', db])).code).toBe(2); // no --yes
  });
});

describe('the README', () => {
  it('lists every command and carries the channel↔command table, as `npm run docs:cli` writes them', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(CLI_REFERENCE_START) + CLI_REFERENCE_START.length, readme.indexOf(CLI_REFERENCE_END)).trim();
    expect(block, 'README.md is out of date: run npm run docs:cli').toBe(cliReference(commands, channelTable(commands), CLI_ONLY, 'en'));
  });
});
