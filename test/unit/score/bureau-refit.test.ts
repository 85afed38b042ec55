// Re-fits the bureau model on the real file (test/datasets) and holds the committed model and card
// to it: the k-fold AUC must match the card within 0.005 and beat the 0.758 baseline, and the
// committed bins, points and fitting-code hash must be what the fitting code produces today.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBureauFeatures } from '../../../core/score/bureau-features.ts';
import { buildModel, DATASET, fitBureau, sha256, type BureauFit } from '../../../core/score-fit/bureau-fit.ts';
import { fittingCodeVersion } from '../../../core/score-fit/code-version.ts';
import { isMonotone } from '../../../core/score-fit/woe-binning.ts';
import { renderModelCard } from '../../../core/score-fit/model-card.ts';
import { parseTaiwanTsv, toCardMonths } from '../../../core/score-fit/taiwan-dataset.ts';
import { scoreBureau, type BureauModel } from '../../../core/score/bureau-scorecard.ts';
import { dataset, REPO_ROOT } from '../../helpers/fixtures.ts';

const datasetPath = dataset(DATASET.file);
const committed = JSON.parse(readFileSync(resolve(REPO_ROOT, 'core/score/models/bureau-v1.json'), 'utf8')) as BureauModel;
const committedCard = readFileSync(resolve(REPO_ROOT, 'core/score/models/bureau-v1.model-card.md'), 'utf8');
const validation = committed.validation;
const provenance = committed.provenance;

describe('bureau model v1 re-fitted on the Taiwan file', () => {
  let bytes: Buffer;
  let fit: BureauFit;
  let seconds: number;

  beforeAll(() => {
    bytes = readFileSync(datasetPath);
    const started = performance.now();
    fit = fitBureau(bytes.toString('utf8'));
    seconds = (performance.now() - started) / 1000;
  }, 120_000);

  it('reads the same file the model was fitted on', () => {
    expect(sha256(bytes)).toBe(provenance.dataset.sha256);
    expect(fit.data.rows).toBe(30_000);
  });

  it('reproduces the card\'s k-fold AUC within 0.005, above the 0.758 baseline', () => {
    expect(fit.cv.folds).toHaveLength(15);
    expect(Math.abs(fit.cv.auc.mean - validation.auc.mean)).toBeLessThanOrEqual(0.005);
    expect(fit.cv.auc.mean).toBeGreaterThan(0.758);
    expect(Math.abs(fit.cv.ks.mean - validation.ks.mean)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.cv.gini.mean - validation.gini.mean)).toBeLessThanOrEqual(0.01);
    expect(seconds).toBeLessThan(60);
  });

  it('fits monotone bins of ≥ 5% per card and positive coefficients, dropping nothing', () => {
    for (const s of fit.card.segments) {
      expect(s.converged).toBe(true);
      expect(s.dropped).toEqual([]);
      for (const f of s.features) {
        expect(isMonotone(f.binning)).toBe(true);
        expect(f.coefficient).toBeGreaterThan(0);
        for (const b of f.binning.bins) expect(b.count / s.rows).toBeGreaterThanOrEqual(0.05);
      }
    }
  });

  it('records the fitting code it was fitted with (otherwise run npm run fit:bureau)', () => {
    const code = fittingCodeVersion(REPO_ROOT);
    expect(code.files).toContain('core/score-fit/bureau-fit.ts');
    expect(code.files).not.toContain('core/score-fit/model-card.ts');
    expect(provenance.code).toEqual(code);
  });

  it('matches the committed model and card (otherwise run npm run fit:bureau)', () => {
    const fresh = buildModel(fit, { datasetSha256: sha256(bytes), fitDate: provenance.fitDate, code: fittingCodeVersion(REPO_ROOT) });
    const withoutComparisons = (m: BureauModel) => ({ ...m, validation: { ...m.validation, comparisons: [] } });
    expect(withoutComparisons(fresh)).toEqual(withoutComparisons(committed));
    expect(committedCard).toBe(renderModelCard(committed));
  });

  it('scores every fitting row through the shipped scorer exactly as the fit did', () => {
    const rows = parseTaiwanTsv(bytes.toString('utf8'));
    rows.forEach((row, i) => {
      expect(scoreBureau(committed, computeBureauFeatures(toCardMonths(row))).score).toBe(fit.scores[i]);
    });
  });
});
