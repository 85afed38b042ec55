// Rules across an account's fields, beyond each field's own (validation.ts): what the values
// must say together, and what a draw's parent must be.

import { CredenceError } from '../../shared/errors.ts';
import type { Db } from '../../storage/database.ts';
import { loadAccounts, type AccountRecord, type AccountValues } from '../account-values.ts';
import { invalid, problem, type FieldProblem } from '../validation.ts';

export function crossProblems(values: AccountValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.openedOn && values.closedOn && values.closedOn < values.openedOn) problems.push(problem('closedOn', 'closed_before_opened'));
  if ((values.openingBalanceFen === null) !== (values.openingBalanceOn === null)) {
    problems.push(problem(values.openingBalanceFen === null ? 'openingBalanceFen' : 'openingBalanceOn', 'opening_pair'));
  }
  if (values.cardLast4 !== null && values.product !== 'credit_card') problems.push(problem('cardLast4', 'last4_not_card'));
  if (values.sharedLine !== null && values.kind !== 'revolving') problems.push(problem('sharedLine', 'shared_line_not_revolving'));
  if (values.kind === 'draw' && values.parentId === null) problems.push(problem('parentId', 'draw_needs_line'));
  return problems;
}

/** A draw's parent exists and is a line. */
export function checkParent(db: Db, parentId: number | null): AccountRecord | null {
  if (parentId === null) return null;
  const [parent] = loadAccounts(db, [parentId]);
  if (!parent) throw invalid([problem('parentId')]);
  if (parent.values.kind !== 'line') throw new CredenceError('ledger.parent_not_line', { id: parentId });
  return parent;
}
