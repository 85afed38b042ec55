import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, slices } from '../../renderer/src/i18n/catalogue.ts';
import { escapeRegExp, rendererSrc, scanSource, sourceFiles, type Scan } from '../helpers/renderer-sources.ts';

const zhCN: Record<string, string> = catalogues['zh-CN'];
const en: Record<string, string> = catalogues.en;

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/**
 * The keys a template can build: `nav.${route}` builds any key under `nav.`, `planned.${r}.title`
 * any `planned.….title`. Only templates that start like a key (`word.` …) count: `${a} ${b}` is
 * not building a key. Each pattern keeps the template's static head as `prefix`, for messages.
 */
function dynamicKeyPatterns(templates: readonly string[][]): { prefix: string; pattern: RegExp }[] {
  const byText = new Map<string, { prefix: string; pattern: RegExp }>();
  for (const parts of templates) {
    const [head = ''] = parts;
    if (!/^[A-Za-z][\w-]*(\.[\w-]+)*\.$/.test(head)) continue;
    const source = `^${parts.map(escapeRegExp).join('.+')}$`;
    byText.set(source, { prefix: head, pattern: new RegExp(source) });
  }
  return [...byText.values()];
}

/** Catalogue keys no source uses: neither as a string literal anywhere nor buildable by a template. */
function unusedKeys(keys: readonly string[], scans: readonly Scan[]): string[] {
  const literal = new Set(scans.flatMap((scan) => [...scan.keys, ...scan.strings]));
  const patterns = dynamicKeyPatterns(scans.flatMap((scan) => scan.templates));
  return keys.filter((key) => !literal.has(key) && !patterns.some(({ pattern }) => pattern.test(key)));
}

describe('message catalogues', () => {
  const zhKeys = Object.keys(zhCN).sort();
  const enKeys = Object.keys(en).sort();

  it('have exactly the same keys', () => {
    expect(zhKeys.length).toBeGreaterThan(20);
    expect(enKeys).toEqual(zhKeys);
  });

  it('are composed of slices that share no key, each in both languages', () => {
    const sliced = Object.values(slices).flatMap((slice) => Object.keys(slice['zh-CN']));
    expect(sliced.filter((key, index) => sliced.indexOf(key) !== index)).toEqual([]);
    expect(sliced.sort()).toEqual(zhKeys);
    for (const [owner, slice] of Object.entries(slices)) expect(Object.keys(slice.en).sort(), owner).toEqual(Object.keys(slice['zh-CN']).sort());
  });

  it.each(Object.keys(catalogues))('%s has no empty messages', (locale) => {
    const empty = Object.entries(catalogues[locale as keyof typeof catalogues]).filter(([, text]) => text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('use the same {placeholders} for each key in both languages', () => {
    const mismatched = zhKeys.filter((key) => placeholders(zhCN[key]!).join() !== placeholders(en[key]!).join());
    expect(mismatched).toEqual([]);
  });

  it('really are in their language', () => {
    // A copy-paste of the Chinese text into the English (or vice versa) passes every other check.
    const sameInBoth = new Set(['app.name']); // the brand
    const untranslated = zhKeys.filter((key) => !sameInBoth.has(key) && zhCN[key]! === en[key]!);
    expect(untranslated).toEqual([]);
    const namesChinese = new Set(['locale.switchTo']); // the way back to Chinese is labelled in Chinese
    const chineseInEn = enKeys.filter((key) => !namesChinese.has(key) && /\p{Script=Han}/u.test(en[key]!));
    expect(chineseInEn).toEqual([]);
  });
});

describe('renderer source scan', () => {
  it('flags literal text in a bad sample and passes a good one (the scanner itself works)', () => {
    const bad = scanSource(
      'bad.tsx',
      `export const A = () => (<div title="Delete me">
        <h1>Some text</h1><p>删除档案</p><input placeholder="名称" /><b>{t('no.such.key')}</b>
        <i>{ok ? 'Yes' : \`No\`}</i><button aria-label={'Close'} /><>{'Loose'}</>
      </div>);`,
    );
    expect(bad.errors).toEqual([]);
    expect(bad.literals).toEqual(['title="Delete me"', 'Some text', '删除档案', 'placeholder="名称"', 'Yes', 'No', 'aria-label="Close"', 'Loose']);
    expect(bad.keys).toEqual(['no.such.key']);

    const good = scanSource(
      'good.tsx',
      `const f = (a: Array<number>, b: number) => a.length > b && b < 3;
       export const B = () => <p className="x" data-testid="y" aria-label={t('a.b')}>{t('c.d', { n: 1 })} × · {name}</p>;`,
    );
    expect(good.errors).toEqual([]);
    expect(good.literals).toEqual([]);
    expect(good.keys).toEqual(['a.b', 'c.d']);
  });

  it('finds keys nobody uses, allowing those a template builds (the check itself works)', () => {
    const sample = scanSource(
      'sample.tsx',
      `const LABELS = { pass: 'x.status.pass' };
       export const C = ({ route, r }: { route: string; r: string }) => (
         <p title={\`\${route} \${r}\`}>{t(\`nav.\${route}\`)} {t(\`planned.\${r}.title\`)} {t(LABELS.pass)} {t('x.used')}</p>
       );`,
    );
    expect(sample.errors).toEqual([]);
    expect(dynamicKeyPatterns(sample.templates).map((p) => p.prefix)).toEqual(['nav.', 'planned.']);
    const keys = ['nav.bureau', 'navx', 'planned.bureau.title', 'planned.bureau.body', 'x.status.pass', 'x.used', 'x.unused'];
    expect(unusedKeys(keys, [sample])).toEqual(['navx', 'planned.bureau.body', 'x.unused']);
  });

  const files = sourceFiles(rendererSrc, ['.tsx', '.ts']);
  const tsxFiles = files.filter((file) => file.endsWith('.tsx'));
  const scans = new Map(files.map((file) => [relative(rendererSrc, file), scanSource(file, readFileSync(file, 'utf8'))]));

  it('finds the renderer sources and the t() calls in them', () => {
    expect(tsxFiles.length).toBeGreaterThan(10);
    const used = new Set([...scans.values()].flatMap((scan) => scan.keys));
    expect(used.size).toBeGreaterThan(30);
  });

  it('parses every source file', () => {
    const failures = [...scans].filter(([, scan]) => scan.errors.length > 0).map(([file, scan]) => `${file}: ${scan.errors.join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('uses only t() keys that exist in both catalogues', () => {
    const missing = [...scans].flatMap(([file, scan]) =>
      scan.keys.filter((key) => !Object.hasOwn(zhCN, key) || !Object.hasOwn(en, key)).map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  const isSlice = (file: string) => /^[\w-]+[\\/]messages\.ts$/.test(file);

  it('composes every feature folder’s messages.ts into the catalogue', () => {
    const owners = [...scans.keys()].filter(isSlice).map((file) => file.split(/[\\/]/)[0]!);
    expect(owners.sort()).toEqual(Object.keys(slices).sort());
  });

  it('uses every key of the catalogues (keys under a prefix a template builds count as used)', () => {
    // The slices name every key themselves: only the other sources count as uses.
    const users = [...scans].filter(([file]) => !isSlice(file)).map(([, scan]) => scan);
    expect(users.length).toBe(scans.size - Object.keys(slices).length);
    expect(unusedKeys(Object.keys(zhCN), users)).toEqual([]);
  });

  it('has no literal user-visible text in JSX', () => {
    const literals = [...scans]
      .filter(([file]) => file.endsWith('.tsx'))
      .flatMap(([file, scan]) => scan.literals.map((text) => `${file}: ${text}`));
    expect(literals).toEqual([]);
  });
});
