// A streaming CSV tokenizer (RFC 4180 plus the leniency real exports need). Text arrives in
// chunks; complete records are handed to a callback, an incomplete tail waits for the next chunk.
//
// Leniency, each seen in real files:
// * characters after a closing quote are kept (`"3985734"<TAB>` in WeChat CSV);
// * a quote inside an unquoted field is literal (`打开拼多多，点击底部"多多视频"`);
// * LF, CRLF and lone CR all end a record; line breaks inside quotes belong to the field.
//
// The records of a text are cut first (RecordCuts: where each cell starts and ends), then made
// strings: so a large file's cutting can run on a thread of its own, which hands over the text
// and its cuts, and the import's thread only slices the cells (read-thread.ts).

import { isPad, trimCell } from './cells.ts';
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

/**
 * The complete records of one text, cut: per record its line, its flags (QUOTED_TAB,
 * UNTERMINATED) and its cell count, then each cell as its [start, end) in the text, trimmed, or,
 * for a quoted cell (whose quotes are undone), (-1 - i, 0) for `quoted[i]`. `ints` is filled to
 * `length`.
 */
export interface RecordCuts {
  ints: Int32Array;
  length: number;
  quoted: string[];
}

const QUOTED_TAB = 1;
const UNTERMINATED = 2;
const INCOMPLETE = -1;
/** A record's three leading ints: line, flags, cell count. */
const HEAD = 3;

/** The records of `text` as TableRecords, in order. */
export function emitRecords(text: string, cuts: RecordCuts, onRecord: RecordHandler): void {
  const { ints, length, quoted } = cuts;
  let at = 0;
  while (at < length) {
    const line = ints[at]!;
    const flags = ints[at + 1]!;
    const count = ints[at + 2]!;
    at += HEAD;
    // Pushed, not written into `new Array(count)`: a packed array, as the readers' loops expect.
    const cells: string[] = [];
    for (let k = 0; k < count; k++, at += 2) {
      const start = ints[at]!;
      cells.push(start >= 0 ? text.slice(start, ints[at + 1]!) : quoted[-1 - start]!);
    }
    const quotedTab = (flags & QUOTED_TAB) !== 0;
    if ((flags & UNTERMINATED) !== 0) onRecord({ line, cells, unterminated: true, quotedTab });
    else onRecord({ line, cells, quotedTab });
  }
}

/** What one `cut` made of a text: its complete records, and an error found after them. */
export interface CutText {
  /** The text the records were cut from (what `emitRecords` is given with them). */
  text: string;
  cuts: RecordCuts;
  /** A quoted field the text ended in (final only), or a record longer than the limit, after the records before it. */
  error: UnterminatedQuote | RecordTooLong | null;
}

export class CsvTokenizer {
  private pending = '';
  /** Line number of the first record in `pending`. */
  private line = 1;
  private readonly maxRecordChars: number;
  private ints = new Int32Array(4096);
  private used = 0;
  private quoted: string[] = [];

  constructor(maxRecordChars = DEFAULT_MAX_RECORD_CHARS) {
    this.maxRecordChars = maxRecordChars;
  }

  /** The line the next record starts on (for error messages raised between records). */
  get currentLine(): number {
    return this.line;
  }

  push(text: string, onRecord: RecordHandler): void {
    this.emit(this.pending.length === 0 ? text : this.pending + text, false, onRecord);
  }

  end(onRecord: RecordHandler): void {
    if (this.pending.length > 0) this.emit(this.pending, true, onRecord);
  }

  /**
   * Cuts the complete records of the pending text and `text` (`final`: no more text comes), and
   * keeps the rest pending. The cuts' `ints` are the tokenizer's own, valid until its next call.
   */
  cut(text: string, final: boolean): CutText {
    const whole = this.pending.length === 0 ? text : this.pending + text;
    return this.cutAll(whole, final);
  }

  private emit(text: string, final: boolean, onRecord: RecordHandler): void {
    const { cuts, error } = this.cutAll(text, final);
    emitRecords(text, cuts, onRecord);
    if (error) throw error;
  }

  /** Cuts the records of `text` and keeps its tail pending; the text returned is the records' own. */
  private cutAll(text: string, final: boolean): CutText {
    this.used = 0;
    this.quoted = [];
    let start = 0;
    let error: UnterminatedQuote | RecordTooLong | null = null;
    while (start < text.length) {
      const head = this.used;
      const quotedBefore = this.quoted.length;
      let next: number;
      try {
        next = this.cutRecord(text, start, final);
      } catch (caught) {
        if (!(caught instanceof UnterminatedQuote)) throw caught;
        this.drop(head, quotedBefore);
        error = caught;
        break;
      }
      if (next === INCOMPLETE) break;
      start = next;
    }
    const cuts: RecordCuts = { ints: this.ints, length: this.used, quoted: this.quoted };
    const rest = start < text.length;
    if (error === null) {
      this.pending = rest ? text.slice(start) : '';
      if (this.pending.length > this.maxRecordChars) error = new RecordTooLong(this.line, this.maxRecordChars);
    }
    return { text: rest ? text.slice(0, start) : text, cuts, error };
  }

  private room(ints: number): void {
    if (this.used + ints <= this.ints.length) return;
    const grown = new Int32Array(Math.max(this.ints.length * 2, this.used + ints));
    grown.set(this.ints.subarray(0, this.used));
    this.ints = grown;
  }

  /** Cuts one record at `start`; returns the index after it, or INCOMPLETE (nothing kept of it). */
  private cutRecord(text: string, start: number, final: boolean): number {
    const length = text.length;
    const head = this.used;
    const quotedBefore = this.quoted.length;
    this.room(HEAD);
    this.used += HEAD;
    let count = 0;
    let newlines = 0;
    let quotedTab = false;
    let i = start;
    for (;;) {
      this.room(2);
      const ints = this.ints;
      if (i < length && text.charCodeAt(i) === QUOTE) {
        const quoted = this.readQuoted(text, i, final);
        if (quoted === null) return this.drop(head, quotedBefore);
        ints[this.used] = -1 - this.quoted.length;
        ints[this.used + 1] = 0;
        this.quoted.push(quoted.value);
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
        let from = i;
        let to = j;
        while (from < to && isPad(text.charCodeAt(from))) from++;
        while (to > from && isPad(text.charCodeAt(to - 1))) to--;
        ints[this.used] = from;
        ints[this.used + 1] = to;
        i = j;
      }
      this.used += 2;
      count++;
      if (i >= length) {
        if (!final) return this.drop(head, quotedBefore);
        this.close(head, count, (quotedTab ? QUOTED_TAB : 0) | UNTERMINATED, newlines);
        return length;
      }
      const code = text.charCodeAt(i);
      if (code === COMMA) {
        i++;
        continue;
      }
      if (code === CR) {
        // A CR at the very end of a chunk may be the first half of CRLF.
        if (i + 1 >= length && !final) return this.drop(head, quotedBefore);
        i += i + 1 < length && text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      this.close(head, count, quotedTab ? QUOTED_TAB : 0, newlines);
      return i;
    }
  }

  private close(head: number, count: number, flags: number, newlines: number): void {
    const ints = this.ints;
    ints[head] = this.line;
    ints[head + 1] = flags;
    ints[head + 2] = count;
    this.line += newlines + 1;
  }

  private drop(head: number, quotedBefore: number): number {
    this.used = head;
    this.quoted.length = quotedBefore;
    return INCOMPLETE;
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
