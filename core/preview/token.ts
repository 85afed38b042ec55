import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The preview server's per-run secret: 32 random bytes, base64url (43 characters). It reaches the
 * page only in the printed URL's fragment, which browsers never send to a server, and comes back
 * only in a request header that a page on another origin cannot set without a CORS preflight
 * (which the server refuses). Never a cookie: a cookie would ride along on any site's request.
 */
export const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const TOKEN_HEADER = 'x-credence-token';

export function createToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Constant-time comparison: both sides are hashed to 32 bytes first, so neither the position of
 * the first wrong character nor the candidate's length shows in the time taken.
 */
export function tokensMatch(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}

/**
 * Every token a request presents: `Authorization: Bearer <token>` and/or `X-Credence-Token`.
 * A malformed Authorization header (another scheme, no scheme) is `null`: presented, never right.
 * Cookies and the query string are deliberately never read.
 */
export function presentedTokens(headers: IncomingHttpHeaders): Array<string | null> {
  const found: Array<string | null> = [];
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer +([A-Za-z0-9_-]+) *$/i.exec(authorization);
    found.push(match ? match[1] : null);
  }
  const custom = headers[TOKEN_HEADER];
  if (typeof custom === 'string') found.push(custom.trim());
  else if (Array.isArray(custom)) found.push(...custom);
  return found;
}

/** True only when at least one token is presented and every presented token is the right one. */
export function isAuthorised(headers: IncomingHttpHeaders, expected: string): boolean {
  const tokens = presentedTokens(headers);
  if (tokens.length === 0) return false;
  let ok = true;
  // Every candidate is compared (no early exit), each in constant time.
  for (const token of tokens) ok = tokensMatch(token ?? '', expected) && token !== null && ok;
  return ok;
}
