import { z } from 'zod';
import { conventionsSchema } from '../../bureau/conventions-schema.ts';
import { bureauReportSchema } from '../../bureau/report-schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// The simulated credit report (core/bureau): read it as of a date; edit a lender rule's
// threshold, the profile's hard-query reason codes or the monthly income, each answered with the
// fresh report (its shape: core/bureau/report-schema.ts). Inputs are validated by
// core/settings/bureau-settings.ts, which names each bad field in both languages
// (bureau.invalid_settings, bureau.invalid_hard_reasons).

export const bureauChannels = {
  'bureau.report': {
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: bureauReportSchema,
  },
  'bureau.rule.save': {
    // input: { warn, fail, windowMonths? } or null to return to the table's default.
    request: z.strictObject({ profileId, ruleId: z.string().min(1).max(40), input: z.record(z.string(), z.unknown()).nullable(), asOf: day.optional() }),
    response: bureauReportSchema,
  },
  'bureau.hardReasons.save': {
    // codes: the query-reason codes that count as hard (checked against the reason table by core), or null for the default.
    request: z.strictObject({ profileId, codes: z.array(z.string().max(8)).max(100).nullable(), asOf: day.optional() }),
    response: bureauReportSchema,
  },
  'bureau.income.save': {
    request: z.strictObject({ profileId, monthlyIncomeFen: z.number().int().min(0).max(100_000_000_00).nullable(), asOf: day.optional() }),
    response: bureauReportSchema,
  },
  // The credit conventions where banks differ (core/settings/conventions.ts, core/bureau/conventions.ts):
  // each issuer's 容时 and 容差, and the share of a revolving balance counted as monthly debt.
  'bureau.conventions': {
    request: z.strictObject({ profileId }),
    response: conventionsSchema,
  },
  'bureau.grace.save': {
    // input: { graceDays, toleranceFen } (checked by core, which names a bad field), or null for the table's default.
    request: z.strictObject({ profileId, lender: z.string().max(60), input: z.record(z.string(), z.unknown()).nullable() }),
    response: conventionsSchema,
  },
  'bureau.debtToIncome.save': {
    // input: { revolvingShareOfUsed } from 0 to 1, or null for Credence's default.
    request: z.strictObject({ profileId, input: z.record(z.string(), z.unknown()).nullable() }),
    response: conventionsSchema,
  },
} as const;
