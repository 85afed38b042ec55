// Fits the bureau-style scorecard on the UCI Taiwan credit-card file and writes the model as
// versioned data (core/score/models/bureau-v1.json) and its model card
// (core/score/models/bureau-v1.model-card.md). Deterministic: the same file and code give
// byte-identical outputs.
//
//   node scripts/fit-bureau.ts [--check] [--fit-date YYYY-MM-DD] [--dataset PATH]
//
// --check      re-fit and compare with the committed files, writing nothing; exit 1 with the
//              changed values of the model and the changed lines of the card if either differs.
// --fit-date   the fit date to record; default: the one in the committed model, else today (UTC+8).
// --dataset    default: the committed copy, test/datasets/taiwan-default-of-credit-card-clients.tsv.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModel, DATASET, fitBureau, sha256 } from '../core/score-fit/bureau-fit.ts';
import { fittingCodeVersion } from '../core/score-fit/code-version.ts';
import { renderModelCard } from '../core/score-fit/model-card.ts';
import { toUtc8Iso } from '../core/shared/calendar.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelPath = join(repoRoot, 'core/score/models/bureau-v1.json');
const cardPath = join(repoRoot, 'core/score/models/bureau-v1.model-card.md');

const SHOWN = 12;

interface Output {
  path: string;
  fresh: string;
  /** What a fresh fit changes in the committed text, one line per change. */
  changes(committed: string, fresh: string): string[];
}

/** --check: compares each output with the committed file; exit 1 with what differs. */
function check(outputs: Output[]): number {
  let stale = 0;
  for (const { path, fresh, changes } of outputs) {
    const name = relative(repoRoot, path).split('\\').join('/');
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (committed === fresh) {
      console.log(`check     ${name} matches a fresh fit`);
      continue;
    }
    stale++;
    const found = committed === null ? ['(not committed)'] : changes(committed, fresh);
    console.error(`check     ${name} differs from a fresh fit (${found.length} change${found.length === 1 ? '' : 's'}):`);
    for (const line of found.slice(0, SHOWN)) console.error(`            ${line}`);
    if (found.length > SHOWN) console.error(`            … and ${found.length - SHOWN} more`);
  }
  if (stale) console.error('fit-bureau: the committed model is not what the code and dataset produce; run npm run fit:bureau and commit both files');
  return stale ? 1 : 0;
}

const brief = (v: unknown): string => {
  const text = v === undefined ? '(absent)' : JSON.stringify(v);
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
};

const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** An array of strings (a file list), compared as a set of items rather than by index. */
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The JSON values a fresh fit changes, by path: `provenance.code.sha256: "e0…" → "50…"`. */
function changedValues(committed: string, fresh: string): string[] {
  let before: unknown;
  try {
    before = JSON.parse(committed);
  } catch {
    return changedLines(committed, fresh);
  }
  const walk = (a: unknown, b: unknown, path: string): string[] => {
    if (isList(a) && isList(b)) {
      const gone = a.filter((v) => !b.includes(v));
      const come = b.filter((v) => !a.includes(v));
      if (!gone.length && !come.length) return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: reordered`];
      return [`${path}: ${[...gone.map((v) => `− ${brief(v)}`), ...come.map((v) => `+ ${brief(v)}`)].join(', ')}`];
    }
    if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      return keys.flatMap((k) => walk(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k));
    }
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path || '(whole file)'}: ${brief(a)} → ${brief(b)}`];
  };
  const values = walk(before, JSON.parse(fresh), '');
  return values.length ? values : changedLines(committed, fresh);
}

/** The lines a fresh fit removes (`-N`, line N of the committed file) and adds (`+N`, of the fresh one). */
function changedLines(committed: string, fresh: string): string[] {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  // Longest common subsequence from the end, then one walk from the start.
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const removed: [number, string][] = [];
  const added: [number, string][] = [];
  const out: string[] = [];
  const flush = (): void => {
    removed.forEach(([n, text], k) => out.push(`-${n} ${excerpt(text, added[k]?.[1])}`));
    added.forEach(([n, text], k) => out.push(`+${n} ${excerpt(text, removed[k]?.[1])}`));
    removed.length = 0;
    added.length = 0;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      removed.push([i + 1, a[i++]!]);
    } else {
      added.push([j + 1, b[j++]!]);
    }
  }
  flush();
  return out;
}

/** A changed line from shortly before where it first differs from its counterpart. */
function excerpt(line: string, counterpart: string | undefined): string {
  let at = 0;
  if (counterpart !== undefined) while (at < line.length && line[at] === counterpart[at]) at++;
  const from = Math.max(0, at - 24);
  return brief(`${from > 0 ? '…' : ''}${line.slice(from)}`);
}

function main(): number {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      'fit-date': { type: 'string' },
      dataset: { type: 'string' },
    },
  });
  const datasetPath = values.dataset ? resolve(values.dataset) : resolve(repoRoot, DATASET.location, DATASET.file);
  if (!existsSync(datasetPath)) {
    console.error(`fit-bureau: dataset not found: ${datasetPath}`);
    return 2;
  }
  let fitDate = values['fit-date'];
  if (fitDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fitDate)) {
    console.error(`fit-bureau: --fit-date must be YYYY-MM-DD, got ${fitDate}`);
    return 2;
  }
  if (fitDate === undefined && existsSync(modelPath)) {
    fitDate = (JSON.parse(readFileSync(modelPath, 'utf8')) as { provenance?: { fitDate?: string } }).provenance?.fitDate;
  }
  fitDate ??= toUtc8Iso().slice(0, 10);

  const started = performance.now();
  const bytes = readFileSync(datasetPath);
  const fit = fitBureau(bytes.toString('utf8'), { comparisons: true });
  const model = buildModel(fit, { datasetSha256: sha256(bytes), fitDate, code: fittingCodeVersion(repoRoot) });
  const json = `${JSON.stringify(model, null, 2)}\n`;
  const card = renderModelCard(model);
  const seconds = (performance.now() - started) / 1000;

  const { cv, inSample } = fit;
  console.log(`dataset   ${datasetPath} (${fit.data.rows} rows)`);
  console.log(`k-fold    AUC ${cv.auc.mean.toFixed(4)} ± ${cv.auc.sd.toFixed(4)}   KS ${cv.ks.mean.toFixed(4)} ± ${cv.ks.sd.toFixed(4)}   Gini ${cv.gini.mean.toFixed(4)} ± ${cv.gini.sd.toFixed(4)}   (${cv.folds.length} folds)`);
  console.log(`in-sample AUC ${inSample.auc.toFixed(4)}   KS ${inSample.ks.toFixed(4)}   Gini ${inSample.gini.toFixed(4)}`);
  console.log('baselines AUC 0.758 (8-quantile WOE logistic), 0.783 (gradient boosting)');
  for (const s of model.segments) {
    console.log(`card ${s.id}: ${s.rows} rows, default rate ${(s.badRate * 100).toFixed(1)}%, base ${s.basePoints}, scores ${s.minScore}–${s.maxScore}`);
    for (const f of s.features) {
      console.log(`  ${f.name.padEnd(28)} IV ${f.iv.toFixed(3)}  coef ${f.coefficient.toFixed(3)}  points ${f.bins.map((b) => `${b.label}:${b.points}`).join('  ')}`);
    }
  }
  for (const c of fit.comparisons) console.log(`  ${c.deltaAuc >= 0 ? '+' : ''}${c.deltaAuc.toFixed(4)}  ${c.name}`);
  console.log(`time      ${seconds.toFixed(1)} s (cross-validation ${fit.seconds.crossValidation.toFixed(1)} s, design comparisons ${fit.seconds.comparisons.toFixed(1)} s)`);

  if (values.check) return check([
    { path: modelPath, fresh: json, changes: changedValues },
    { path: cardPath, fresh: card, changes: changedLines },
  ]);
  writeFileSync(modelPath, json);
  writeFileSync(cardPath, card);
  console.log(`wrote     ${relative(repoRoot, modelPath)}, ${relative(repoRoot, cardPath)} (fit date ${fitDate})`);
  return 0;
}

process.exitCode = main();
