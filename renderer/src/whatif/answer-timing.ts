// How fast the page answers (issue 12 §5: "within one frame of the result arriving"), as User
// Timing marks the e2e test reads (test/e2e/whatif.spec.ts) rather than a time asserted anywhere:
// `whatif.result` when core's answer lands, `whatif.frame` at the first animation frame after it,
// and `whatif.rendered` when the page has committed the answer to the DOM. The answer is on screen
// in that frame when `whatif.rendered` comes before `whatif.frame`; `whatif.answer` measures the
// render itself (result → committed).

export const ANSWER_MARKS = { result: 'whatif.result', frame: 'whatif.frame', rendered: 'whatif.rendered', measure: 'whatif.answer' } as const;

/** Core's answer has arrived: marked now, and at the next animation frame. */
export function markResult(): void {
  performance.mark(ANSWER_MARKS.result);
  requestAnimationFrame(() => performance.mark(ANSWER_MARKS.frame));
}

/** The answer is in the DOM (called from a layout effect of the comparison). */
export function markRendered(): void {
  performance.mark(ANSWER_MARKS.rendered);
  if (performance.getEntriesByName(ANSWER_MARKS.result, 'mark').length > 0) performance.measure(ANSWER_MARKS.measure, ANSWER_MARKS.result, ANSWER_MARKS.rendered);
}
