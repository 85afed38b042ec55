import type { ReactNode } from 'react';
import { FigureValue } from './FigureValue.tsx';
import type { FigureView } from './useBureau.ts';

/** A column head: its text, right-aligned (`num`) for figures, and how many columns it spans. */
export type BureauColumn = { label: ReactNode; num?: boolean; span?: number };

function HeadRow({ columns }: { columns: BureauColumn[] }) {
  return (
    <tr>
      {columns.map((col, i) => (
        <th key={i} scope="col" className={col.num ? 'num' : undefined} colSpan={col.span}>
          {col.label}
        </th>
      ))}
    </tr>
  );
}

/**
 * The report's table frame: a scrolling ledger table whose head is one row of columns, or
 * several (`headRows`) where heads group the columns under them. The body is the caller's.
 */
export function BureauTable({
  columns,
  headRows,
  testId,
  children,
}: {
  columns?: BureauColumn[];
  headRows?: BureauColumn[][];
  testId?: string;
  children: ReactNode;
}) {
  const rows = headRows ?? (columns ? [columns] : []);
  return (
    <div className="table-scroll">
      <table className="ledger-table bureau-table" data-testid={testId}>
        <thead>
          {rows.map((row, i) => (
            <HeadRow key={i} columns={row} />
          ))}
        </thead>
        {children}
      </table>
    </div>
  );
}

/** One figure of a table row: what it is, its name for the records drawer, and its testid. */
export type FigureCellSpec = { figure: FigureView; label: string; testId?: string };

/** A right-aligned cell holding one figure. */
export function FigureCell({ figure, label, testId }: FigureCellSpec) {
  return (
    <td className="num">
      <FigureValue figure={figure} label={label} testId={testId} />
    </td>
  );
}

/** A row's figures as data, one cell each, in order. */
export function FigureCells({ cells }: { cells: FigureCellSpec[] }) {
  return (
    <>
      {cells.map((cell, i) => (
        <FigureCell key={i} {...cell} />
      ))}
    </>
  );
}
