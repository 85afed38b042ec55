// The data categories a consent can name, in the order the consent screen and the package list
// them, and the one function the package writer reads a category through. Each category is its
// own module (one concern each), so it can read from a ledger snapshot instead of the database
// without the writer changing.

import type { Db } from '../../storage/database.ts';
import { accountMonthsCategory } from './account-months.ts';
import { accountsCategory } from './accounts.ts';
import { planCategory } from './plan.ts';
import { profileCategory } from './profile.ts';
import { queriesCategory } from './queries.ts';
import { reportFiguresCategory } from './report-figures.ts';
import { scoresCategory } from './scores.ts';
import { transactionsCategory } from './transactions.ts';
import type { CategorySource, CollectOptions, Row } from './types.ts';

export const CATEGORIES: readonly CategorySource[] = [
  profileCategory,
  accountsCategory,
  accountMonthsCategory,
  reportFiguresCategory,
  scoresCategory,
  queriesCategory,
  transactionsCategory,
  planCategory,
];

export const CATEGORY_CODES = CATEGORIES.map((c) => c.code) as [string, ...string[]];

export function categoryOf(code: string): CategorySource | undefined {
  return CATEGORIES.find((c) => c.code === code);
}

/** One category's rows as of a day, every column: the caller keeps only the consented ones. */
export function collectCategory(db: Db, code: string, options: CollectOptions): Row[] {
  const source = categoryOf(code);
  if (!source) throw new Error(`unknown data category ${code}`);
  return source.collect(db, options);
}
