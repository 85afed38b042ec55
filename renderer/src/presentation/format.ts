// The renderer's one way to write an amount, a person's name, a phone number, an identifier in a
// label (a card's last four, an order id) and a score. In presentation mode each goes through
// core/shared/presentation-mask.ts, the rule the printable plan and the CLI use too. No other
// renderer module imports formatFen (test/unit/presentation-format.test.ts holds it to that).

import { formatFen as formatFenExact, type FenFormat } from '../../../core/shared/money.ts';
import { hidePhone, maskAmount, maskIdentifiers, maskName, maskPhone, maskScore, maskText } from '../../../core/shared/presentation-mask.ts';
import { currentMask } from './current-mask.ts';

/** 123456 fen → "¥1,234.56"; in presentation mode "¥••••" (core/shared/money.ts formatFen otherwise). */
export function formatFen(fen: number, format?: FenFormat): string {
  const text = formatFenExact(fen, format);
  return currentMask().amounts ? maskAmount(text) : text;
}

/** A client's or a profile's name: "张••" in presentation mode. */
export function personName(name: string): string {
  return currentMask().identifiers ? maskName(name) : name;
}

/** A label that may hold identifiers (an account's name with its last four, an order id, a file name). */
export function identifier(text: string): string {
  return currentMask().identifiers ? maskIdentifiers(text) : text;
}

/** A stored phone: "138****5678" as the roster always shows it; nothing of it in presentation mode. */
export function phoneText(phone: string): string {
  return currentMask().identifiers ? hidePhone(phone) : maskPhone(phone);
}

/** A score (or its range's end): hidden only when the adviser also hides scores. */
export function scoreValue(score: number | string): string {
  const text = String(score);
  return currentMask().scores ? maskScore(text) : text;
}

/** Whether scores and bands are hidden (a band's label goes with its score). */
export function scoresHidden(): boolean {
  return currentMask().scores;
}

/**
 * An amount as a form field holds it (`1234.50`): always exact, so an edit never saves a mask. In
 * presentation mode the fields themselves are covered (presentation.css), not their values.
 */
export function fieldYuan(fen: number): string {
  return formatFenExact(fen, { grouped: false, symbol: false });
}

/**
 * A sentence core wrote (an assumption, a step's reason, a problem with an account), which may
 * name an amount or an account's last four: masked as copied text is (core/shared maskText).
 */
export function prose(text: string): string {
  return currentMask().identifiers ? maskText(text) : text;
}

/** A band's label ("良好", "Good"): hidden with the scores, since it tells the score's neighbourhood. */
export function bandLabel(label: string): string {
  return currentMask().scores ? maskScore(label) : label;
}
