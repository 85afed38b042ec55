// Presentation mode masks in one place: renderer/src/presentation/format.ts. This holds the
// renderer to it — no other module may import core's formatFen (an amount written past the mask
// would show on screen while presenting) — and checks the formatter follows the mask in force.

import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_MASK } from '../../core/shared/presentation-mask.ts';
import { setCurrentMask } from '../../renderer/src/presentation/current-mask.ts';
import { bandLabel, fieldYuan, formatFen, identifier, personName, phoneText, prose, scoreValue } from '../../renderer/src/presentation/format.ts';
import { rendererSrc, sourceFiles } from '../helpers/renderer-sources.ts';

const FORMATTER = 'presentation/format.ts';

describe('the renderer’s one formatter', () => {
  afterEach(() => setCurrentMask(NO_MASK));

  it('is the only renderer module that imports core’s formatFen', () => {
    const importers = sourceFiles(rendererSrc, ['.ts', '.tsx'])
      .filter((file) => /import\s*\{[^}]*\bformatFen\b[^}]*\}\s*from\s*'[./]*core\/shared\/money\.ts'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(rendererSrc, file));
    expect(importers).toEqual([FORMATTER]);
    // …and the features do call it (an import test that could not fail otherwise).
    const callers = sourceFiles(rendererSrc, ['.ts', '.tsx']).filter((file) => readFileSync(file, 'utf8').includes("presentation/format.ts'"));
    expect(callers.length).toBeGreaterThan(20);
    expect(callers.map((file) => relative(rendererSrc, file))).toContain(join('bureau', 'useBureau.ts'));
  });

  it('writes everything as it is with the mode off, and masks by the mask in force', () => {
    const write = () => [formatFen(123_456), personName('王小明'), identifier('招商银行信用卡(8888)'), phoneText('13812345678'), prose('还款 ¥3,000.00 到 招商银行(8888)'), scoreValue(712), bandLabel('良好'), fieldYuan(123_456)];
    expect(write()).toEqual(['¥1,234.56', '王小明', '招商银行信用卡(8888)', '138****5678', '还款 ¥3,000.00 到 招商银行(8888)', '712', '良好', '1234.56']);
    setCurrentMask({ amounts: true, identifiers: true, scores: false });
    // A form field keeps its exact value (the field is covered instead), so an edit never saves a mask.
    expect(write()).toEqual(['¥••••', '王••', '招商银行信用卡(••••)', '•••••••••••', '还款 ¥•••• 到 招商银行(••••)', '712', '良好', '1234.56']);
    setCurrentMask({ amounts: true, identifiers: true, scores: true });
    expect(write().slice(5, 7)).toEqual(['•••', '•••']);
  });
});
