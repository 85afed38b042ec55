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

  it('gives back the cells and lines a text was written from, bare and quoted cells, LF, CRLF and lone CR', () => {
    // Records are written the way exports write them: a cell holding a comma, quote or line break
    // quoted (quotes doubled), others bare, some with a quote inside; records end with LF, CRLF or
    // a lone CR. The tokenizer must give back the records written, whatever the chunks. Each
    // record's line is 1 + the line breaks written before it (a break inside quotes counts too).
    let seed = 20261207;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pieces = ['a', 'bc', '中文', '1.00', ',', '\n', '\r\n', '"', ' '];
    const value = (): string => {
      let text = '';
      for (let k = random(4); k > 0; k--) text += pieces[random(pieces.length)];
      return text.trim();
    };
    const breaks = ['\n', '\r\n', '\r'];
    for (let round = 0; round < 200; round++) {
      const written: Array<{ line: number; cells: string[] }> = [];
      const lines = Array.from({ length: 1 + random(12) }, () => {
        const cells = Array.from({ length: 1 + random(5) }, value);
        const fields = cells.map((cell) =>
          /[,\r\n]/.test(cell) || cell.startsWith('"') || (cell.includes('"') && random(2) === 0) ? `"${cell.replace(/"/g, '""')}"` : cell,
        );
        return { cells, text: fields.join(',') };
      });
      let text = '';
      let line = 1;
      lines.forEach(({ cells, text: record }, index) => {
        written.push({ line, cells });
        // A lone CR before a blank line would be read as one CRLF with it.
        const ending = lines[index + 1]?.text === '' ? breaks[random(2)]! : breaks[random(breaks.length)]!;
        text += record + ending;
        line += (record.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
      });
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + random(24);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      const records = tokenize(chunks);
      // A blank line is one empty cell, as it is read (it ends a bill table).
      expect(records.map((record) => ({ line: record.line, cells: record.cells })), JSON.stringify(text)).toEqual(
        written.map(({ line: at, cells }) => ({ line: at, cells: cells.length === 0 ? [''] : cells })),
      );
      expect(tokenize([text])).toEqual(records);
    }
  });

  it('reports a quote that is never closed', () => {
    expect(() => tokenize(['a,"open\nstill open'])).toThrow(UnterminatedQuote);
  });
});
