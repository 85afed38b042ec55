// Credence stores every instant as wall-clock time in China Standard Time with an explicit
// +08:00 offset: bill exports are UTC+8 without saying so, and a user reads dates that way.

const OFFSET_MS = 8 * 3600 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2026-11-21T20:01:02+08:00` for the given instant (default: now). */
export function toUtc8Iso(date: Date = new Date()): string {
  const shifted = new Date(date.getTime() + OFFSET_MS);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}+08:00`
  );
}
