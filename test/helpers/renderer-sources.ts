// The renderer's own sources, parsed with vite's parser: what the i18n test and the stylesheet
// test read from them (t() keys, literal UI text, every string a key or a class name may sit in).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync, Visitor } from 'vite';

export const rendererSrc = fileURLToPath(new URL('../../renderer/src/', import.meta.url));

export function sourceFiles(dir: string, extensions: string[]): string[] {
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

export interface Scan {
  keys: string[];
  literals: string[];
  /** Every string literal (a key may sit in a table, e.g. STATUS_LABEL_KEYS, and reach t() later). */
  strings: string[];
  /** The static parts of each template literal with substitutions (`nav.${route}` → ['nav.', '']). */
  templates: string[][];
  errors: string[];
}

/** Parses one TSX source with vite's own parser: the t('…') keys it uses and any literal UI text. */
export function scanSource(filename: string, source: string): Scan {
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

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
