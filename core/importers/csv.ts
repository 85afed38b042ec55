// A streaming CSV tokenizer (RFC 4180 plus the leniency real exports need). Text arrives in
// chunks; complete records are handed to a callback, an incomplete tail waits for the next chunk.
//
// Leniency, each seen in real files:
// * characters after a closing quote are kept (`"3985734"<TAB>` in WeChat CSV);
// * a quote inside an unquoted field is literal (`打开拼多多，点击底部"多多视频"`);
// * LF, CRLF and lone CR all end a record; line breaks inside quotes belong to the field.

import { trimCell, trimSlice } from './cells.ts';
import type { TableRecord } from './types.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** No row of any bill comes near this; a longer "line" means binary data or a broken file. */
export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;

export class RecordTooLong extends Error {
  readonly line: number;
  readonly limit: number;
  constructor(line: number, limit: number) {
    super(`record on line ${line} exceeds ${limit} characters`);
    this.line = line;
    this.limit = limit;
  }
}

/** The text ended inside a quoted field. */
export class UnterminatedQuote extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`quoted field opened on line ${line} is never closed`);
    this.line = line;
  }
}

export type RecordHandler = (record: TableRecord) => void;

const INCOMPLETE = -1;

export class CsvTokenizer {
  private pending = '';
  /** Line number of the first record in `pending`. */
  private line = 1;
  private readonly maxRecordChars: number;

  constructor(maxRecordChars = DEFAULT_MAX_RECORD_CHARS) {
    this.maxRecordChars = maxRecordChars;
  }

  /** The line the next record starts on (for error messages raised between records). */
  get currentLine(): number {
    return this.line;
  }

  push(text: string, onRecord: RecordHandler): void {
    this.drain(this.pending.length === 0 ? text : this.pending + text, false, onRecord);
  }

  end(onRecord: RecordHandler): void {
    if (this.pending.length > 0) this.drain(this.pending, true, onRecord);
  }

  private drain(text: string, final: boolean, onRecord: RecordHandler): void {
    let start = 0;
    while (start < text.length) {
      const next = this.parseRecord(text, start, final, onRecord);
      if (next === INCOMPLETE) break;
      start = next;
    }
    this.pending = start < text.length ? text.slice(start) : '';
    if (this.pending.length > this.maxRecordChars) throw new RecordTooLong(this.line, this.maxRecordChars);
  }

  /** Parses one record at `start`; returns the index after it, or INCOMPLETE. */
  private parseRecord(text: string, start: number, final: boolean, onRecord: RecordHandler): number {
    const cells: string[] = [];
    const length = text.length;
    let newlines = 0;
    let quotedTab = false;
    let i = start;
    for (;;) {
      let cell: string;
      if (i < length && text.charCodeAt(i) === QUOTE) {
        const quoted = this.readQuoted(text, i, final);
        if (quoted === null) return INCOMPLETE;
        cell = quoted.value;
        newlines += quoted.newlines;
        quotedTab ||= quoted.tabInside;
        i = quoted.end;
      } else {
        let j = i;
        while (j < length) {
          const code = text.charCodeAt(j);
          if (code === COMMA || code === LF || code === CR) break;
          j++;
        }
        cell = trimSlice(text, i, j);
        i = j;
      }
      cells.push(cell);
      if (i >= length) {
        if (!final) return INCOMPLETE;
        onRecord({ line: this.line, cells, unterminated: true, quotedTab });
        this.line += newlines + 1;
        return length;
      }
      const code = text.charCodeAt(i);
      if (code === COMMA) {
        i++;
        continue;
      }
      if (code === CR) {
        // A CR at the very end of a chunk may be the first half of CRLF.
        if (i + 1 >= length && !final) return INCOMPLETE;
        i += i + 1 < length && text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      onRecord({ line: this.line, cells, quotedTab });
      this.line += newlines + 1;
      return i;
    }
  }

  /** A quoted field from the quote at `i` up to the next delimiter; null if the text runs out. */
  private readQuoted(
    text: string,
    i: number,
    final: boolean,
  ): { value: string; end: number; newlines: number; tabInside: boolean } | null {
    let value = '';
    let from = i + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close === -1) {
        if (final) throw new UnterminatedQuote(this.line);
        return null;
      }
      value += text.slice(from, close);
      if (close + 1 < text.length && text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        from = close + 2;
        continue;
      }
      if (close + 1 >= text.length && !final) return null;
      const tabInside = value.charCodeAt(value.length - 1) === 0x09;
      let j = close + 1;
      while (j < text.length) {
        const code = text.charCodeAt(j);
        if (code === COMMA || code === LF || code === CR) break;
        j++;
      }
      value += text.slice(close + 1, j);
      return { value: trimCell(value), end: j, newlines: countLineBreaks(value), tabInside };
    }
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
