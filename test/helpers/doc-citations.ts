// What test/unit/docs-citations.test.ts checks, as functions of a file's text: the citations of
// the project's notes in it, the heading anchors of a Markdown file, its relative links, and
// references to places outside the repository.

import { dirname, relative, resolve, sep } from 'node:path';

export interface Citation {
  line: number;
  /** The cited file, relative to the repository root. */
  doc: string;
  /** The heading anchor after `#`, or null for the whole file. */
  anchor: string | null;
}

/**
 * `docs/domain/pboc-report.md#hard-queries`, optionally followed by more anchors of the same file
 * (`… and #query-reasons`, `…, #retention`). Not when part of a longer path (`../docs/…`,
 * `packages/docs/…`) or of another repository's (`owner/repo:docs/…`).
 */
const CITATION = /(?<![\w./:-])(docs\/(?:[\w-]+\/)*[\w-]+\.md)(?:#([\w-]+))?((?:(?:,| and| or) #[\w-]+)*)/g;

export function citations(text: string): Citation[] {
  return text.split('\n').flatMap((body, i) =>
    [...body.matchAll(CITATION)].flatMap((m) => [
      { line: i + 1, doc: m[1]!, anchor: m[2] ?? null },
      ...[...(m[3] ?? '').matchAll(/#([\w-]+)/g)].map((extra) => ({ line: i + 1, doc: m[1]!, anchor: extra[1]! })),
    ]),
  );
}

/** Lines outside fenced code blocks, numbered from 1. */
function proseLines(markdown: string): { line: number; text: string }[] {
  let fenced = false;
  return markdown.split('\n').flatMap((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line: i + 1, text }];
  });
}

/** The anchors GitHub gives a Markdown file's headings, duplicates numbered `-1`, `-2`, … */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const plain = heading[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Relative links `[text](path#anchor)` of a Markdown file; web and mail links are not files. */
export function markdownLinks(markdown: string): { line: number; path: string; anchor: string | null }[] {
  return proseLines(markdown).flatMap(({ line, text }) =>
    [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => {
        const [path, anchor] = target.split('#');
        return { line, path: path!, anchor: anchor ?? null };
      }),
  );
}

const MACHINE_ROOT = ['', 'work', ''].join('/');
const MACHINE_PATH = new RegExp(`(?<![\\w.-])${MACHINE_ROOT}`);
/** A relative path up to a `shared` folder, such as the one that once sat beside the clone. */
const BESIDE = /(?:\.\.[\\/])+shared\b/g;
const IMPORT_BEFORE = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|\bvi\.mock\s*\(\s*)['"]$/;

/**
 * Lines that name a path outside the checkout: the workplace's machine paths, the checkout's own
 * absolute location, or a relative path up to a `shared` folder that is not an import of a module
 * inside the repository (core/shared is a folder of the core; the one beside the clone is not).
 */
export function outsideReferences(file: string, text: string, repoRoot: string): { line: number; text: string }[] {
  const roots = [repoRoot, repoRoot.split(sep).join('/')];
  return text.split('\n').flatMap((body, i) => {
    const outside =
      MACHINE_PATH.test(body) ||
      roots.some((root) => body.includes(root)) ||
      [...body.matchAll(BESIDE)].some((m) => {
        const before = body.slice(0, m.index);
        if (!IMPORT_BEFORE.test(before)) return true;
        const specifier = body.slice(m.index).split(/['"]/)[0]!;
        const target = relative(repoRoot, resolve(repoRoot, dirname(file), specifier));
        return target.startsWith('..');
      });
    return outside ? [{ line: i + 1, text: body.trim() }] : [];
  });
}
