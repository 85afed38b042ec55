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
import { CreditLinks, ROLES, type LinkBasis } from './credit-links.ts';

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
/** The fixed keys of credit lines: their draws and repayments are derived together. */
export const LINE_KEYS: ReadonlySet<string> = new Set(['jiebei', 'weilidai']);

export function cardKey(bank: string, last4: string | null): string {
  return `credit_card:${bank}:${last4 ?? ''}`;
}

/** Whether a key names a card by its last four digits (one a bank's other events can go to). */
export function namesCardDigits(key: string): boolean {
  return parseCardKey(key)?.last4 != null;
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
  /** In the order a derivation of every row from scratch first names them (account ids follow it). */
  accounts: AccountSpec[];
  /** The account keys the links name: `links.account` indexes this. */
  keys: string[];
  /** One per row linked; their order is of no meaning (credit-links.ts eventOrder sorts them). */
  links: CreditLinks;
  /** Lines whose repayments show draws that are not in the data. */
  unknownDrawLines: Set<string>;
  /** Every card key with its last four digits the rows name (with those given). */
  cardKeys: string[];
}

/** Rows are every credit event, refund and card-statement credit, in any order. */
export function deriveAccounts(rows: readonly CreditRow[], known: readonly KnownAccount[]): DeriveResult {
  return deriveInOrder([...rows].sort((a, b) => a.day - b.day || a.id - b.id), known);
}

/** What a row adds to the links when it is taken up (its own fields; the account and basis are the derivation's). */
function fieldsOf(row: CreditRow, account: number, role: EventRole, basis: LinkBasis) {
  return { transaction: row.id, account, role, basis, day: row.day, fen: row.fen, batch: row.batchId, platform: row.platform, unconfirmed: row.needsReview };
}

/** When only some rows are derived again (derive-and-store.ts): what the other rows say. */
export interface EarlierRows {
  /** The card keys with their last four digits the other rows name. */
  cardKeys: Iterable<string>;
  /** The rows of these ids (purchases refunds of this pass name), as creditRows reads them. */
  rows(ids: readonly number[]): Iterable<CreditRow>;
}

/**
 * The derivation over rows given in day order (ties by id) and read once, so that they can come
 * straight from a query: nothing is kept per row but its link. A card named by bank only goes to
 * the one card of that bank when there is exactly one, among the known accounts and every row's
 * cards (so those rows are taken up after the last row is seen). Existing accounts are matched by
 * key. With `earlier`, the rows are the ones added since the last derivation (and every row of
 * the lines they touch), and `earlier` answers for the rest. `linkable` is how many of the rows
 * can make a link, when known (credit-rows.ts countLinkableRows): a wrong one costs only memory.
 */
export function deriveInOrder(rows: Iterable<CreditRow>, known: readonly KnownAccount[], earlier?: EarlierRows, linkable = 64): DeriveResult {
  const specs = new Map<string, AccountSpec>();
  // Where each account is first named, in the order a derivation of every row takes them up (the
  // rows, then the refunds and credits): the new accounts' ids are given in that order.
  const firstNamed = new Map<string, number>();
  const REFUND_PHASE = 2 ** 52;
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const indexOf = (key: string): number => {
    let at = keyIndex.get(key);
    if (at === undefined) keyIndex.set(key, (at = keys.push(key) - 1));
    return at;
  };
  // Each row makes one link at most: the columns are made once, for the rows that can.
  const links = new CreditLinks(linkable);
  const need = (key: string, at: number): AccountSpec => {
    let spec = specs.get(key);
    if (!spec) specs.set(key, (spec = specForKey(key)));
    firstNamed.set(key, Math.min(firstNamed.get(key) ?? at, at));
    return spec;
  };

  // Cards with their last four digits: from known accounts and from every row's events.
  const cardsByBank = new Map<string, Set<string>>();
  const cardKeys = new Set<string>();
  const addCard = (bank: string, key: string) => {
    if (!cardsByBank.has(bank)) cardsByBank.set(bank, new Set());
    cardsByBank.get(bank)!.add(key);
  };
  const namedCard = (key: string) => {
    const card = parseCardKey(key);
    if (!card?.last4 || cardKeys.has(key)) return;
    cardKeys.add(key);
    addCard(card.bank, key);
  };
  for (const account of known) {
    if (account.product === 'credit_card' && account.bank && account.last4 && account.matchKey && !account.dismissed) addCard(account.bank, account.matchKey);
  }
  for (const key of earlier?.cardKeys ?? []) namedCard(key);
  const resolveBank = (bank: string): { key: string; basis: LinkBasis } => {
    const cards = cardsByBank.get(bank);
    if (cards && cards.size === 1) return { key: [...cards][0], basis: 'same_bank_single_card' };
    return { key: cardKey(bank, null), basis: 'account_key' };
  };
  /** A card event's bank when the row names no card by its digits. */
  const bankOf = (row: CreditRow): string | null => {
    if (row.kind !== 'credit_card_purchase' && row.kind !== 'credit_card_repayment') return null;
    const card = row.key ? parseCardKey(row.key) : null;
    if (!row.key) return BANK_OF_CARD.exec(row.fundingAccount ?? '')?.[1] ?? BANK_NAME.exec(row.counterparty ?? '')?.[1] ?? null;
    return card && !card.last4 ? card.bank : null;
  };

  // Taken up after every row was seen: card events named by bank only (they need every card),
  // a line's repayments (they need all its draws) and the refunds and card-statement credits
  // (a refund needs its purchase's link), each in row order.
  const byBank = new CreditLinks();
  /** Per card event named by bank: its bank, and where the row came. */
  const banks: string[] = [];
  const bankRowAt: number[] = [];
  const lineRepayments = new CreditLinks();
  const credits = new CreditLinks();
  /** Per credit: the purchase a refund names, or -1 for a card statement's credit (its key is its account). */
  const refundOf: number[] = [];
  const draws = new Map<string, { key: string; day: number; closedDay: number | null }[]>();
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

  let at = 0;
  for (const row of rows) {
    at += 2;
    if (row.key) namedCard(row.key);
    if (row.fen <= 0) continue;
    if (row.kind === null) {
      // A refund reduces what is owed only when its original purchase was counted on the account
      // (paired by the importer). An unpaired refund's purchase is not in the data, or was a
      // closed order, so crediting it would understate the balance.
      if (row.statusClass === 'refund') {
        if (REFUNDS_NETTED.has(row.platform) || row.refundOf === null) continue;
        credits.push(fieldsOf(row, -1, 'credit', 'refund_of_original'));
        refundOf.push(row.refundOf);
        continue;
      }
      // A bank's own card statement: every other credit on it (cashback, 饭票) is on that card.
      const card = CARD.exec(row.fundingAccount ?? '');
      if (isBankPlatform(row.platform) && row.direction === 'income' && card) {
        credits.push(fieldsOf(row, indexOf(cardKey(card[1], card[2])), 'credit', 'card_statement_credit'));
        refundOf.push(-1);
      }
      continue;
    }
    const role = ROLE_OF_KIND[row.kind];
    const bank = bankOf(row);
    if (bank) {
      byBank.push(fieldsOf(row, -1, role, 'account_key'));
      banks.push(bank);
      bankRowAt.push(at);
      continue;
    }
    const key = row.key;
    if (!key) continue; // no account named and none can be told: stays unassigned
    if (LINE_KEYS.has(key) && role === 'disbursement') {
      const drawKey = `${key}:draw:${row.platform}:${row.orderId}`;
      const line = need(key, at);
      const existing = knownByKey.get(drawKey);
      need(drawKey, at + 1);
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
      links.push(fieldsOf(row, indexOf(drawKey), 'disbursement', 'disbursement'));
      continue;
    }
    need(key, at);
    if (LINE_KEYS.has(key) && role === 'payment') {
      lineRepayments.push(fieldsOf(row, indexOf(key), 'payment', 'line'));
      continue;
    }
    links.push(fieldsOf(row, indexOf(key), role, 'account_key'));
  }

  for (let i = 0; i < byBank.length; i++) {
    const { key, basis } = resolveBank(banks[i]);
    need(key, bankRowAt[i]);
    links.push({ ...byBank.at(i), account: indexOf(key), basis });
  }

  // Repayments of a line go to a draw only when exactly one known draw can be open and nothing
  // shows draws the data lacks; otherwise they stay on the line for the user to assign.
  const unknownDrawLines = new Set<string>();
  for (let i = 0; i < lineRepayments.length; i++) {
    const line = keys[lineRepayments.account[i]];
    const day = lineRepayments.day[i];
    const open = (draws.get(line) ?? []).filter((d) => d.day <= day && (d.closedDay === null || d.closedDay >= day));
    if (open.length === 0) unknownDrawLines.add(line);
    const link = lineRepayments.at(i);
    if (open.length === 1 && !unknownDrawLines.has(line)) links.push({ ...link, account: indexOf(open[0].key), basis: 'only_open_draw' });
    else links.push(link);
  }

  // The purchases the refunds name: the account each was charged to (one link per row at most).
  const named = new Set(refundOf.filter((id) => id >= 0));
  const chargedTo = new Map<number, number>();
  const charge = ROLES.indexOf('charge');
  for (let i = 0; i < links.length && named.size > 0; i++) {
    if (named.has(links.transaction[i]) && links.role[i] === charge) chargedTo.set(links.transaction[i], links.account[i]);
  }
  if (earlier) {
    // A purchase of an earlier derivation: its account is the one its own row names (a charge
    // never rests on other rows but for the cards, which are all known here).
    for (const row of earlier.rows([...named].filter((id) => !chargedTo.has(id)))) {
      if (row.fen <= 0 || row.kind === null || ROLE_OF_KIND[row.kind] !== 'charge') continue;
      const bank = bankOf(row);
      const key = bank ? resolveBank(bank).key : row.key;
      if (key) chargedTo.set(row.id, indexOf(key));
    }
  }
  for (let i = 0; i < credits.length; i++) {
    if (refundOf[i] < 0) {
      need(keys[credits.account[i]], REFUND_PHASE + i);
      links.push(credits.at(i));
      continue;
    }
    const account = chargedTo.get(refundOf[i]);
    if (account !== undefined) links.push({ ...credits.at(i), account });
  }
  const accounts = [...specs.values()].sort((a, b) => firstNamed.get(a.matchKey)! - firstNamed.get(b.matchKey)!);
  for (const held of [byBank, lineRepayments, credits]) held.release();
  return { accounts, keys, links, unknownDrawLines, cardKeys: [...cardKeys] };
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
