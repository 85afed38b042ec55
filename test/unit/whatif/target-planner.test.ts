// The target planner on hand-built ledgers whose answers are worked out first (the reasoning
// beside each expected value): the smallest paydown to the fen, a goal that waits for a late to
// leave the lender rules' window, a goal that waits for queries to leave theirs, and the CLI's
// --json equal to the channel's answer.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { compare } from '../../../core/whatif/compare.ts';
import type { WhatIfAction } from '../../../core/whatif/schema.ts';
import { planTarget } from '../../../core/whatif/target-planner.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF, AS_OF_DAY, handProfile, type CardSpec } from './hand-profile.ts';

/** ¥8,000 charged on the 5th of every month on a ¥10,000 line, statement day 25, due day 15: 80% used. */
const HIGH: CardSpec = { last4: '1111', from: '2026-01', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 };
/** ¥100 a month on a ¥10,000 line: 1% used, never a lender rule's concern. */
const LOW: CardSpec = { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 };
/**
 * ¥1,000 a month on a ¥10,000 line from 2025-01, the statements of 2025-03, 04 and 05 left unpaid
 * until the 2025-06 one was repaid in July: the ledger's months 2025-04 → 1, 2025-05 → 2,
 * 2025-06 → 3 (three due days missed in a row), clean since.
 */
const LATE: CardSpec = { last4: '3333', from: '2025-01', chargeDay: 5, chargeYuan: 1000, statementDay: 25, dueDay: 15, limitYuan: 10000, missed: ['2025-03', '2025-04', '2025-05'] };

const LENDER = { kind: 'lender', pass: true } as const;

describe('a card at high utilisation', () => {
  const { db, ids } = handProfile({ cards: [HIGH] });
  const base = loadWhatIfBase(db, AS_OF_DAY);
  const card = ids.get('card:1111')!;
  const pay = (amountFen: number): WhatIfAction => ({ type: 'pay', accountId: card, amountFen, month: '2026-12', timing: 'before_statement' });

  it('is paid down before its statement day by the smallest amount in fen that passes the lender rules', () => {
    // The report on 2026-12-31 shows December (the month has ended). Only card_utilisation fails
    // today: 8,000 ÷ 10,000 = 80% > 70% (core/rules/lender-heuristics.ts, fail when more than 0.7).
    // Paying X before the 2026-12-25 statement leaves (8,000 − X) used through the month's end
    // (the next charge is on 01-05), which passes when (8,000 − X) ÷ 10,000 ≤ 0.7: X ≥ ¥1,000,
    // so 100,000 fen, paid on 2026-12-24, the day before the statement day.
    const result = planTarget(base, LENDER, '2026-12-31');
    expect(result.reached).toBe(true);
    expect(result.steps.map((s) => s.action)).toEqual([
      pay(100_000),
      // Reached on 12-31, after today: no application from today until then; 11-21 + 1 month
      // (12-21) falls short of 12-31, so 2 months.
      { type: 'stop_applications', from: AS_OF, months: 2 },
    ]);
    expect(result.cashFen).toBe(100_000);
    expect(result.earliest).toBe('2026-12-31');
    expect(result.scenario!.months.at(-1)!.verdict).not.toBe('fail');
    expect(result.steps[0].why.en).toContain('from ¥8,000.00 to ¥7,000.00 (70% of its limit)');
    expect(result.steps[0].why['zh-CN']).toContain('2026-12-24（账单日前一天）');
  });

  it('fails by one fen less, as the engine computes it', () => {
    // 99,999 fen leaves ¥7,000.01 used: 70.0001% > 70%.
    const december = (amountFen: number) => compare(base, [{ name: 'x', actions: [pay(amountFen)] }], 2).scenarios[0].months.find((m) => m.month === '2026-12')!;
    const rule = (amountFen: number) => december(amountFen).rules.find((r) => r.ruleId === 'card_utilisation')!.status;
    expect(rule(99_999)).toBe('fail');
    // 70% exactly is not more than 70%: the grey zone (warn above 50%), which does not fail.
    expect(rule(100_000)).toBe('warn');
    expect(december(99_999).verdict).toBe('fail');
  });

  it('needs nothing when the goal is met already', () => {
    // A ¥100 card passes every rule today and every month to the date: no step, no cash.
    const { db: clean } = handProfile({ cards: [LOW] });
    const result = planTarget(loadWhatIfBase(clean, AS_OF_DAY), LENDER, '2027-03-31');
    expect(result).toMatchObject({ reached: true, steps: [], cashFen: 0, earliest: AS_OF });
  });
});

describe('a late that has to leave the window first', () => {
  const { db } = handProfile({ cards: [LATE] });
  const base = loadWhatIfBase(db, AS_OF_DAY);

  it('cannot pass the lender rules by 2027-03-31, and says when it can', () => {
    // 连三 (lian_san) fails at 3 within the last 24 report months; the run 2025-04…06 has a 3 in
    // 2025-06. The report month R's window starts at R − 23, so 2025-06 stays in it through
    // R = 2027-05 and leaves at R = 2027-06: first passing on 2027-06-30, the day the report shows
    // June 2027. No action of the engine changes a month already reported.
    const result = planTarget(base, LENDER, '2027-03-31');
    expect(result).toMatchObject({ reached: false, steps: [], cashFen: 0, earliest: null, reachableOn: '2027-06-30', scenario: null });
    const text = result.explanation.map((e) => e.en).join('\n');
    expect(text).toContain('not before 2027-06-30');
    expect(text).toContain('“Three in a row”: 3 consecutive months overdue: no candidate action makes it pass on 2027-03-31; it passes from 2027-06-30');
    expect(result.explanation.map((e) => e['zh-CN']).join('\n')).toContain('最早也要到 2027-06-30');
  });

  it('passes by 2027-06-30 with no application until then', () => {
    // The same fall-off, now inside the date: nothing to pay, only no application from today
    // until 2027-06-30: 11-21 + 7 months (06-21) falls short, so 8 months.
    const result = planTarget(base, LENDER, '2027-06-30');
    expect(result).toMatchObject({ reached: true, cashFen: 0, earliest: '2027-06-30', reachableOn: '2027-06-30' });
    expect(result.steps.map((s) => s.action)).toEqual([{ type: 'stop_applications', from: AS_OF, months: 8 }]);
  });
});

describe('hard queries', () => {
  // Seven hard queries within three months of 2026-11-21 (loan and card approvals, hard by the
  // default set core/rules/hard-queries.ts).
  const queries: [string, string][] = [
    ['2026-09-01', '02'],
    ['2026-09-15', '02'],
    ['2026-10-01', '03'],
    ['2026-10-20', '02'],
    ['2026-11-01', '02'],
    ['2026-11-05', '03'],
    ['2026-11-10', '02'],
  ];
  const { db } = handProfile({ cards: [LOW], queries });
  const base = loadWhatIfBase(db, AS_OF_DAY);

  it('block the lender rules until enough leave the window: stop applying until that day', () => {
    // hard_queries_3m fails above 6. An application adds its own query, so it passes once at most
    // 5 others are inside (08-21, day]: 09-01 leaves the window on 12-01 (6 left), 09-15 on 12-15
    // (5 left). hard_queries_6m (fail above 10) stays at 8 with the application. So: no cash,
    // reached from 2026-12-15, and no application until then: 11-21 + 1 month = 12-21 covers it.
    const result = planTarget(base, LENDER, '2027-01-31');
    expect(result).toMatchObject({ reached: true, cashFen: 0, earliest: '2026-12-15' });
    expect(result.steps.map((s) => s.action)).toEqual([{ type: 'stop_applications', from: AS_OF, months: 1 }]);
    expect(result.steps[0].why.en).toContain('until 2026-12-15');
  });

  it('cannot pass on a day inside the window, when applying would add the seventh', () => {
    // On 2026-12-05 six are inside (09-01 has left): an application makes 7 > 6.
    const result = planTarget(base, LENDER, '2026-12-05');
    expect(result.reached).toBe(false);
    expect(result.explanation.map((e) => e.en).join('\n')).toContain('Hard queries, last 3 months: no candidate action makes it pass on 2026-12-05; it passes from 2026-12-15');
  });
});

/** A hand profile as a profile file: its own row, as `credence profile create` writes it, names it. */
function profileFile(cards: CardSpec[]): string {
  const { db, path } = handProfile({ cards });
  db.prepare('INSERT INTO profile (id, uuid, name, created_at) VALUES (1, ?, ?, ?)').run('0f0e0d0c-0b0a-4908-8706-050403020100', '手工档案（测试）', '2026-11-21T09:00:00+08:00');
  db.close();
  return path;
}

describe('credence target', () => {
  it('prints with --json what the whatif.target channel answers', async () => {
    const path = profileFile([HIGH]);
    const store = new SingleFileProfileStore(path);
    const dispatch = createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'cli', emit: () => {} }));
    const profileId = store.list()[0].id;
    const envelope = await dispatch('whatif.target', { profileId, asOf: AS_OF, goal: LENDER, by: '2026-12-31' });
    store.close();
    if (!envelope.ok) throw new Error(envelope.error.message.en);
    const bin = resolve(import.meta.dirname, '../../../bin/credence.mjs');
    const run = spawnSync(process.execPath, [bin, 'target', '--goal', 'lender:pass', '--by', '2026-12-31', '--as-of', AS_OF, '--db', path, '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(envelope.value)));
    expect((envelope.value as { cashFen: number }).cashFen).toBe(100_000);
  });

  it('names a goal it does not understand', () => {
    const path = profileFile([LOW]);
    const bin = resolve(import.meta.dirname, '../../../bin/credence.mjs');
    const run = spawnSync(process.execPath, [bin, 'target', '--goal', 'bureau:high', '--by', '2027-01-31', '--db', path, '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Goal "bureau:high" is not understood');
  });
});
