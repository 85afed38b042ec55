import { CredenceError } from '../../core/shared/errors.ts';

/** The CredenceError `fn` throws (anything else is rethrown, and throwing nothing fails the test). */
export function thrown(fn: () => unknown): CredenceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CredenceError) return error;
    throw error;
  }
  throw new Error('expected a CredenceError');
}
