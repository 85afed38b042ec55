// The dependency check of `npm test` (scripts/check-dependencies.ts) must fail on what it is there
// to stop: run on a copy of this repository's own code with one import added that breaks a rule,
// and on small trees written for each rule, it names the offending file, line and import.

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectImports, checkImports, main } from '../../scripts/check-dependencies.ts';
import { tempDir } from '../helpers/temp.ts';

const repo = resolve(import.meta.dirname, '../..');

/** core/, electron/ and renderer/ of this repository, copied to a temp folder. */
function copyOfRepo(): string {
  const root = tempDir('credence-deps-');
  for (const dir of ['core', 'electron', 'renderer']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  return root;
}

/** Puts `line` at the top of a file (after nothing: imports may come first in a module). */
function prepend(root: string, file: string, line: string): void {
  const path = join(root, file);
  writeFileSync(path, `${line}\n${readFileSync(path, 'utf8')}`);
}

function run(root: string): { code: number; out: string[] } {
  const out: string[] = [];
  const code = main(root, (line) => out.push(line));
  return { code, out };
}

/** A tree of the given files (path → source). */
function tree(files: Record<string, string>): string {
  const root = tempDir('credence-deps-');
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), source);
  }
  return root;
}

function problems(files: Record<string, string>): string[] {
  const root = tree(files);
  const { files: found, imports } = collectImports(root);
  return checkImports(found, imports).map((p) => `[${p.rule}] ${p.message}`);
}

describe('the dependency check on a copy of this repository', () => {
  it('passes the code as it is', () => {
    const { code, out } = run(copyOfRepo());
    expect(out.join('\n')).toMatch(/no cycle, no upward import/);
    expect(code).toBe(0);
  });

  it('fails on an upward import and names it', () => {
    const root = copyOfRepo();
    // The ledger reaching up into the bureau's report types.
    prepend(root, 'core/ledger/queries.ts', "import type { BureauReport } from '../bureau/report-schema.ts';");
    const { code, out } = run(root);
    expect(code).toBe(1);
    expect(out).toEqual([
      'dependencies: 1 broken rule (ARCHITECTURE.md):',
      '  [layer-order] core/ledger/queries.ts:1 imports ../bureau/report-schema.ts: upward import, core/ledger (layer 5) may import only the layers below it (shared, rules, wire, storage, settings, importers), and core/bureau is layer 6',
    ]);
  });

  it('fails on an import circle, even of types only, and walks it', () => {
    const root = copyOfRepo();
    // money.ts ↔ status-alphabet.ts: each now imports the other.
    prepend(root, 'core/shared/money.ts', "import type { StatusCode } from './status-alphabet.ts';");
    prepend(root, 'core/shared/status-alphabet.ts', "import { formatFen } from './money.ts';");
    const { code, out } = run(root);
    expect(code).toBe(1);
    expect(out).toEqual([
      'dependencies: 1 broken rule (ARCHITECTURE.md):',
      '  [no-cycles] import circle: core/shared/money.ts:1 → core/shared/status-alphabet.ts, core/shared/status-alphabet.ts:1 → core/shared/money.ts',
    ]);
  });
});

describe('each rule, on a tree written for it', () => {
  it('a clean tree passes', () => {
    expect(
      problems({
        'core/shared/a.ts': 'export const a = 1;\n',
        'core/ledger/b.ts': "import { a } from '../shared/a.ts';\nexport const b = a;\n",
        'renderer/src/c.tsx': "import { a } from '../../core/shared/a.ts';\nimport type { Channel } from '../../core/ipc/contract.ts';\nexport const c: Channel | number = a;\n",
      }),
    ).toEqual([]);
  });

  it('a circle of three files, one import dynamic', () => {
    expect(
      problems({
        'core/ledger/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
        'core/ledger/b.ts': "import { c } from './c.ts';\nexport const b = c;\n",
        'core/ledger/c.ts': "export const c = 1;\nexport const later = () => import('./a.ts');\n",
      }),
    ).toEqual(['[no-cycles] import circle: core/ledger/a.ts:1 → core/ledger/b.ts, core/ledger/b.ts:1 → core/ledger/c.ts, core/ledger/c.ts:2 → core/ledger/a.ts']);
  });

  it('core never imports Electron, React or the renderer', () => {
    expect(
      problems({
        'core/ipc/a.ts': "import { app } from 'electron';\nimport { useState } from 'react';\nimport { x } from '../../renderer/src/x.ts';\nexport { app, useState, x };\n",
        'renderer/src/x.ts': 'export const x = 1;\n',
      }),
    ).toEqual([
      '[core-runs-in-node] core/ipc/a.ts:1 imports electron: core/ runs in plain Node and never imports Electron or React',
      '[core-runs-in-node] core/ipc/a.ts:2 imports react: core/ runs in plain Node and never imports Electron or React',
      '[core-runs-in-node] core/ipc/a.ts:3 imports ../../renderer/src/x.ts: core/ never imports renderer/',
    ]);
  });

  it('core/rules imports only core/shared; core/shared imports no Node module', () => {
    expect(
      problems({
        'core/rules/t.ts': "import type { Db } from '../storage/d.ts';\nexport type T = Db;\n",
        'core/storage/d.ts': 'export type Db = number;\n',
        'core/shared/s.ts': "import { readFileSync } from 'node:fs';\nexport const s = readFileSync;\n",
      }),
    ).toEqual([
      '[rules-are-data] core/rules/t.ts:1 imports ../storage/d.ts: core/rules holds data and imports only core/shared',
      '[shared-is-pure] core/shared/s.ts:1 imports node:fs: core/shared is pure (the renderer imports it): no Node module or package',
    ]);
  });

  it('the fitting code is never imported by code that runs in the app', () => {
    expect(
      problems({
        'core/score-fit/fit.ts': "import { w } from '../score/w.ts';\nexport const fit = w;\n",
        'core/score/w.ts': 'export const w = 1;\n',
        'core/ipc/h.ts': "import { fit } from '../score-fit/fit.ts';\nexport const h = fit;\n",
      }),
    ).toEqual([
      '[fitting-apart] core/ipc/h.ts:1 imports ../score-fit/fit.ts: core/score-fit (fitting the model) is never imported by code that runs in the app; only scripts/ and test/ use it',
    ]);
  });

  it('peers stay apart; a folder outside the layer table, or a file directly in core/, is named', () => {
    expect(
      problems({
        'core/cli/a.ts': "import { b } from '../preview/b.ts';\nexport const a = b;\n",
        'core/preview/b.ts': 'export const b = 1;\n',
        'core/misc/c.ts': 'export const c = 1;\n',
        'core/d.ts': 'export const d = 1;\n',
      }),
    ).toEqual([
      '[layer-order] core/d.ts sits directly in core/, in no layer: move it into a layer folder',
      '[layer-order] core/misc/c.ts: core/misc is in no layer: move the file into a layer folder, or add the folder to the layer table (scripts/check-dependencies.ts, ARCHITECTURE.md)',
      '[layer-order] core/cli/a.ts:1 imports ../preview/b.ts: core/cli and core/preview are peers (layer 12) and may not import each other',
    ]);
  });

  it('the renderer imports of core only core/shared and the contract’s types, and never Node or electron/', () => {
    expect(
      problems({
        'renderer/src/a.tsx': [
          "import { contract } from '../../core/ipc/contract.ts';",
          "import type { Db } from '../../core/storage/database.ts';",
          "import { readFileSync } from 'node:fs';",
          "import { wire } from '../../electron/wire.ts';",
          'export const a = [contract, readFileSync, wire] as unknown as Db;',
          '',
        ].join('\n'),
        'core/ipc/contract.ts': 'export const contract = {};\n',
        'core/storage/database.ts': 'export type Db = number;\n',
        'electron/wire.ts': 'export const wire = 1;\n',
      }),
    ).toEqual([
      '[renderer-imports] renderer/src/a.tsx:1 imports ../../core/ipc/contract.ts: the renderer imports of core only core/shared and the types of core/ipc/contract.ts and core/ipc/bridge.ts (import type)',
      '[renderer-imports] renderer/src/a.tsx:2 imports ../../core/storage/database.ts: the renderer imports of core only core/shared and the types of core/ipc/contract.ts and core/ipc/bridge.ts (import type)',
      '[renderer-is-a-page] renderer/src/a.tsx:3 imports node:fs: the renderer is a sandboxed page: no Node module, no Electron',
      '[renderer-is-a-page] renderer/src/a.tsx:4 imports ../../electron/wire.ts: the renderer reaches main only through the bridge, never electron/',
    ]);
  });
});
