import { describe, expect, it } from 'vitest';
import { createToken, isAuthorised, presentedTokens, tokensMatch } from '../../../core/preview/token.ts';

describe('the preview token', () => {
  it('is 32 random bytes as base64url', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => createToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('matches only itself, whatever the lengths', () => {
    const token = createToken();
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token.slice(0, -1), token)).toBe(false);
    expect(tokensMatch(token + 'x', token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(createToken(), token)).toBe(false);
  });

  it('is read from Authorization: Bearer or X-Credence-Token, never from a cookie', () => {
    const token = createToken();
    expect(presentedTokens({ authorization: `Bearer ${token}` })).toEqual([token]);
    expect(presentedTokens({ authorization: `bearer  ${token}` })).toEqual([token]);
    expect(presentedTokens({ 'x-credence-token': token })).toEqual([token]);
    expect(presentedTokens({ authorization: `Basic ${token}` })).toEqual([null]);
    expect(presentedTokens({ cookie: `token=${token}` })).toEqual([]);
    expect(isAuthorised({ authorization: `Bearer ${token}` }, token)).toBe(true);
    expect(isAuthorised({ 'x-credence-token': token }, token)).toBe(true);
    expect(isAuthorised({}, token)).toBe(false);
    expect(isAuthorised({ cookie: `token=${token}` }, token)).toBe(false);
    expect(isAuthorised({ authorization: token }, token)).toBe(false);
    expect(isAuthorised({ authorization: `Bearer ${token}`, 'x-credence-token': createToken() }, token)).toBe(false);
    expect(isAuthorised({ authorization: `Bearer ${token}`, 'x-credence-token': token }, token)).toBe(true);
  });
});
