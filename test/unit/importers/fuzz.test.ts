// 1,200 mutated fixtures (seeded, so a failure replays): every import either succeeds and
// writes exactly what it reports, or fails with a CredenceError and writes nothing. Anything
// else — a TypeError, a RangeError, a hang — is a bug.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CredenceError } from '../../../core/shared/errors.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { billsDir, readBill, snapshot, tempDb } from './helpers.ts';

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SPICE = [',', '"', '\n', '\r\n', '\t', '---', '¥', '/', '0', '9', '.', '-', '_', '\ufeff', '笔', '支出', '2023-02-30 25:61:00'];

type Mutation = (bytes: Buffer, random: () => number) => Buffer;

const pick = <T,>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];
const at = (bytes: Buffer, random: () => number) => Math.floor(random() * (bytes.length + 1));

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (bytes, random) => {
    const out = Buffer.from(bytes);
    for (let i = 0; i < 1 + random() * 8; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  },
  truncate: (bytes, random) => bytes.subarray(0, at(bytes, random)),
  insertText: (bytes, random) => {
    const cut = at(bytes, random);
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(pick(SPICE, random)), bytes.subarray(cut)]);
  },
  deleteRange: (bytes, random) => {
    const from = at(bytes, random);
    return Buffer.concat([bytes.subarray(0, from), bytes.subarray(Math.min(bytes.length, from + Math.floor(random() * 200)))]);
  },
  duplicateLine: (bytes, random) => {
    const lines = bytes.toString('latin1').split('\n');
    const i = Math.floor(random() * lines.length);
    lines.splice(i, 0, lines[i]);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  dropLine: (bytes, random) => {
    const lines = bytes.toString('latin1').split('\n');
    lines.splice(Math.floor(random() * lines.length), 1);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  swapHalves: (bytes, random) => {
    const cut = at(bytes, random);
    return Buffer.concat([bytes.subarray(cut), bytes.subarray(0, cut)]);
  },
};

const fixtures = readdirSync(billsDir).flatMap((dir) => readdirSync(`${billsDir}/${dir}`).map((file) => `${dir}/${file}`));

describe('fuzz', () => {
  it('survives 1,200 mutated fixtures without a crash, a hang or a partial write', { timeout: 120_000 }, async () => {
    const random = prng(20261121);
    const t = tempDb();
    const outcomes: Record<string, number> = {};
    try {
      for (let round = 0; round < 1200; round++) {
        const fixture = fixtures[round % fixtures.length];
        const [name, mutate] = pick(Object.entries(MUTATIONS), random);
        let bytes = readBill(fixture);
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) bytes = mutate(bytes, random);
        const before = snapshot(t.db);
        const started = performance.now();
        try {
          const reports = await importBytes(t.db, `${round}-${name}-${fixture.split('/')[1]}`, bytes);
          const after = snapshot(t.db);
          const imported = reports.reduce((sum, report) => sum + report.imported, 0);
          expect(after.transactions - before.transactions, `round ${round}`).toBe(imported);
          // A byte-identical repeat of an earlier import is answered without a new batch.
          expect(after.import_batches - before.import_batches).toBe(reports.filter((report) => report.batchId !== null).length);
          expect(after.audit_log - before.audit_log).toBe(reports.length);
          outcomes.imported = (outcomes.imported ?? 0) + 1;
        } catch (error) {
          if (!(error instanceof CredenceError)) throw new Error(`round ${round} (${name} on ${fixture}): ${String(error)}`, { cause: error });
          expect(snapshot(t.db), `round ${round}`).toEqual(before);
          outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
        }
        expect(performance.now() - started, `round ${round} took too long`).toBeLessThan(5_000);
        expect(t.db.inTransaction).toBe(false);
      }
    } finally {
      t.close();
    }
    // Both paths were exercised, not just one.
    expect(outcomes.imported).toBeGreaterThan(100);
    expect(Object.keys(outcomes).length).toBeGreaterThan(3);
  });
});
