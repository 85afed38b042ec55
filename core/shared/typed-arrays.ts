// Columns of numbers kept per row (an import's seen ids and stated-totals tally, a derivation's
// links) grow by doubling. A grown copy leaves the old array to the garbage collector, and V8
// frees an array's memory only when it collects the array's object, often many seconds later: at
// 2,000,000 rows the dead copies and the columns of the finished import (about 75 MB) were still
// resident through the derivation after it (docs/engineering/performance.md). `transfer` moves
// the bytes into a buffer of the new size (in place when the allocator can) and frees the old
// store at once; `release` frees a column whose owner is done with it.

export type NumberColumn = Int32Array | Uint32Array | Float64Array | Uint8Array | Uint16Array;

/** ES2024's ArrayBuffer.prototype.transfer, beyond the ES2023 library the project compiles against. */
interface Transferring {
  transfer(byteLength: number): ArrayBuffer;
}

/** The array at `length` elements: the first ones kept, the new ones 0; `array` is left empty. */
export function resized<T extends NumberColumn>(array: T, length: number): T {
  const buffer = (array.buffer as ArrayBuffer & Transferring).transfer(length * array.BYTES_PER_ELEMENT);
  return new (array.constructor as new (buffer: ArrayBuffer) => T)(buffer);
}

/** Frees the array's memory now; it has no element afterwards. Releasing it again does nothing. */
export function release(array: NumberColumn): void {
  if (array.buffer.byteLength > 0) (array.buffer as ArrayBuffer & Transferring).transfer(0);
}
