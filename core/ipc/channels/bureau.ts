import { z } from 'zod';
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
} as const;
