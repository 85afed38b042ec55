// The user's own thresholds for the lender rules (bureau_rule_settings, migration 0005) and the
// query-reason codes the profile counts as hard (bureau_settings, migration 0007). The monthly
// income debt-to-income needs is a profile fact (profile-facts.ts).
// The rule table itself (core/rules/lender-heuristics.ts) and the default hard set
// (core/rules/hard-queries.ts) are never changed: an edit is stored beside them, wins over the
// default, and can be reset.

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { QUERY_REASON_CODES } from '../shared/reference-data.ts';
import { defaultHardQueryReasons, hardQueryReasonsSchema, HARD_QUERY_REASONS_SOURCE, normalizeHardReasons, type HardQueryReasons } from '../rules/hard-queries.ts';
import { LENDER_HEURISTICS_VERSION, LENDER_RULES, type LenderRule } from '../rules/lender-heuristics.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';

/**
 * Rules whose look-back window the user may choose: 累六 is "within 2 years" in most sources
 * and "within 1 year" in some
 * (docs/domain/lender-heuristics.md#consecutive-and-cumulative-overdue); 连三 follows the same
 * split.
 */
export const WINDOW_CHOICES: Readonly<Record<string, readonly number[]>> = {
  lian_san: [12, 24],
  lei_liu: [12, 24],
  late_24m: [12, 24],
};

export interface RuleSetting {
  warn: number | null;
  fail: number | null;
  windowMonths: number | null;
}

export interface EffectiveRule {
  rule: LenderRule;
  defaults: LenderRule;
  edited: boolean;
}

const MAX_BY_UNIT: Record<LenderRule['unit'], number> = { months: 60, count: 1000, fen: 100_000_000_00, ratio: 10 };

export function readRuleSettings(db: Db): Map<string, RuleSetting> {
  const rows = db.prepare('SELECT rule_id, warn, fail, window_months FROM bureau_rule_settings').raw().all() as [string, number | null, number | null, number | null][];
  return new Map(rows.map(([id, warn, fail, windowMonths]) => [id, { warn, fail, windowMonths }]));
}

/** The rule table with the user's thresholds and windows applied. */
export function effectiveRules(settings: ReadonlyMap<string, RuleSetting>, rules: readonly LenderRule[] = LENDER_RULES): EffectiveRule[] {
  return rules.map((defaults) => {
    const own = settings.get(defaults.id);
    if (!own) return { rule: defaults, defaults, edited: false };
    return {
      rule: {
        ...defaults,
        threshold: { ...defaults.threshold, warn: own.warn, fail: own.fail },
        windowMonths: own.windowMonths ?? defaults.windowMonths,
      },
      defaults,
      edited: true,
    };
  });
}

function ruleOf(ruleId: string): LenderRule {
  const rule = LENDER_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new CredenceError('bureau.unknown_rule', { ruleId });
  return rule;
}

const MESSAGES: Record<string, LocalizedText> = {
  warn: { 'zh-CN': '注意线须为不小于 0 的数，或留空', en: 'The warning level must be a number of 0 or more, or blank' },
  fail: { 'zh-CN': '不通过线须为不小于 0 的数，或留空', en: 'The failing level must be a number of 0 or more, or blank' },
  order: { 'zh-CN': '注意线不能高于不通过线', en: 'The warning level cannot be above the failing level' },
  windowMonths: { 'zh-CN': '这条规则的时间窗口只能是 12 或 24 个月', en: 'This rule’s window can only be 12 or 24 months' },
  whole: { 'zh-CN': '次数、月数和金额须为整数', en: 'Counts, months and amounts must be whole numbers' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
};

function invalid(fields: { field: string; rule: string }[]): CredenceError {
  const list = fields.map((f) => ({ ...f, message: MESSAGES[f.rule] }));
  return new CredenceError('bureau.invalid_settings', {
    fields: list,
    fieldsZh: list.map((f) => f.message['zh-CN']).join('；'),
    fieldsEn: list.map((f) => f.message.en).join('; '),
  });
}

/** A rule's own setting: its levels in the rule's unit (blank: none), and its window where it has a choice. */
export const ruleSettingSchema = z.strictObject({
  warn: z.number().min(0).nullable(),
  fail: z.number().min(0).nullable(),
  windowMonths: z.number().int().nullable().optional(),
});

function parseSetting(rule: LenderRule, input: unknown): RuleSetting {
  const level = z.number().min(0).max(MAX_BY_UNIT[rule.unit]).nullable();
  const schema = ruleSettingSchema.extend({ warn: level, fail: level });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? { field: issue.keys.join(','), rule: 'unknown_field' } : { field: String(issue.path[0] ?? 'input'), rule: String(issue.path[0] ?? 'warn') },
      ),
    );
  }
  const { warn, fail } = parsed.data;
  const windowMonths = parsed.data.windowMonths ?? null;
  const problems: { field: string; rule: string }[] = [];
  if (rule.unit !== 'ratio') {
    if (warn !== null && !Number.isInteger(warn)) problems.push({ field: 'warn', rule: 'whole' });
    if (fail !== null && !Number.isInteger(fail)) problems.push({ field: 'fail', rule: 'whole' });
  }
  if (warn !== null && fail !== null && warn > fail) problems.push({ field: 'warn', rule: 'order' });
  if (windowMonths !== null && !(WINDOW_CHOICES[rule.id] ?? []).includes(windowMonths)) problems.push({ field: 'windowMonths', rule: 'windowMonths' });
  if (problems.length > 0) throw invalid(problems);
  return { warn, fail, windowMonths };
}

/** Sets the user's threshold for one rule; `null` returns it to the table's default. */
export function saveRuleSetting(db: Db, ruleId: string, input: unknown, actor = 'user'): void {
  assertNotImporting(db);
  const rule = ruleOf(ruleId);
  const setting = input === null ? null : parseSetting(rule, input);
  db.transaction(() => {
    const before = readRuleSettings(db).get(ruleId) ?? null;
    if (setting === null) db.prepare('DELETE FROM bureau_rule_settings WHERE rule_id = ?').run(ruleId);
    else {
      db.prepare(
        `INSERT INTO bureau_rule_settings (rule_id, warn, fail, window_months, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(rule_id) DO UPDATE SET warn = excluded.warn, fail = excluded.fail, window_months = excluded.window_months, updated_at = excluded.updated_at`,
      ).run(ruleId, setting.warn, setting.fail, setting.windowMonths, toUtc8Iso());
    }
    appendAudit(db, {
      actor,
      action: setting === null ? 'bureau.rule.reset' : 'bureau.rule.update',
      subject: `rule:${ruleId}`,
      details: { before, after: setting, rulesVersion: LENDER_HEURISTICS_VERSION },
    });
  })();
}

// ---------------------------------------------------------------- the hard-query set

const HARD_REASONS_KEY = 'hard_query_reasons';

/** The profile's hard-query reason codes: the user's set, or the default of docs/domain/pboc-report.md#hard-queries when none is saved. */
export function readHardQueryReasons(db: Db): HardQueryReasons {
  const fallback = defaultHardQueryReasons();
  const json = db.prepare('SELECT value_json FROM bureau_settings WHERE key = ?').pluck().get(HARD_REASONS_KEY) as string | undefined;
  if (json === undefined) return fallback;
  // Written only by saveHardQueryReasons; a code no longer in the reason table is dropped.
  const codes = normalizeHardReasons(JSON.parse(json) as string[]);
  return { codes, defaults: fallback.defaults, edited: true };
}

function parseHardReasons(input: unknown): string[] {
  const parsed = hardQueryReasonsSchema.safeParse(input);
  if (parsed.success) return normalizeHardReasons(parsed.data);
  const known = QUERY_REASON_CODES.join(', ');
  const list = parsed.error.issues.map((issue) => {
    const at = issue.path.length > 0 ? issue.path.join('.') : 'codes';
    if (issue.path.length === 1 && typeof issue.path[0] === 'number' && Array.isArray(input)) {
      const code = String(input[issue.path[0]]);
      return {
        field: at,
        rule: 'unknown_code',
        message: { 'zh-CN': `不认识的查询原因代码「${code}」（可用：${known}）`, en: `unknown query-reason code "${code}" (known: ${known})` },
      };
    }
    return { field: at, rule: 'not_a_list', message: { 'zh-CN': '须为查询原因代码的列表', en: 'must be a list of query-reason codes' } };
  });
  throw new CredenceError('bureau.invalid_hard_reasons', {
    fields: list,
    fieldsZh: list.map((f) => f.message['zh-CN']).join('；'),
    fieldsEn: list.map((f) => f.message.en).join('; '),
  });
}

/** One profile setting in bureau_settings: stored as JSON, or removed (back to its default) when `null`. Call inside the caller's transaction. */
export function storeBureauSetting(db: Db, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM bureau_settings WHERE key = ?').run(key);
  else {
    db.prepare(
      `INSERT INTO bureau_settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ).run(key, JSON.stringify(value), toUtc8Iso());
  }
}

/**
 * Sets which query-reason codes count as hard for this profile (known codes only; repeats and
 * order do not matter; an empty list means none). `null` returns to the default of
 * docs/domain/pboc-report.md#hard-queries.
 */
export function saveHardQueryReasons(db: Db, input: unknown, actor = 'user'): HardQueryReasons {
  assertNotImporting(db);
  const codes = input === null ? null : parseHardReasons(input);
  db.transaction(() => {
    const before = readHardQueryReasons(db);
    storeBureauSetting(db, HARD_REASONS_KEY, codes);
    appendAudit(db, {
      actor,
      action: codes === null ? 'bureau.hard_reasons.reset' : 'bureau.hard_reasons.update',
      subject: HARD_REASONS_KEY,
      details: { before: before.edited ? before.codes : null, after: codes, defaults: before.defaults, source: HARD_QUERY_REASONS_SOURCE },
    });
  })();
  return readHardQueryReasons(db);
}

// ---------------------------------------------------------------- band caps

const BAND_CAPS_KEY = 'band_caps';

/**
 * The user's band caps by rule id (a band id, or null for no cap): the best band the bureau-style
 * score shows while that lender rule fails. A rule without one keeps the convention's default
 * (core/score/models/bureau-bands-v1.ts BUREAU_BAND_CAPS).
 */
export function readBandCaps(db: Db): Record<string, string | null> {
  const json = db.prepare('SELECT value_json FROM bureau_settings WHERE key = ?').pluck().get(BAND_CAPS_KEY) as string | undefined;
  if (json === undefined) return {};
  // Written only by saveBandCap; a rule no longer in the table is dropped.
  const stored = JSON.parse(json) as Record<string, string | null>;
  return Object.fromEntries(Object.entries(stored).filter(([id]) => LENDER_RULES.some((r) => r.id === id)));
}

/**
 * Sets the band cap of one rule (`{ band: 'c' }`, or `{ band: null }` for none); `null` returns it
 * to the convention's default. `bands`: the band ids the score has (the caller's model).
 */
export function saveBandCap(db: Db, ruleId: string, input: unknown, bands: readonly string[], actor = 'user'): Record<string, string | null> {
  assertNotImporting(db);
  ruleOf(ruleId);
  let band: string | null = null;
  if (input !== null) {
    const parsed = z.strictObject({ band: z.string().nullable() }).safeParse(input);
    if (!parsed.success || (parsed.data.band !== null && !bands.includes(parsed.data.band))) {
      const message = { 'zh-CN': `等级须为 ${bands.join('、')} 之一，或不设上限`, en: `The band must be one of ${bands.join(', ')}, or no cap` };
      const list = [{ field: 'band', rule: 'band', message }];
      throw new CredenceError('bureau.invalid_settings', { fields: list, fieldsZh: message['zh-CN'], fieldsEn: message.en });
    }
    band = parsed.data.band;
  }
  db.transaction(() => {
    const caps = readBandCaps(db);
    const before = ruleId in caps ? caps[ruleId]! : undefined;
    if (input === null) delete caps[ruleId];
    else caps[ruleId] = band;
    storeBureauSetting(db, BAND_CAPS_KEY, caps);
    appendAudit(db, {
      actor,
      action: input === null ? 'score.band_cap.reset' : 'score.band_cap.update',
      subject: `rule:${ruleId}`,
      details: { before: before === undefined ? 'default' : before, after: input === null ? 'default' : band, rulesVersion: LENDER_HEURISTICS_VERSION },
    });
  })();
  return readBandCaps(db);
}
