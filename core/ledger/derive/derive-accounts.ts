// Accounts from imports: which credit account each credit event belongs to, and what role it
// plays there. Pure: the rows in, account specs and links out (derive-and-store.ts stores them).
//
// The importer names an account by `credit_account_key` (credit-rules.ts): `huabei`,
// `credit_card:交通银行:7449`, `credit_card:建设银行:` (WeChat names the bank only), … Every
// rule below is data with the reason it is safe; anything that would need a guess stays
// unassigned and the user assigns it (accounts/event-links.ts, manual links).

import { formatDay } from '../../shared/calendar.ts';
import { BANK_PLATFORMS, isBankPlatform } from '../../shared/platforms.ts';
import type { CreditEventKind } from '../../shared/credit-events.ts';
import type { AccountKind, EventRole, Product } from '../../shared/ledger-vocabulary.ts';

export interface CreditRow {
  id: number;
  platform: string;
  /** The export's order id of a disbursement (it names the draw); null for every other row. */
  orderId: string | null;
  day: number;
  fen: number;
  direction: 'income' | 'expense' | 'neutral';
  statusClass: string;
  kind: CreditEventKind | null;
  key: string | null;
  needsReview: boolean;
  counterparty: string | null;
  paymentMethod: string | null;
  fundingAccount: string | null;
  refundOf: number | null;
  batchId: number;
}

/** An account already in the database (derived before, or entered by the user). */
export interface KnownAccount {
  id: number;
  matchKey: string | null;
  product: Product;
  kind: AccountKind;
  bank: string | null;
  last4: string | null;
  /** The user's closing date of a draw: repayments after it cannot be for it. */
  closedDay: number | null;
  openedDay: number | null;
  parentKey: string | null;
  dismissed: boolean;
  manual: boolean;
}

export interface AccountSpec {
  matchKey: string;
  product: Product;
  kind: AccountKind;
  name: string;
  parentKey: string | null;
  principalFen: number | null;
  openedDay: number | null;
  bank: string | null;
  last4: string | null;
}

export type LinkBasis =
  | 'account_key'
  | 'same_bank_single_card'
  | 'disbursement'
  | 'only_open_draw'
  | 'line'
  | 'refund_of_original'
  | 'card_statement_credit';

export interface DerivedLink {
  transactionId: number;
  /** The row linked: its day, amount, batch and platform go into the stored link (write-links.ts). */
  row: CreditRow;
  accountKey: string;
  role: EventRole;
  basis: LinkBasis;
}

/** How each kind of event moves the account's balance. */
export const ROLE_OF_KIND: Record<CreditEventKind, EventRole> = {
  huabei_purchase: 'charge',
  huabei_repayment: 'payment',
  credit_card_purchase: 'charge',
  credit_card_repayment: 'payment',
  jiebei_disbursement: 'disbursement',
  jiebei_repayment: 'payment',
  weilidai_disbursement: 'disbursement',
  weilidai_repayment: 'payment',
  meituan_yuefu_purchase: 'charge',
  meituan_yuefu_repayment: 'payment',
  baitiao_purchase: 'charge',
  baitiao_repayment: 'payment',
  jd_xianxiang_houfu: 'charge',
};

/** Fixed keys of the importer, and the account each stands for. */
export const FIXED_ACCOUNTS: Record<string, { product: Product; kind: AccountKind; name: string }> = {
  huabei: { product: 'huabei', kind: 'revolving', name: '花呗' },
  jiebei: { product: 'jiebei', kind: 'line', name: '借呗' },
  weilidai: { product: 'weilidai', kind: 'line', name: '微粒贷' },
  meituan_yuefu: { product: 'meituan_yuefu', kind: 'revolving', name: '美团月付' },
  baitiao: { product: 'baitiao', kind: 'revolving', name: '京东白条' },
  jd_xianxiang_houfu: { product: 'other', kind: 'revolving', name: '京东先享后付' },
};

/**
 * Platforms whose bill already nets refunds into the purchase row: JD writes `131.77(已退款89.84)`
 * and keeps the net amount, and books a fully refunded order as 不计收支
 * (docs/formats/bill-exports.md#jd-wallet, JD preamble note 2). Their refund rows must not be
 * credited a second time.
 */
export const REFUNDS_NETTED: ReadonlySet<string> = new Set(['jd']);

const CARD = /^(.+?)信用卡\((\d{4})\)$/;
const BANK_OF_CARD = /([\p{Script=Han}]+银行)信用卡/u;
const BANK_NAME = /^([\p{Script=Han}]+银行)$/u;
const LINES = new Set(['jiebei', 'weilidai']);

export function cardKey(bank: string, last4: string | null): string {
  return `credit_card:${bank}:${last4 ?? ''}`;
}

function parseCardKey(key: string): { bank: string; last4: string | null } | null {
  const match = /^credit_card:([^:]+):(\d{4})?$/.exec(key);
  return match ? { bank: match[1], last4: match[2] ?? null } : null;
}

function specForKey(key: string): AccountSpec {
  const fixed = FIXED_ACCOUNTS[key];
  if (fixed) return { matchKey: key, ...fixed, parentKey: null, principalFen: null, openedDay: null, bank: null, last4: null };
  const card = parseCardKey(key);
  if (card) {
    const name = card.last4 ? `${card.bank}信用卡 尾号${card.last4}` : `${card.bank}信用卡（尾号未知）`;
    return { matchKey: key, product: 'credit_card', kind: 'revolving', name, parentKey: null, principalFen: null, openedDay: null, ...card };
  }
  return { matchKey: key, product: 'other', kind: 'revolving', name: key, parentKey: null, principalFen: null, openedDay: null, bank: null, last4: null };
}

export interface DeriveResult {
  accounts: AccountSpec[];
  links: DerivedLink[];
  /** Lines whose repayments show draws that are not in the data. */
  unknownDrawLines: Set<string>;
}

/**
 * Rows are every credit event, refund and card-statement credit, in any order. Existing accounts
 * are matched by key; cards named by bank only go to the one card of that bank when there is
 * exactly one.
 */
export function deriveAccounts(rows: readonly CreditRow[], known: readonly KnownAccount[]): DeriveResult {
  const sorted = [...rows].sort((a, b) => a.day - b.day || a.id - b.id);
  const specs = new Map<string, AccountSpec>();
  const links: DerivedLink[] = [];
  // Only the purchases a refund names are ever looked up (below): a map of every link would hold
  // an entry per credit event, a third of a million-row import.
  const refunded = new Set<number>();
  for (const row of rows) if (row.kind === null && row.refundOf !== null) refunded.add(row.refundOf);
  const byId = new Map<number, DerivedLink>();
  const need = (key: string): AccountSpec => {
    let spec = specs.get(key);
    if (!spec) specs.set(key, (spec = specForKey(key)));
    return spec;
  };
  const link = (row: CreditRow, accountKey: string, role: EventRole, basis: LinkBasis) => {
    const entry = { transactionId: row.id, row, accountKey, role, basis };
    links.push(entry);
    if (refunded.has(row.id)) byId.set(row.id, entry);
  };

  // Cards with their last four digits: from known accounts and from this import's events.
  const cardsByBank = new Map<string, Set<string>>();
  const addCard = (bank: string, key: string) => {
    if (!cardsByBank.has(bank)) cardsByBank.set(bank, new Set());
    cardsByBank.get(bank)!.add(key);
  };
  for (const account of known) {
    if (account.product === 'credit_card' && account.bank && account.last4 && account.matchKey && !account.dismissed) addCard(account.bank, account.matchKey);
  }
  for (const row of sorted) {
    const card = row.key ? parseCardKey(row.key) : null;
    if (card?.last4) addCard(card.bank, row.key!);
  }
  const resolveBank = (bank: string): { key: string; basis: LinkBasis } => {
    const cards = cardsByBank.get(bank);
    if (cards && cards.size === 1) return { key: [...cards][0], basis: 'same_bank_single_card' };
    return { key: cardKey(bank, null), basis: 'account_key' };
  };

  const refunds: CreditRow[] = [];
  const draws = new Map<string, { key: string; day: number; closedDay: number | null }[]>();
  const lineRepayments: { row: CreditRow; line: string }[] = [];
  const knownByKey = new Map(known.filter((a) => a.matchKey).map((a) => [a.matchKey!, a]));
  const addDraw = (line: string, entry: { key: string; day: number; closedDay: number | null }) => {
    if (!draws.has(line)) draws.set(line, []);
    draws.get(line)!.push(entry);
  };
  // Draws the user entered by hand (say, one taken before the first export) can be open too.
  for (const account of known) {
    if (account.manual && account.kind === 'draw' && account.parentKey && account.matchKey && account.openedDay !== null && !account.dismissed) {
      addDraw(account.parentKey, { key: account.matchKey, day: account.openedDay, closedDay: account.closedDay });
    }
  }

  for (const row of sorted) {
    if (row.fen <= 0) continue;
    if (row.kind === null) {
      refunds.push(row);
      continue;
    }
    const role = ROLE_OF_KIND[row.kind];
    let key = row.key;
    let basis: LinkBasis = 'account_key';
    if (row.kind === 'credit_card_purchase' || row.kind === 'credit_card_repayment') {
      const card = key ? parseCardKey(key) : null;
      let bank = card && !card.last4 ? card.bank : null;
      if (!key) bank = BANK_OF_CARD.exec(row.fundingAccount ?? '')?.[1] ?? BANK_NAME.exec(row.counterparty ?? '')?.[1] ?? null;
      if (bank) ({ key, basis } = resolveBank(bank));
    }
    if (!key) continue; // no account named and none can be told: stays unassigned
    if (LINES.has(key) && role === 'disbursement') {
      const drawKey = `${key}:draw:${row.platform}:${row.orderId}`;
      const line = need(key);
      const existing = knownByKey.get(drawKey);
      specs.set(drawKey, {
        matchKey: drawKey,
        product: line.product,
        kind: 'draw',
        name: `${line.name}借款 ${formatDay(row.day)}`,
        parentKey: key,
        principalFen: row.fen,
        openedDay: row.day,
        bank: null,
        last4: null,
      });
      if (!existing?.dismissed) addDraw(key, { key: drawKey, day: row.day, closedDay: existing?.closedDay ?? null });
      link(row, drawKey, 'disbursement', 'disbursement');
      continue;
    }
    need(key);
    if (LINES.has(key) && role === 'payment') {
      lineRepayments.push({ row, line: key });
      continue;
    }
    link(row, key, role, basis);
  }

  // Repayments of a line go to a draw only when exactly one known draw can be open and nothing
  // shows draws the data lacks; otherwise they stay on the line for the user to assign.
  const unknownDrawLines = new Set<string>();
  for (const { row, line } of lineRepayments) {
    const open = (draws.get(line) ?? []).filter((d) => d.day <= row.day && (d.closedDay === null || d.closedDay >= row.day));
    if (open.length === 0) unknownDrawLines.add(line);
    if (open.length === 1 && !unknownDrawLines.has(line)) link(row, open[0].key, 'payment', 'only_open_draw');
    else link(row, line, 'payment', 'line');
  }

  // A refund reduces what is owed only when its original purchase was counted on the account
  // (paired by the importer). An unpaired refund's purchase is not in the data, or was a
  // closed order, so crediting it would understate the balance.
  for (const row of refunds) {
    if (row.statusClass === 'refund') {
      if (REFUNDS_NETTED.has(row.platform) || row.refundOf === null) continue;
      const original = byId.get(row.refundOf);
      if (original && original.role === 'charge') link(row, original.accountKey, 'credit', 'refund_of_original');
      continue;
    }
    // A bank's own card statement: every other credit on it (cashback, 饭票) is on that card.
    const card = CARD.exec(row.fundingAccount ?? '');
    if (isBankPlatform(row.platform) && row.direction === 'income' && card) {
      const key = cardKey(card[1], card[2]);
      need(key);
      link(row, key, 'credit', 'card_statement_credit');
    }
  }
  return { accounts: [...specs.values()], links, unknownDrawLines };
}

/**
 * Platforms whose export shows every event of an account of the product, so that a period it
 * covers is fully observed. Anything else is partial: what it shows is a lower bound.
 */
export const COMPLETE_SOURCES: Record<Product, { platforms: readonly string[]; note: string }> = {
  huabei: { platforms: ['alipay'], note: 'Huabei is an Alipay payment method: its purchases, refunds and repayments are Alipay transactions (docs/formats/bill-exports.md#alipay-credit-products)' },
  jiebei: { platforms: ['alipay'], note: 'Jiebei disbursements and repayments are Alipay transactions (docs/formats/bill-exports.md#alipay-credit-products, unverified rows)' },
  weilidai: { platforms: [], note: 'Weilidai repayments can be debited from a bank card outside WeChat Pay: the WeChat bill is partial' },
  baitiao: { platforms: ['jd'], note: 'the JD wallet bill lists Baitiao payments and repayments (docs/formats/bill-exports.md#jd-wallet, unverified rows)' },
  meituan_yuefu: { platforms: ['meituan'], note: '月付 purchases and repayments are Meituan transactions (docs/formats/bill-exports.md#meituan)' },
  credit_card: { platforms: BANK_PLATFORMS, note: "only the issuing bank's own statement of that card shows every charge" },
  bank_loan: { platforms: [], note: 'no bill format carries bank loans' },
  mortgage: { platforms: [], note: 'no bill format carries mortgages' },
  car_loan: { platforms: [], note: 'no bill format carries car loans' },
  other: { platforms: [], note: 'unknown product: no export is known to be complete' },
};
