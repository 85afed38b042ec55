import { describe, expect, it } from 'vitest';
import { release, resized } from '../../../core/shared/typed-arrays.ts';

describe('per-row number columns', () => {
  it('grow keeping their values, the new elements 0, the old array left empty', () => {
    const before = Float64Array.of(1.5, -2, 3e12);
    const after = resized(before, 6);
    // The three values moved over; the three new slots are zero, as a fresh typed array's are.
    expect([...after]).toEqual([1.5, -2, 3e12, 0, 0, 0]);
    expect(after).toBeInstanceOf(Float64Array);
    // Its bytes moved: the old array has none left, so nothing of it waits for the collector.
    expect(before.length).toBe(0);
    expect(before.buffer.byteLength).toBe(0);
  });

  it('are freed at once, and a second release does nothing', () => {
    const column = new Int32Array(1024).fill(7);
    release(column);
    expect(column.length).toBe(0);
    expect(() => release(column)).not.toThrow();
    expect(column.buffer.byteLength).toBe(0);
  });
});
