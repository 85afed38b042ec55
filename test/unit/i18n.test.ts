import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';

const rendererSrc = fileURLToPath(new URL('../../renderer/src/', import.meta.url));
const catalogues: Record<string, Record<string, string>> = { 'zh-CN': zhCN, en };

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

function sourceFiles(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

// Attributes a user sees or hears; their string literals must come from t() like any text.
const visibleAttributes = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label']);
const wordlike = /\p{Script=Han}|\p{L}{2,}/u;

type Node = { type: string; [field: string]: unknown };

/** String literals an expression can evaluate to directly (not those passed into calls, e.g. t('key')). */
function stringsIn(node: Node): string[] {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : [];
    case 'TemplateLiteral':
      return (node.quasis as { value: { cooked: string | null } }[]).map((quasi) => quasi.value.cooked ?? '');
    case 'ConditionalExpression':
      return [...stringsIn(node.consequent as Node), ...stringsIn(node.alternate as Node)];
    case 'LogicalExpression':
      return [...stringsIn(node.left as Node), ...stringsIn(node.right as Node)];
    case 'JSXExpressionContainer':
      return stringsIn(node.expression as Node);
    default:
      return [];
  }
}

interface Scan {
  keys: string[];
  literals: string[];
  /** Every string literal (a key may sit in a table, e.g. STATUS_LABEL_KEYS, and reach t() later). */
  strings: string[];
  /** The static parts of each template literal with substitutions (`nav.${route}` → ['nav.', '']). */
  templates: string[][];
  errors: string[];
}

/** Parses one TSX source with vite's own parser: the t('…') keys it uses and any literal UI text. */
function scanSource(filename: string, source: string): Scan {
  const parsed = parseSync(filename, source);
  const scan: Scan = { keys: [], literals: [], strings: [], templates: [], errors: parsed.errors.map((error) => error.message) };
  const flag = (text: string) => {
    if (wordlike.test(text)) scan.literals.push(text.trim());
  };
  // {'Text'} and {ok ? 'Yes' : 'No'} as a child are JSX text too, just spelled as expressions.
  const flagChildren = (children: { type: string }[]) => {
    for (const child of children) if (child.type === 'JSXExpressionContainer') for (const text of stringsIn(child as unknown as Node)) flag(text);
  };
  new Visitor({
    JSXText(node) {
      flag(node.value);
    },
    JSXElement(node) {
      flagChildren(node.children);
    },
    JSXFragment(node) {
      flagChildren(node.children);
    },
    JSXAttribute(node) {
      const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
      if (!visibleAttributes.has(name) || !node.value) return;
      const strings = stringsIn(node.value as unknown as Node);
      for (const text of strings) if (wordlike.test(text)) scan.literals.push(`${name}="${text}"`);
    },
    Literal(node) {
      if (typeof node.value === 'string') scan.strings.push(node.value);
    },
    TemplateLiteral(node) {
      const parts = node.quasis.map((quasi) => quasi.value.cooked ?? '');
      if (node.expressions.length === 0) scan.strings.push(parts[0] ?? '');
      else scan.templates.push(parts);
    },
    CallExpression(node) {
      const [first] = node.arguments;
      if (node.callee.type === 'Identifier' && node.callee.name === 't' && first?.type === 'Literal' && typeof first.value === 'string') {
        scan.keys.push(first.value);
      }
    },
  }).visit(parsed.program);
  return scan;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

  it.each(Object.keys(catalogues))('%s has no empty messages', (locale) => {
    const empty = Object.entries(catalogues[locale]!).filter(([, text]) => text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('use the same {placeholders} for each key in both languages', () => {
    const mismatched = zhKeys.filter((key) => placeholders(zhCN[key as keyof typeof zhCN]).join() !== placeholders(en[key as keyof typeof en]).join());
    expect(mismatched).toEqual([]);
  });

  it('really are in their language', () => {
    // A copy-paste of the Chinese text into en.ts (or vice versa) passes every other check.
    const sameInBoth = new Set(['app.name']); // the brand
    const untranslated = zhKeys.filter((key) => !sameInBoth.has(key) && zhCN[key as keyof typeof zhCN] === en[key as keyof typeof en]);
    expect(untranslated).toEqual([]);
    const namesChinese = new Set(['locale.switchTo']); // the way back to Chinese is labelled in Chinese
    const chineseInEn = enKeys.filter((key) => !namesChinese.has(key) && /\p{Script=Han}/u.test(en[key as keyof typeof en]));
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

  it('uses every key of the catalogues (keys under a prefix a template builds count as used)', () => {
    // The catalogues name every key themselves: only the other sources count as uses.
    // So do the per-feature catalogues spread into them (<feature>/messages.ts).
    const isCatalogue = (file: string) => /^i18n[\\/](zh-CN|en)\.ts$/.test(file) || /^[\w-]+[\\/]messages\.ts$/.test(file);
    const users = [...scans].filter(([file]) => !isCatalogue(file)).map(([, scan]) => scan);
    expect(scans.size - users.length).toBeGreaterThanOrEqual(4);
    expect(unusedKeys(Object.keys(zhCN), users)).toEqual([]);
  });

  it('has no literal user-visible text in JSX', () => {
    const literals = [...scans]
      .filter(([file]) => file.endsWith('.tsx'))
      .flatMap(([file, scan]) => scan.literals.map((text) => `${file}: ${text}`));
    expect(literals).toEqual([]);
  });
});
