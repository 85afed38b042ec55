// The fields a CLI command takes as `key=value`, read off the zod schema that validates them in
// core: one declaration for the app's handler, the CLI's parser and its --help. The schema says
// each field's type, range, choices and whether it may be null; field-help.ts says what it means.
// Amounts are typed in yuan and rates in percent (`limit=50000`, `annualRate=4.35`), exactly as the
// app's forms take them; the schema's own name takes the stored unit (`limitFen=5000000`).

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import type { Locale, LocalizedText } from '../shared/localized-text.ts';
import { parsePercent, parseYuan } from '../shared/money.ts';

interface JsonType {
  type?: string | string[];
  anyOf?: JsonType[];
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

export interface Field {
  /** The schema's name, as requests and `--json` carry it. */
  name: string;
  /** What is typed before `=`: `limit` (yuan) for limitFen, `annualRate` (percent) for annualRateBp. */
  key: string;
  unit: 'yuan' | 'percent' | null;
  /** The field's type without its null. */
  type: JsonType;
  nullable: boolean;
  required: boolean;
  help: LocalizedText;
}

export interface FieldSet {
  fields: readonly Field[];
  /** Fields that positional arguments fill, in order. */
  positional: readonly string[];
  /** Further names a key may go by (`date` for queriedOn), name by alias. */
  aliases: Readonly<Record<string, string>>;
}

export interface FieldSetOptions {
  positional?: readonly string[];
  aliases?: Record<string, string>;
  /** Overrides the schema's own list of required fields (an account's product is required to add one, not to edit it). */
  required?: readonly string[];
}

function nonNull(json: JsonType): { type: JsonType; nullable: boolean } {
  if (json.anyOf) {
    const rest = json.anyOf.filter((branch) => branch.type !== 'null');
    return { type: rest.length === 1 ? rest[0] : { anyOf: rest }, nullable: rest.length < json.anyOf.length };
  }
  if (Array.isArray(json.type) && json.type.includes('null')) {
    const rest = json.type.filter((t) => t !== 'null');
    return { type: { ...json, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { type: json, nullable: false };
}

/** The key a field is typed under: an amount or a rate without its stored unit (`limitFen` → `limit`). */
export function keyOf(name: string): string {
  return name.replace(/(?<=.)(Fen|Bp)$/, '');
}

function unitOf(name: string, type: JsonType): Field['unit'] {
  if (type.type !== 'integer') return null;
  if (/.Fen$/.test(name)) return 'yuan';
  if (/.Bp$/.test(name)) return 'percent';
  return null;
}

export function fieldSet(schema: z.ZodObject, help: Readonly<Record<string, LocalizedText>>, options: FieldSetOptions = {}): FieldSet {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { properties: Record<string, JsonType>; required?: string[] };
  const required = new Set(options.required ?? json.required ?? []);
  const fields = Object.entries(json.properties).map(([name, property]): Field => {
    const { type, nullable } = nonNull(property);
    const unit = unitOf(name, type);
    return { name, key: unit ? keyOf(name) : name, unit, type, nullable, required: required.has(name), help: help[name] };
  });
  return { fields, positional: options.positional ?? [], aliases: options.aliases ?? {} };
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE = new Set(['false', 'no', 'n', '0', '否']);

/** Text as the field's type, or the text itself where it is not one: the validator then names the field. */
function valueOf(field: Field, text: string, inUnit: boolean): unknown {
  if (text === '' || text === 'null') return field.nullable ? null : text;
  if (inUnit && field.unit === 'yuan') return parseYuan(text) ?? text;
  if (inUnit && field.unit === 'percent') return parsePercent(text) ?? text;
  const type = field.type.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (type === 'boolean') return TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : text;
  return text;
}

function keysOf(set: FieldSet): string {
  return set.fields.map((f) => f.key).join(', ');
}

/** Finds the field a typed key names, and whether its value is in the typed unit (yuan, percent). */
export function fieldByKey(set: FieldSet, key: string): { field: Field; inUnit: boolean } | undefined {
  const name = set.aliases[key] ?? key;
  const byKey = set.fields.find((f) => f.key === name);
  if (byKey) return { field: byKey, inUnit: true };
  const byName = set.fields.find((f) => f.name === name);
  return byName ? { field: byName, inUnit: false } : undefined;
}

const KEYED = /^([A-Za-z][\w-]*)=(.*)$/s;

/**
 * What was typed for each field: `key=value` arguments, and positional ones in the set's order. A
 * key the set does not have, a key given twice or a positional argument too many is a usage error
 * naming it.
 */
export function fieldTexts(set: FieldSet, args: readonly string[]): Map<string, { field: Field; text: string; inUnit: boolean }> {
  const typed = new Map<string, { field: Field; text: string; inUnit: boolean }>();
  let next = 0;
  for (const arg of args) {
    const keyed = KEYED.exec(arg);
    let found: { field: Field; inUnit: boolean } | undefined;
    if (keyed) {
      found = fieldByKey(set, keyed[1]);
      if (!found) throw new CredenceError('cli.usage', { reason: `unknown field "${keyed[1]}" (fields: ${keysOf(set)})` });
    } else {
      const name = set.positional[next++];
      if (name === undefined) throw new CredenceError('cli.usage', { reason: `unexpected argument "${arg}" (give fields as key=value: ${keysOf(set)})` });
      found = { field: set.fields.find((f) => f.name === name)!, inUnit: true };
    }
    if (typed.has(found.field.name)) throw new CredenceError('cli.usage', { reason: `${found.field.key} is given twice` });
    typed.set(found.field.name, { ...found, text: keyed ? keyed[2].trim() : arg });
  }
  return typed;
}

/**
 * The arguments as the record the channel takes. A value of the wrong type is passed on as typed,
 * for core's validator to name the field.
 */
export function parseFields(set: FieldSet, args: readonly string[]): Record<string, unknown> {
  return Object.fromEntries([...fieldTexts(set, args)].map(([name, { field, text, inUnit }]) => [name, valueOf(field, text, inUnit)]));
}

// ---------------------------------------------------------------- help

const WORDS = {
  yuan: { 'zh-CN': '元', en: 'yuan' },
  percent: { 'zh-CN': '%', en: '%' },
  text: { 'zh-CN': '文字', en: 'text' },
  integer: { 'zh-CN': '整数', en: 'integer' },
  number: { 'zh-CN': '数', en: 'number' },
  required: { 'zh-CN': '必填', en: 'required' },
  nullable: { 'zh-CN': '空值或 null 清除', en: 'empty or null clears it' },
  storedAs: { 'zh-CN': '或 {name}= 按{unit}', en: 'or {name}= in {unit}' },
  fen: { 'zh-CN': '分', en: 'fen' },
  bp: { 'zh-CN': '基点', en: 'basis points' },
} satisfies Record<string, LocalizedText>;

/** Where the schema leaves a bound at the largest safe integer, it is not a bound a person needs to read. */
const NO_BOUND = 1e12;

function range(type: JsonType): string {
  const low = type.minimum ?? (type.exclusiveMinimum !== undefined ? type.exclusiveMinimum + 1 : undefined);
  const min = low !== undefined && low > -NO_BOUND ? low : undefined;
  const max = type.maximum !== undefined && type.maximum < NO_BOUND ? type.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/**
 * An enum's values in a reader's order. Codes such as `02` and `16` come back from the schema
 * with the integer-like ones first (the order of an object's keys in JavaScript): sorted again.
 */
function choices(values: readonly unknown[]): string[] {
  const texts = values.map(String);
  return texts.some((v) => /^0\d/.test(v)) ? [...texts].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) : texts;
}

/** What to type for a field: `yuan`, `1–31`, `yes|no`, `huabei|jiebei|…`, `YYYY-MM-DD`. */
export function valueHint(field: Field, locale: Locale): string {
  const t = field.type;
  if (field.unit) return WORDS[field.unit][locale];
  if (t.enum) return choices(t.enum).join('|');
  if (t.type === 'boolean') return 'yes|no';
  if (t.type === 'integer') return `${WORDS.integer[locale]}${range(t)}`;
  if (t.type === 'number') return `${WORDS.number[locale]}${range(t)}`;
  if (t.format === 'date') return 'YYYY-MM-DD';
  if (t.format === 'month') return 'YYYY-MM';
  if (t.pattern === '^\\d{4}$') return '0000–9999';
  const length = t.minLength && t.maxLength ? ` ${t.minLength}–${t.maxLength}` : t.maxLength ? ` ≤ ${t.maxLength}` : '';
  return `${WORDS.text[locale]}${length}`;
}

/** Two lines a field: `  key=HINT`, then what it means and whether it is required or may be cleared. */
export function fieldHelpLines(set: FieldSet, locale: Locale): string[] {
  const aliasOf = (name: string) => Object.entries(set.aliases).filter(([, target]) => target === name).map(([alias]) => `${alias}=`);
  return set.fields.flatMap((field) => {
    const notes = [field.help[locale]];
    if (field.required) notes.push(WORDS.required[locale]);
    if (field.nullable) notes.push(WORDS.nullable[locale]);
    if (field.unit) notes.push(WORDS.storedAs[locale].replace('{name}', field.name).replace('{unit}', WORDS[field.unit === 'yuan' ? 'fen' : 'bp'][locale]));
    const head = [`${field.key}=${valueHint(field, locale)}`, ...aliasOf(field.name)];
    return [`  ${head.join('  ')}`, `      ${notes.join(locale === 'zh-CN' ? '；' : '; ')}`];
  });
}
