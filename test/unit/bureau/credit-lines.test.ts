// Shared card lines (共享授信额度) and credit agreements (授信协议) on hand-built ledgers
// (core/bureau/credit-lines.ts), in core and through `credence accounts add` / `credence report --json`.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { buildReport } from '../../../core/bureau/report.ts';
import { tempDir } from '../../helpers/temp.ts';
import { account, card, rows, snapshot } from './helpers.ts';

const AS_OF = '2026-06-30'; // report month 2026-06

/** Used ¥5,000 and ¥3,000 on two 招商银行 cards that share one ¥20,000 line; each card shows the line as its limit. */
function sharing(sharedLine: string | null) {
  return [
    card(1, { lender: '招商银行', limitFen: 2_000_000, sharedLine, months: rows('2026-01', 'N N N N N N', { creditUsedFen: 500_000 }) }),
    card(2, { lender: '招商银行', limitFen: 2_000_000, sharedLine, months: rows('2026-01', 'N N N N N N', { creditUsedFen: 300_000 }) }),
  ];
}
const other = card(3, { lender: '中信银行', limitFen: 1_000_000, months: rows('2026-01', 'N N N N N N', { creditUsedFen: 100_000 }) });

function figures(accounts: ReturnType<typeof sharing>) {
  const report = buildReport(snapshot(accounts), AS_OF);
  const r2 = report.summary.debt.find((d) => d.type === 'R2')!;
  const utilisation = report.lenderView.find((r) => r.ruleId === 'card_utilisation')!.figure.value;
  return { total: r2.totalFen.value, highest: r2.highestLineFen!.value, lowest: r2.lowestLineFen!.value, utilisation, agreements: report.agreements };
}

describe('cards that share one line count it once', () => {
  it('two cards of one bank sharing ¥20,000: total limit ¥20,000, utilisation over ¥20,000', () => {
    // Shared: one line of ¥20,000; (5,000 + 3,000) ÷ 20,000 = 40%; the one bank's line is ¥20,000.
    expect(figures(sharing('招行共享额度'))).toMatchObject({ total: 2_000_000, highest: 2_000_000, lowest: 2_000_000, utilisation: 0.4 });
    // Not marked shared: two lines of ¥20,000 = ¥40,000, 8,000 ÷ 40,000 = 20%, and the bank's lines add to ¥40,000.
    expect(figures(sharing(null))).toMatchObject({ total: 4_000_000, highest: 4_000_000, utilisation: 0.2 });
  });

  it('with a card of another bank: lines add per bank, the shared one once', () => {
    // 招商银行 ¥20,000 (shared) + 中信银行 ¥10,000 = ¥30,000; highest bank 招商 ¥20,000, lowest 中信
    // ¥10,000; used 5,000 + 3,000 + 1,000 = 9,000 ÷ 30,000 = 30%.
    const f = figures([...sharing('招行共享额度'), other]);
    expect(f).toMatchObject({ total: 3_000_000, highest: 2_000_000, lowest: 1_000_000 });
    expect(f.utilisation).toBeCloseTo(0.3);
  });

  it('the report lists the shared line as a credit agreement, with the cards under it', () => {
    expect(figures(sharing('招行共享额度')).agreements).toEqual([
      {
        key: '招商银行\u0000招行共享额度'.replace(/^/, 'shared:'),
        kind: 'shared_card_line',
        name: '招行共享额度',
        lender: '招商银行',
        limitFen: 2_000_000,
        usedFen: 800_000,
        accounts: [
          { id: 1, name: '#1', type: 'R2' },
          { id: 2, name: '#2', type: 'R2' },
        ],
      },
    ]);
  });
});

describe('Jiebei draws are R4 sub-accounts under the line’s credit agreement', () => {
  const line = (over = {}) =>
    account(10, { product: 'jiebei', kind: 'line', lender: '重庆蚂蚁消费金融有限公司', institutionType: '24', limitFen: 5_000_000, bureauType: null, bureauLayout: 'per_draw', ...over });
  const draw = (id: number, over = {}) =>
    account(id, { product: 'jiebei', kind: 'draw', parentId: 10, lender: null, institutionType: null, bureauType: null, principalFen: 100_000, ...over });

  it('carry the line’s lender: one institution, not one per draw, and the agreement lists them', () => {
    // Two draws, each N since March; no lender of their own → the line's (重庆蚂蚁消费金融, 24).
    const report = buildReport(snapshot([line(), draw(11, { months: rows('2026-03', 'N N N N') }), draw(12, { months: rows('2026-04', 'N N N') })]), AS_OF);
    expect(report.accounts.map((a) => [a.id, a.type, a.lender])).toEqual([
      [11, 'R4', '重庆蚂蚁消费金融有限公司'],
      [12, 'R4', '重庆蚂蚁消费金融有限公司'],
    ]);
    expect(report.summary.debt.find((d) => d.type === 'R4')!.institutions.value).toBe(1);
    expect(report.agreements).toMatchObject([{ key: 'line:10', kind: 'loan_line', lender: '重庆蚂蚁消费金融有限公司', limitFen: 5_000_000, accounts: [{ id: 11 }, { id: 12 }] }]);
  });

  it('merged: a month the line cannot tell is built from its draws’ months, so repayments entered on the draws count', () => {
    // The line's own months are # (its repayments were entered on the draws). April: draw 11 N
    // and draw 12 opened (*) → N; May: both N → N; June: draw 11 repaid late → 1.
    const lineMonths = rows('2026-04', '# # #', { statusSource: 'derived', reason: 'unknown_draws', overdueFen: null });
    const merged = buildReport(
      snapshot([
        line({ bureauLayout: 'merged_monthly', months: lineMonths }),
        draw(11, { months: rows('2026-04', 'N N 1', (_, code) => ({ amountDueFen: 34_000, amountPaidFen: code === '1' ? 0 : 34_000, creditUsedFen: 50_000, ...(code === '1' ? { overdueFen: 34_000 } : {}) })) }),
        draw(12, { months: rows('2026-04', '* N N', { amountDueFen: 34_000, amountPaidFen: 34_000, creditUsedFen: 60_000 }) }),
      ]),
      AS_OF,
    ).accounts[0];
    expect(merged.grid.map((g) => `${g.month} ${g.status}`)).toEqual(['2026-04 N', '2026-05 N', '2026-06 1']);
    expect(merged.grid.map((g) => g.reason)).toEqual(['merged_draws', 'merged_draws', 'merged_draws']);
    // June: 340.00 + 340.00 due, 340.00 paid, 340.00 overdue, 500.00 + 600.00 used.
    expect(merged.grid[2]).toMatchObject({ amountDueFen: 68_000, amountPaidFen: 34_000, overdueFen: 34_000, creditUsedFen: 110_000 });
  });
});

describe('through the CLI', () => {
  it('accounts add … sharedLine=, then report --json counts the shared line once', async () => {
    const db = join(tempDir(), 'p.sqlite');
    expect((await run(['profile', 'create', '共享额度', '--db', db])).code).toBe(0);
    for (const last4 of ['1111', '2222']) {
      const added = await run(['accounts', 'add', 'credit_card', 'bank=招商银行', `cardLast4=${last4}`, 'limitFen=2000000', 'sharedLine=招行共享额度', 'openedOn=2026-01-01', 'reportsToBureau=yes', '--db', db, '--json']);
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout).account.fields.sharedLine).toMatchObject({ value: '招行共享额度', provenance: 'manual' });
    }
    const report = JSON.parse((await run(['report', '--db', db, '--as-of', AS_OF, '--json'])).stdout);
    // Two cards of ¥20,000 sharing one line: ¥20,000 in all, not ¥40,000.
    expect(report.summary.debt.find((d: { type: string }) => d.type === 'R2').totalFen.value).toBe(2_000_000);
    expect(report.agreements.map((a: { kind: string; limitFen: number; accounts: unknown[] }) => [a.kind, a.limitFen, a.accounts.length])).toEqual([['shared_card_line', 2_000_000, 2]]);
    // A loan cannot share a card line: the field is named, in both languages.
    const refused = await run(['accounts', 'add', 'bank_loan', 'sharedLine=招行共享额度', '--db', db, '--json']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('sharedLine');
  });
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
