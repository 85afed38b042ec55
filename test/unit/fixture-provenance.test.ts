// The public fixtures and datasets are committed byte for byte: every file is listed in its
// folder's PROVENANCE.md with the sha256 of the upstream blob, and still has those bytes (an
// editor's re-save or a Git line-ending conversion would change them, and the tests would then
// no longer exercise the real export).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BILLS_DIR, DATASETS_DIR } from '../helpers/fixtures.ts';

/** `| path | sha256 |` rows of a provenance table. */
function checksums(provenance: string): Map<string, string> {
  const rows = [...readFileSync(provenance, 'utf8').matchAll(/^\| ([^|\s]+) \| ([0-9a-f]{64}) \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, m[2]!]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.each([
  { name: 'bill exports', folder: join(BILLS_DIR, '..'), data: join(BILLS_DIR, '..') },
  { name: 'datasets', folder: DATASETS_DIR, data: DATASETS_DIR },
])('$name', ({ folder, data }) => {
  const listed = checksums(join(folder, 'PROVENANCE.md'));
  const present = filesUnder(data)
    .filter((f) => !/(PROVENANCE\.md|LICENSE)$/.test(f))
    .map((f) => relative(folder, f).split('\\').join('/'));

  it('lists every file in PROVENANCE.md, and no file that is absent', () => {
    expect(present.length).toBeGreaterThan(0);
    expect([...listed.keys()].sort()).toEqual(present.sort());
  });

  it('holds the upstream bytes', () => {
    for (const file of present) expect({ file, sha256: sha256(join(folder, file)) }).toEqual({ file, sha256: listed.get(file) });
  });
});
