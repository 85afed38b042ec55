import { describe, expect, it } from 'vitest';
import { CsvTokenizer, RecordTooLong, UnterminatedQuote } from '../../../core/importers/csv.ts';
import type { TableRecord } from '../../../core/importers/types.ts';

function tokenize(chunks: string[], limit?: number): TableRecord[] {
  const out: TableRecord[] = [];
  const tokenizer = new CsvTokenizer(limit);
  for (const chunk of chunks) tokenizer.push(chunk, (record) => out.push(record));
  tokenizer.end((record) => out.push(record));
  return out;
}

const cells = (records: TableRecord[]) => records.map((record) => record.cells);

describe('CsvTokenizer', () => {
  it('splits fields and trims spaces and TABs', () => {
    expect(cells(tokenize(['a ,  b\t, c\n1,2,3\n']))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles quotes, doubled quotes, commas and line breaks inside quotes', () => {
    const records = tokenize(['"x,1","say ""hi""","two\nlines",end\nnext\n']);
    expect(cells(records)).toEqual([['x,1', 'say "hi"', 'two\nlines', 'end'], ['next']]);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('accepts LF, CRLF and lone CR, and counts lines', () => {
    const records = tokenize(['a\r\nb\rc\nd']);
    expect(cells(records)).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(records[3].unterminated).toBe(true);
    expect(records[2].unterminated).toBeUndefined();
  });

  it('keeps text after a closing quote and quotes inside unquoted fields (WeChat)', () => {
    expect(cells(tokenize(['"3985734"\t,打开拼多多，点击底部"多多视频",x\n']))).toEqual([
      ['3985734', '打开拼多多，点击底部"多多视频"', 'x'],
    ]);
  });

  it('flags a TAB inside quotes (an Excel re-save of WeChat ids)', () => {
    const [native, resaved] = tokenize(['"1"\t,2\n', '"1\t",2\n']);
    expect(native.quotedTab).toBe(false);
    expect(resaved.quotedTab).toBe(true);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1,h2\r\n"a,""b""\r\nc",d\r\n\r\n e ,"f"\t\r\nlast,"x"';
    const whole = tokenize([text]);
    const byChar = tokenize([...text]);
    const split = tokenize([text.slice(0, 7), text.slice(7, 8), text.slice(8, 20), text.slice(20)]);
    expect(byChar).toEqual(whole);
    expect(split).toEqual(whole);
    expect(cells(whole)).toEqual([['h1', 'h2'], ['a,"b"\r\nc', 'd'], [''], ['e', 'f'], ['last', 'x']]);
  });

  it('keeps blank lines as one empty cell (they end a bill table)', () => {
    expect(cells(tokenize(['a\n\n,,\n']))).toEqual([['a'], [''], ['', '', '']]);
  });

  it('refuses a record longer than the limit, without reading on', () => {
    const tokenizer = new CsvTokenizer(1000);
    expect(() => tokenizer.push('x'.repeat(1500), () => {})).toThrow(RecordTooLong);
  });

  it('reports a quote that is never closed', () => {
    expect(() => tokenize(['a,"open\nstill open'])).toThrow(UnterminatedQuote);
  });
});
