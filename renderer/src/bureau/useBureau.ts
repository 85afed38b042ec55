import { createContext, useContext } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { formatDay, formatMonth, today } from '../../../core/shared/calendar.ts';
import { useLoaded, type Loaded } from '../accounts/useLedger.ts';
import { invoke } from '../api.ts';
import { formatCount } from '../../../core/shared/money.ts';
import { formatFen } from '../presentation/format.ts';

export type BureauReport = Response<'bureau.report'>;
export type FigureView = BureauReport['summary']['overview']['totalAccounts'];
export type RecordView = FigureView['records'][number];
export type ReportAccount = BureauReport['accounts'][number];
export type GridMonth = ReportAccount['grid'][number];
export type NegativeItem = BureauReport['negativeItems'][number];
export type RuleView = BureauReport['lenderView'][number];
export type LayoutComparison = BureauReport['layouts'][number];
export type HuabeiSwitch = BureauReport['huabei'][number];

/** Today in UTC+8, as the report's default as-of day. */
export function todayText(): string {
  return formatDay(today());
}

export function useBureauReport(profileId: string, asOf: string): Loaded<BureauReport> {
  return useLoaded(() => invoke('bureau.report', { profileId, asOf }), `${profileId}:${asOf}`);
}

/** A figure's number as text; null is the caller's dash. */
export function formatValue(unit: FigureView['unit'], value: number): string {
  switch (unit) {
    case 'fen':
      return formatFen(Math.round(value));
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'month':
      return formatMonth(value);
    default:
      return formatCount(value);
  }
}

/** Opens the records behind a figure (the drawer of BureauPage). */
export interface RecordsTarget {
  title: string;
  figure: FigureView;
}

export const RecordsContext = createContext<(target: RecordsTarget) => void>(() => {});

export function useShowRecords(): (target: RecordsTarget) => void {
  return useContext(RecordsContext);
}
