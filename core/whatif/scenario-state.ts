// A scenario while its actions are applied: what each action asks of the future, kept beside the
// base it starts from (base.ts) and never written into it. Accounts the scenario creates are
// resolved by the ledger's own rules (user value over product default, core/ledger/account-values.ts);
// what an action does to an account's money is a directive (AccountDirectives) that the projection
// turns into dated events for the ledger's history pass (projection.ts); what it changes of the
// report's inputs from a day on is a dated overlay (a limit, reporting, income).

import { resolveAccount, type AccountRecord, type AccountRow } from '../ledger/account-values.ts';
import type { LedgerEvent } from '../ledger/history/history-input.ts';
import type { QueryRecord } from '../ledger/queries.ts';
import type { LedgerAccountSnapshot } from '../ledger/snapshot.ts';
import type { AccountKind, Product } from '../shared/ledger-vocabulary.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { ProfileFacts } from '../settings/profile-facts-schema.ts';
import type { WhatIfBase } from './base.ts';
import type { WhatIfAction } from './schema.ts';

/** What the scenario does to one account's money, by day (projection.ts turns it into events). */
export interface AccountDirectives {
  /** Payments of a given amount (pay before the statement or due day). */
  payments: { day: number; fen: number; actionIndex: number }[];
  /** Other events the scenario adds as they are (a new draw's disbursement). */
  events: LedgerEvent[];
  /** Due months whose payment is not made. */
  miss: Set<number>;
  /** Due month → days after the due day the payment is made. */
  late: Map<number, number>;
  /** Days on which everything past due is paid. */
  clears: { day: number; actionIndex: number }[];
  /** The day the account is paid off and ends: a card closed, a loan settled early (a close or a consolidation). */
  ends: { day: number; actionIndex: number; reason: 'close' | 'consolidate' } | null;
  /** A card the scenario opens: spending per cycle. */
  spendFen: number | null;
}

export interface DatedValues {
  from: number;
  accountId: number;
  values: Partial<Pick<LedgerAccountSnapshot, 'limitFen' | 'reportsToBureau' | 'bureauSinceMonth'>>;
  actionIndex: number;
}

export interface Consolidation {
  actionIndex: number;
  day: number;
  loanId: number;
  sources: number[];
}

export interface ScenarioState {
  base: WhatIfBase;
  /** Months of the timeline after the as-of day, and its last day. */
  months: number;
  horizonDay: number;
  actions: WhatIfAction[];
  /** Let time pass: the month (after the as-of day) the result is read at. */
  focusMonths: number | null;
  /** Accounts the scenario creates or changes (a close date), by id; the others are the base's. */
  records: Map<number, AccountRecord>;
  /** Accounts the scenario creates → the 0-based position of the action that does. */
  createdBy: Map<number, number>;
  directives: Map<number, AccountDirectives>;
  overlays: DatedValues[];
  facts: { from: number; values: Partial<ProfileFacts>; actionIndex: number }[];
  queries: QueryRecord[];
  pauses: { from: number; to: number; actionIndex: number }[];
  /** Applications (queries the scenario adds): day and action, for the pauses. */
  applications: { day: number; actionIndex: number }[];
  /** Accounts the scenario ends: by which action, on which day. */
  ended: Map<number, { day: number; actionIndex: number }>;
  consolidations: Consolidation[];
  notes: LocalizedText[];
}

export function startScenario(base: WhatIfBase, months: number, horizonDay: number): ScenarioState {
  return {
    base,
    months,
    horizonDay,
    actions: [],
    focusMonths: null,
    records: new Map(),
    createdBy: new Map(),
    directives: new Map(),
    overlays: [],
    facts: [],
    queries: [],
    pauses: [],
    applications: [],
    ended: new Map(),
    consolidations: [],
    notes: [],
  };
}

/** An account's record as the scenario sees it (created, changed, or the base's visible one), or null. */
export function recordOf(state: ScenarioState, id: number): AccountRecord | null {
  const own = state.records.get(id);
  if (own) return own;
  const record = state.base.inputs.byId.get(id);
  return record && !record.values.dismissed ? record : null;
}

export function directivesOf(state: ScenarioState, id: number): AccountDirectives {
  let d = state.directives.get(id);
  if (!d) {
    d = { payments: [], events: [], miss: new Set(), late: new Map(), clears: [], ends: null, spendFen: null };
    state.directives.set(id, d);
  }
  return d;
}

/** The id an account created by the action at 0-based `index` gets. */
export function createdId(index: number): number {
  return -(index + 1);
}

export interface NewAccount {
  product: Product;
  kind: AccountKind;
  name: string;
  principalFen: number | null;
  openedDay: string;
  parentId: number | null;
  /** The values the action gives, as a user's own values (they win over the product defaults). */
  values: Record<string, unknown>;
}

/** A record for an account the scenario creates, resolved like one the user entered by hand. */
export function newRecord(id: number, account: NewAccount): AccountRecord {
  const row: AccountRow = {
    id,
    product: account.product,
    name: account.name,
    principal_fen: account.principalFen,
    opened_on: account.openedDay,
    source: 'manual',
    match_key: null,
    details_json: '{}',
    created_at: '',
    updated_at: '',
    kind: account.kind,
    parent_id: account.parentId,
  };
  const overrides = new Map<string, unknown>(Object.entries({ ...account.values, openedOn: account.openedDay, principalFen: account.principalFen, name: account.name }));
  return resolveAccount(row, overrides);
}

/** The record with some values changed (a close date): the base's record is left as it is. */
export function changeRecord(state: ScenarioState, record: AccountRecord, values: Partial<AccountRecord['values']>): void {
  state.records.set(record.id, { ...record, values: { ...record.values, ...values } });
}
