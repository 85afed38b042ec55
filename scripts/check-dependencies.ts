// `npm run check:deps` (part of `npm test`): the import rules of ARCHITECTURE.md, checked on the
// code's own imports. Every import of core/, electron/ and renderer/ is read with vite's parser
// (type-only and dynamic imports included) and held to the rules below; each problem is printed
// with the file, line and import that breaks it, and the exit code is 1.
//
// dependency-cruiser was tried first: 18.7.2 parses TypeScript only through the `typescript`
// compiler API below 7, and this project is on TypeScript 7, whose package has no such API.

import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { parseSync } from 'vite';

/**
 * The layers of core/, bottom up: a folder may import only folders of a lower rank (and itself).
 * Folders of one rank are peers and may not import each other. Planned layers (no folder yet)
 * hold their place so that the first file of one lands where ARCHITECTURE.md says.
 */
export const LAYERS: readonly { rank: number; folders: readonly string[] }[] = [
  { rank: 0, folders: ['shared'] },
  // core/wire: zod schemas of core/shared's vocabulary, kept out of core/shared, which the renderer bundles.
  { rank: 1, folders: ['rules', 'wire'] },
  { rank: 2, folders: ['storage'] },
  { rank: 3, folders: ['settings'] },
  { rank: 4, folders: ['importers'] },
  { rank: 5, folders: ['ledger'] },
  { rank: 6, folders: ['bureau'] },
  { rank: 7, folders: ['score'] },
  // The fitting code sits beside the layers above score: it imports the scoring runtime, and
  // nothing but scripts/ and test/ imports it (rule below).
  { rank: 8, folders: ['whatif', 'score-fit'] },
  // sample: the synthetic sample client, built through the ledger's and what-if's own write paths;
  // checklist: the missing facts, measured by rescoring a copy with each filled in.
  { rank: 9, folders: ['plan', 'sample', 'checklist'] },
  { rank: 10, folders: ['consent'] },
  { rank: 11, folders: ['ipc', 'security'] },
  { rank: 12, folders: ['cli', 'preview'] },
];

/** What the renderer may import of core: the pure shared layer, and the IPC contract's types. */
export const RENDERER_MAY_IMPORT = {
  anything: ['core/shared/'],
  typesOnly: ['core/ipc/contract.ts', 'core/ipc/bridge.ts'],
} as const;

const SCANNED = ['core', 'electron', 'renderer'];
const CODE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;

export interface Import {
  /** Repo-relative, `/`-separated. */
  from: string;
  line: number;
  specifier: string;
  /** Repo-relative path for a relative import; `node:fs`, `react`, … as written otherwise. */
  target: string;
  typeOnly: boolean;
}

export interface Problem {
  rule: string;
  message: string;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Every import of one source file. */
export function importsOf(file: string, source: string): Import[] {
  const parsed = parseSync(file, source);
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  const out: Import[] = [];
  const add = (specifier: string, start: number, typeOnly: boolean) => {
    const target = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
    out.push({ from: file, line: lineOf(source, start), specifier, target, typeOnly });
  };
  for (const i of parsed.module.staticImports) {
    add(i.moduleRequest.value, i.start, i.entries.length > 0 && i.entries.every((e) => e.isType));
  }
  for (const e of parsed.module.staticExports) {
    // Only `export … from`: exporting an imported name is recorded too, under its import's span,
    // with the name itself outside that span.
    const re = e.entries.filter((entry) => entry.moduleRequest && entry.start >= e.start && entry.end <= e.end);
    if (re.length > 0) add(re[0]!.moduleRequest!.value, e.start, re.every((entry) => entry.isType));
  }
  for (const d of parsed.module.dynamicImports) {
    const text = source.slice(d.moduleRequest.start, d.moduleRequest.end);
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(text);
    if (literal) add(literal[2]!, d.start, false);
  }
  return out;
}

function filesUnder(root: string, dir: string): string[] {
  const base = join(root, dir);
  let entries;
  try {
    entries = readdirSync(base, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && CODE.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort();
}

/** The import graph of core/, electron/ and renderer/ under `root`. */
export function collectImports(root: string): { files: string[]; imports: Import[] } {
  const files = SCANNED.flatMap((dir) => filesUnder(root, dir));
  const imports = files.flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));
  return { files, imports };
}

// ---------------------------------------------------------------- rules

const rankOf = new Map(LAYERS.flatMap(({ rank, folders }) => folders.map((folder) => [folder, rank] as const)));

/** `core/ledger/x.ts` → `ledger`; null outside core/. A file directly in core/ has folder ''. */
function coreFolder(path: string): string | null {
  if (!path.startsWith('core/')) return null;
  const parts = path.split('/');
  return parts.length > 2 ? parts[1]! : '';
}

const at = (i: Import) => `${i.from}:${i.line} imports ${i.specifier}`;
/** A package import (`react`, `react/jsx-runtime`), never a project path that happens to start the same. */
const isPackage = (i: Import, name: string) => !i.specifier.startsWith('.') && (i.target === name || i.target.startsWith(`${name}/`));

function below(rank: number): string {
  const names = LAYERS.filter((l) => l.rank < rank).flatMap((l) => l.folders);
  return names.length > 0 ? names.join(', ') : 'nothing';
}

function checkImport(i: Import, problems: Problem[]): void {
  const fromFolder = coreFolder(i.from);
  const toFolder = coreFolder(i.target);
  const project = i.specifier.startsWith('.');
  if (fromFolder !== null) {
    if (isPackage(i, 'electron') || isPackage(i, 'react') || isPackage(i, 'react-dom')) {
      problems.push({ rule: 'core-runs-in-node', message: `${at(i)}: core/ runs in plain Node and never imports Electron or React` });
    }
    if (project && (i.target.startsWith('renderer/') || i.target.startsWith('electron/'))) {
      problems.push({ rule: 'core-runs-in-node', message: `${at(i)}: core/ never imports ${i.target.split('/')[0]}/` });
    }
  }
  if (fromFolder === 'shared' && !project) {
    problems.push({ rule: 'shared-is-pure', message: `${at(i)}: core/shared is pure (the renderer imports it): no Node module or package` });
  }
  if (fromFolder === 'rules' && project && toFolder !== 'rules' && toFolder !== 'shared') {
    problems.push({ rule: 'rules-are-data', message: `${at(i)}: core/rules holds data and imports only core/shared` });
  }
  if (fromFolder === 'rules' && i.target.startsWith('node:')) {
    problems.push({ rule: 'rules-are-data', message: `${at(i)}: core/rules holds data: no Node module` });
  }
  if (toFolder === 'score-fit' && fromFolder !== 'score-fit') {
    problems.push({ rule: 'fitting-apart', message: `${at(i)}: core/score-fit (fitting the model) is never imported by code that runs in the app; only scripts/ and test/ use it` });
  }
  checkLayerOrder(i, fromFolder, toFolder, problems);
  checkShells(i, toFolder, problems);
}

function checkLayerOrder(i: Import, fromFolder: string | null, toFolder: string | null, problems: Problem[]): void {
  // core/rules has the stricter rule of its own (rules-are-data).
  if (fromFolder === null || toFolder === null || !i.specifier.startsWith('.') || fromFolder === toFolder || fromFolder === 'rules') return;
  const from = rankOf.get(fromFolder);
  const to = rankOf.get(toFolder);
  // A folder in no layer is reported once, for its files (checkImports).
  if (from === undefined || to === undefined) return;
  if (to > from) {
    problems.push({ rule: 'layer-order', message: `${at(i)}: upward import, core/${fromFolder} (layer ${from}) may import only the layers below it (${below(from)}), and core/${toFolder} is layer ${to}` });
  } else if (to === from) {
    problems.push({ rule: 'layer-order', message: `${at(i)}: core/${fromFolder} and core/${toFolder} are peers (layer ${from}) and may not import each other` });
  }
}

function checkShells(i: Import, toFolder: string | null, problems: Problem[]): void {
  const project = i.specifier.startsWith('.');
  if (i.from.startsWith('renderer/')) {
    if (i.target.startsWith('node:') || isPackage(i, 'electron')) {
      problems.push({ rule: 'renderer-is-a-page', message: `${at(i)}: the renderer is a sandboxed page: no Node module, no Electron` });
    }
    if (project && i.target.startsWith('electron/')) {
      problems.push({ rule: 'renderer-is-a-page', message: `${at(i)}: the renderer reaches main only through the bridge, never electron/` });
    }
    if (project && toFolder !== null) {
      const allowed = RENDERER_MAY_IMPORT.anything.some((p) => i.target.startsWith(p)) || (i.typeOnly && (RENDERER_MAY_IMPORT.typesOnly as readonly string[]).includes(i.target));
      if (!allowed) {
        problems.push({
          rule: 'renderer-imports',
          message: `${at(i)}: the renderer imports of core only core/shared and the types of ${RENDERER_MAY_IMPORT.typesOnly.join(' and ')} (import type)`,
        });
      }
    }
  }
  if (i.from.startsWith('electron/') && project && (i.target.startsWith('renderer/') || toFolder === 'cli' || toFolder === 'preview')) {
    problems.push({ rule: 'shells-apart', message: `${at(i)}: electron/ is a shell beside core/cli and core/preview and the renderer: it imports none of them` });
  }
}

/** Import circles among the files (type-only imports count: a type cycle is a design cycle too). */
function cycles(files: readonly string[], imports: readonly Import[]): Problem[] {
  const known = new Set(files);
  const out = new Map<string, Import[]>();
  for (const i of imports) if (known.has(i.target) && i.target !== i.from) (out.get(i.from) ?? out.set(i.from, []).get(i.from)!).push(i);
  // Tarjan's strongly connected components, iteratively (no recursion depth limit).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, edge] = frame;
      const edges = out.get(node) ?? [];
      if (edge < edges.length) {
        frame[1]++;
        const to = edges[edge]!.target;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  // Each circle shown as one closed path through its files (the shortest from its first file), every step with its line.
  return components.map((component) => {
    const inside = new Set(component);
    const start = component[0]!;
    const via = new Map<string, Import>();
    const queue = [start];
    let closing: Import | undefined;
    while (queue.length > 0 && !closing) {
      const node = queue.shift()!;
      for (const step of out.get(node) ?? []) {
        if (step.target === start) {
          closing = step;
          break;
        }
        if (inside.has(step.target) && !via.has(step.target)) {
          via.set(step.target, step);
          queue.push(step.target);
        }
      }
    }
    const path: Import[] = [closing!];
    while (path[0]!.from !== start) path.unshift(via.get(path[0]!.from)!);
    const steps = path.map((i) => `${i.from}:${i.line} → ${i.target}`).join(', ');
    return { rule: 'no-cycles', message: `import circle: ${steps}${component.length > path.length ? ` (the circle holds ${component.join(', ')})` : ''}` };
  });
}

/** Every broken rule of an import graph. */
export function checkImports(files: readonly string[], imports: readonly Import[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const folder = coreFolder(file);
    if (folder === '') problems.push({ rule: 'layer-order', message: `${file} sits directly in core/, in no layer: move it into a layer folder` });
    else if (folder !== null && !rankOf.has(folder)) {
      problems.push({ rule: 'layer-order', message: `${file}: core/${folder} is in no layer: move the file into a layer folder, or add the folder to the layer table (scripts/check-dependencies.ts, ARCHITECTURE.md)` });
    }
  }
  for (const i of imports) checkImport(i, problems);
  return [...problems, ...cycles(files, imports)];
}

/** Checks the tree under `root`; prints the outcome. Returns the process exit code. */
export function main(root: string, print: (line: string) => void = console.log): number {
  const { files, imports } = collectImports(root);
  const problems = checkImports(files, imports);
  if (problems.length === 0) {
    print(`dependencies: ${files.length} files, ${imports.length} imports; no cycle, no upward import, every layer rule holds (ARCHITECTURE.md)`);
    return 0;
  }
  print(`dependencies: ${problems.length} broken rule${problems.length === 1 ? '' : 's'} (ARCHITECTURE.md):`);
  for (const p of problems) print(`  [${p.rule}] ${p.message}`);
  return 1;
}

if (import.meta.main) process.exitCode = main(resolve(process.argv[2] ?? resolve(import.meta.dirname, '..')));
