// Reads and saves the user's profile facts (profile-facts-schema.ts) in score_profile_facts, one
// row per fact, each edit in the audit log. A bad field comes back with its own sentence in both
// languages (error `score.invalid_profile`, details.fields), as ledger inputs do.

import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { EMPTY_PROFILE_FACTS, PROFILE_FACT_KEYS, profileFactsInputSchema, type ProfileFactKey, type ProfileFacts } from './profile-facts-schema.ts';

const FIELD_RULES: Record<ProfileFactKey | 'unknown_field', LocalizedText> = {
  monthlyIncomeFen: { 'zh-CN': '月收入须为不小于 0 的金额', en: 'Monthly income must be an amount of 0 or more' },
  education: { 'zh-CN': '请选择学历', en: 'Choose an education level' },
  occupation: { 'zh-CN': '职业须为 1 到 40 个字', en: 'Occupation must be 1 to 40 characters' },
  socialInsurance: { 'zh-CN': '社保须为是、否或不填', en: 'Social insurance must be yes, no or blank' },
  providentFund: { 'zh-CN': '公积金须为是、否或不填', en: 'Housing fund must be yes, no or blank' },
  ownsHome: { 'zh-CN': '房产须为是、否或不填', en: 'Home ownership must be yes, no or blank' },
  ownsVehicle: { 'zh-CN': '车辆须为是、否或不填', en: 'Vehicle must be yes, no or blank' },
  phoneYears: { 'zh-CN': '手机号使用年数须为 0 到 80', en: 'Years with this phone number must be 0 to 80' },
  addressYears: { 'zh-CN': '现住址居住年数须为 0 到 80', en: 'Years at this address must be 0 to 80' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
};

function rule(field: string): LocalizedText {
  return FIELD_RULES[field as ProfileFactKey] ?? FIELD_RULES.unknown_field;
}

export function parseProfileFacts(input: unknown): Partial<ProfileFacts> {
  const parsed = profileFactsInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = new Map<string, LocalizedText>();
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'input')];
    for (const key of keys) if (!fields.has(key)) fields.set(key, issue.code === 'unrecognized_keys' ? FIELD_RULES.unknown_field : rule(key));
  }
  const list = [...fields].map(([field, message]) => ({ field, message }));
  throw new CredenceError('score.invalid_profile', {
    fields: list,
    fieldsZh: list.map((f) => f.message['zh-CN']).join('；'),
    fieldsEn: list.map((f) => f.message.en).join('; '),
  });
}

export function readProfileFacts(db: Db): ProfileFacts {
  const facts: ProfileFacts = { ...EMPTY_PROFILE_FACTS };
  const rows = db.prepare('SELECT key, value_json FROM score_profile_facts').raw().all() as [string, string][];
  for (const [key, json] of rows) {
    if ((PROFILE_FACT_KEYS as string[]).includes(key)) (facts as Record<string, unknown>)[key] = JSON.parse(json);
  }
  return facts;
}

/** Sets the given facts (null clears one); the others stay. Returns every fact. */
export function saveProfileFacts(db: Db, input: unknown, actor = 'user'): ProfileFacts {
  assertNotImporting(db);
  const changes = parseProfileFacts(input);
  const now = toUtc8Iso();
  db.transaction(() => {
    const before = readProfileFacts(db);
    const upsert = db.prepare(
      'INSERT INTO score_profile_facts (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
    const drop = db.prepare('DELETE FROM score_profile_facts WHERE key = ?');
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(changes)) {
      // A fact saved as it was is not written: a write moves the data version (migration 0008)
      // and every kept snapshot of the profile would be read again for nothing.
      if (value === undefined || JSON.stringify(before[key as ProfileFactKey]) === JSON.stringify(value)) continue;
      if (value === null) drop.run(key);
      else upsert.run(key, JSON.stringify(value), now);
      changed[key] = { from: before[key as ProfileFactKey], to: value };
    }
    // Income is personal: the audit records which facts changed, never the amount.
    if (changed.monthlyIncomeFen) changed.monthlyIncomeFen = { from: before.monthlyIncomeFen === null ? null : 'set', to: changes.monthlyIncomeFen === null ? null : 'set' };
    if (Object.keys(changed).length > 0) appendAudit(db, { actor, action: 'score.profile.update', subject: 'profile', details: { changed } });
  })();
  return readProfileFacts(db);
}

/** The monthly income for debt-to-income: a profile fact the lender view reads too. */
export function saveMonthlyIncome(db: Db, monthlyIncomeFen: number | null, actor = 'user'): void {
  saveProfileFacts(db, { monthlyIncomeFen }, actor);
}
