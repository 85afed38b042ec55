// The one shape of a manual record (core/ledger/manual-records.ts), held by both kinds: a query
// record and an observed score go through add, list, replace and delete alike; a bad field is
// named; a refused write leaves the table and the audit log as they were.

import { afterEach, describe, expect, it } from 'vitest';
import { observationRecords } from '../../../core/ledger/observations.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { tempDb, type TempDb } from '../importers/helpers.ts';
import { day } from './helpers.ts';
import { thrown } from '../../helpers/thrown.ts';

let t: TempDb;
afterEach(() => t?.close());


const asOfDay = day('2026-06-30');

const kinds = [
  {
    records: queryRecords,
    table: 'credit_queries',
    first: { queriedOn: '2026-03-02', institution: '招商银行', reasonCode: '03' },
    second: { queriedOn: '2026-03-02', institution: '招商银行', reasonCode: '01', note: '贷后' },
    // What list shows for `second`: the optional fields stored as null, `hard` by the default set
    // (01 贷后管理 is not hard: docs/domain/pboc-report.md#hard-queries).
    shown: { queriedOn: '2026-03-02', institution: '招商银行', institutionType: null, reasonCode: '01', note: '贷后', hard: false },
    bad: { queriedOn: '2026-02-30', institution: '招商银行', reasonCode: '03' },
    badField: 'queriedOn',
    notFound: 'ledger.query_not_found',
  },
  {
    records: observationRecords,
    table: 'score_observations',
    first: { kind: 'sesame', value: 700, observedOn: '2026-05-01' },
    // A label is kept for an "other" score only: on a Sesame score it is dropped.
    second: { kind: 'sesame', value: 712, observedOn: '2026-05-06', label: '支付宝里看到的' },
    shown: { kind: 'sesame', label: null, value: 712, observedOn: '2026-05-06', note: null },
    bad: { kind: 'sesame', value: 1000, observedOn: '2026-05-06' },
    badField: 'value',
    notFound: 'ledger.observation_not_found',
  },
] as const;

describe.each(kinds)('manual record: $records.kind', (k) => {
  const audit = () => t.db.prepare('SELECT action, subject FROM audit_log WHERE action LIKE ? ORDER BY id').raw().all(`ledger.${k.records.kind}.%`);

  it('adds, lists, replaces and deletes, each write audited', () => {
    t = tempDb();
    const added = k.records.save(t.db, null, k.first, { asOfDay });
    const replaced = k.records.save(t.db, added.id, k.second, { asOfDay, actor: 'cli' });
    expect(replaced).toEqual({ id: added.id, ...k.shown });
    expect(k.records.list(t.db)).toEqual([replaced]);
    k.records.remove(t.db, added.id);
    expect(k.records.list(t.db)).toEqual([]);
    const subject = `${k.records.kind}:${added.id}`;
    expect(audit()).toEqual([
      [`ledger.${k.records.kind}.create`, subject],
      [`ledger.${k.records.kind}.update`, subject],
      [`ledger.${k.records.kind}.delete`, subject],
    ]);
    expect(t.db.prepare("SELECT actor FROM audit_log WHERE action LIKE '%.update'").pluck().get()).toBe('cli');
  });

  it('names the bad field, and a refused write changes nothing', () => {
    t = tempDb();
    const kept = k.records.save(t.db, null, k.first, { asOfDay });
    const rows = () => t.db.prepare(`SELECT * FROM ${k.table}`).all();
    const before = { rows: rows(), audit: audit() };
    const bad = thrown(() => k.records.save(t.db, kept.id, k.bad, { asOfDay }));
    expect(bad.code).toBe('ledger.invalid_input');
    expect((bad.details.fields as { field: string }[]).map((f) => f.field)).toEqual([k.badField]);
    expect(thrown(() => k.records.save(t.db, kept.id, { ...k.first, colour: 'red' }, { asOfDay })).details.fields).toMatchObject([{ field: 'colour', rule: 'unknown_field' }]);
    expect(thrown(() => k.records.save(t.db, kept.id + 1, k.first, { asOfDay })).code).toBe(k.notFound);
    expect(thrown(() => k.records.remove(t.db, kept.id + 1)).code).toBe(k.notFound);
    expect({ rows: rows(), audit: audit() }).toEqual(before);
  });
});
