// The compound-file reader and the BIFF8 decoder beyond what the CITIC fixture exercises:
// small streams in the mini stream, and shared strings split across CONTINUE records.
// Containers are written with the `cfb` package (used here as a writer only).

import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { CfbError, CompoundFile } from '../../../core/importers/cfb.ts';
import { readXls, XlsEncrypted, XlsError } from '../../../core/importers/xls-biff8.ts';
import { readBill } from './helpers.ts';

function container(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, `/${name}`, content);
  return Uint8Array.from(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

function record(type: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

const u16 = (...values: number[]) => Buffer.from(Uint16Array.from(values).buffer);
const u32 = (...values: number[]) => Buffer.from(Uint32Array.from(values).buffer);
const bof = (kind: number) => record(0x0809, u16(0x0600, kind, 0, 0), u32(0, 0));
const eof = () => record(0x000a);

/** A workbook whose second shared string (16-bit) is split across SST and CONTINUE. */
function workbook(): Buffer {
  const first = Buffer.concat([u16(4), Buffer.from([0]), Buffer.from('date', 'latin1')]);
  const wide = '支付宝－北京嘀嘀无限科技发展有限公司';
  const wideBytes = Buffer.from(wide, 'utf16le');
  const cut = 10; // bytes of character data in the SST record itself
  const sst = record(0x00fc, u32(2, 2), first, u16(wide.length), Buffer.from([1]), wideBytes.subarray(0, cut));
  const cont = record(0x003c, Buffer.from([1]), wideBytes.subarray(cut));
  const sheetName = Buffer.concat([Buffer.from([5, 0]), Buffer.from('Sheet', 'latin1')]);
  const globalsWithoutSheet = [bof(0x0005), sst, cont];
  const boundsheetLength = 4 + 4 + 2 + sheetName.length;
  const eofLength = 4;
  const sheetOffset = globalsWithoutSheet.reduce((n, b) => n + b.length, 0) + boundsheetLength + eofLength;
  const boundsheet = record(0x0085, u32(sheetOffset), Buffer.from([0, 0]), sheetName);
  const rk = (row: number, col: number, value: number) => record(0x027e, u16(row, col, 0), u32(value));
  const sheet = [
    bof(0x0010),
    record(0x00fd, u16(0, 0, 0), u32(0)), // A1 = SST[0]
    record(0x00fd, u16(0, 1, 0), u32(1)), // B1 = SST[1], the split one
    rk(1, 0, (4562 << 2) | 0x03), // A2 = 45.62 (integer ×100)
    record(0x00bd, u16(1, 1), u16(0), u32((6688 << 2) | 0x02), u16(0), u32((7 << 2) | 0x02), u16(2)), // B2..C2 MULRK
    record(0x0203, u16(2, 0, 0), Buffer.from(Float64Array.of(-1.21).buffer)), // A3 NUMBER
    record(0x0204, u16(2, 1, 0), u16(2), Buffer.from([0]), Buffer.from('ok', 'latin1')), // B3 LABEL
    eof(),
  ];
  return Buffer.concat([...globalsWithoutSheet, boundsheet, eof(), ...sheet]);
}

describe('compound files', () => {
  it('reads streams from regular and mini sectors', () => {
    const big = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
    const small = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const file = new CompoundFile(container({ Workbook: big, Small: small }));
    expect(file.stream('workbook')).toEqual(big);
    expect(file.stream('Small')).toEqual(small);
    expect(file.stream('Missing')).toBeNull();
  });

  it('refuses loops and pointers past the end instead of hanging', () => {
    const bytes = container({ Workbook: new Uint8Array(10_000) });
    const looped = Uint8Array.from(bytes);
    new DataView(looped.buffer).setUint32(44, 0x7fffffff, true); // absurd FAT sector count
    expect(() => new CompoundFile(looped)).toThrow(CfbError);
    expect(() => new CompoundFile(bytes.subarray(0, 1000))).toThrow(CfbError);
  });
});

describe('BIFF8', () => {
  it('decodes LABELSST across CONTINUE, RK, MULRK, NUMBER and LABEL', () => {
    const [sheet] = readXls(container({ Workbook: workbook() }));
    expect(sheet.name).toBe('Sheet');
    expect(sheet.rows).toEqual([
      ['date', '支付宝－北京嘀嘀无限科技发展有限公司'],
      [45.62, 6688, 7],
      [-1.21, 'ok'],
    ]);
  });

  it('reads a small workbook stored in the mini stream', () => {
    // The fixture's stream is 18 KB; the crafted one is far below the 4096-byte cutoff.
    expect(workbook().length).toBeLessThan(4096);
    expect(readXls(container({ Workbook: workbook() }))[0].rows[2]).toEqual([-1.21, 'ok']);
    expect(readXls(readBill('banks/citic-credit.xls'))[0].rows).toHaveLength(15);
  });

  it('recognises a password-protected Office file', () => {
    expect(() => readXls(container({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) }))).toThrow(XlsEncrypted);
  });

  it('turns short or missing records into XlsError', () => {
    expect(() => readXls(container({ Workbook: record(0x0809, u16(0x0600)) }))).toThrow(XlsError);
    expect(() => readXls(container({ Other: new Uint8Array(10) }))).toThrow(XlsError);
  });
});
