import { describe, expect, it } from 'vitest';
import { decodeStream, EncodingError, sniffEncoding } from '../../../core/importers/encoding.ts';
import { encodeGbk, readBill } from './helpers.ts';

async function decodeAll(chunks: Uint8Array[]): Promise<string> {
  let text = '';
  for await (const part of decodeStream((async function* () { yield* chunks; })())) text += part;
  return text;
}

describe('encoding', () => {
  it('sniffs the fixtures: Alipay GBK, WeChat UTF-8, JD/Meituan UTF-8 with BOM', () => {
    expect(sniffEncoding(readBill('alipay/alipay-app-2023.csv'))).toBe('gb18030');
    expect(sniffEncoding(readBill('wechat/wechat-csv-2025.csv'))).toBe('utf-8');
    expect(sniffEncoding(readBill('jd/jd-2025.csv'))).toBe('utf-8');
  });

  it('strips the BOM and decodes characters split across chunks', async () => {
    const bytes = Buffer.from('\ufeff微信支付账单明细\n', 'utf8');
    const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(await decodeAll(chunks)).toBe('微信支付账单明细\n');
  });

  it('decodes GBK split across chunks', async () => {
    const bytes = encodeGbk('支付宝交易记录明细查询\n');
    expect(await decodeAll([bytes.subarray(0, 3), bytes.subarray(3)])).toBe('支付宝交易记录明细查询\n');
  });

  it('refuses bytes that turn invalid after a valid UTF-8 start', async () => {
    const head = Buffer.from('交易时间,'.repeat(20000), 'utf8'); // > 64 KiB of valid UTF-8
    await expect(decodeAll([head, Uint8Array.of(0xff, 0xfe, 0x0a)])).rejects.toThrow(EncodingError);
  });
});
