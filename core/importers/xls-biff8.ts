// A minimal BIFF8 (.xls, Excel 97–2003) cell reader: enough for bank "账单下载" files. The
// compound-file container gives the `Workbook` stream (cfb.ts); the records are decoded here,
// because the one npm package that does both (SheetJS 0.18.5) carries known CVEs.
//
// Records read (MS-XLS §2.4): BOF, EOF, FILEPASS, DATEMODE, BOUNDSHEET8, FORMAT, XF, SST+CONTINUE,
// LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK, FORMULA (cached value) + STRING.

import { CfbError, CompoundFile } from './cfb.ts';
import { excelSerialToDate } from './time.ts';
import type { Cell, Sheet } from './types.ts';

export class XlsError extends Error {}
export class XlsEncrypted extends Error {}

const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  BOUNDSHEET8: 0x0085,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
} as const;

interface RawRecord {
  type: number;
  data: Buffer;
  offset: number;
}

function* records(stream: Buffer, from = 0): Generator<RawRecord> {
  let p = from;
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const length = stream.readUInt16LE(p + 2);
    if (p + 4 + length > stream.length) throw new XlsError(`record 0x${type.toString(16)} at ${p} runs past the stream`);
    yield { type, data: stream.subarray(p + 4, p + 4 + length), offset: p };
    p += 4 + length;
  }
}

/**
 * Reads bytes across an SST record and its CONTINUE records. Character data split by a
 * CONTINUE restarts with one option byte that says whether the rest is 8- or 16-bit.
 */
class SegmentReader {
  private segment = 0;
  private pos = 0;
  private readonly segments: Buffer[];

  constructor(segments: Buffer[]) {
    this.segments = segments;
  }

  private current(): Buffer {
    while (this.segment < this.segments.length && this.pos >= this.segments[this.segment].length) {
      this.segment++;
      this.pos = 0;
    }
    if (this.segment >= this.segments.length) throw new XlsError('shared string table ends early');
    return this.segments[this.segment];
  }

  u8(): number {
    return this.current()[this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0; ) {
      const buffer = this.current();
      const step = Math.min(left, buffer.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  chars(count: number, highByte: boolean): string {
    let text = '';
    let wide = highByte;
    let left = count;
    while (left > 0) {
      if (this.pos >= this.segments[this.segment].length) {
        this.segment++;
        this.pos = 0;
        if (this.segment >= this.segments.length) throw new XlsError('string runs past the shared string table');
        wide = (this.u8() & 1) === 1;
      }
      const buffer = this.segments[this.segment];
      const available = Math.floor((buffer.length - this.pos) / (wide ? 2 : 1));
      const take = Math.min(left, available);
      if (take === 0) throw new XlsError('character split across records');
      const end = this.pos + take * (wide ? 2 : 1);
      text += wide ? buffer.toString('utf16le', this.pos, end) : buffer.toString('latin1', this.pos, end);
      this.pos = end;
      left -= take;
    }
    return text;
  }

  /** XLUnicodeRichExtendedString. */
  richString(): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extLength = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + extLength);
    return text;
  }
}

function readSst(segments: Buffer[]): string[] {
  const reader = new SegmentReader(segments);
  reader.u32(); // total references, unused
  const unique = reader.u32();
  const strings: string[] = [];
  for (let i = 0; i < unique; i++) strings.push(reader.richString());
  return strings;
}

/** XLUnicodeString inside one record (LABEL, STRING, FORMAT). */
function unicodeString(data: Buffer, at: number): string {
  const count = data.readUInt16LE(at);
  const wide = (data[at + 2] & 1) === 1;
  const start = at + 3;
  return wide ? data.toString('utf16le', start, start + count * 2) : data.toString('latin1', start, start + count);
}

function decodeRk(rk: number): number {
  const scaled = (rk & 0x02) !== 0 ? rk >> 2 : floatFromHighBits(rk & 0xfffffffc);
  return (rk & 0x01) !== 0 ? scaled / 100 : scaled;
}

function floatFromHighBits(high: number): number {
  const buffer = Buffer.alloc(8);
  buffer.writeUInt32LE(high >>> 0, 4);
  return buffer.readDoubleLE(0);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare);
}

interface Globals {
  sst: string[];
  sheets: Array<{ name: string; offset: number; visible: boolean; worksheet: boolean }>;
  dateXf: Set<number>;
  date1904: boolean;
}

function readGlobals(stream: Buffer): Globals {
  const globals: Globals = { sst: [], sheets: [], dateXf: new Set(), date1904: false };
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  let sstSegments: Buffer[] | null = null;
  let first = true;
  for (const record of records(stream)) {
    if (first) {
      if (record.type !== RT.BOF || record.data.readUInt16LE(0) !== 0x0600) throw new XlsError('not a BIFF8 workbook');
      first = false;
      continue;
    }
    if (sstSegments && record.type !== RT.CONTINUE) {
      globals.sst = readSst(sstSegments);
      sstSegments = null;
    }
    switch (record.type) {
      case RT.FILEPASS:
        throw new XlsEncrypted('workbook is encrypted');
      case RT.DATEMODE:
        globals.date1904 = record.data.readUInt16LE(0) === 1;
        break;
      case RT.BOUNDSHEET8: {
        const data = record.data;
        globals.sheets.push({
          offset: data.readUInt32LE(0),
          visible: (data[4] & 0x03) === 0,
          worksheet: data[5] === 0,
          name: shortString(data, 6),
        });
        break;
      }
      case RT.FORMAT:
        customFormats.set(record.data.readUInt16LE(0), unicodeString(record.data, 2));
        break;
      case RT.XF:
        xfFormats.push(record.data.readUInt16LE(2));
        break;
      case RT.SST:
        sstSegments = [record.data];
        break;
      case RT.CONTINUE:
        sstSegments?.push(record.data);
        break;
      case RT.EOF:
        xfFormats.forEach((format, index) => {
          const custom = customFormats.get(format);
          if (BUILTIN_DATE_FORMATS.has(format) || (custom !== undefined && isDateFormatCode(custom))) globals.dateXf.add(index);
        });
        return globals;
    }
  }
  throw new XlsError('workbook globals have no EOF');
}

/** ShortXLUnicodeString (sheet names): 8-bit length. */
function shortString(data: Buffer, at: number): string {
  const count = data[at];
  const wide = (data[at + 1] & 1) === 1;
  const start = at + 2;
  return wide ? data.toString('utf16le', start, start + count * 2) : data.toString('latin1', start, start + count);
}

function readSheet(stream: Buffer, offset: number, globals: Globals): Cell[][] {
  const rows: Cell[][] = [];
  const put = (row: number, col: number, value: Cell): void => {
    const cells = (rows[row] ??= []);
    cells[col] = value;
  };
  const numeric = (value: number, xf: number): Cell =>
    globals.dateXf.has(xf) ? excelSerialToDate(value, globals.date1904) : value;
  let formulaAt: [number, number] | null = null;
  let first = true;
  for (const { type, data } of records(stream, offset)) {
    if (first) {
      if (type !== RT.BOF) throw new XlsError(`sheet at ${offset} does not start with BOF`);
      first = false;
      continue;
    }
    switch (type) {
      case RT.LABELSST: {
        const index = data.readUInt32LE(6);
        if (index >= globals.sst.length) throw new XlsError(`string ${index} is not in the shared string table`);
        put(data.readUInt16LE(0), data.readUInt16LE(2), globals.sst[index]);
        break;
      }
      case RT.LABEL:
      case RT.RSTRING:
        put(data.readUInt16LE(0), data.readUInt16LE(2), unicodeString(data, 6));
        break;
      case RT.NUMBER:
        put(data.readUInt16LE(0), data.readUInt16LE(2), numeric(data.readDoubleLE(6), data.readUInt16LE(4)));
        break;
      case RT.RK:
        put(data.readUInt16LE(0), data.readUInt16LE(2), numeric(decodeRk(data.readUInt32LE(6)), data.readUInt16LE(4)));
        break;
      case RT.MULRK: {
        const row = data.readUInt16LE(0);
        const firstCol = data.readUInt16LE(2);
        const count = (data.length - 6) / 6;
        for (let k = 0; k < count; k++) {
          const at = 4 + k * 6;
          put(row, firstCol + k, numeric(decodeRk(data.readUInt32LE(at + 2)), data.readUInt16LE(at)));
        }
        break;
      }
      case RT.FORMULA: {
        const row = data.readUInt16LE(0);
        const col = data.readUInt16LE(2);
        formulaAt = null;
        if (data.readUInt16LE(12) !== 0xffff) put(row, col, numeric(data.readDoubleLE(6), data.readUInt16LE(4)));
        else if (data[6] === 0) formulaAt = [row, col];
        break;
      }
      case RT.STRING:
        if (formulaAt) put(formulaAt[0], formulaAt[1], unicodeString(data, 0));
        formulaAt = null;
        break;
      case RT.EOF:
        return Array.from(rows, (cells) => Array.from(cells ?? [], (cell) => cell ?? null));
    }
  }
  throw new XlsError(`sheet at ${offset} has no EOF`);
}

/** All visible worksheets of an .xls file, in workbook order. */
export function readXls(bytes: Uint8Array): Sheet[] {
  let stream: Buffer;
  try {
    const container = new CompoundFile(bytes);
    // Password-protected Office files (.xls or .xlsx) are CFB containers around an EncryptedPackage.
    if (container.has('EncryptedPackage')) throw new XlsEncrypted('encrypted Office document');
    const content = container.stream('Workbook') ?? container.stream('Book');
    if (!content) throw new XlsError('no Workbook stream');
    stream = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  } catch (error) {
    if (error instanceof CfbError) throw new XlsError(error.message);
    throw error;
  }
  try {
    const globals = readGlobals(stream);
    return globals.sheets
      .filter((sheet) => sheet.worksheet && sheet.visible)
      .map((sheet) => ({ name: sheet.name, rows: readSheet(stream, sheet.offset, globals) }));
  } catch (error) {
    // A record shorter than its type requires surfaces as a RangeError from Buffer reads.
    if (error instanceof RangeError) throw new XlsError(error.message);
    throw error;
  }
}
