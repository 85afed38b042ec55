// Renders the model card (Markdown) from the fitted model's data alone, so the card and the JSON
// can never disagree. Deterministic: the same model gives byte-identical text.

import type { BureauModel, FeatureDoc, ModelSegment } from '../score/bureau-scorecard.ts';

const f3 = (v: number): string => v.toFixed(3);
const f4 = (v: number): string => v.toFixed(4);
const pct = (v: number, d = 1): string => `${(v * 100).toFixed(d)}%`;
const signed = (v: number): string => (v >= 0 ? `+${f4(v)}` : `−${f4(-v)}`);
const esc = (s: string): string => s.replace(/\|/g, '\\|');

function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const sep = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [header, sep, ...rows.map((r) => r.map(String))].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function ivStrength(iv: number): string {
  if (iv < 0.02) return 'not predictive';
  if (iv < 0.1) return 'weak';
  if (iv < 0.3) return 'medium';
  return 'strong';
}

function featureSection(docs: FeatureDoc[]): string {
  const out: string[] = [];
  for (const d of docs) {
    out.push(`### \`${d.name}\` — ${d.label.en} / ${d.label['zh-CN']}`);
    out.push('');
    out.push(`- **Definition:** ${d.definition.en}`);
    out.push(`- **定义：** ${d.definition['zh-CN']}`);
    out.push(`- **Ledger:** ${d.ledger}`);
    out.push(`- **From the fitting file:** ${d.dataset}`);
    out.push(`- **Direction:** ${d.direction === 'higher-is-riskier' ? 'higher is riskier (fewer points)' : 'higher is safer (more points)'}; range ${d.range.min}–${d.range.max ?? '∞'}.`);
    out.push(`- **Reason text:** “${d.reason['zh-CN']}” / “${d.reason.en}”`);
    out.push(`- **What moves it:** ${d.effect.en} ${d.effect['zh-CN']}`);
    out.push('');
  }
  return out.join('\n');
}

function segmentSection(s: ModelSegment, docs: Map<string, FeatureDoc>): string {
  const out: string[] = [];
  out.push(`### Card “${s.id}”: ${s.label.en} / ${s.label['zh-CN']}`);
  out.push('');
  const rule = [s.rule.lower !== null ? `≥ ${s.rule.lower}` : '', s.rule.upper !== null ? `< ${s.rule.upper}` : ''].filter(Boolean).join(' and ');
  out.push(
    `Applies when \`${s.rule.feature}\` ${rule}. Fitting rows: ${s.rows.toLocaleString('en-US')} (${s.bads.toLocaleString('en-US')} defaults, ${pct(s.badRate)}). ` +
      `Intercept (log-odds good:bad at WOE 0) ${f4(s.intercept)}; **base points ${s.basePoints}**; scores on this card run from ${s.minScore} to ${s.maxScore}.`,
  );
  out.push('');
  out.push(
    table(
      ['feature', 'coefficient', 'IV', 'strength', 'bins', 'max points'],
      s.features.map((f) => [`\`${f.name}\``, f4(f.coefficient), f3(f.iv), ivStrength(f.iv), f.bins.length, f.maxPoints]),
      ['l', 'r', 'r', 'l', 'r', 'r'],
    ),
  );
  out.push('');
  for (const f of s.features) {
    const doc = docs.get(f.name)!;
    out.push(`**\`${f.name}\`** (${doc.label.en}; IV ${f3(f.iv)})`);
    out.push('');
    out.push(
      table(
        ['bin', 'rows', 'share', 'default rate', 'WOE', 'IV', 'points'],
        f.bins.map((b) => [esc(b.label), b.count.toLocaleString('en-US'), pct(b.share), pct(b.badRate), f4(b.woe), f4(b.iv), b.points]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    out.push('');
    out.push(`Missing value (${f.missing.treatment}, ${f.missing.count} fitting rows): WOE ${f4(f.missing.woe)}, ${f.missing.points} points.`);
    out.push('');
  }
  return out.join('\n');
}

function percentileSection(model: BureauModel): string {
  const t = model.percentiles;
  const at = (s: number): number => (s < t.minScore ? 0 : s > t.maxScore ? 100 : t.below[s - t.minScore]!);
  const rows: (string | number)[][] = [];
  const first = Math.ceil(t.minScore / 10) * 10;
  const { offset, factor } = model.scaling;
  for (let s = first; s <= t.maxScore; s += 10) {
    const pd = 1 / (1 + Math.exp((s - offset) / factor));
    rows.push([s, `${at(s).toFixed(1)}%`, pct(pd)]);
  }
  // Scores at the deciles: the lowest score with at least q% of the population below or at it.
  const n = t.below.length;
  const deciles: (string | number)[][] = [];
  for (let q = 10; q <= 90; q += 10) {
    let s = t.minScore;
    for (let k = 0; k < n; k++) {
      const atOrBelow = k + 1 < n ? t.below[k + 1]! : 100;
      if (atOrBelow >= q) {
        s = t.minScore + k;
        break;
      }
    }
    deciles.push([`${q}%`, s]);
  }
  return [
    `Relative position (相对位置) among ${t.population}: the share scoring strictly lower (“高于 X% 的人”). The model JSON keeps every whole score from ${t.minScore} to ${t.maxScore}; below are every 10 points, with the default probability the score stands for under the scaling.`,
    '',
    table(['score', 'population below', 'implied default probability'], rows, ['r', 'r', 'r']),
    '',
    'Score at each decile of the fitting population (the lowest score with at least that share at or below it):',
    '',
    table(['decile', 'score'], deciles, ['r', 'r']),
  ].join('\n');
}

function latenessLimitation(model: BureauModel): string {
  const { patterns } = model.support;
  const curedOne = patterns.filter((x) => x.worst === 1 && x.current === 0).reduce((t, x) => t + x.rows, 0);
  const oneEarlier = patterns.filter((x) => x.worst === 1 && x.lateMonths > (x.current === 1 ? 1 : 0)).reduce((t, x) => t + x.rows, 0);
  return (
    `- **Lateness patterns the file lacks.** ${patterns.length} combinations of worst lateness, current lateness and late months occur in the file (each with its rows and defaults in the model JSON, \`support\`). ` +
    `${curedOne.toLocaleString('en-US')} rows have worst lateness 1 with none now (a 1–30-day late in months 2–6, repaid), and ${oneEarlier.toLocaleString('en-US')} of ${model.provenance.dataset.rows.toLocaleString('en-US')} have worst lateness 1 in any of months 2–6 (the PAY_0 = 1 quirk, §2), although that is the commonest late in a Chinese ledger. ` +
    'The Credence engine labels a person whose pattern has no row as extrapolated, scores the point on the clean card with the expert adjustment for a late within 24 months, and keeps the delinquent card\'s own reading in the range (core/score/bureau-reading.ts).'
  );
}

export function renderModelCard(model: BureauModel): string {
  const v = model.validation;
  const p = model.provenance;
  const docs = new Map(model.features.map((d) => [d.name as string, d]));
  const baselineRow = (b: (typeof v.baselines)[number]) => [esc(b.name), f3(b.auc), f3(b.ks), signed(v.auc.mean - b.auc)];
  const revolving = v.revolvingOnCleanCard
    .map((r) => `${pct(r.defaultRate)} default among the ${r.rows.toLocaleString('en-US')} never-late holders with ${r.months} of 6 months revolving`)
    .join('; ');
  const lines: string[] = [];
  const push = (...xs: string[]) => lines.push(...xs);

  push(
    `# Model card: ${model.name.en} (${model.id} ${model.version})`,
    '',
    `<!-- Generated by ${p.fitter} from core/score/models/bureau-v1.json. Do not edit by hand: change the fitting code and re-run. -->`,
    '',
    `${model.description.en}`,
    '',
    `${model.description['zh-CN']}`,
    '',
    `**Validation (${v.k}-fold × ${v.repeats}, stratified):** AUC **${f4(v.auc.mean)} ± ${f4(v.auc.sd)}**, KS **${f4(v.ks.mean)} ± ${f4(v.ks.sd)}**, Gini **${f4(v.gini.mean)} ± ${f4(v.gini.sd)}** (mean ± sd over ${v.folds.length} folds). ` +
      `Baselines on the same file: ${v.baselines.map((b) => `${f3(b.auc)} (${b.short})`).join(', ')}.`,
    '',
    `Fit date ${p.fitDate}; seed ${p.seed}; dataset sha256 \`${p.dataset.sha256}\`; fitting code sha256 \`${p.code.sha256}\`.`,
    '',
    '## 1. Purpose and intended use',
    '',
    '- Give a Credence user a bureau-style score computed from their own monthly account history in the ledger (statement balances, credit lines, payments, months late), with the points each feature earns against the best it could earn, the reasons that held it down (zh-CN and en), and the score\'s relative position in the fitting population.',
    '- It ranks default risk the way a bureau score does. It is **not** the PBOC Credit Reference Center\'s score (数字解读), nor Sesame, WeChat Pay Score or any lender\'s score, and must not be shown as one.',
    '- Not for lending decisions about other people. The default probabilities it implies are those of the fitting population (Taiwanese card holders in 2005, 22% of whom defaulted), not a forecast for a Credence user.',
    '',
    '## 2. Data',
    '',
    table(
      ['', ''],
      [
        ['file', `\`${p.dataset.file}\` in \`${esc(p.dataset.location)}\``],
        ['sha256', `\`${p.dataset.sha256}\``],
        ['rows', `${p.dataset.rows.toLocaleString('en-US')} (${p.dataset.bads.toLocaleString('en-US')} defaults, ${pct(p.dataset.badRate)})`],
        ['population', p.dataset.population],
        ['period', p.dataset.period],
        ['target', '`default payment next month` (1 = default in October 2005)'],
        ['citation', p.dataset.citation],
        ['publisher', p.dataset.publisher],
        ['licence', p.dataset.licence],
        ['copy', p.dataset.copiedFrom],
      ],
    ),
    '',
    'Each row is restated as six months of one card account in the ledger\'s terms (`core/score-fit/taiwan-dataset.ts`), and the features are computed from those months by the same code the ledger calls (`core/score/bureau-features.ts`):',
    '',
    '- **Months late** from the repayment status PAY_0 (September), PAY_2 … PAY_6 (April): −2 (no consumption), −1 (paid in full) and 0 (revolving credit) are all **not late** (0, PBOC N/*/C); 1 … 8 are 1 … 8 months of payment delay, read as PBOC status digits and capped at 7 (over 180 days).',
    `- **Revolving vs paid in full** is taken from the code (0 = revolving: minimum or more paid, a balance carried; −1 = paid in full; −2 = no use). The ledger would derive it from amounts (paid in full when the statement was settled by its due date; revolving when a balance was carried). **The model does not use it**: months revolving and months paid in full add nothing once the features below are in (see §6), and in this file carrying a balance while never late goes with *fewer* defaults (${revolving}), so a feature in the sensible direction is flat and one in the data's direction would reward paying interest.`,
    '- **Statement balance** BILL_AMTm, **credit line** LIMIT_BAL, **paid** PAY_AMTm. PAY_AMTm is paid in month m and settles the statement of the month before (BILL_AMT(m+1)): 51–61% of paid-in-full months have PAY_AMTm equal to BILL_AMT(m+1) to the dollar, against 9–13% for BILL_AMTm.',
    '- **Not used:** LIMIT_BAL on its own (NT$ credit lines mean nothing against CNY lines: it appears only as the denominator of ratios), BILL_AMT and PAY_AMT as amounts, SEX, EDUCATION, MARRIAGE. AGE was measured and left out (§6).',
    '- **A quirk of the file:** status 1 (one month late) occurs in 12% of PAY_0 values but almost never in PAY_2 … PAY_6, where lateness jumps from 0 to 2; a third of PAY_0 = 1 rows had no use the month before. So month-late counts in this file are not clean 30-day buckets; the binning merges statuses where the data cannot tell them apart.',
    '',
    '## 3. Method',
    '',
    `- **Two scorecards** (segments), as bureau scores segment “clean” and “dirty” files: \`${model.segmentFeature}\` = 0 picks the clean card, 1 or more the delinquent card. What ranks people who were never late (how they use their lines) is not what ranks people who were (how late, how often, how much they repay); one card for everyone loses ${f4(-(v.comparisons.find((c) => c.name.startsWith('One card'))?.deltaAuc ?? 0))} AUC (§6). Both cards share one scaling, so their scores are on one scale.`,
    `- **Binning:** ${p.method.binning}. The share is of the card's own fitting rows.`,
    `- **Regression:** ${p.method.regression}.`,
    `- **Scaling:** score = offset + factor × ln(odds good:bad), factor = PDO / ln 2 = ${model.scaling.factor.toFixed(4)}, offset = ${model.scaling.baseScore} − factor × ln ${model.scaling.baseOdds} = ${model.scaling.offset.toFixed(4)}. **${model.scaling.baseScore} points at odds ${model.scaling.baseOdds}:1, PDO ${model.scaling.pdo}** (Siddiqi 2012, PDtoolkit's defaults): every ${model.scaling.pdo} points doubles the odds of repaying.`,
    `- **Points:** ${p.method.points}.`,
    `- **Missing values:** ${p.method.missing}.`,
    '- **Feature selection:** an exploratory forward selection by cross-validated AUC (not part of the fitting script) among about 40 ledger-computable candidates (threshold variants included): status counts, worst status and recency over 3 and 6 months, longest late run, utilisation levels, averages, maxima, trends and threshold counts, payment-to-bill and payment-to-line ratios, inactivity, revolving and paid-in-full months, age; run per card. Every feature kept must cost AUC when removed, which the script re-measures on each fit (§6).',
    '',
    '## 4. Features',
    '',
    'The ledger aggregates a person\'s accounts month by month before computing them: statuses take the worst account (cards and loans); balances, lines and payments are summed over revolving accounts (credit cards, Huabei, Baitiao, Meituan 月付). Month 1 is the latest complete month. No feature depends on a currency.',
    '',
    featureSection(model.features),
    '## 5. Scorecards: bins, WOE, IV, coefficients, points',
    '',
    'WOE = ln(share of the card\'s goods in the bin ÷ share of its bads), so a higher WOE is safer; IV = Σ (good share − bad share) × WOE. IV strength (scorecard R package\'s rule of thumb): < 0.02 not predictive, < 0.1 weak, < 0.3 medium, otherwise strong. IV is a feature\'s strength on its own within its card; what it adds next to the card\'s other features is measured in §6 (“Remove …”): on the clean card, where every signal is weak, a feature of low IV can still add. Each feature\'s worst bin earns 0 points.',
    '',
    ...model.segments.map((s) => segmentSection(s, docs)),
    '## 6. Validation',
    '',
    `${v.scheme[0]!.toUpperCase()}${v.scheme.slice(1)}.`,
    '',
    table(
      ['metric', 'mean', 'sd', 'in-sample (final model, all rows)'],
      [
        ['AUC', f4(v.auc.mean), f4(v.auc.sd), f4(v.inSample.auc)],
        ['KS', f4(v.ks.mean), f4(v.ks.sd), f4(v.inSample.ks)],
        ['Gini', f4(v.gini.mean), f4(v.gini.sd), f4(v.inSample.gini)],
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    '**Against the baselines** measured outside the project on the same file with the same scheme (3 × stratified 5-fold):',
    '',
    table(['model', 'AUC', 'KS', 'this model\'s AUC minus'], v.baselines.map(baselineRow), ['l', 'r', 'r', 'r']),
    '',
    `This model beats the 8-quantile WOE logistic baseline although it gives up the columns that baseline used and the ledger cannot supply in a currency-neutral way (the NT$ credit line, sex, education, marriage, age). It stays below gradient boosting on all 23 columns. Gradient boosting restricted to information this model may use (the six statuses, and utilisation, payment-to-line and payment-to-bill ratios per month; no amounts, no credit line, no demographics) was measured at about 0.774 AUC (scikit-learn HistGradientBoosting, one stratified 5-fold, outside the project), so about two-thirds of the gap to 0.783 comes from information this model may not use (NT$ amounts and credit line, demographics) and the rest from its additive, monotone form.`,
    '',
    '**Design choices measured** with the same folds (mean AUC over all folds; “left out” lists features a fold left out: one bin, or a wrong-sign coefficient):',
    '',
    table(
      ['variant', 'AUC', 'sd', 'KS', 'Δ AUC', 'left out in some fold'],
      v.comparisons.map((c) => [esc(c.name), f4(c.auc), f4(c.aucSd), f4(c.ks), signed(c.deltaAuc), c.dropped.length ? esc(c.dropped.join(', ')) : '—']),
      ['l', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    'Age adds almost nothing and is left out: it cannot be changed, its risk curve is U-shaped (young and older holders default more) so a monotone bin captures little, and a score a person can act on is worth more than a hair of AUC. The ledger never has to ask for it.',
    '',
    '**Per fold:**',
    '',
    table(
      ['repeat', 'fold', 'test rows', 'AUC', 'KS', 'Gini', 'left out'],
      v.folds.map((x) => [x.repeat, x.fold + 1, x.testRows, f4(x.auc), f4(x.ks), f4(x.gini), x.dropped.length ? esc(x.dropped.join(', ')) : '—']),
      ['r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    '## 7. Score and relative position',
    '',
    percentileSection(model),
    '',
    '## 8. Known limitations',
    '',
    '- **Population.** Card holders of one Taiwanese bank in April–September 2005, during the run-up to Taiwan\'s 2005–2006 card-debt crisis, with a 22% default rate. Credence users are people in mainland China living on platform credit (Huabei, Baitiao, Jiebei, Weilidai, 月付) and cards, twenty years later. Rankings may carry over; levels (default probabilities, percentiles) will not.',
    '- **Not PBOC data.** The PBOC report records 24/60-month status grids with the alphabet N, 1–7, C, *, #, B, G, D, Z…; this file has six monthly statuses of one card. The mapping (N, *, C, M, #, / → 0; digits → months late; B, G → 7; D, Z → 1) is ours; and the file\'s own status codes are inconsistent (see the PAY_0 = 1 quirk in §2).',
    '- **One account per row.** The features are defined over a person\'s accounts aggregated per month, but were fitted on single cards. A person with many platform lines, or instalment loans (Jiebei, Weilidai) that have no “credit line”, is outside what was fitted; the ledger should aggregate as §4 says and show the score as illustrative.',
    '- **Behavioural, not application, data.** Six months of history and a next-month default target: it is a short-horizon behaviour score, not the 12–24-month outlook of an application or bureau score. Query counts, account ages, number of online-lender accounts and debt-to-income, which Chinese lenders weigh (docs/domain/lender-heuristics.md), are not in the file and not in the model.',
    '- **Idle-line effect.** The clean card gives fewer points to lines left unused or nearly so. That is what this file shows (and what Credit Karma\'s grades show for 0% utilisation); it may reflect card holders who had moved their spending elsewhere. The reason text is worded so that nobody is told to borrow to raise the score.',
    latenessLimitation(model),
    '- **Monotone by construction.** Every feature moves the score only in its documented direction, which gives up some fit where the data are not monotone (utilisation, which is U-shaped before the idle-line features take the low end).',
    '- **Rounding.** Points are whole numbers; the cross-validated figures are for the whole-point cards as shipped.',
    '',
    '## 9. Reproduce',
    '',
    '```sh',
    'npm run fit:bureau                            # re-fits; rewrites core/score/models/bureau-v1.json and this card',
    'npm run fit:bureau -- --check                 # re-fits and fails if either file would change',
    'npm run fit:bureau -- --fit-date 2026-01-31   # records a new fit date (otherwise the committed one is kept)',
    '```',
    '',
    `The fit is deterministic (fixed seed, no parallelism, whole-point rounding): the same file and code give byte-identical outputs, and \`npm run fit:bureau -- --check\` re-fits and lists any value or line that would change. The fitting code sha256 covers the recipe and every module it imports for values (files named from the repository root, in this order, line endings normalised): ${p.code.files.map((f) => `\`${f}\``).join(', ')}.`,
    '',
  );
  return lines.join('\n');
}
