// A process killed (SIGKILL: no cleanup, no finally) in the middle of an import leaves the
// database exactly as it was: SQLite's transaction is the only state, and it never committed.

import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/importers/import-file.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { bigWechat, bill, snapshot, tempDb } from './helpers.ts';

const child = join(dirname(fileURLToPath(import.meta.url)), 'kill-child.ts');

/** Starts the child and SIGKILLs it `delayMs` after its first progress report. */
function killDuring(dbFile: string, file: string, delayMs: number, mode = 'file'): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dbFile, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    proc.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('progress') && !output.includes('killing')) {
        output += 'killing';
        setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.stderr.on('data', (data: Buffer) => (errors += data.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`child failed (${code}): ${errors}`));
    });
  });
}

describe('kill during import', () => {
  it('leaves the database as before or fully imported, never in between', { timeout: 180_000 }, async () => {
    const t = tempDb();
    const dir = dirname(t.file);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, bigWechat(60_000));
    await importFile(t.db, bill('jd/jd-2025.csv'));
    const before = snapshot(t.db);
    const complete = { transactions: before.transactions + 60_000, import_batches: before.import_batches + 1, audit_log: before.audit_log + 1 };
    t.db.close();
    const outcomes = { before: 0, complete: 0 };
    try {
      for (let round = 0; round < 12; round++) {
        // Each round starts from the same pristine file (a completed import cannot be undone:
        // the audit log is append-only).
        const dbFile = join(dir, `round-${round}.sqlite`);
        copyFileSync(t.file, dbFile);
        await killDuring(dbFile, csv, (round * 53) % 400);
        const db = openDatabase(dbFile); // quick_check first, then WAL recovery
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const after = snapshot(db);
          if (after.transactions === before.transactions) {
            expect(after, `round ${round}`).toEqual(before);
            outcomes.before++;
          } else {
            expect(after, `round ${round}`).toEqual(complete);
            outcomes.complete++;
          }
        } finally {
          db.close();
        }
      }
      expect(outcomes.before).toBeGreaterThanOrEqual(10);
    } finally {
      t.close();
    }
  });
  it('after the COMMIT, with its WAL checkpoint running in a thread of its own, leaves every committed row', { timeout: 180_000 }, async () => {
    // The import as the CLI and the app's worker run it (core/ipc/import-run.ts): the file is
    // committed with the connection's own checkpoint off, a worker thread is started to copy the
    // WAL into the file, and the ledger is derived meanwhile (at 60,000 rows its COMMIT often
    // checkpoints first, before the worker's thread is up). Killed from the derivation's start
    // on (each round 0-390 ms later), the file opens whole with every committed row. The kill in
    // the middle of the worker's copy itself: test/unit/wal-checkpoint.test.ts.
    const t = tempDb();
    const dir = dirname(t.file);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, bigWechat(60_000));
    const before = snapshot(t.db);
    t.db.close();
    try {
      for (let round = 0; round < 8; round++) {
        const dbFile = join(dir, `ledger-${round}.sqlite`);
        copyFileSync(t.file, dbFile);
        await killDuring(dbFile, csv, (round * 53) % 400, 'request');
        const db = openDatabase(dbFile);
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const after = snapshot(db);
          expect(after.transactions, `round ${round}`).toBe(before.transactions + 60_000);
          expect(after.import_batches, `round ${round}`).toBe(before.import_batches + 1);
        } finally {
          db.close();
        }
      }
    } finally {
      t.close();
    }
  });
});
