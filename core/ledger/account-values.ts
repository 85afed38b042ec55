// An account's effective values: the user's value (credit_account_overrides) over the value
// derived from imports (credit_accounts) over the product default (product-defaults.ts), each
// with where it came from, so the UI and CLI can always say "default, from
// docs/domain/platform-products.md#huabei".

import { CredenceError } from '../shared/errors.ts';
import type { Db } from '../storage/database.ts';
import { defaultsFor, DEFAULTS_VERSION, type DefaultValue, type ProductDefaults } from './product-defaults.ts';
import type {
  AccountKind,
  BureauLayout,
  BureauType,
  InstitutionType,
  Product,
  RepaymentMethod,
  ReportsToBureau,
} from '../shared/ledger-vocabulary.ts';
import { ACCOUNT_FIELDS, type AccountField } from './validation.ts';
import type { FieldOrigin } from './account-schema.ts';

export interface AccountValues {
  name: string;
  product: Product;
  kind: AccountKind;
  parentId: number | null;
  lender: string | null;
  institutionType: InstitutionType | null;
  bank: string | null;
  cardLast4: string | null;
  limitFen: number | null;
  /** 共享授信额度: cards with the same name here (and the same lender) share one line, counted once (core/bureau/credit-lines.ts). */
  sharedLine: string | null;
  principalFen: number | null;
  openedOn: string | null;
  closedOn: string | null;
  statementDay: number | null;
  dueDay: number | null;
  minimumPaymentBp: number | null;
  termMonths: number | null;
  annualRateBp: number | null;
  repaymentMethod: RepaymentMethod | null;
  reportsToBureau: ReportsToBureau;
  bureauSinceMonth: string | null;
  bureauType: BureauType | null;
  bureauLayout: BureauLayout | null;
  openingBalanceFen: number | null;
  openingBalanceOn: string | null;
  note: string | null;
  dismissed: boolean;
}


export interface AccountRecord {
  id: number;
  source: 'manual' | 'derived';
  matchKey: string | null;
  createdAt: string;
  updatedAt: string;
  values: AccountValues;
  origin: Record<AccountField, FieldOrigin>;
  /** The user's own values (what an edit form starts from). */
  overrides: Partial<Record<AccountField, unknown>>;
}

export interface AccountRow {
  id: number;
  product: Product;
  name: string;
  principal_fen: number | null;
  opened_on: string | null;
  source: 'manual' | 'derived';
  match_key: string | null;
  details_json: string;
  created_at: string;
  updated_at: string;
  kind: AccountKind;
  parent_id: number | null;
}

const DEFAULTED: readonly (keyof ProductDefaults & AccountField)[] = ['kind', 'lender', 'institutionType', 'reportsToBureau', 'bureauType', 'bureauLayout'];

const EMPTY: Readonly<AccountValues> = {
  name: '',
  product: 'other',
  kind: 'revolving',
  parentId: null,
  lender: null,
  institutionType: null,
  bank: null,
  cardLast4: null,
  limitFen: null,
  sharedLine: null,
  principalFen: null,
  openedOn: null,
  closedOn: null,
  statementDay: null,
  dueDay: null,
  minimumPaymentBp: null,
  termMonths: null,
  annualRateBp: null,
  repaymentMethod: null,
  reportsToBureau: 'unknown',
  bureauSinceMonth: null,
  bureauType: null,
  bureauLayout: null,
  openingBalanceFen: null,
  openingBalanceOn: null,
  note: null,
  dismissed: false,
};

export function emptyValues(): AccountValues {
  return { ...EMPTY };
}

function derivedValues(row: AccountRow): Partial<AccountValues> {
  if (row.source === 'manual') return {};
  const details = JSON.parse(row.details_json) as { bank?: string | null; last4?: string | null };
  const values: Partial<AccountValues> = { name: row.name, product: row.product, kind: row.kind, parentId: row.parent_id };
  if (row.principal_fen !== null) values.principalFen = row.principal_fen;
  if (row.opened_on !== null) values.openedOn = row.opened_on;
  if (details.bank) {
    values.bank = details.bank;
    values.lender = details.bank; // a card's issuer is its bank, named by the export itself
  }
  if (details.last4) values.cardLast4 = details.last4;
  return values;
}

export function resolveAccount(row: AccountRow, overrides: ReadonlyMap<string, unknown>): AccountRecord {
  const derived = derivedValues(row);
  const values = { ...EMPTY } as Record<AccountField, unknown>;
  const origin = {} as Record<AccountField, FieldOrigin>;
  const own: Partial<Record<AccountField, unknown>> = {};
  // Identity first: product and kind choose the defaults of everything else.
  const product = (overrides.get('product') ?? derived.product ?? row.product) as Product;
  const kind = (overrides.get('kind') ?? derived.kind ?? row.kind) as AccountKind;
  const defaults = defaultsFor(product, kind);
  for (const field of ACCOUNT_FIELDS) {
    if (overrides.has(field)) {
      values[field] = overrides.get(field);
      own[field] = overrides.get(field);
      origin[field] = { provenance: 'manual' };
    } else if (field in derived) {
      values[field] = derived[field as keyof AccountValues];
      origin[field] = { provenance: 'derived' };
    } else if ((DEFAULTED as readonly string[]).includes(field)) {
      const fallback = defaults[field as keyof ProductDefaults] as DefaultValue<unknown>;
      values[field] = fallback.value;
      origin[field] = fallback.value === null
        ? { provenance: 'none', source: fallback.source, grade: fallback.grade, note: fallback.note, version: DEFAULTS_VERSION }
        : { provenance: 'default', source: fallback.source, grade: fallback.grade, note: fallback.note, version: DEFAULTS_VERSION };
    } else {
      origin[field] = { provenance: 'none' };
    }
  }
  // Manual rows keep name, product and kind in their columns as well (NOT NULL there).
  if (values.name === '') values.name = row.name;
  values.product = product;
  values.kind = kind;
  if (!overrides.has('parentId') && row.source === 'manual') values.parentId = row.parent_id;
  return {
    id: row.id,
    source: row.source,
    matchKey: row.match_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    values: values as unknown as AccountValues,
    origin,
    overrides: own,
  };
}

const ROW_COLUMNS = 'id, product, name, principal_fen, opened_on, source, match_key, details_json, created_at, updated_at, kind, parent_id';

/** Every account (or the given ones), resolved. */
export function loadAccounts(db: Db, ids?: readonly number[]): AccountRecord[] {
  const rows = (
    ids
      ? db.prepare(`SELECT ${ROW_COLUMNS} FROM credit_accounts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids))
      : db.prepare(`SELECT ${ROW_COLUMNS} FROM credit_accounts ORDER BY id`).all()
  ) as AccountRow[];
  const overrideRows = (
    ids
      ? db.prepare('SELECT account_id, field, value_json FROM credit_account_overrides WHERE account_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids))
      : db.prepare('SELECT account_id, field, value_json FROM credit_account_overrides').all()
  ) as { account_id: number; field: string; value_json: string }[];
  const byAccount = new Map<number, Map<string, unknown>>();
  for (const o of overrideRows) {
    if (!byAccount.has(o.account_id)) byAccount.set(o.account_id, new Map());
    byAccount.get(o.account_id)!.set(o.field, JSON.parse(o.value_json));
  }
  return rows.map((row) => resolveAccount(row, byAccount.get(row.id) ?? new Map()));
}

/** One account, resolved; a clear error when there is none of that id. */
export function requireAccount(db: Db, id: number): AccountRecord {
  const [account] = loadAccounts(db, [id]);
  if (!account) throw new CredenceError('ledger.account_not_found', { id });
  return account;
}
