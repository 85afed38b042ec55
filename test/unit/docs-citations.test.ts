// The repository is self-contained: every citation of the project's reference notes
// (`docs/domain/pboc-report.md#hard-queries`, docs/README.md) names a file and a heading that
// exist, every relative link in a Markdown file resolves, the research notes the code once cited
// from outside the repository are not cited any more, and no file names a path outside the
// checkout (the workplace's machine paths, the shared folder that once sat beside the clone, the
// clone's own absolute location).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures.ts';
import { citations, headingAnchors, markdownLinks, outsideReferences } from '../helpers/doc-citations.ts';

const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'out', 'dist', 'test-results', 'playwright-report', '.electronegativity']);
/** Generated or binary: screenshots, and the public fixtures and datasets kept byte for byte. */
const SKIPPED_PATHS = ['test/artifacts', 'test/fixtures/bills', 'test/fixtures/earlier', 'test/datasets/taiwan-default-of-credit-card-clients.tsv'];
const TEXT = new Set(['.ts', '.tsx', '.mts', '.mjs', '.cjs', '.js', '.json', '.md', '.sql', '.css', '.html', '.yml', '.yaml', '.txt', '.csv', '']);

function repoFiles(dir = REPO_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(REPO_ROOT, path).split(sep).join('/');
    if (SKIPPED_PATHS.includes(rel)) return [];
    if (SKIPPED_DIRS.has(entry.name)) return [];
    if (entry.isDirectory()) return repoFiles(path);
    return entry.isFile() && TEXT.has(extname(entry.name)) ? [rel] : [];
  });
}

const files = repoFiles();
const text = new Map(files.map((f) => [f, readFileSync(join(REPO_ROOT, f), 'utf8')]));
const anchorsOf = new Map<string, Set<string>>();
function anchors(doc: string): Set<string> {
  let found = anchorsOf.get(doc);
  if (!found) anchorsOf.set(doc, (found = headingAnchors(readFileSync(join(REPO_ROOT, doc), 'utf8'))));
  return found;
}

/** `file:line` of every citation or link that does not resolve, with what is missing. */
function unresolved(targets: { file: string; line: number; doc: string; anchor: string | null }[]): string[] {
  return targets.flatMap(({ file, line, doc, anchor }) => {
    if (!existsSync(join(REPO_ROOT, doc))) return [`${file}:${line}: ${doc} does not exist`];
    if (anchor !== null && !anchors(doc).has(anchor)) return [`${file}:${line}: ${doc} has no heading #${anchor}`];
    return [];
  });
}

describe('the reference notes in docs/', () => {
  it('cover what the code cites', () => {
    expect(files.length).toBeGreaterThan(100);
    const cited = [...text].flatMap(([file, body]) => citations(body).map((c) => ({ file, ...c })));
    // Rule tables, importers, scores, the CLI, the UI and the tests all cite them.
    expect(cited.length).toBeGreaterThan(150);
    expect(new Set(cited.map((c) => c.doc)).size).toBeGreaterThanOrEqual(10);
    expect(unresolved(cited)).toEqual([]);
  });

  it('link only to files and headings that exist', () => {
    const links = [...text]
      .filter(([file]) => file.endsWith('.md'))
      .flatMap(([file, body]) =>
        markdownLinks(body).map((l) => ({ file, line: l.line, doc: l.path ? relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), l.path)).split(sep).join('/') : file, anchor: l.anchor })),
      );
    expect(links.length).toBeGreaterThan(50);
    expect(unresolved(links)).toEqual([]);
  });

  it('are the only research notes cited: none of the former outside documents', () => {
    // The names are joined here so that this file does not cite them itself.
    const names = [['credit', 'domain'], ['bill', 'formats'], ['performance', 'notes'], ['whatif', 'consent', 'encryption']].map((n) => n.join('-'));
    const former = new RegExp(`\\b(${names.join('|')})\\b|user-expectations(\\.md)? ?§`);
    const hits = [...text].flatMap(([file, body]) =>
      body.split('\n').flatMap((l, i) => (former.test(l) ? [`${file}:${i + 1}: ${l.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('are cited by file and heading, not by a bare section number', () => {
    // § stays for a section of a named document (a spec, an issue, the model card's own sections)
    // and in the notes themselves, which quote laws by their sections.
    const ownSections = ['core/score-fit/model-card.ts', 'core/score/models/bureau-v1.model-card.md'];
    const bare = /(?<!(?:MS-[A-Z]+|issue \d+|model card) )§\s?\d/;
    const hits = [...text]
      .filter(([file]) => !file.startsWith('docs/') && !ownSections.includes(file))
      .flatMap(([file, body]) => body.split('\n').flatMap((l, i) => (bare.test(l) ? [`${file}:${i + 1}: ${l.trim()}`] : [])));
    expect(hits).toEqual([]);
  });
});

describe('no path outside the repository', () => {
  it('is named by any file', () => {
    const hits = [...text].flatMap(([file, body]) => outsideReferences(file, body, REPO_ROOT).map((h) => `${file}:${h.line}: ${h.text}`));
    expect(hits).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a missing file or heading, a machine path and a folder beside the repository', () => {
    const doc = 'docs/domain/pboc-report.md';
    expect(unresolved(citations(`see ${doc}#no-such-heading`).map((c) => ({ file: 'x.ts', ...c })))).toEqual([`x.ts:1: ${doc} has no heading #no-such-heading`]);
    const nowhere = ['docs', 'domain', 'nowhere.md'].join('/');
    expect(unresolved(citations(`see ${nowhere}`).map((c) => ({ file: 'x.ts', ...c })))).toEqual([`x.ts:1: ${nowhere} does not exist`]);
    expect(unresolved(citations(`${doc}#hard-queries and #query-reasons, #nope`).map((c) => ({ file: 'x.ts', ...c })))).toEqual([`x.ts:1: ${doc} has no heading #nope`]);
    const machine = ['', 'work', 'shared', 'docs', 'x.md'].join('/');
    const beside = ['..', 'shared', 'fixtures'].join('/');
    expect(outsideReferences('core/x.ts', `// from ${machine}\nconst d = '${beside}';`, REPO_ROOT).map((h) => h.line)).toEqual([1, 2]);
    expect(outsideReferences('core/x.ts', `// in ${REPO_ROOT}${sep}core`, REPO_ROOT).map((h) => h.line)).toEqual([1]);
    // An import of a module inside the repository is not a reference outside it.
    expect(outsideReferences('core/ipc/x.ts', `import { money } from '${['..', 'shared', 'money.ts'].join('/')}';`, REPO_ROOT)).toEqual([]);
    expect(outsideReferences('test/helpers/x.ts', `import x from '${['..', '..', '..', 'shared', 'x.ts'].join('/')}';`, REPO_ROOT)).toHaveLength(1);
  });

  it('compute GitHub heading anchors', () => {
    const anchors = headingAnchors('# The PBOC report, second generation (二代征信)\n## Hard queries\n```\n## not a heading\n```\n### `code` and [a link](x.md)\n## Hard queries\n');
    expect([...anchors]).toEqual(['the-pboc-report-second-generation-二代征信', 'hard-queries', 'code-and-a-link', 'hard-queries-1']);
  });
});
