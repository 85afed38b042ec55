// The derivation rules one by one, on hand-made rows: which account an event goes to, and when
// the data cannot tell.

import { describe, expect, it } from 'vitest';
import { deriveAccounts, type CreditRow, type KnownAccount } from '../../../core/ledger/derive/derive-accounts.ts';
import { computeHistory } from '../../../core/ledger/history/monthly-history.ts';
import { buildSchedule } from '../../../core/ledger/schedule.ts';
import { monthOfDay } from '../../../core/shared/calendar.ts';
import { day, grid } from './helpers.ts';

let nextId = 1;
function row(fields: Partial<CreditRow> & Pick<CreditRow, 'kind'>): CreditRow {
  const id = nextId++;
  return {
    id,
    platform: 'alipay',
    orderId: `o${id}`,
    day: day('2026-07-01'),
    fen: 10000,
    direction: 'neutral',
    statusClass: 'completed',
    key: null,
    needsReview: false,
    counterparty: null,
    paymentMethod: null,
    fundingAccount: null,
    refundOf: null,
    batchId: 1,
    ...fields,
  };
}

/** The link the derivation made for row `id`, its account named by key. */
function linkOf(result: ReturnType<typeof deriveAccounts>, id: number) {
  for (let i = 0; i < result.links.length; i++) {
    if (result.links.transaction[i] !== id) continue;
    const link = result.links.at(i);
    return { ...link, transactionId: id, accountKey: result.keys[link.account] };
  }
  return undefined;
}

describe('cards', () => {
  it('a repayment naming only the bank goes to the one card of that bank; with two cards it stays on the bank', () => {
    const purchase = row({ kind: 'credit_card_purchase', key: 'credit_card:招商银行:1234' });
    const repayment = row({ kind: 'credit_card_repayment', key: 'credit_card:招商银行:', platform: 'wechat' });
    const one = deriveAccounts([purchase, repayment], []);
    expect(linkOf(one, repayment.id)).toMatchObject({ accountKey: 'credit_card:招商银行:1234', basis: 'same_bank_single_card' });

    const second = row({ kind: 'credit_card_purchase', key: 'credit_card:招商银行:9999' });
    const two = deriveAccounts([purchase, second, repayment], []);
    expect(linkOf(two, repayment.id)).toMatchObject({ accountKey: 'credit_card:招商银行:', basis: 'account_key' });
    expect(two.accounts.map((a) => a.name).sort()).toEqual(['招商银行信用卡 尾号1234', '招商银行信用卡 尾号9999', '招商银行信用卡（尾号未知）']);
  });

  it('a card known only from the accounts table (entered by hand) counts too; a hidden one does not', () => {
    const repayment = row({ kind: 'credit_card_repayment', key: null, counterparty: '建设银行' }); // Alipay: 交易对方 建设银行, 信用卡还款
    const known: KnownAccount = { id: 7, matchKey: 'credit_card:建设银行:5555', product: 'credit_card', kind: 'revolving', bank: '建设银行', last4: '5555', closedDay: null, openedDay: null, parentKey: null, dismissed: false, manual: true };
    expect(linkOf(deriveAccounts([repayment], [known]), repayment.id)).toMatchObject({ accountKey: 'credit_card:建设银行:5555' });
    expect(linkOf(deriveAccounts([repayment], [{ ...known, dismissed: true }]), repayment.id)).toMatchObject({ accountKey: 'credit_card:建设银行:' });
  });

  it('a refund is credited only when its purchase was counted on the account, and never for JD (already netted)', () => {
    const purchase = row({ kind: 'meituan_yuefu_purchase', key: 'meituan_yuefu', platform: 'meituan', fen: 1177 });
    const refund = row({ kind: null, statusClass: 'refund', refundOf: purchase.id, platform: 'meituan', fen: 1177 });
    const orphan = row({ kind: null, statusClass: 'refund', refundOf: null, platform: 'alipay', fundingAccount: '交通银行信用卡(7449)' });
    const jdPurchase = row({ kind: 'credit_card_purchase', key: 'credit_card:中国银行:1341', platform: 'jd' });
    const jdRefund = row({ kind: null, statusClass: 'refund', refundOf: jdPurchase.id, platform: 'jd' });
    const result = deriveAccounts([purchase, refund, orphan, jdPurchase, jdRefund], []);
    expect(linkOf(result, refund.id)).toMatchObject({ accountKey: 'meituan_yuefu', role: 'credit', basis: 'refund_of_original' });
    expect(linkOf(result, orphan.id)).toBeUndefined();
    expect(linkOf(result, jdRefund.id)).toBeUndefined();
  });
});

describe('Jiebei and Weilidai draws', () => {
  it('each disbursement is a draw; a repayment goes to the only open draw', () => {
    const draw = row({ kind: 'jiebei_disbursement', key: 'jiebei', day: day('2026-01-10'), fen: 300000 });
    const repay = row({ kind: 'jiebei_repayment', key: 'jiebei', day: day('2026-02-10'), fen: 26000 });
    const result = deriveAccounts([draw, repay], []);
    const drawKey = `jiebei:draw:alipay:${draw.orderId}`;
    expect(result.accounts.find((a) => a.matchKey === drawKey)).toMatchObject({ kind: 'draw', parentKey: 'jiebei', principalFen: 300000, openedDay: day('2026-01-10'), name: '借呗借款 2026-01-10' });
    expect(linkOf(result, repay.id)).toMatchObject({ accountKey: drawKey, basis: 'only_open_draw' });
    expect(result.unknownDrawLines.size).toBe(0);
  });

  it('with two open draws, or a repayment before any known draw, the repayment stays on the line', () => {
    const first = row({ kind: 'weilidai_disbursement', key: 'weilidai', platform: 'wechat', day: day('2026-01-10') });
    const second = row({ kind: 'weilidai_disbursement', key: 'weilidai', platform: 'wechat', day: day('2026-01-20') });
    const repay = row({ kind: 'weilidai_repayment', key: 'weilidai', platform: 'wechat', day: day('2026-02-10') });
    expect(linkOf(deriveAccounts([first, second, repay], []), repay.id)).toMatchObject({ accountKey: 'weilidai', basis: 'line' });

    const early = row({ kind: 'weilidai_repayment', key: 'weilidai', platform: 'wechat', day: day('2026-01-05') });
    const later = row({ kind: 'weilidai_repayment', key: 'weilidai', platform: 'wechat', day: day('2026-02-10') });
    const result = deriveAccounts([early, first, later], []);
    expect(result.unknownDrawLines).toEqual(new Set(['weilidai']));
    // After evidence of a draw the data lacks, even one known open draw cannot claim a repayment.
    expect(linkOf(result, later.id)).toMatchObject({ accountKey: 'weilidai', basis: 'line' });
  });

  it('a draw the user closed cannot take later repayments', () => {
    const first = row({ kind: 'jiebei_disbursement', key: 'jiebei', day: day('2026-01-10') });
    const second = row({ kind: 'jiebei_disbursement', key: 'jiebei', day: day('2026-01-20') });
    const repay = row({ kind: 'jiebei_repayment', key: 'jiebei', day: day('2026-03-10') });
    const closed: KnownAccount = {
      id: 3, matchKey: `jiebei:draw:alipay:${first.orderId}`, product: 'jiebei', kind: 'draw', bank: null, last4: null,
      closedDay: day('2026-02-15'), openedDay: day('2026-01-10'), parentKey: 'jiebei', dismissed: false, manual: false,
    };
    expect(linkOf(deriveAccounts([first, second, repay], [closed]), repay.id)).toMatchObject({ accountKey: `jiebei:draw:alipay:${second.orderId}`, basis: 'only_open_draw' });
  });

  it('a line merges its draws: months are known once every draw’s terms and the line’s open date are', () => {
    const opened = day('2026-01-01');
    const drawDay = day('2026-01-10');
    const schedule = buildSchedule({ principalFen: 300000, openDay: drawDay, openMonth: monthOfDay(drawDay), termMonths: 3, method: 'equal_installment', annualRateBp: 0, dueDay: 10 })!;
    const base = {
      kind: 'line' as const,
      asOfDay: day('2026-04-30'),
      statementDay: null,
      dueDay: null,
      closedDay: null,
      opening: null,
      minimumPaymentBp: null,
      principalFen: null,
      schedule: null,
      installments: [],
      coverage: [opened, day('2026-04-30')],
      facts: new Map(),
      events: [
        { day: drawDay, role: 'disbursement' as const, fen: 300000, unconfirmed: false },
        ...['2026-02-10', '2026-03-10', '2026-04-12'].map((d) => ({ day: day(d), role: 'payment' as const, fen: 100000, unconfirmed: false })),
      ],
    };
    // The Apr 10 instalment arrives Apr 12 → M; the line stays open (no C) once its draws are repaid.
    expect(grid(computeHistory({ ...base, openedDay: opened, draws: [{ openDay: drawDay, schedule }] }).rows)).toEqual(['2026-01 *', '2026-02 N', '2026-03 N', '2026-04 M']);
    // Without the line's open date, earlier draws cannot be ruled out.
    expect(grid(computeHistory({ ...base, openedDay: null, draws: [{ openDay: drawDay, schedule }] }).rows)).toEqual(['2026-01 #', '2026-02 #', '2026-03 #', '2026-04 #']);
  });
});
