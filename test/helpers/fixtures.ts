import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Where the tests, benches and scripts find their inputs: inside the repository, never beside it.

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Public sample exports, byte for byte (test/fixtures/PROVENANCE.md, Apache-2.0). */
export const BILLS_DIR = resolve(REPO_ROOT, 'test/fixtures/bills');
/** Exports the project writes itself, marked synthetic (test/fixtures-own/README.md). */
export const OWN_FIXTURES_DIR = resolve(REPO_ROOT, 'test/fixtures-own');
/** Public credit datasets, byte for byte (test/datasets/PROVENANCE.md, CC BY 4.0). */
export const DATASETS_DIR = resolve(REPO_ROOT, 'test/datasets');

/** Earlier upstream versions of some of those samples (test/fixtures/PROVENANCE.md#earlier). */
export const EARLIER_BILLS_DIR = resolve(REPO_ROOT, 'test/fixtures/earlier');

export function bill(relative: string): string {
  return resolve(BILLS_DIR, relative);
}

export function dataset(file: string): string {
  return resolve(DATASETS_DIR, file);
}

/**
 * A synthetic Alipay app CSV (2023 layout) written by the project, with the real fixture's
 * preamble and header and `rows` generated rows: no personal data, unique order ids.
 */
export function syntheticAlipayCsv(rows: string[][]): string {
  const lines = new TextDecoder('gb18030').decode(readFileSync(bill('alipay/alipay-app-2023.csv'))).split('\n');
  const headerAt = lines.findIndex((line) => line.startsWith('交易时间'));
  const body = rows.map((cells) => cells.join(',') + ',');
  return [...lines.slice(0, headerAt + 1), ...body, ''].join('\n');
}

/** One Alipay 2023-layout row: time, category, counterparty, account, item, 收/支, amount, method, status, order id. */
export function alipayRow(fields: {
  time: string;
  category?: string;
  counterparty: string;
  item: string;
  direction: '支出' | '收入' | '不计收支';
  amount: string;
  method?: string;
  status: string;
  orderId: string;
}): string[] {
  return [
    fields.time,
    fields.category ?? '日用百货',
    fields.counterparty,
    '/',
    fields.item,
    fields.direction,
    fields.amount,
    fields.method ?? '',
    fields.status,
    `${fields.orderId}\t`,
    '\t',
    '',
  ];
}
