// A what-if base read again after the data moved (core/whatif/base.ts loadWhatIfBase with the base
// read before): it must be the base a fresh read gives, part for part, and the comparison on it
// must be the comparison on a fresh base, while what an edit left alone is kept by identity (the
// accounts, and the baseline's projection of them). Each edit below is one a user makes; the
// accounts it moves are worked out beside it.

import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { saveProfileFacts } from '../../../core/settings/profile-facts.ts';
import { loadWhatIfBase, type WhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, compare } from '../../../core/whatif/compare.ts';
import { parseScenario } from '../../../core/whatif/validate.ts';
import { AS_OF, AS_OF_DAY, handProfile } from './hand-profile.ts';

const MONTHS = 12;

describe('a base read again after an edit (made-up profile)', () => {
  const { db, ids } = handProfile({
    cards: [
      { last4: '1111', from: '2025-06', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000, missed: ['2026-03'] },
      { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 },
    ],
    huabei: { from: '2026-01', chargeDay: 3, chargeYuan: 500, statementDay: 1, dueDay: 9, limitYuan: 5000, reports: 'no' },
    loans: [{ name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 }],
    queries: [['2026-10-02', '02']],
    monthlyIncomeYuan: 20000,
  });
  const card = ids.get('card:1111')!;
  const small = ids.get('card:2222')!;
  const loan = ids.get('loan:某消金')!;
  const opts = { asOfDay: AS_OF_DAY, actor: 'test' };
  const scenarios = [
    parseScenario({ name: 'pay down', actions: [{ type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' }] }),
    parseScenario({ name: 'close', actions: [{ type: 'close_account', accountId: small, on: '2026-12-05' }] }),
  ];
  const everyId = [card, small, loan, ids.get('huabei')!];
  let kept: WhatIfBase = loadWhatIfBase(db, AS_OF_DAY);
  compare(kept, scenarios, MONTHS);

  /** Reads the base again after `edit`; checks it against a fresh read; the ids of the accounts that are new objects. */
  function afterEdit(edit: () => void): number[] {
    edit();
    const before = kept;
    const reread = loadWhatIfBase(db, AS_OF_DAY, before);
    const fresh = loadWhatIfBase(db, AS_OF_DAY);
    expect(reread).toStrictEqual(fresh);
    // The comparison on the base read again (its baseline taken over from the kept one's) is the one on a fresh base.
    expect(compare(reread, scenarios, MONTHS)).toStrictEqual(compare(fresh, scenarios, MONTHS));
    const runsBefore = baselineOf(before, MONTHS).projection.runs;
    const runsAfter = baselineOf(reread, MONTHS).projection.runs;
    const moved = everyId.filter((id) => reread.snapshot.accounts.find((a) => a.id === id) !== before.snapshot.accounts.find((a) => a.id === id));
    // The baseline keeps the run of exactly the accounts that are the same objects.
    expect(everyId.filter((id) => runsAfter.get(id) !== runsBefore.get(id))).toEqual(moved);
    kept = reread;
    return moved;
  }

  it('moves only the card whose transaction changed', () => {
    // One charge of card 1111 (its first, 2025-06-05) ¥8000 → ¥8050: that card's events and months, no other account's.
    const first = db.prepare("SELECT id FROM transactions WHERE credit_account_key = 'credit_card:招商银行:1111' ORDER BY occurred_epoch LIMIT 1").pluck().get() as number;
    expect(afterEdit(() => db.prepare('UPDATE transactions SET amount_fen = amount_fen + 5000 WHERE id = ?').run(first))).toEqual([card]);
  });

  it('moves only the account the user edited', () => {
    // Card 2222's limit ¥10000 → ¥12000: its values, not its months, and no other account.
    expect(afterEdit(() => updateAccount(db, small, { limitFen: 1_200_000 }, [], opts))).toEqual([small]);
  });

  it('moves only the loan a month fact was entered on', () => {
    // The loan's 2026-11 repayment recorded late (status 1): its history moves.
    expect(afterEdit(() => setMonthFact(db, loan, '2026-10', { amountPaidFen: 50_000, status: '1' }, opts))).toEqual([loan]);
  });

  it('keeps every account on a new query, a profile fact or a rewritten observation', () => {
    const [accounts, inputs] = [kept.snapshot.accounts, kept.inputs];
    expect(afterEdit(() => queryRecords.save(db, null, { queriedOn: '2026-11-15', institution: '某银行', institutionType: '11', reasonCode: '03' }, { actor: 'test' }))).toEqual([]);
    // No counter of the derived ledger moved: the accounts and the history inputs were not read again.
    expect(kept.snapshot.accounts).toBe(accounts);
    expect(kept.inputs).toBe(inputs);
    expect(afterEdit(() => saveProfileFacts(db, { monthlyIncomeFen: 1_500_000 }, 'test'))).toEqual([]);
    const list = baselineOf(kept, MONTHS).projection.accounts;
    expect(afterEdit(() => db.prepare("INSERT INTO score_observations (kind, value, observed_on, created_at, updated_at) VALUES ('sesame', 690, '2026-11-01', '', '')").run())).toEqual([]);
    // Every run taken over: the baseline's list of accounts is the kept list itself.
    expect(baselineOf(kept, MONTHS).projection.accounts).toBe(list);
  });

  it('is the kept base itself when nothing it reads changed', () => {
    // The observation rewritten as it was and a transaction's note edited: the data version moves, no part of the base does.
    const before = kept;
    const result = compare(before, scenarios, MONTHS);
    db.prepare('UPDATE score_observations SET value = value').run();
    db.prepare("UPDATE transactions SET item = 'a note' WHERE id = (SELECT min(id) FROM transactions)").run();
    const reread = loadWhatIfBase(db, AS_OF_DAY, before);
    expect(reread).toBe(before);
    expect(reread).toStrictEqual(loadWhatIfBase(db, AS_OF_DAY));
    expect(compare(reread, scenarios, MONTHS).scenarios[0]).toBe(result.scenarios[0]);
  });

  it('sees a history the derivation’s tables were given by hand (their own counter moved)', () => {
    // Card 2222's stored months replaced by raw SQL: no input of the derivation moved, so ensureLedger leaves them, and the base read again must carry them.
    const json = db.prepare('SELECT months_json FROM credit_account_histories WHERE account_id = ?').pluck().get(small) as string;
    expect(afterEdit(() => db.prepare('UPDATE credit_account_histories SET months_json = ? WHERE account_id = ?').run(json.replace('"N"', '"1"'), small))).toEqual([small]);
  });
});

describe('whatif.compare after the data moved (made-up profile)', () => {
  it('answers what a fresh handler answers, edit after edit', async () => {
    const made = handProfile({
      cards: [
        { last4: '1111', from: '2025-06', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 },
        { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 },
      ],
      queries: [['2026-10-02', '02']],
    });
    const profileId = initialiseProfile(made.db, '重读测试').id;
    made.db.close();
    const handlersOn = (store: SingleFileProfileStore) => createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'test', emit: () => {} }));
    const store = new SingleFileProfileStore(made.path);
    const dispatch = handlersOn(store);
    const card = made.ids.get('card:1111')!;
    const request = { profileId, asOf: AS_OF, months: 6, scenarios: [{ name: 'pay down', actions: [{ type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' }] }] };
    const edits = [
      "UPDATE transactions SET amount_fen = amount_fen + 10000 WHERE id = (SELECT min(id) FROM transactions WHERE credit_account_key = 'credit_card:招商银行:2222')",
      "INSERT INTO credit_queries (queried_on, institution, reason_code, created_at, updated_at) VALUES ('2026-11-12', '某银行', '02', '', '')",
      'UPDATE credit_queries SET reason_code = reason_code',
    ];
    const edit = store.database(profileId);
    await dispatch('whatif.compare', request);
    try {
      for (const sql of edits) {
        edit.prepare(sql).run();
        const fresh = new SingleFileProfileStore(made.path);
        try {
          expect(await dispatch('whatif.compare', request)).toStrictEqual(await handlersOn(fresh)('whatif.compare', request));
        } finally {
          fresh.close();
        }
      }
    } finally {
      store.close();
    }
  });
});
