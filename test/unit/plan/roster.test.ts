// A profile's roster line (core/plan/roster.ts, core/settings/client-details.ts): the client
// details an adviser edits and archives, checked field by field and audited without their
// values; the last import; and the plan's next action, worked out by hand for each "today".

import { describe, expect, it } from 'vitest';
import { lastImportAt, nextPlanAction, rosterEntry } from '../../../core/plan/roster.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { editClientDetails, readClientDetails, setArchived } from '../../../core/settings/client-details.ts';
import { markPlan, saveScenario } from '../../../core/whatif/saved-scenarios.ts';
import { AS_OF_DAY, handProfile } from '../whatif/hand-profile.ts';

function profile() {
  const made = handProfile({ cards: [{ last4: '1234', from: '2026-01', chargeDay: 5, chargeYuan: 3000, statementDay: 25, dueDay: 15, limitYuan: 10000 }] });
  return { ...made, card: made.ids.get('card:1234')! };
}

function refusal(run: () => unknown): CredenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof CredenceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const day = (text: string) => parseDay(text)!;

describe('client details', () => {
  it('are empty until edited, keep the fields not given, normalise the phone and tags, and audit field names only', () => {
    const { db } = profile();
    expect(readClientDetails(db)).toEqual({ phone: null, tags: [], notes: '', archivedAt: null });
    editClientDetails(db, { phone: '+86 138-1234-5678', tags: [' 房贷 ', '首套', '房贷'], notes: '2027 年买房' });
    expect(readClientDetails(db)).toEqual({ phone: '+8613812345678', tags: ['房贷', '首套'], notes: '2027 年买房', archivedAt: null });
    editClientDetails(db, { notes: '' });
    expect(readClientDetails(db)).toMatchObject({ phone: '+8613812345678', tags: ['房贷', '首套'], notes: '' });
    editClientDetails(db, { phone: null });
    expect(readClientDetails(db).phone).toBeNull();
    const audit = db.prepare("SELECT details_json FROM audit_log WHERE action = 'client.edit' ORDER BY id").pluck().all() as string[];
    expect(audit).toHaveLength(3);
    expect(audit.join('')).not.toContain('13812345678'); // personal data stays out of the log
    expect(JSON.parse(audit[0]!)).toEqual({ fields: ['phone', 'tags', 'notes'] });
  });

  it('refuse a bad field with its sentence in both languages, and change nothing', () => {
    const { db } = profile();
    editClientDetails(db, { phone: '13812345678' });
    const bad = refusal(() => editClientDetails(db, { phone: '12ab', tags: ['a,b'], notes: 'x'.repeat(2001) }));
    expect(bad.code).toBe('profile.invalid_client');
    expect(bad.localized['zh-CN']).toContain('电话须为 7 到 15 位数字');
    expect(bad.localized.en).toContain('At most 10 tags');
    expect(bad.localized.en).toContain('Notes are at most 2000 characters');
    expect(refusal(() => editClientDetails(db, { email: 'x@y' })).localized.en).toContain('Unknown field');
    expect(readClientDetails(db).phone).toBe('13812345678');
  });

  it('archive and unarchive, each once, without touching the other fields', () => {
    const { db } = profile();
    editClientDetails(db, { tags: ['车贷'] });
    expect(setArchived(db, true).archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    setArchived(db, true); // already archived: no second entry
    expect(setArchived(db, false)).toEqual({ phone: null, tags: ['车贷'], notes: '', archivedAt: null });
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'client.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(['client.edit', 'client.archive', 'client.unarchive']);
  });
});

describe('the plan’s next action', () => {
  it('is the pending dated action of the marked scenario that comes first, and none once all are past', () => {
    const { db, card } = profile();
    expect(nextPlanAction(db, AS_OF_DAY)).toBeNull(); // no plan yet
    const actions = [
      { type: 'pay', accountId: card, amountFen: 300_000, month: '2026-12', timing: 'before_statement' },
      { type: 'stop_applications', from: '2026-12-01', months: 6 },
      { type: 'hard_query', on: '2026-11-25', institution: '招商银行', reasonCode: '03' },
      { type: 'let_time_pass', months: 12 },
    ];
    const plan = saveScenario(db, null, { name: '买房前的计划', actions }, 'test');
    saveScenario(db, null, { name: '另一个想法', actions: [{ type: 'hard_query', on: '2026-11-22', institution: '某行', reasonCode: '02' }] }, 'test');
    expect(nextPlanAction(db, AS_OF_DAY)).toBeNull(); // saved, but not marked as the plan
    markPlan(db, plan.id, AS_OF_DAY, 'test');

    // Today 2026-11-21: the query on 11-25 is first (the other scenario's 11-22 is not the plan).
    expect(nextPlanAction(db, AS_OF_DAY)).toEqual({ scenarioId: plan.id, scenarioName: '买房前的计划', index: 2, type: 'hard_query', date: '2026-11-25', by: '2026-11-25', amountFen: null });
    // 11-25 itself still counts; 11-26 it is past: the December payment, open until 12-31.
    expect(nextPlanAction(db, day('2026-11-25'))?.index).toBe(2);
    expect(nextPlanAction(db, day('2026-11-26'))).toMatchObject({ index: 0, type: 'pay', date: '2026-12', by: '2026-12-31', amountFen: 300_000 });
    // 2027: the pause from 2026-12-01 for six months ends 2027-06-01 ("no applications until 2027-06-01").
    expect(nextPlanAction(db, day('2027-01-01'))).toMatchObject({ index: 1, type: 'stop_applications', date: '2027-06-01', by: '2027-06-01' });
    // After that only "let time pass" is left, which has no date.
    expect(nextPlanAction(db, day('2027-06-02'))).toBeNull();
  });

  it('sits in the roster line beside the details and the last import (none before any import)', () => {
    const { db } = profile();
    // The hand profile is written without import batches finishing through the importer.
    db.prepare('UPDATE import_batches SET finished_at = NULL').run();
    expect(lastImportAt(db)).toBeNull();
    db.prepare(`INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at, finished_at) VALUES ('a.csv', 'x', 'alipay', 'v', '2026-11-01T09:00:00+08:00', '2026-11-01T09:00:05+08:00'), ('b.csv', 'y', 'jd', 'v', '2026-11-20T21:30:00+08:00', '2026-11-20T21:30:09+08:00'), ('c.csv', 'z', 'jd', 'v', '2026-11-21T10:00:00+08:00', NULL)`).run();
    // The newest finished one: b.csv; c.csv never finished.
    expect(rosterEntry(db, AS_OF_DAY)).toEqual({ details: { phone: null, tags: [], notes: '', archivedAt: null }, lastImportAt: '2026-11-20T21:30:09+08:00', nextAction: null });
  });
});
