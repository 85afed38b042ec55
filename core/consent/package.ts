// The export package: one zip, AES-256 encrypted by default (WinZip AE-2, which 7-Zip, WinRAR
// and Bandizip open), whose entry names say nothing about the person (AES zip leaves names and
// sizes readable):
//   manifest.json          what is inside: each file's sha256, bytes and rows, the scope, the
//                          redaction rules applied, the consent and the log head it was made at
//   consent-receipt.json   the receipt of the consent it was made under (signature redacted)
//   NOTICE.zh-CN.txt, NOTICE.en.txt   the recipient's duties (core/consent/notice.ts)
//   data/<category>.json   the rows: integer fen, dates in China time (UTC+8)
//   data/<category>.csv    the same rows, UTF-8 with BOM (core/consent/csv.ts)

import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { Locale } from '../shared/localized-text.ts';
import { categoryOf } from './categories/index.ts';
import type { Column, Row } from './categories/types.ts';
import { FORMULA_GUARD, toCsv } from './csv.ts';
import { sha256Hex } from './digest.ts';
import { REDACTION_PROFILE, rulesFor, type RedactionRule } from './redaction.ts';
import type { Scope } from './terms.ts';

configure({ useWebWorkers: false });

export const PACKAGE_FORMAT = 'credence.export/1';
export const DATA_FORMAT = 'credence.export-data/1';
export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  /** Data rows (data files only). */
  rows: number | null;
  /** Data files: each column's key and type, so the CSV reads back to the JSON. */
  columns?: { key: string; type: Column['type'] }[];
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  exportId: string;
  consentId: string;
  createdAt: string;
  asOf: string;
  app: { name: 'Credence'; version: string };
  schemaVersion: number;
  timezone: '+08:00';
  amounts: 'integer fen (1 yuan = 100 fen)';
  encryption: 'AES-256 (WinZip AE-2)' | 'none';
  scope: Scope;
  redaction: { profile: string; rules: Pick<RedactionRule, 'id' | 'field' | 'when' | 'method' | 'example'>[] };
  csv: { encoding: 'UTF-8 with BOM'; lineEnding: 'CRLF'; formulaGuard: string };
  consentReceipt: { receiptId: string; redacted: string[] };
  /** The chained log's head when the package was made; the export's own entry follows it. */
  auditHead: { id: number; hash: string };
  files: ManifestFile[];
}

export interface CategoryData {
  code: string;
  columns: readonly Column[];
  rows: Row[];
}

export interface PackageInput {
  manifest: Omit<Manifest, 'format' | 'files' | 'redaction' | 'csv' | 'timezone' | 'amounts' | 'encryption'>;
  receipt: unknown;
  notices: Record<Locale, string>;
  data: CategoryData[];
  /** Null: unencrypted, only when the person chose so. */
  password: string | null;
}

const encoder = new TextEncoder();

function dataJson(input: PackageInput, d: CategoryData): string {
  const source = categoryOf(d.code)!;
  return JSON.stringify(
    {
      format: DATA_FORMAT,
      category: d.code,
      label: source.label,
      asOf: input.manifest.asOf,
      timezone: '+08:00',
      amounts: 'integer fen (1 yuan = 100 fen)',
      columns: d.columns.map((c) => ({ key: c.key, type: c.type, label: c.label })),
      rows: d.rows,
    },
    null,
    2,
  );
}

/** The package's files in order, manifest last (it lists the others). */
export function packageFiles(input: PackageInput): { files: { path: string; bytes: Uint8Array }[]; manifest: Manifest } {
  const files: { path: string; bytes: Uint8Array; rows: number | null; columns?: ManifestFile['columns'] }[] = [
    { path: 'consent-receipt.json', bytes: encoder.encode(JSON.stringify(input.receipt, null, 2)), rows: null },
    { path: 'NOTICE.zh-CN.txt', bytes: encoder.encode(input.notices['zh-CN'] + '\n'), rows: null },
    { path: 'NOTICE.en.txt', bytes: encoder.encode(input.notices.en + '\n'), rows: null },
  ];
  for (const d of input.data) {
    const columns = d.columns.map((c) => ({ key: c.key, type: c.type }));
    files.push({ path: `data/${d.code}.json`, bytes: encoder.encode(dataJson(input, d)), rows: d.rows.length, columns });
    files.push({ path: `data/${d.code}.csv`, bytes: encoder.encode(toCsv(d.columns, d.rows)), rows: d.rows.length, columns });
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    ...input.manifest,
    timezone: '+08:00',
    amounts: 'integer fen (1 yuan = 100 fen)',
    encryption: input.password === null ? 'none' : 'AES-256 (WinZip AE-2)',
    redaction: { profile: REDACTION_PROFILE, rules: rulesFor(input.manifest.scope).map(({ id, field, when, method, example }) => ({ id, field, ...(when ? { when } : {}), method, example })) },
    csv: { encoding: 'UTF-8 with BOM', lineEnding: 'CRLF', formulaGuard: `text starting with = + - @ tab CR or ${FORMULA_GUARD} carries one leading ${FORMULA_GUARD}` },
    files: files.map(({ path, bytes, rows, columns }) => ({ path, sha256: sha256Hex(bytes), bytes: bytes.length, rows, ...(columns ? { columns } : {}) })),
  };
  return { files: [...files, { path: MANIFEST, bytes: encoder.encode(JSON.stringify(manifest, null, 2)) }], manifest };
}

export async function writePackage(input: PackageInput): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const { files, manifest } = packageFiles(input);
  const lastModDate = new Date(input.manifest.createdAt);
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    ...(input.password === null ? {} : { password: input.password, encryptionStrength: 3 as const, zipCrypto: false }),
    lastModDate,
    level: 6,
  });
  for (const file of [files.at(-1)!, ...files.slice(0, -1)]) await writer.add(file.path, new Uint8ArrayReader(file.bytes));
  return { bytes: await writer.close(), manifest };
}

