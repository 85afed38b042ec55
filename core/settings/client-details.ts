// What an adviser keeps about the client a profile belongs to (migration 0016): phone, tags,
// notes, and whether the profile is archived (out of the roster's default view). Personal data:
// it lives in the profile's own database (encrypted with it) and nowhere else. Each change is one
// transaction with its audit entry; a bad field comes back with its own sentence in both
// languages (error `profile.invalid_client`, details.fields), as profile facts do.

import { z } from 'zod';
import { toUtc8Iso } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 20;
export const MAX_NOTES_LENGTH = 2000;

/** A profile's client details as the roster shows them (core/plan/roster.ts). */
export const clientDetailsSchema = z.strictObject({
  /** Digits with an optional leading +, as normalised by `normalisePhone`; null when not given. */
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  /** UTC+8 time it was archived; null while on the roster. */
  archivedAt: z.string().nullable(),
});
export type ClientDetails = z.output<typeof clientDetailsSchema>;

export const EMPTY_CLIENT_DETAILS: ClientDetails = { phone: null, tags: [], notes: '', archivedAt: null };

/** 138 1234 5678, +86-138-1234-5678, (010) 6512 3456: separators go, 7 to 15 digits stay. */
export function normalisePhone(text: string): string | null | undefined {
  const clean = text.trim().replace(/[\s()（）-]/g, '');
  if (clean === '') return null;
  return /^\+?\d{7,15}$/.test(clean) ? clean : undefined;
}

const tag = z
  .string()
  .transform((text) => text.trim())
  .pipe(z.string().min(1).max(MAX_TAG_LENGTH).regex(/^[^,，]+$/));

/** What an edit may change; a field left out keeps its value. */
export const clientEditSchema = z.strictObject({
  phone: z
    .string()
    .max(40)
    .nullable()
    .transform((text, ctx) => {
      const phone = text === null ? null : normalisePhone(text);
      if (phone === undefined) ctx.addIssue({ code: 'custom', message: 'phone' });
      return phone ?? null;
    })
    .optional(),
  tags: z
    .array(tag)
    .max(MAX_TAGS)
    .transform((tags) => [...new Set(tags)])
    .optional(),
  notes: z.string().max(MAX_NOTES_LENGTH).optional(),
});
export type ClientEdit = z.input<typeof clientEditSchema>;

const FIELD_RULES: Record<'phone' | 'tags' | 'notes' | 'unknown_field', LocalizedText> = {
  phone: { 'zh-CN': '电话须为 7 到 15 位数字（可带 +、空格、横线）', en: 'Phone must be 7 to 15 digits (+, spaces and dashes allowed)' },
  tags: {
    'zh-CN': `标签最多 ${MAX_TAGS} 个，每个 1 到 ${MAX_TAG_LENGTH} 个字，不含逗号`,
    en: `At most ${MAX_TAGS} tags, each 1 to ${MAX_TAG_LENGTH} characters, without commas`,
  },
  notes: { 'zh-CN': `备注最多 ${MAX_NOTES_LENGTH} 个字`, en: `Notes are at most ${MAX_NOTES_LENGTH} characters` },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
};

export function parseClientEdit(input: unknown): z.output<typeof clientEditSchema> {
  const parsed = clientEditSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = new Map<string, LocalizedText>();
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'input')];
    for (const key of keys) fields.set(key, FIELD_RULES[key as keyof typeof FIELD_RULES] ?? FIELD_RULES.unknown_field);
  }
  const list = [...fields].map(([field, message]) => ({ field, message }));
  throw new CredenceError('profile.invalid_client', {
    fields: list,
    fieldsZh: list.map((f) => f.message['zh-CN']).join('；'),
    fieldsEn: list.map((f) => f.message.en).join('; '),
  });
}

interface Row {
  phone: string | null;
  tags_json: string;
  notes: string;
  archived_at: string | null;
}

export function readClientDetails(db: Db): ClientDetails {
  const row = db.prepare('SELECT phone, tags_json, notes, archived_at FROM client_details WHERE id = 1').get() as Row | undefined;
  if (!row) return { ...EMPTY_CLIENT_DETAILS };
  return clientDetailsSchema.parse({ phone: row.phone, tags: JSON.parse(row.tags_json), notes: row.notes, archivedAt: row.archived_at });
}

function write(db: Db, next: ClientDetails, action: string, details: Record<string, unknown>): ClientDetails {
  assertNotImporting(db);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO client_details (id, phone, tags_json, notes, archived_at, updated_at) VALUES (1, @phone, @tags, @notes, @archivedAt, @now)
       ON CONFLICT (id) DO UPDATE SET phone = @phone, tags_json = @tags, notes = @notes, archived_at = @archivedAt, updated_at = @now`,
    ).run({ phone: next.phone, tags: JSON.stringify(next.tags), notes: next.notes, archivedAt: next.archivedAt, now: toUtc8Iso() });
    appendAudit(db, { actor: 'user', action, subject: 'client', details });
  })();
  return readClientDetails(db);
}

/** Changes the fields given; the audit entry names the fields, never their values (personal data). */
export function editClientDetails(db: Db, input: unknown): ClientDetails {
  const edit = parseClientEdit(input);
  const current = readClientDetails(db);
  const next: ClientDetails = {
    ...current,
    ...(edit.phone !== undefined ? { phone: edit.phone } : {}),
    ...(edit.tags !== undefined ? { tags: edit.tags } : {}),
    ...(edit.notes !== undefined ? { notes: edit.notes } : {}),
  };
  return write(db, next, 'client.edit', { fields: Object.keys(edit) });
}

/** Archived profiles leave the roster's default view; nothing of their data changes. */
export function setArchived(db: Db, archived: boolean): ClientDetails {
  const current = readClientDetails(db);
  if ((current.archivedAt !== null) === archived) return current;
  return write(db, { ...current, archivedAt: archived ? toUtc8Iso() : null }, archived ? 'client.archive' : 'client.unarchive', {});
}
