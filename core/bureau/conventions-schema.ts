// The wire shape of the profile's credit conventions (core/bureau/conventions.ts builds it): apart
// from the builder, so that the report's schema can carry it without reaching the ledger.

import { z } from 'zod';
import { GRACE_ORIGINS } from '../rules/repayment-grace.ts';
import { fen } from '../wire/vocabulary.ts';

const count = z.number().int();

export const conventionsSchema = z.strictObject({
  grace: z.strictObject({
    version: z.string(),
    cardDefault: z.strictObject({ graceDays: count, toleranceFen: fen, source: z.string() }),
    issuers: z.array(
      z.strictObject({
        lender: z.string(),
        graceDays: count,
        toleranceFen: fen,
        origin: z.enum(GRACE_ORIGINS),
        source: z.string(),
        /** The profile's accounts of this issuer (their months are judged with this rule). */
        accounts: count,
      }),
    ),
  }),
  debtToIncome: z.strictObject({
    version: z.string(),
    revolvingShareOfUsed: z.number(),
    defaultShare: z.number(),
    edited: z.boolean(),
    /** False: the default is Credence's own, no source gives it. */
    sourced: z.boolean(),
    source: z.string(),
  }),
});
export type Conventions = z.output<typeof conventionsSchema>;
