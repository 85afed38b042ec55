import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { contentTypeFor, resolveStaticPath } from '../../core/security/static-files.ts';

describe('resolveStaticPath', () => {
  const root = '/srv/app/out/renderer';

  it('maps ordinary paths under the root and / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/assets/%E4%B8%AD.css')).toBe(join(root, 'assets/中.css'));
  });

  it.each([
    '/../../etc/passwd',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fsecret',
    '/..%5c..%5csecret',
    '/assets\\..\\..\\secret',
    '//etc/passwd/..',
    '/C:/Windows/win.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeUndefined();
  });

  it('labels the types the renderer ships', () => {
    expect(contentTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('a/x.css')).toMatch(/^text\/css/);
    expect(contentTypeFor('a/x.bin')).toBe('application/octet-stream');
  });
});
