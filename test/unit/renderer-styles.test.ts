// The renderer's stylesheets: each one imported by the module it belongs to, and no class in them
// that no source can put on an element (dead CSS left behind by a move or a rename).

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeRegExp, rendererSrc, scanSource, sourceFiles, type Scan } from '../helpers/renderer-sources.ts';

/** The class names a stylesheet's selectors name (comments and declarations left out). */
function definedClasses(css: string): string[] {
  const selectors = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].map((match) => match[1]!);
  return [...new Set(selectors.flatMap((selector) => [...selector.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((match) => match[1]!)))];
}

const WILDCARD = '\u0000';

/**
 * The class names a source can produce: every whitespace-separated word of its string literals,
 * and of its templates with each substitution as a wildcard (`bureau-tone-${tone}` builds any
 * `bureau-tone-…`, `dropzone${over ? ' dropzone-over' : ''}` builds `dropzone…`). A word that is
 * all wildcard, or starts with fewer than three fixed characters (`r${index}`), builds nothing.
 */
function classesBuilt(scan: Scan): { names: Set<string>; patterns: RegExp[] } {
  const names = new Set(scan.strings.flatMap((text) => text.split(/\s+/)));
  const patterns: RegExp[] = [];
  for (const parts of scan.templates) {
    for (const word of parts.join(WILDCARD).split(/\s+/)) {
      if (!word.includes(WILDCARD)) names.add(word);
      else if (word.indexOf(WILDCARD) >= 3) patterns.push(new RegExp(`^${word.split(WILDCARD).map(escapeRegExp).join('.*')}$`));
    }
  }
  return { names, patterns };
}

function unusedClasses(classes: readonly string[], scans: readonly Scan[]): string[] {
  const built = scans.map(classesBuilt);
  return classes.filter((name) => !built.some(({ names, patterns }) => names.has(name) || patterns.some((pattern) => pattern.test(name))));
}

describe('renderer stylesheets', () => {
  it('finds classes no source builds, allowing those a template builds (the check itself works)', () => {
    const css = `/* .commented-out {} */ .used, .a > .used-child { color: red; opacity: 0.6 }
      @media (max-width: 900px) { .tone-ok:hover { color: blue } } .dropzone-over {} .unused { margin: 0 }`;
    expect(definedClasses(css)).toEqual(['used', 'a', 'used-child', 'tone-ok', 'dropzone-over', 'unused']);
    const sample = scanSource(
      'sample.tsx',
      `const KIND = { a: 'a used-child' };
       export const C = ({ tone, over, i }: { tone: string; over: boolean; i: number }) => (
         <p key={\`r\${i}\`} className={\`used tone-\${tone}\`}><b className={\`dropzone\${over ? ' dropzone-over' : ''}\`} /></p>
       );`,
    );
    expect(sample.errors).toEqual([]);
    expect(unusedClasses(definedClasses(css), [sample])).toEqual(['unused']);
    expect(unusedClasses(['rogue'], [sample])).toEqual(['rogue']); // `r${i}` builds no class
  });

  const sheets = sourceFiles(rendererSrc, ['.css']);
  const sources = sourceFiles(rendererSrc, ['.ts', '.tsx']);
  const texts = new Map(sources.map((file) => [file, readFileSync(file, 'utf8')]));
  const scans = sources.map((file) => scanSource(file, texts.get(file)!));

  it('finds the stylesheets and the sources', () => {
    expect(sheets.length).toBeGreaterThan(5);
    expect(sources.length).toBeGreaterThan(50);
  });

  it('imports each stylesheet from exactly one module', () => {
    const importers = new Map(sheets.map((sheet) => [sheet, [] as string[]]));
    for (const [file, text] of texts) {
      for (const match of text.matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)) {
        const sheet = resolve(dirname(file), match[1]!);
        importers.get(sheet)?.push(relative(rendererSrc, file));
        expect(importers.has(sheet), `${relative(rendererSrc, file)} imports ${match[1]}, which does not exist`).toBe(true);
      }
    }
    const wrong = [...importers].filter(([, by]) => by.length !== 1).map(([sheet, by]) => `${relative(rendererSrc, sheet)}: imported by [${by.join(', ')}]`);
    expect(wrong).toEqual([]);
  });

  it('has no class that no source builds', () => {
    const unused = sheets.flatMap((sheet) => unusedClasses(definedClasses(readFileSync(sheet, 'utf8')), scans).map((name) => `${relative(rendererSrc, sheet)}: .${name}`));
    expect(unused).toEqual([]);
  });
});
