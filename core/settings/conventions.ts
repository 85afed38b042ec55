// The user's own credit conventions, where banks differ (migration 0013): each card issuer's 容时
// and 容差 (issuer_grace_rules), and the share of a revolving line's balance in use that the
// debt-to-income rule counts as monthly debt (bureau_settings key 'debt_to_income'). The tables
// (core/rules/repayment-grace.ts, core/rules/debt-to-income.ts) are never changed: an edit is
// stored beside them, wins over the default, and can be reset. Each edit goes to the audit log.

import { z } from 'zod';
import { DEBT_TO_INCOME, DEBT_TO_INCOME_VERSION } from '../rules/debt-to-income.ts';
import { REPAYMENT_GRACE_RULES_VERSION, type GraceRule } from '../rules/repayment-grace.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { storeBureauSetting } from './bureau-settings.ts';

/** An issuer as the ledger names a card's lender (招商银行): the key an edit is stored under. */
export const issuerNameSchema = z.string().trim().min(1).max(60);

/** One issuer's own terms: days of 容时 and fen of 容差 (the bounds of migration 0013). */
export const graceSettingSchema = z.strictObject({
  graceDays: z.int().min(0).max(30),
  toleranceFen: z.int().min(0).max(100_000),
});

/** The share of a revolving line's balance in use counted as monthly debt, 0 to 1. */
export const debtToIncomeSettingSchema = z.strictObject({
  revolvingShareOfUsed: z.number().min(0).max(1),
});

export interface DebtToIncomeSetting {
  revolvingShareOfUsed: number;
  edited: boolean;
}

const MESSAGES: Record<string, LocalizedText> = {
  lender: { 'zh-CN': '发卡机构须为 1 到 60 个字的名称，如「招商银行」', en: 'The issuer must be a name of 1 to 60 characters, such as 招商银行' },
  graceDays: { 'zh-CN': '容时须为 0 到 30 的整天数', en: 'Grace must be a whole number of days from 0 to 30' },
  toleranceFen: { 'zh-CN': '容差须为 0 到 1000 元的金额（到分）', en: 'Tolerance must be an amount from ¥0 to ¥1,000 (to the fen)' },
  revolvingShareOfUsed: { 'zh-CN': '计入月负债的比例须为 0% 到 100%', en: 'The share counted as monthly debt must be 0% to 100%' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
};

function invalid(issues: readonly z.core.$ZodIssue[]): CredenceError {
  const fields = new Map<string, LocalizedText>();
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? 'input')];
    for (const key of keys) if (!fields.has(key)) fields.set(key, issue.code === 'unrecognized_keys' ? MESSAGES.unknown_field : (MESSAGES[key] ?? MESSAGES.unknown_field));
  }
  const list = [...fields].map(([field, message]) => ({ field, message }));
  return new CredenceError('bureau.invalid_settings', {
    fields: list,
    fieldsZh: list.map((f) => f.message['zh-CN']).join('；'),
    fieldsEn: list.map((f) => f.message.en).join('; '),
  });
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

// ---------------------------------------------------------------- grace and tolerance per issuer

/** The profile's own rules by issuer, each naming itself as the user's setting and the day it was saved. */
export function readIssuerGraceRules(db: Db): Record<string, GraceRule> {
  const rows = db.prepare('SELECT lender, grace_days, tolerance_fen, updated_at FROM issuer_grace_rules ORDER BY lender').raw().all() as [string, number, number, string][];
  return Object.fromEntries(
    rows.map(([lender, graceDays, toleranceFen, updatedAt]) => [lender, { graceDays, toleranceFen, source: `your setting for ${lender} (saved ${updatedAt.slice(0, 10)}, UTC+8)` }]),
  );
}

/**
 * Sets one issuer's 容时 and 容差 (`{ graceDays, toleranceFen }`); `null` returns it to the
 * table's default. Every monthly history is computed again on the next read (its triggers move
 * `ledger_inputs`, migration 0013).
 */
export function saveIssuerGrace(db: Db, lenderInput: unknown, input: unknown, actor = 'user'): void {
  assertNotImporting(db);
  const lender = parse(z.strictObject({ lender: issuerNameSchema }), { lender: lenderInput }).lender;
  const setting = input === null ? null : parse(graceSettingSchema, input);
  db.transaction(() => {
    const before = readIssuerGraceRules(db)[lender] ?? null;
    if (setting === null) db.prepare('DELETE FROM issuer_grace_rules WHERE lender = ?').run(lender);
    else if (before?.graceDays !== setting.graceDays || before.toleranceFen !== setting.toleranceFen) {
      db.prepare(
        `INSERT INTO issuer_grace_rules (lender, grace_days, tolerance_fen, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(lender) DO UPDATE SET grace_days = excluded.grace_days, tolerance_fen = excluded.tolerance_fen, updated_at = excluded.updated_at`,
      ).run(lender, setting.graceDays, setting.toleranceFen, toUtc8Iso());
    } else return; // saved as it was: no write, so nothing is recomputed for nothing
    appendAudit(db, {
      actor,
      action: setting === null ? 'bureau.grace.reset' : 'bureau.grace.update',
      subject: `issuer:${lender}`,
      details: { before: before && { graceDays: before.graceDays, toleranceFen: before.toleranceFen }, after: setting, rulesVersion: REPAYMENT_GRACE_RULES_VERSION },
    });
  })();
}

// ---------------------------------------------------------------- the debt-to-income share

const DTI_KEY = 'debt_to_income';

export function readDebtToIncomeSetting(db: Db): DebtToIncomeSetting {
  const json = db.prepare('SELECT value_json FROM bureau_settings WHERE key = ?').pluck().get(DTI_KEY) as string | undefined;
  if (json === undefined) return { revolvingShareOfUsed: DEBT_TO_INCOME.revolvingShareOfUsed, edited: false };
  // Written only by saveDebtToIncomeSetting.
  return { revolvingShareOfUsed: (JSON.parse(json) as { revolvingShareOfUsed: number }).revolvingShareOfUsed, edited: true };
}

/** Sets the share (`{ revolvingShareOfUsed: 0.05 }`); `null` returns to Credence's default. */
export function saveDebtToIncomeSetting(db: Db, input: unknown, actor = 'user'): DebtToIncomeSetting {
  assertNotImporting(db);
  const setting = input === null ? null : parse(debtToIncomeSettingSchema, input);
  db.transaction(() => {
    const before = readDebtToIncomeSetting(db);
    storeBureauSetting(db, DTI_KEY, setting);
    appendAudit(db, {
      actor,
      action: setting === null ? 'bureau.debt_to_income.reset' : 'bureau.debt_to_income.update',
      subject: DTI_KEY,
      details: { before: before.edited ? before.revolvingShareOfUsed : null, after: setting?.revolvingShareOfUsed ?? null, rulesVersion: DEBT_TO_INCOME_VERSION },
    });
  })();
  return readDebtToIncomeSetting(db);
}
