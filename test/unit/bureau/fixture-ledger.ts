// A profile's ledger entered by hand through the ledger's own API (no imports): shared by the
// bureau unit tests and the Bureau page's e2e test, which checks the page against the CLI.

import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import type { Db } from '../../../core/storage/database.ts';
import type { StatusCode } from '../../../core/shared/status-alphabet.ts';

export const AS_OF = '2026-05-31';
export const asOfDay = parseDay(AS_OF)!;

/** A card paid on time, a loan with a 1-2 lapse, a Huabei reporting since March, a query. */
export function handMadeLedger(db: Db) {
  const opts = { asOfDay };
  const cardId = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '8888', openedOn: '2026-01-01', statementDay: 10, dueDay: 28, limitFen: 2_000_000, reportsToBureau: 'yes' }, opts).account.id;
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) setMonthFact(db, cardId, month, { status: 'N', balanceFen: 500_000, amountDueFen: 300_000 }, opts);
  const loanId = createAccount(db, { product: 'bank_loan', name: '工商银行消费贷', lender: '中国工商银行', openedOn: '2026-01-15', principalFen: 3_000_000, reportsToBureau: 'yes' }, opts).account.id;
  const loanCodes = ['*', 'N', '1', '2', 'N'];
  ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].forEach((month, i) =>
    setMonthFact(db, loanId, month, { status: loanCodes[i] as StatusCode, amountDueFen: i === 0 ? 0 : 280_000, amountPaidFen: [0, 280_000, 0, 0, 840_000][i], balanceFen: 2_500_000 }, opts),
  );
  const huabeiId = createAccount(db, { product: 'huabei', openedOn: '2025-06-01', statementDay: 1, dueDay: 10, limitFen: 800_000, reportsToBureau: 'yes', bureauSinceMonth: '2026-03' }, opts).account.id;
  for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) setMonthFact(db, huabeiId, month, { status: 'N', balanceFen: 100_000 }, opts);
  queryRecords.save(db, null, { queriedOn: '2026-05-20', institution: '招商银行', reasonCode: '03' });
  return { cardId, loanId, huabeiId };
}

/**
 * handMadeLedger plus a Weilidai line with five draws (three settled; per-draw layout by
 * default) and a JD Baitiao account whose reporting is unknown, with a lapse.
 */
export function ledgerWithLines(db: Db) {
  const base = handMadeLedger(db);
  const opts = { asOfDay };
  const lineId = createAccount(db, { product: 'weilidai', kind: 'line', openedOn: '2026-01-05', limitFen: 2_000_000, reportsToBureau: 'yes' }, opts).account.id;
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) setMonthFact(db, lineId, month, { status: 'N', amountDueFen: 34_000, balanceFen: 200_000 }, opts);
  const drawIds: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const settled = n <= 3;
    const id = createAccount(
      db,
      {
        product: 'weilidai',
        kind: 'draw',
        parentId: lineId,
        name: `微粒贷 借款${n}`,
        openedOn: `2026-0${n}-05`,
        principalFen: 100_000,
        termMonths: 3,
        annualRateBp: 1800,
        repaymentMethod: 'equal_installment',
        ...(settled ? { closedOn: `2026-0${n + 3}-05` } : {}),
      },
      opts,
    ).account.id;
    drawIds.push(id);
    const codes: StatusCode[] = settled ? ['*', 'N', 'N', 'C'] : ['*', 'N', 'N'];
    codes.forEach((code, i) => {
      const month = n + i;
      if (month <= 5) setMonthFact(db, id, `2026-0${month}`, { status: code, amountDueFen: code === 'N' ? 34_000 : 0, balanceFen: code === 'C' ? 0 : 50_000 }, opts);
    });
  }
  const baitiaoId = createAccount(db, { product: 'baitiao', openedOn: '2025-11-01', statementDay: 1, dueDay: 10, limitFen: 1_000_000 }, opts).account.id;
  const baitiaoCodes: StatusCode[] = ['N', 'N', 'N', '1', 'N', 'N', 'N'];
  ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].forEach((month, i) =>
    setMonthFact(db, baitiaoId, month, { status: baitiaoCodes[i], amountDueFen: 150_000, balanceFen: 300_000 }, opts),
  );
  queryRecords.save(db, null, { queriedOn: '2026-05-06', institution: '深圳前海微众银行', reasonCode: '02' });
  queryRecords.save(db, null, { queriedOn: '2026-04-02', institution: '某消费金融公司', reasonCode: '02' });
  return { ...base, lineId, drawIds, baitiaoId };
}
