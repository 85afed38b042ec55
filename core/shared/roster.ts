// An adviser's roster: which profiles a search finds and the order they are listed in. Pure, so
// the roster page and its tests read the same rule; the lines come from core/plan/roster.ts over
// the profiles channel.

/** What search and sort read of a roster line (core/plan/roster.ts rosterProfileSchema). */
export interface RosterLine {
  id: string;
  name: string;
  client?: {
    details: { phone: string | null; tags: string[]; notes: string; archivedAt: string | null };
    lastImportAt: string | null;
    nextAction: { by: string } | null;
  };
}

export const ROSTER_SORTS = ['name', 'lastImport', 'nextAction'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export function isArchived(line: RosterLine): boolean {
  return (line.client?.details.archivedAt ?? null) !== null;
}

/** Every word of the query (case folded) in the name, a tag, the notes, or the phone's digits. */
export function matchesSearch(line: RosterLine, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  const details = line.client?.details;
  const haystack = [line.name, ...(details?.tags ?? []), details?.notes ?? ''].join('\n').toLocaleLowerCase();
  const phone = details?.phone?.replace(/\D/g, '') ?? '';
  return words.every((word) => haystack.includes(word.replace(/^#/, '')) || (/^\d{3,}$/.test(word) && phone.includes(word)));
}

const byName = (a: RosterLine, b: RosterLine) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);

/** A missing value (never imported, no plan step) sorts after every present one, in either case. */
function present<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compare(a, b);
}

const ORDERS: Record<RosterSort, (a: RosterLine, b: RosterLine) => number> = {
  name: byName,
  // Newest import first: the client the adviser last worked on. The stored times are all UTC+8
  // text of one shape (…+08:00), so text order is time order.
  lastImport: (a, b) => present(a.client?.lastImportAt ?? null, b.client?.lastImportAt ?? null, (x, y) => y.localeCompare(x)) || byName(a, b),
  // Soonest step first: who needs a call this week.
  nextAction: (a, b) => present(a.client?.nextAction?.by ?? null, b.client?.nextAction?.by ?? null, (x, y) => x.localeCompare(y)) || byName(a, b),
};

/** The roster as shown: archived lines only when asked for, those the query finds, in the chosen order. */
export function rosterView<T extends RosterLine>(lines: readonly T[], { query = '', sort = 'name', archived = false }: { query?: string; sort?: RosterSort; archived?: boolean } = {}): T[] {
  return lines.filter((line) => (archived || !isArchived(line)) && matchesSearch(line, query)).sort(ORDERS[sort]);
}
