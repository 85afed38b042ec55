// Lines of credit on the simulated report: cards that share one line (共享授信额度, PD01A AJ03),
// counted once in the total limit, the utilisation and the highest and lowest line per bank; and
// the credit agreements (授信协议, PD02) the report lists, each with the accounts under it: a
// shared card line, or a Jiebei or Weilidai line whose draws are its sub-accounts (R4,
// docs/domain/pboc-report.md#account-types).

import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { keepOn, keptOn, type ReportAccount } from './layouts.ts';
import type { CreditAgreement } from './report-schema.ts';
import { isOpen } from './repayment-grid.ts';
import { issuerOf } from '../rules/repayment-grace.ts';

export interface CreditLine {
  /** The same for every account on the line. */
  key: string;
  accounts: ReportAccount[];
  /** The line's limit: the highest limit its accounts give (each card of a shared line shows the line). */
  limitFen: number | null;
  /** The user named a shared line for these cards. */
  shared: boolean;
}

/** Whose line an account draws on: its shared line (with its issuer), else its own. The score's use features count each line once by it too. */
export function creditLineKey(account: { id: number; sharedLine: string | null; lender: string | null; bank: string | null }): string {
  const shared = account.sharedLine;
  return shared === null ? `#${account.id}` : `${issuerOf(account) ?? ''}\u0000${shared}`;
}

/** The cards' lines, each shared line once. */
export function creditLines(cards: readonly ReportAccount[]): CreditLine[] {
  // In the order each line is first met; a card on no shared line is a line of its own (one object per report account).
  const lines: (CreditLine | { key: string; cards: ReportAccount[] })[] = [];
  const shared = new Map<string, ReportAccount[]>();
  for (const card of cards) {
    if (card.source.sharedLine === null) {
      lines.push(ownLine(card));
      continue;
    }
    const key = creditLineKey(card.source);
    const group = shared.get(key);
    if (group) group.push(card);
    else {
      shared.set(key, [card]);
      lines.push({ key, cards: shared.get(key)! });
    }
  }
  return shared.size === 0 ? (lines as CreditLine[]) : lines.map((l) => ('cards' in l ? lineOf(l.key, l.cards) : l));
}

function lineOf(key: string, accounts: ReportAccount[]): CreditLine {
  let limitFen: number | null = null;
  for (const a of accounts) if (a.source.limitFen !== null) limitFen = Math.max(limitFen ?? a.source.limitFen, a.source.limitFen);
  return { key, accounts, limitFen, shared: accounts[0].source.sharedLine !== null };
}

/** The line of a card on no shared line, kept with the report account (never edited; a what-if's months share it). */
function ownLine(card: ReportAccount): CreditLine {
  return keptOn<CreditLine>(card, 'ownLine') ?? keepOn(card, 'ownLine', lineOf(creditLineKey(card.source), [card]));
}

/** The institution a line belongs to (accounts without a lender: each line its own). */
export function institutionOf(line: CreditLine): string {
  return issuerOf(line.accounts[0].source) ?? line.key;
}

function usedOf(accounts: readonly ReportAccount[], reportMonth: number): number | null {
  let used = 0;
  for (const a of accounts.filter((x) => isOpen(x, reportMonth))) {
    const balance = a.months.at(-1)?.creditUsedFen ?? null;
    if (balance === null) return null;
    used += balance;
  }
  return used;
}

const ref = (a: ReportAccount) => ({ id: a.id, name: a.name, type: a.type });

/** The report's 授信协议: each loan line on it (its draws, or its merged account), then each shared card line. */
export function creditAgreements(snapshot: LedgerSnapshot, accounts: readonly ReportAccount[], reportMonth: number): CreditAgreement[] {
  const out: CreditAgreement[] = [];
  const byLine = new Map<number, ReportAccount[]>();
  for (const a of accounts) if (a.lineId !== null) byLine.set(a.lineId, [...(byLine.get(a.lineId) ?? []), a]);
  for (const [lineId, members] of byLine) {
    const line = snapshot.accounts.find((a) => a.id === lineId);
    if (!line) continue;
    out.push({ key: `line:${lineId}`, kind: 'loan_line', name: line.name, lender: line.lender, limitFen: line.limitFen, usedFen: usedOf(members, reportMonth), accounts: members.map(ref) });
  }
  const cards = accounts.filter((a) => a.type === 'R2' || a.type === 'R3');
  for (const line of creditLines(cards).filter((l) => l.shared)) {
    out.push({
      key: `shared:${line.key}`,
      kind: 'shared_card_line',
      name: line.accounts[0].source.sharedLine!,
      lender: issuerOf(line.accounts[0].source),
      limitFen: line.limitFen,
      usedFen: usedOf(line.accounts, reportMonth),
      accounts: line.accounts.map(ref),
    });
  }
  return out;
}
