// The synthetic bill exports the benches import (bench/import.bench.ts, bench/encryption.bench.ts):
// an Alipay-format GBK CSV and a WeChat-format CSV, newest first, time-prefixed ids as the real
// exports have, with the real fixtures' preambles. Deterministic, so every run imports the same bytes.

import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { bill, encodeGbk } from '../test/unit/importers/helpers.ts';

const CATEGORIES = ['餐饮美食', '日用百货', '交通出行', '充值缴费', '投资理财', '转账红包', '信用借还', '数码电器'];
const METHODS = ['花呗', '余额宝', '招商银行信用卡(1234)', '交通银行储蓄卡(8705)', '花呗&红包', '账户余额'];
const STATUSES = ['交易成功', '交易成功', '交易成功', '交易关闭', '退款成功', '等待确认收货'];
const DIRECTIONS = ['支出', '支出', '支出', '收入', '不计收支'];
const WECHAT_TYPES = ['商户消费', '扫二维码付款', '转账', '微信红包', '零钱提现', '信用卡还款'];
const WECHAT_ID_PREFIXES = ['4200000805', '4200001234', '1000050001', '1800007367'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Newest first, one row every 37 seconds back from 2026-06-30. */
function stamp(i: number): { text: string; compact: string } {
  const ms = Date.UTC(2026, 5, 30, 23, 59, 59) - i * 37_000;
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return { text, compact: text.replace(/\D/g, '').slice(0, 8) };
}

function amount(i: number): string {
  return `${(i * 7919) % 50000}.${pad((i * 31) % 100, 2)}`;
}

function alipayRow(i: number): string {
  const { text, compact } = stamp(i);
  const id = `${compact}22001400${pad(1e9 - i, 12)}`;
  return [
    text, CATEGORIES[i % 8], `商户${i % 997}`, '/', `商品说明，第${i % 5003}号`, DIRECTIONS[i % 5], amount(i),
    METHODS[i % 6], STATUSES[i % 6], `${id}\t`, `M${pad(i, 10)}\t`, '', '',
  ].join(',');
}

function wechatRow(i: number): string {
  const { text, compact } = stamp(i);
  // A few id families (4200…, 1000050001…, 1800…), each time-ordered, as in real exports.
  const id = `${WECHAT_ID_PREFIXES[i % 4]}${compact}${pad(1e9 - i, 10)}`;
  const direction = ['支出', '支出', '收入', '/'][i % 4];
  return `${text},${WECHAT_TYPES[i % 6]},商户${i % 997},"商品 ${i % 5003}",${direction},¥${amount(i)},零钱,支付成功,${id}\t,${pad(i, 12)}\t,"/"`;
}

/** Written under a name of its own, then renamed: a bench running beside this one never reads half a file. */
async function writeFile(file: string, preamble: string[], rows: number, row: (i: number) => string, encode: (s: string) => Uint8Array): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(encode(text)) ? resolve() : out.once('drain', resolve)));
  await write(`${preamble.join('\n')}\n`);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(row(i));
    if (chunk.length === 5000 || i === rows - 1) {
      await write(`${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
  renameSync(partial, file);
}

/** An Alipay-format GBK CSV and a WeChat-format CSV of `rows` rows each in `dir`, written once and reused. */
export async function generateExports(dir: string, rows: number): Promise<{ alipay: string; wechat: string }> {
  mkdirSync(dir, { recursive: true });
  const alipay = join(dir, `alipay-${rows}.csv`);
  const wechat = join(dir, `wechat-${rows}.csv`);
  if (!existsSync(alipay)) {
    const preamble = new TextDecoder('gb18030').decode(readFileSync(bill('alipay/alipay-app-2023.csv'))).split('\n').slice(0, 25);
    await writeFile(alipay, preamble, rows, alipayRow, encodeGbk);
  }
  if (!existsSync(wechat)) {
    const preamble = readFileSync(bill('wechat/wechat-csv-2025.csv'), 'utf8').split('\n').slice(0, 17);
    await writeFile(wechat, preamble, rows, wechatRow, (s) => Buffer.from(s));
  }
  return { alipay, wechat };
}

