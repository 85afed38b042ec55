// The purchases behind the spending picture: every account's charge events, the very events the
// history pass replays (credit_account_events, written by each derive: derive/write-events.ts),
// added up by calendar month (UTC+8). A refund or a repayment is not spending and is left out.

import { formatMonth, monthOfDay } from '../../shared/calendar.ts';
import type { Db } from '../../storage/database.ts';
import { unpackEvents } from '../codecs/packed-events.ts';
import { ensureLedger } from '../freshness.ts';
import type { MonthlyCharge } from './charts.ts';

export function readMonthlyCharges(db: Db, asOfDay: number): MonthlyCharge[] {
  ensureLedger(db, asOfDay);
  const out: MonthlyCharge[] = [];
  for (const [accountId, blob] of db.prepare('SELECT account_id, events FROM credit_account_events ORDER BY account_id').raw().all() as [number, Buffer][]) {
    const byMonth = new Map<number, number>();
    for (const event of unpackEvents(blob)) {
      if (event.role !== 'charge' || event.day > asOfDay) continue;
      const month = monthOfDay(event.day);
      byMonth.set(month, (byMonth.get(month) ?? 0) + event.fen);
    }
    for (const [month, fen] of byMonth) out.push({ accountId, month: formatMonth(month), fen });
  }
  return out;
}
