// The fitting code's version that the model records: a sha256 over the sources the fitted model
// is computed from, so a reader can tell which code produced a model and a fresh fit reproduces
// it byte for byte. The set is recomputed, never listed by hand: the fitting recipe
// (bureau-fit.ts) and every module it imports for values, followed through relative imports.
// Type-only imports, the model card's renderer and the CLI script cannot change the fitted
// numbers and are left out, so editing them does not change the version. Files are named
// relative to the repository root with `/`, in sorted order, their text with line endings and a
// byte-order mark normalised: the same checkout gives the same hash on every machine and OS.

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './bureau-fit.ts';

export interface CodeVersion {
  sha256: string;
  files: string[];
}

const RECIPE = fileURLToPath(new URL('./bureau-fit.ts', import.meta.url));

/** `import … from './x.ts'`, `export … from '../y.ts'`, `import './z.ts'`; not `import type` / `export type`. */
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function normalised(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The recipe and its value imports, transitively, as absolute paths. */
function fittingSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, typeOnly, specifier] of normalised(file).matchAll(IMPORT)) {
      if (!typeOnly) visit(resolve(dirname(file), specifier!));
    }
  };
  visit(RECIPE);
  return [...seen];
}

export function fittingCodeVersion(repoRoot: string): CodeVersion {
  const files = fittingSources()
    .map((f) => relative(repoRoot, f).split('\\').join('/'))
    .sort();
  const text = files.map((f) => `${f}\0${normalised(resolve(repoRoot, f))}\0`).join('');
  return { sha256: sha256(text), files };
}
