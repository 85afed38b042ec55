// The geometry every hand-made SVG chart shares (dashboard/HistoryChart, whatif/ScoreChart, the
// account view's and the Dashboard's pictures): a plot frame inside the viewBox, where an index
// or a value falls in it, round ticks, and the runs of known points a line is drawn through.

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** x of point `i` of `count`, spread from the frame's left to its right edge; a single point in the middle. */
export function pointX(frame: Frame, count: number): (i: number) => number {
  const span = frame.width - frame.left - frame.right;
  return (i) => frame.left + (count <= 1 ? 0.5 : i / (count - 1)) * span;
}

/** A bar chart's columns: the centre of column `i` of `count` and the width each has. */
export function columns(frame: Frame, count: number): { x: (i: number) => number; width: number } {
  const width = (frame.width - frame.left - frame.right) / Math.max(1, count);
  return { x: (i) => frame.left + (i + 0.5) * width, width };
}

/** y of a value between `lo` (the frame's bottom) and `hi` (its top). */
export function valueY(frame: Frame, lo: number, hi: number): (v: number) => number {
  const span = frame.height - frame.top - frame.bottom;
  return (v) => frame.top + ((hi - v) / Math.max(1, hi - lo)) * span;
}

/** Round ticks inside [lo, hi], at most `most` + 1: steps of 1, 2, 2.5 or 5 × 10ⁿ, whole numbers only. */
export function ticks(lo: number, hi: number, most = 5): number[] {
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 2.5, 5].map((k) => k * power).find((k) => Number.isInteger(k) && (hi - lo) / k <= most);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

/** Runs of consecutive known points (an unknown one leaves a gap in the line). */
export function runs<P>(points: readonly (P | null)[]): P[][] {
  const out: P[][] = [];
  let run: P[] = [];
  for (const p of points) {
    if (p !== null) run.push(p);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** `x,y x,y …` for a polyline or polygon. */
export function pointsAttr(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}
