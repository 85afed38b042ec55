// What the user says about themselves that no bill shows, as the Sesame-style estimate reads it
// (身份特质 and 履约能力: completing the profile (education, occupation, vehicle, housing-fund and
// social-insurance records) raises the score, a missing or often changed phone number or address
// lowers it: docs/domain/platform-scores.md#what-raises-the-score and #what-lowers-the-score) and
// the debt-to-income adjustment (docs/domain/lender-heuristics.md#debt-to-income). Node-free: the
// IPC contract and the renderer import it. Every fact is optional; null = not provided.

import { z } from 'zod';

export const EDUCATION_LEVELS = ['secondary', 'vocational', 'bachelor', 'postgraduate', 'other'] as const;

export const profileFactsSchema = z.strictObject({
  /** Monthly income after tax, integer fen. */
  monthlyIncomeFen: z.number().int().min(0).max(100_000_000_00).nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  occupation: z.string().trim().min(1).max(40).nullable(),
  /** Pays social insurance (社保) / housing provident fund (公积金). */
  socialInsurance: z.boolean().nullable(),
  providentFund: z.boolean().nullable(),
  ownsHome: z.boolean().nullable(),
  ownsVehicle: z.boolean().nullable(),
  /** Years with the current phone number / at the current address. */
  phoneYears: z.number().min(0).max(80).nullable(),
  addressYears: z.number().min(0).max(80).nullable(),
});

export type ProfileFacts = z.output<typeof profileFactsSchema>;
export type ProfileFactKey = keyof ProfileFacts;

export const PROFILE_FACT_KEYS = Object.keys(profileFactsSchema.shape) as ProfileFactKey[];

export const EMPTY_PROFILE_FACTS: Readonly<ProfileFacts> = Object.freeze(
  Object.fromEntries(PROFILE_FACT_KEYS.map((key) => [key, null])) as ProfileFacts,
);

/** An edit: any subset of the facts (null clears one). */
export const profileFactsInputSchema = profileFactsSchema.partial();
