// Fits the bureau-style scorecard on the UCI Taiwan credit-card file and writes the model as
// versioned data (core/score/models/bureau-v1.json) and its model card
// (core/score/models/bureau-v1.model-card.md). Deterministic: the same file and code give
// byte-identical outputs.
//
//   node scripts/fit-bureau.ts [--check] [--fit-date YYYY-MM-DD] [--dataset PATH]
//
// --check      re-fit and compare with the committed files; exit 1 if either would change.
// --fit-date   the fit date to record; default: the one in the committed model, else today (UTC+8).
// --dataset    default: the committed copy, test/datasets/taiwan-default-of-credit-card-clients.tsv.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModel, DATASET, fitBureau, sha256 } from '../core/score/fit/bureau-fit.ts';
import { renderModelCard } from '../core/score/fit/model-card.ts';
import { toUtc8Iso } from '../core/time.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modelPath = join(repoRoot, 'core/score/models/bureau-v1.json');
const cardPath = join(repoRoot, 'core/score/models/bureau-v1.model-card.md');

/** The sources whose hash is recorded as the fitting code's version (line endings normalised). */
function codeVersion(): { sha256: string; files: string[] } {
  const fitDir = join(repoRoot, 'core/score/fit');
  const files = [
    ...readdirSync(fitDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(fitDir, f)),
    join(repoRoot, 'core/score/bureau-scorecard.ts'),
    join(repoRoot, 'scripts/fit-bureau.ts'),
  ]
    .map((f) => relative(repoRoot, f).split('\\').join('/'))
    .sort();
  const hash = sha256(files.map((f) => `${f}\0${readFileSync(join(repoRoot, f), 'utf8').replace(/\r\n/g, '\n')}\0`).join(''));
  return { sha256: hash, files };
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
  const model = buildModel(fit, { datasetSha256: sha256(bytes), fitDate, code: codeVersion() });
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

  if (values.check) {
    const stale = [
      [modelPath, json],
      [cardPath, card],
    ].filter(([path, text]) => !existsSync(path!) || readFileSync(path!, 'utf8') !== text);
    for (const [path] of stale) console.error(`fit-bureau: ${relative(repoRoot, path!)} differs from a fresh fit; run npm run fit:bureau`);
    return stale.length ? 1 : 0;
  }
  writeFileSync(modelPath, json);
  writeFileSync(cardPath, card);
  console.log(`wrote     ${relative(repoRoot, modelPath)}, ${relative(repoRoot, cardPath)} (fit date ${fitDate})`);
  return 0;
}

process.exitCode = main();
