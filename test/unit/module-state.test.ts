// Issue 10 item 5: no module-level mutable flags in core/. A `let` at the top of a module is state
// every caller shares without seeing it (a test that flips it changes every import after it), so
// a choice travels as an argument instead. The one exception is named here with its reason.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Module-level bindings allowed to change, each with why it is not a flag. */
const ALLOWED: Record<string, string> = {
  // A memo of a fact of the runtime (does crypto.argon2Sync work here?): it cannot differ between
  // callers, and computing it costs one small derivation.
  'core/storage/encryption/kdf.ts argon2Checked': 'memo of a runtime fact',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `let`/`var` at column 0: the module's own scope (the code is formatted, bodies are indented). */
function moduleBindings(source: string): string[] {
  return [...source.matchAll(/^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]);
}

describe('module-level mutable state in core/', () => {
  it('finds a top-level let (so the check below can fail)', () => {
    expect(moduleBindings('const a = 1;\nlet enabled = true;\nfunction f() {\n  let local = 2;\n}\nexport var b = 0;\n')).toEqual(['enabled', 'b']);
  });

  it('has none but the named exceptions', () => {
    const found = sources(join(root, 'core')).flatMap((path) =>
      moduleBindings(readFileSync(path, 'utf8')).map((name) => `${relative(root, path).split('\\').join('/')} ${name}`),
    );
    expect(found.filter((binding) => !(binding in ALLOWED))).toEqual([]);
    expect(Object.keys(ALLOWED).filter((binding) => !found.includes(binding))).toEqual([]);
  });
});
