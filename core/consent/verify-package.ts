// `credence export verify`: opens a package (with its password), checks every file the manifest
// lists against its sha256, size and rows, that nothing unlisted is inside, and that each CSV
// reads back to its JSON; reports the first problem. A changed byte anywhere in an encrypted
// entry fails its AES authentication code; in a plain one, its CRC.

import { ERR_INVALID_PASSWORD } from '@zip.js/zip.js';
import { CredenceError } from '../shared/errors.ts';
import { openZip, ZipCorrupt, ZipPasswordRequired, ZipPasswordWrong, type ZipFileEntry } from '../importers/zip.ts';
import type { Db } from '../storage/database.ts';
import type { Cell } from './categories/types.ts';
import { parseCsv, readCsvCell } from './csv.ts';
import { sha256Hex } from './digest.ts';
import { MANIFEST, PACKAGE_FORMAT, type Manifest, type ManifestFile } from './package.ts';

export const FILE_PROBLEMS = ['missing', 'damaged', 'sha256', 'bytes', 'rows', 'csv_differs', 'unlisted'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export interface PackageCheck {
  ok: boolean;
  packageSha256: string;
  encrypted: boolean;
  exportId: string | null;
  consentId: string | null;
  createdAt: string | null;
  files: { path: string; problem: FileProblem | null }[];
  firstProblem: { path: string; problem: FileProblem } | null;
}

async function read(entry: ZipFileEntry): Promise<Uint8Array | 'damaged'> {
  try {
    return await entry.bytes();
  } catch {
    return 'damaged';
  }
}

function rowsOf(path: string, bytes: Uint8Array): number | null {
  if (!path.startsWith('data/')) return null;
  const text = new TextDecoder().decode(bytes);
  if (path.endsWith('.json')) return (JSON.parse(text) as { rows: unknown[] }).rows.length;
  return Math.max(0, parseCsv(text).length - 1);
}

/** Whether a data CSV holds exactly its JSON's rows, typed by the manifest's columns. */
export function csvMatchesJson(csv: string, json: string, columns: NonNullable<ManifestFile['columns']>): boolean {
  const records = parseCsv(csv);
  const rows = (JSON.parse(json) as { rows: Record<string, Cell>[] }).rows;
  if (records.length !== rows.length + 1 || records[0]!.join(',') !== columns.map((c) => c.key).join(',')) return false;
  return rows.every((row, i) => columns.every((c, j) => readCsvCell(records[i + 1]![j] ?? '', c.type) === (row[c.key] ?? null)));
}

export async function verifyPackage(bytes: Uint8Array, password: string | undefined, file = 'package'): Promise<PackageCheck> {
  let entries: ZipFileEntry[];
  try {
    entries = await openZip(bytes, password);
  } catch (error) {
    throw new CredenceError('export.not_a_package', { file, reason: (error as Error).message });
  }
  const encrypted = entries.some((e) => e.encrypted);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const result = (files: PackageCheck['files'], manifest: Manifest | null): PackageCheck => {
    const first = files.find((f) => f.problem !== null);
    return {
      ok: first === undefined,
      packageSha256: sha256Hex(bytes),
      encrypted,
      exportId: manifest?.exportId ?? null,
      consentId: manifest?.consentId ?? null,
      createdAt: manifest?.createdAt ?? null,
      files,
      firstProblem: first ? { path: first.path, problem: first.problem! } : null,
    };
  };
  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) return result([{ path: MANIFEST, problem: 'missing' }], null);
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await manifestEntry.bytes();
  } catch (error) {
    if (error instanceof ZipPasswordRequired) throw new CredenceError('export.password_required', { file });
    if (error instanceof ZipPasswordWrong && (error as Error).message === ERR_INVALID_PASSWORD) throw new CredenceError('export.password_wrong', { file });
    if (error instanceof ZipPasswordWrong || error instanceof ZipCorrupt) return result([{ path: MANIFEST, problem: 'damaged' }], null);
    throw error;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Manifest;
    if (manifest.format !== PACKAGE_FORMAT || !Array.isArray(manifest.files)) throw new Error('not a Credence manifest');
  } catch (error) {
    throw new CredenceError('export.not_a_package', { file, reason: (error as Error).message });
  }
  const files: PackageCheck['files'] = [{ path: MANIFEST, problem: null }];
  const contents = new Map<string, Uint8Array>();
  for (const listed of manifest.files) {
    const entry = byName.get(listed.path);
    const data = entry ? await read(entry) : 'missing';
    let problem: FileProblem | null = null;
    if (data === 'missing' || data === 'damaged') problem = data;
    else if (sha256Hex(data) !== listed.sha256) problem = 'sha256';
    else if (data.length !== listed.bytes) problem = 'bytes';
    else if (rowsOf(listed.path, data) !== listed.rows) problem = 'rows';
    if (problem === null && typeof data !== 'string') contents.set(listed.path, data);
    files.push({ path: listed.path, problem });
  }
  const decode = (path: string) => new TextDecoder().decode(contents.get(path));
  for (const listed of manifest.files) {
    if (!listed.path.endsWith('.csv') || !listed.columns) continue;
    const json = listed.path.replace(/\.csv$/, '.json');
    const slot = files.find((f) => f.path === listed.path)!;
    if (slot.problem === null && contents.has(json) && !csvMatchesJson(decode(listed.path), decode(json), listed.columns)) slot.problem = 'csv_differs';
  }
  const listedPaths = new Set([MANIFEST, ...manifest.files.map((f) => f.path)]);
  for (const entry of entries) if (!listedPaths.has(entry.name)) files.push({ path: entry.name, problem: 'unlisted' });
  return result(files, manifest);
}

/** The export the profile's log recorded for a package with this sha256, if any. */
export function loggedExport(db: Db, packageSha256: string): { exportId: string; consentId: string; createdAt: string } | null {
  const row = db.prepare('SELECT id, consent_id, created_at FROM consent_exports WHERE package_sha256 = ?').get(packageSha256) as
    | { id: string; consent_id: string; created_at: string }
    | undefined;
  return row ? { exportId: row.id, consentId: row.consent_id, createdAt: row.created_at } : null;
}
