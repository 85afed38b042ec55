// The form of each kind of what-if action, held to the contract by the compiler: a table with
// exactly the fields of each action type's input (WhatIfActionInput, the engine's zod schema),
// each field optional here exactly when the schema has a default for it, and of a kind its value
// type allows. The form sends what it reads; core checks it and names the action and field of
// each problem (core/whatif/validate.ts), which the form shows under the field.

import { INSTITUTION_TYPES, REPAYMENT_METHODS, REPORTS_TO_BUREAU } from '../../../core/shared/ledger-vocabulary.ts';
import { parsePercent, parseYuan } from '../../../core/shared/money.ts';
import { QUERY_REASON_CODES } from '../../../core/shared/reference-data.ts';
import type { ActionType } from '../../../core/shared/whatif-actions.ts';
import { percentText, yuanText } from '../accounts/money.ts';
import type { ActionInput } from './types.ts';

type InputOf<T extends ActionType> = Extract<ActionInput, { type: T }>;
type NumberKind = 'account' | 'line' | 'fen' | 'whole' | 'rate';
type TextKind = 'day' | 'month' | 'text';

/** What a field of value type V may be on the form; `optional` is true exactly when the schema fills it in. */
type SpecOf<V, Optional extends boolean> = [V] extends [boolean]
  ? { kind: 'flag'; optional: Optional }
  : [V] extends [readonly number[]]
    ? { kind: 'accounts'; optional: Optional }
    : [V] extends [number]
      ? { kind: NumberKind; optional: Optional }
      : [V] extends [string]
        ? { kind: TextKind; optional: Optional } | { kind: 'choice'; optional: Optional; options: readonly V[] }
        : never;

type FieldsOf<T extends ActionType> = {
  [K in Exclude<keyof InputOf<T>, 'type'>]-?: SpecOf<Exclude<InputOf<T>[K], undefined | null>, {} extends Pick<InputOf<T>, K> ? true : false>;
};

const account = { kind: 'account', optional: false } as const;
const fen = { kind: 'fen', optional: false } as const;
const day = { kind: 'day', optional: false } as const;
const month = { kind: 'month', optional: false } as const;
const whole = { kind: 'whole', optional: false } as const;
const rate = { kind: 'rate', optional: false } as const;
const text = { kind: 'text', optional: false } as const;
const name = { kind: 'text', optional: true } as const;
const flag = { kind: 'flag', optional: true } as const;
const institution = { kind: 'choice', optional: true, options: INSTITUTION_TYPES } as const;
const reported = { kind: 'choice', optional: true, options: REPORTS_TO_BUREAU } as const;
const method = { kind: 'choice', optional: true, options: REPAYMENT_METHODS.filter((m) => m !== 'flexible') } as const;

/** In the order the form shows them (the schema's order). */
export const ACTION_FIELDS: { [T in ActionType]: FieldsOf<T> } = {
  pay: { accountId: account, amountFen: fen, month, timing: { kind: 'choice', optional: false, options: ['before_statement', 'before_due'] } },
  clear_overdue: { accountId: account, on: day },
  miss_payment: { accountId: account, month },
  pay_late: { accountId: account, month, daysLate: whole },
  hard_query: { on: day, institution: text, institutionType: institution, reasonCode: { kind: 'choice', optional: false, options: QUERY_REASON_CODES } },
  new_card: { on: day, name, lender: text, institutionType: institution, limitFen: fen, statementDay: whole, dueDay: whole, spendFen: { kind: 'fen', optional: true }, reportsToBureau: reported, query: flag },
  new_draw: { on: day, lineId: { kind: 'line', optional: false }, amountFen: fen, termMonths: whole, repaymentMethod: method, annualRateBp: rate, query: flag },
  new_loan: {
    on: day,
    name,
    product: { kind: 'choice', optional: true, options: ['bank_loan', 'car_loan', 'mortgage', 'other'] },
    lender: text,
    institutionType: institution,
    amountFen: fen,
    termMonths: whole,
    repaymentMethod: method,
    annualRateBp: rate,
    reportsToBureau: reported,
    query: flag,
  },
  close_account: { accountId: account, on: day },
  consolidate: { on: day, accountIds: { kind: 'accounts', optional: false }, name, lender: text, institutionType: institution, termMonths: whole, repaymentMethod: method, annualRateBp: rate },
  start_reporting: { accountId: account, fromMonth: month },
  change_limit: { accountId: account, on: day, limitFen: fen },
  change_income: { on: day, monthlyIncomeFen: fen },
  stop_applications: { from: day, months: whole },
  let_time_pass: { months: whole },
};

export type FieldKind = NumberKind | TextKind | 'choice' | 'flag' | 'accounts';
export interface Field {
  name: string;
  kind: FieldKind;
  optional: boolean;
  options?: readonly string[];
}

export function fieldsOf(type: ActionType): Field[] {
  return Object.entries(ACTION_FIELDS[type] as Record<string, Omit<Field, 'name'>>).map(([field, spec]) => ({ name: field, ...spec }));
}

/** What the form holds: text per field, the chosen ids of an account list. */
export type FormValues = Record<string, string | string[]>;

/** Text as the action's value; what does not read (an amount of three decimals) goes as typed, for core to name. */
function read(kind: FieldKind, value: string): unknown {
  switch (kind) {
    case 'fen':
      return parseYuan(value) ?? value;
    case 'rate':
      return parsePercent(value) ?? value;
    case 'account':
    case 'line':
    case 'whole':
      return /^-?\d{1,12}$/.test(value) ? Number(value) : value;
    case 'flag':
      return value === 'true';
    default:
      return value;
  }
}

/** The action the form describes. An empty optional field is left out (core's default applies); an empty required one too, for core to name. */
export function actionFrom(type: ActionType, values: FormValues): ActionInput {
  const out: Record<string, unknown> = { type };
  for (const field of fieldsOf(type)) {
    const raw = values[field.name];
    if (field.kind === 'accounts') {
      const ids = Array.isArray(raw) ? raw : [];
      if (ids.length > 0) out[field.name] = ids.map(Number);
      continue;
    }
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value !== '') out[field.name] = read(field.kind, value);
  }
  return out as ActionInput;
}

/** The form's text for an action (editing one already in the scenario). */
export function valuesOf(action: ActionInput): FormValues {
  const values: FormValues = {};
  const given = action as unknown as Record<string, unknown>;
  for (const field of fieldsOf(action.type)) {
    const value = given[field.name];
    if (value === undefined || value === null) continue;
    if (field.kind === 'accounts') values[field.name] = (value as number[]).map(String);
    else if (field.kind === 'fen') values[field.name] = typeof value === 'number' ? yuanText(value) : String(value);
    else if (field.kind === 'rate') values[field.name] = typeof value === 'number' ? percentText(value) : String(value);
    else values[field.name] = String(value);
  }
  return values;
}

/** Action kinds that open an account, which later actions name as −N (N its position from 1). */
export const CREATES_ACCOUNT: ReadonlySet<ActionType> = new Set(['new_card', 'new_draw', 'new_loan', 'consolidate']);
