import { describe, expect, it } from 'vitest';
import { bodyLimitFor, DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT } from '../../../core/preview/server.ts';
import { groupForRequests } from '../../../renderer/src/import/encode.ts';
import { MAX_FILE_BYTES } from '../../../renderer/src/import/format.ts';

/** The most file bytes the Import page puts in one request, found through its own grouping. */
function largestRequestBytes(): number {
  let low = 1;
  let high = 4 * 1024 * 1024 * 1024;
  // Two files fit one request when their sum is within the page's per-request budget.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (groupForRequests([{ size: mid - 1 }, { size: 1 }]).length === 1) low = mid;
    else high = mid - 1;
  }
  return Math.max(low, MAX_FILE_BYTES);
}

describe('the preview server\'s body limits', () => {
  it('admit the largest request the Import page sends, as base64 in JSON', () => {
    const bytes = largestRequestBytes();
    expect(bytes).toBeGreaterThanOrEqual(MAX_FILE_BYTES);
    const base64 = Math.ceil(bytes / 3) * 4;
    // 50 names of 255 characters at up to 4 bytes each, the ids, the password and the JSON punctuation.
    const envelope = 50 * (255 * 4 + 64) + 1024;
    expect(base64 + envelope).toBeLessThanOrEqual(IMPORT_BODY_LIMIT);
    // …and not much more than that.
    expect(IMPORT_BODY_LIMIT).toBeLessThan((base64 + envelope) * 1.1);
  });

  it('give every other channel 1 MiB, far above its largest valid request', () => {
    expect(bodyLimitFor('import.files')).toBe(IMPORT_BODY_LIMIT);
    for (const channel of ['profiles.create', 'profiles.list', 'review.resolve', 'import.cancel', 'unknown']) {
      expect(bodyLimitFor(channel)).toBe(DEFAULT_BODY_LIMIT);
    }
    // profiles.create's name is at most 1000 characters (4 bytes each as UTF-8, 6 as a JSON escape).
    expect(JSON.stringify({ name: '\u0000'.repeat(1000) }).length).toBeLessThan(DEFAULT_BODY_LIMIT);
  });
});
