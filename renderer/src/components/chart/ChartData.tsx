import { useState, type ReactNode } from 'react';
import './chart.css';

/**
 * A chart's text alternative: a disclosure (keyboard-reachable through its summary) holding the
 * chart's numbers as a table, built only while open, so that a redraw of the chart does not
 * rebuild a second hidden copy of it.
 */
export function ChartData({ label, testId, children }: { label: string; testId?: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" data-testid={testId} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {/* Focusable, so that a keyboard can scroll a table wider than the page. */}
      {open && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
          {children()}
        </div>
      )}
    </details>
  );
}
