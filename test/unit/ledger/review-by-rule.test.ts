// Review by rule, not by row (issue 11 item 12): a year of exports (every public fixture and the
// project's synthetic year of Alipay app files, test/helpers/synthetic-alipay-year.ts) leaves a
// handful of questions, one per rule (and pattern); one decision answers a whole group, is undone
// to the exact prior state, and both are in the audit log. Counts are worked out from the files.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { listReviewGroups, resolveReviewGroup, undoReviewDecision } from '../../../core/ledger/review-by-rule.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { loadMigrations } from '../../../core/storage/migrations.ts';
import { BILLS_DIR, OWN_FIXTURES_DIR } from '../../helpers/fixtures.ts';
import { syntheticAlipayMonth, YEAR_MONTHS } from '../../helpers/synthetic-alipay-year.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk, tempDb, type TempDb } from '../importers/helpers.ts';

let t: TempDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const FIXTURES = readdirSync(BILLS_DIR).flatMap((dir) => readdirSync(join(BILLS_DIR, dir)).map((file) => join(BILLS_DIR, dir, file)));

async function importYear(db: Db) {
  const reports = [];
  for (const file of FIXTURES) reports.push(...(await importFile(db, file)));
  for (const month of YEAR_MONTHS) {
    const { name, text } = syntheticAlipayMonth(month);
    reports.push(...(await importBytes(db, name, encodeGbk(text))));
  }
  return reports;
}

/** Every row's credit state, to compare before a decision and after its undo. */
function creditState(db: Db) {
  return db.prepare('SELECT id, credit_event, credit_confidence, needs_review FROM transactions ORDER BY id').all();
}

function audit(db: Db) {
  return (db.prepare("SELECT action, subject, details_json FROM audit_log WHERE action LIKE 'review.%' ORDER BY id").all() as Array<{ action: string; subject: string; details_json: string }>).map(
    (row) => ({ action: row.action, subject: row.subject, details: JSON.parse(row.details_json) as Record<string, unknown> }),
  );
}

const WAITING = "SELECT count(*) FROM transactions WHERE needs_review = 1";

describe('a year of exports', () => {
  it('leaves four questions instead of 238, each month reconciling with its own totals', async () => {
    t = tempDb();
    const reports = await importYear(t.db);
    for (const report of reports.filter((r) => r.file.startsWith('alipay-synthetic-'))) expect(report.reconciled.agrees, report.file).toBe(true);
    // Per row, as the rules asked before (every Huabei purchase, every keyword match): the year's
    // 213 Huabei purchases + 2 Jiebei draws + 10 Jiebei repayments + 12 card repayments, and
    // jd-2025.csv l40 (微信-招商银行信用卡, no last four) = 238.
    const huabei = t.db.prepare("SELECT count(*) FROM transactions WHERE credit_event = 'huabei_purchase'").pluck().get() as number;
    const waiting = t.db.prepare(WAITING).pluck().get() as number;
    expect(huabei).toBe(213);
    expect(huabei + waiting).toBe(238);
    // Now: Huabei purchases ask nothing (收/付款方式 names 花呗); the 25 rows left are four questions.
    const { groups, total, decisions } = listReviewGroups(t.db);
    expect(total).toBe(25);
    expect(decisions).toEqual([]);
    expect(groups.map((g) => [g.key, g.count, g.rule.id])).toEqual([
      ['alipay:credit_card_repayment:招商银行', 12, 'alipay.credit_card_repayment'],
      ['alipay:jiebei_repayment', 10, 'alipay.jiebei_repayment'],
      ['alipay:jiebei_disbursement', 2, 'alipay.jiebei_disbursement'],
      ['jd:credit_card_purchase:微信-招商银行信用卡', 1, 'card.purchase_without_digits'],
    ]);
    // 12 repayments of 800.00 + 5.00 × month index (0..11): 9,600.00 + 5.00 × 66 = 9,930.00. The
    // first is 2025-12's, the month's 5th row newest first (day 20 ×2, 19, 18, then it): 08:00 + 4 h 4 min.
    expect(groups[0]).toMatchObject({ amountFen: 993000, first: '2025-12-18T12:04:00+08:00', pattern: { field: 'counterparty', value: '招商银行' } });
    expect(groups[0]!.examples).toHaveLength(3);
    expect(groups[0]!.examples[0]).toMatchObject({ file: 'alipay-synthetic-2026-11.csv', kind: 'credit_card_repayment', amountFen: 85500 });
  });

  it('confirm all 12 like this, then undo: the rows are as before, and the audit has both', async () => {
    t = tempDb();
    await importYear(t.db);
    const before = creditState(t.db);
    const done = resolveReviewGroup(t.db, 'alipay:credit_card_repayment:招商银行', { type: 'confirm' });
    // 25 waiting − the 12 of the group = 13.
    expect(done).toMatchObject({ remaining: 13, decision: { key: 'alipay:credit_card_repayment:招商银行', rule: 'alipay.credit_card_repayment', action: 'confirm', fromKind: 'credit_card_repayment', toKind: 'credit_card_repayment', rows: 12 } });
    expect(t.db.prepare("SELECT count(*) FROM transactions WHERE credit_event = 'credit_card_repayment' AND credit_confidence = 1 AND needs_review = 0 AND platform = 'alipay'").pluck().get()).toBe(12);
    expect(listReviewGroups(t.db)).toMatchObject({ total: 13, decisions: [{ id: done.decision.id, rows: 12 }] });
    expect(creditState(t.db)).not.toEqual(before);

    const undone = undoReviewDecision(t.db, done.decision.id);
    expect(undone).toEqual({ decisionId: done.decision.id, restored: 12, remaining: 25 });
    expect(creditState(t.db)).toEqual(before);
    expect(listReviewGroups(t.db)).toMatchObject({ total: 25, decisions: [] });
    expect(audit(t.db)).toEqual([
      { action: 'review.group.confirm', subject: `review_decision:${done.decision.id}`, details: { key: 'alipay:credit_card_repayment:招商银行', rule: 'alipay.credit_card_repayment', from: 'credit_card_repayment', to: 'credit_card_repayment', rows: 12 } },
      { action: 'review.undo', subject: `review_decision:${done.decision.id}`, details: { key: 'alipay:credit_card_repayment:招商银行', rule: 'alipay.credit_card_repayment', rows: 12, restored: 12 } },
    ]);
    // An undone decision cannot be undone twice, and a group that is answered is gone.
    expect(() => undoReviewDecision(t!.db, done.decision.id)).toThrow(expect.objectContaining({ code: 'review.decision_not_found' }));
    resolveReviewGroup(t.db, 'alipay:jiebei_disbursement', { type: 'confirm' });
    expect(() => resolveReviewGroup(t!.db, 'alipay:jiebei_disbursement', { type: 'confirm' })).toThrow(expect.objectContaining({ code: 'review.group_not_found' }));
  });

  it('correct all to "no credit event", and undo: a row answered on its own since keeps its answer', async () => {
    t = tempDb();
    await importYear(t.db);
    const done = resolveReviewGroup(t.db, 'alipay:jiebei_repayment', { type: 'correct', kind: null });
    expect(done.decision).toMatchObject({ action: 'correct', fromKind: 'jiebei_repayment', toKind: null, rows: 10 });
    expect(t.db.prepare("SELECT count(*) FROM transactions WHERE counterparty = '蚂蚁借呗' AND credit_event IS NULL AND needs_review = 0").pluck().get()).toBe(10);
    // The user then marks one of them a Jiebei repayment after all (as the ledger's assign would).
    const one = t.db.prepare("SELECT id FROM transactions WHERE counterparty = '蚂蚁借呗' ORDER BY id LIMIT 1").pluck().get() as number;
    t.db.prepare("UPDATE transactions SET credit_event = 'jiebei_repayment' WHERE id = ?").run(one);
    // 9 rows as the decision left them go back to waiting; the one changed since is left alone.
    expect(undoReviewDecision(t.db, done.decision.id)).toEqual({ decisionId: done.decision.id, restored: 9, remaining: 24 });
  });

  it('re-importing the year adds nothing and asks nothing more', async () => {
    t = tempDb();
    const first = await importYear(t.db);
    const rows = t.db.prepare('SELECT count(*) FROM transactions').pluck().get();
    const again = await importYear(t.db);
    expect(again.map((r) => r.imported)).toEqual(first.map(() => 0));
    // Every row read is a duplicate now (alipay-web-2021.csv's l7 was one already: its id 123456 is
    // in alipay-app-2021.csv, imported before it).
    expect(again.map((r) => r.duplicates)).toEqual(first.map((r) => r.rowsRead));
    expect(t.db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(rows);
    expect(listReviewGroups(t.db).total).toBe(25);
  });
});

describe('credence review, by rule', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), env: {} });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('lists the groups, confirms one in one command and undoes it (--json and text, zh-CN and en)', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    expect((await run(['profile', 'create', '按规则确认', '--db', db])).code).toBe(0);
    const files = YEAR_MONTHS.map((month) => {
      const { name, text } = syntheticAlipayMonth(month);
      const path = join(dir, name);
      writeFileSync(path, encodeGbk(text));
      return path;
    });
    expect((await run(['import', ...files, '--db', db])).code).toBe(0);
    const listed = JSON.parse((await run(['review', 'groups', '--db', db, '--json'])).stdout);
    // The year alone: 12 card repayments, 10 Jiebei repayments, 2 draws.
    expect(listed.groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['alipay:credit_card_repayment:招商银行', 12],
      ['alipay:jiebei_repayment', 10],
      ['alipay:jiebei_disbursement', 2],
    ]);
    const zh = await run(['review', 'groups', '--db', db]);
    expect(zh.stdout.split('\n')[0]).toBe('alipay:credit_card_repayment:招商银行  credit_card_repayment 12 笔 ¥9930.00（交易对方 招商银行；规则 alipay.credit_card_repayment，置信度 60%）');
    expect(zh.stdout).toContain('共 24 笔待确认，分 3 组；用 credence review confirm-all KEY 一次确认一组。');
    const confirmed = JSON.parse((await run(['review', 'confirm-all', 'alipay:jiebei_repayment', '--db', db, '--json'])).stdout);
    expect(confirmed).toMatchObject({ remaining: 14, decision: { rows: 10, action: 'confirm' } });
    const en = await run(['review', 'undo', String(confirmed.decision.id), '--db', db, '--lang', 'en']);
    expect(en.stdout).toBe(`Decision #${confirmed.decision.id} undone: 10 events wait for review again; 24 waiting.`);
    const corrected = JSON.parse((await run(['review', 'correct-all', 'alipay:jiebei_disbursement', 'none', '--db', db, '--json'])).stdout);
    expect(corrected).toMatchObject({ remaining: 22, decision: { rows: 2, action: 'correct', toKind: null } });
  });
});

describe('migration 0014 on a profile an earlier build imported', () => {
  it('stops asking about its Huabei purchases, and keeps every other question', async () => {
    const dir = tempDir();
    const file = join(dir, 'older.sqlite');
    // The profile as a build before 0014 left it: the own 2026 file imported, and its Huabei
    // purchase (l25, 花呗&红包) queued for review as the old rule did. (With raw_row_cells and
    // import_file_bytes too, the tables of raw-row names and file sizes today's importer writes;
    // 0014 reads neither.)
    const older = openDatabase(file, {
      migrations: loadMigrations().filter((m) => m.version < 14 || m.name === 'raw_row_cells' || m.name === 'import_file_bytes'),
    });
    await importBytes(older, 'alipay-synthetic-credit-2026.csv', encodeGbk(readFileSync(join(OWN_FIXTURES_DIR, 'alipay-synthetic-credit-2026.csv'), 'utf8')));
    older.prepare("UPDATE transactions SET needs_review = 1 WHERE credit_event = 'huabei_purchase'").run();
    // l25 Huabei purchase + l28 draw + l29 Jiebei repayment + l30 card repayment.
    expect(older.prepare(WAITING).pluck().get()).toBe(4);
    older.close();
    const upgraded = openDatabase(file);
    expect(upgraded.prepare("SELECT source_line FROM transactions WHERE needs_review = 1 ORDER BY source_line").pluck().all()).toEqual([28, 29, 30]);
    expect(upgraded.prepare("SELECT credit_event, credit_confidence FROM transactions WHERE source_line = 25").get()).toEqual({ credit_event: 'huabei_purchase', credit_confidence: 0.85 });
    upgraded.close();
  });
});
