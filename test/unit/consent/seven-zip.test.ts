// The package as a recipient opens it: with Debian's p7zip (7-Zip), which .ci/run installs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportUnderConsent } from '../../../core/consent/export.ts';
import { parseCsv, readCsvCell } from '../../../core/consent/csv.ts';
import type { Manifest } from '../../../core/consent/package.ts';
import { tempDir } from '../../helpers/temp.ts';
import { grant, NOW, seedProfile } from './helpers.ts';

const PASSWORD = 'Recipient-Pass-2026';

function sevenZip(args: string[]): string {
  try {
    return execFileSync('7z', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('7z is not installed: apt-get install -y p7zip-full (.ci/run installs it)');
    throw new Error(`7z ${args[0]} failed: ${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe('a package opened with the real 7z', () => {
  it('lists AES-256 entries, extracts with the password, refuses a wrong one, and its CSV reads back equal to its JSON', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const dir = tempDir('credence-7z-');
    const file = join(dir, 'credence-export.zip');
    await exportUnderConsent(db, { consentId: consent.id, password: PASSWORD, via: 'cli', appVersion: 't' }, { kind: 'file', path: file, overwrite: false }, NOW);

    const listing = sevenZip(['l', '-slt', `-p${PASSWORD}`, file]);
    const methods = [...listing.matchAll(/^Method = (.+)$/gm)].map((m) => m[1]);
    // 4 files of the package itself and 2 per category (8: core/consent/categories, the plan's included).
    expect(methods.length).toBe(20);
    expect(new Set(methods)).toEqual(new Set(['AES-256 Deflate']));

    expect(() => sevenZip(['t', '-pnot-the-password', file])).toThrow(/Wrong password|ERROR/);

    const out = join(dir, 'out');
    sevenZip(['x', `-p${PASSWORD}`, `-o${out}`, '-y', file]);
    expect(readdirSync(join(out, 'data')).length).toBe(16);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    let compared = 0;
    for (const listed of manifest.files.filter((f) => f.path.endsWith('.csv'))) {
      const csvBytes = readFileSync(join(out, listed.path));
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel and WPS need
      const records = parseCsv(csvBytes.toString('utf8'));
      const json = JSON.parse(readFileSync(join(out, listed.path.replace(/\.csv$/, '.json')), 'utf8')) as { rows: Record<string, unknown>[] };
      const columns = listed.columns!;
      expect(records[0]).toEqual(columns.map((c) => c.key));
      const fromCsv = records.slice(1).map((cells) => Object.fromEntries(columns.map((c, i) => [c.key, readCsvCell(cells[i]!, c.type)])));
      expect(fromCsv).toEqual(json.rows);
      expect(json.rows.length).toBe(listed.rows);
      compared += json.rows.length;
    }
    // Every category has rows here (the seeded profile), the transactions one of them four.
    expect(compared).toBeGreaterThan(20);
    // The formula guard: a bill item "=HYPERLINK(…)" is data in the JSON and inert text in the CSV.
    expect(readFileSync(join(out, 'data/transactions.csv'), 'utf8')).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readFileSync(join(out, 'NOTICE.zh-CN.txt'), 'utf8')).toContain('不得向任何第三方提供');
  });
});
