// The status alphabet and its rule table, checked against
// docs/domain/pboc-report.md#repayment-status-codes.

import { describe, expect, it } from 'vitest';
import { codeForDaysPastDue, pickStatus, STATUS_RULES, worstStatus, type MonthFacts } from '../../../core/ledger/repayment-status.ts';
import { PRODUCT_DEFAULTS, defaultsFor, DEFAULTS_VERSION } from '../../../core/ledger/product-defaults.ts';
import { PRODUCTS } from '../../../core/shared/ledger-vocabulary.ts';
import { STATUS_TABLE, statusInfo, STATUS_CODES } from '../../../core/shared/status-alphabet.ts';

describe('the 60-month alphabet (docs/domain/pboc-report.md#repayment-status-codes)', () => {
  it('has every code once, with the practitioner severity ranks', () => {
    // The 18 codes of docs/domain/pboc-report.md#repayment-status-codes, in its order; the code
    // list the app validates with is the table's.
    expect(STATUS_TABLE.map((s) => s.code)).toEqual(['N', '1', '2', '3', '4', '5', '6', '7', '*', '#', '/', 'A', 'B', 'C', 'D', 'G', 'M', 'Z']);
    expect(STATUS_CODES).toEqual(STATUS_TABLE.map((s) => s.code));
    const severity = Object.fromEntries(STATUS_TABLE.map((s) => [s.code, s.severity]));
    expect(severity).toEqual({ N: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, '*': 0, '#': 0, '/': 0, A: 0, B: 7, C: 0, D: 1, G: 7, M: 0, Z: 1 });
    expect(statusInfo('M').meaning['zh-CN']).toBe('约定还款日后月底前还款');
    expect(statusInfo('*').meaning['zh-CN']).toBe('当月不需要还款且之前没有拖欠');
  });

  it('buckets days past due by 30', () => {
    expect([1, 30, 31, 60, 61, 90, 91, 120, 121, 150, 151, 180, 181, 1000].map(codeForDaysPastDue)).toEqual(
      ['1', '1', '2', '2', '3', '3', '4', '4', '5', '5', '6', '6', '7', '7'],
    );
  });

  it('worst status: severity first, then an overdue digit over other codes', () => {
    expect(worstStatus(['N', '*', '1', 'M'])).toBe('1');
    expect(worstStatus(['N', '#', '*'])).toBe('N');
    expect(worstStatus(['C', '*', '#'])).toBe('C');
    expect(worstStatus(['2', 'D', 'Z'])).toBe('2');
    expect(worstStatus(['#'])).toBe('#');
    expect(worstStatus([])).toBeNull();
  });
});

describe('the rule table', () => {
  const known: MonthFacts = { closedThisMonth: false, openedThisMonth: false, scheduleKnown: true, observed: true, overdue: false, paidLate: false, dueThisMonth: true, inGrace: false, lateRepaidIsOverdue: false };

  it('is data with an explanation in both languages per rule', () => {
    for (const rule of STATUS_RULES) {
      expect(rule.explain['zh-CN'].length).toBeGreaterThan(3);
      expect(rule.explain.en.length).toBeGreaterThan(3);
    }
    expect(STATUS_RULES.map((r) => r.id)).toEqual(['closed', 'opened_nothing_due', 'schedule_unknown', 'not_observed', 'overdue', 'paid_in_grace', 'repaid_late_in_cycle', 'paid_late', 'paid_on_time', 'nothing_due']);
  });

  it('picks the first rule that holds', () => {
    expect(pickStatus(known, 0).code).toBe('N');
    expect(pickStatus({ ...known, paidLate: true }, 0).code).toBe('M');
    // A card's cycle (core/rules/billing-cycle.ts): repaid 5 days late, before the statement date → 1, not M.
    expect(pickStatus({ ...known, paidLate: true, lateRepaidIsOverdue: true }, 5)).toMatchObject({ code: '1', rule: { id: 'repaid_late_in_cycle' } });
    // Repaid after the due day but inside the grace days: on time, and the reason says why (容时).
    expect(pickStatus({ ...known, paidLate: true, inGrace: true }, 0)).toMatchObject({ code: 'N', rule: { id: 'paid_in_grace' } });
    expect(pickStatus({ ...known, overdue: true }, 45).code).toBe('2');
    expect(pickStatus({ ...known, dueThisMonth: false }, 0).code).toBe('*');
    expect(pickStatus({ ...known, closedThisMonth: true }, 0).code).toBe('C');
    expect(pickStatus({ ...known, closedThisMonth: true, overdue: true }, 10).code).toBe('1');
    expect(pickStatus({ ...known, scheduleKnown: false }, null)).toMatchObject({ code: '#', rule: { id: 'schedule_unknown' } });
    expect(pickStatus({ ...known, observed: false, overdue: null }, null)).toMatchObject({ code: '#', rule: { id: 'not_observed' } });
    expect(pickStatus({ ...known, openedThisMonth: true, dueThisMonth: false, observed: false }, 0).code).toBe('*');
  });
});

describe('product defaults', () => {
  it('cover every product, name a source for every value, and never say an account is reported', () => {
    expect(Object.keys(PRODUCT_DEFAULTS).sort()).toEqual([...PRODUCTS].sort());
    expect(DEFAULTS_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    for (const product of PRODUCTS) {
      for (const kind of ['revolving', 'draw'] as const) {
        const row = defaultsFor(product, kind);
        for (const value of Object.values(row)) expect(value.source.length).toBeGreaterThan(5);
        expect(row.reportsToBureau.value).toBe('unknown');
      }
    }
    expect(defaultsFor('huabei').lender.value).toBe('重庆蚂蚁消费金融有限公司');
    expect(defaultsFor('weilidai').institutionType.value).toBe('11');
    expect(defaultsFor('meituan_yuefu').institutionType.value).toBe('51');
    expect(defaultsFor('credit_card').bureauType.value).toBe('R2');
    expect(defaultsFor('huabei').bureauType.value).toBeNull(); // not confirmed by any source
    expect(defaultsFor('jiebei').bureauLayout.value).toBe('per_draw');
    expect(defaultsFor('jiebei', 'draw').bureauType.value).toBe('R4'); // a draw under its line's 授信协议
  });
});
