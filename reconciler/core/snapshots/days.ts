/** One day in milliseconds: the unit of every retention, schedule and verify period. */
export const DAY_MS = 86_400_000;

/** Whole UTC days from one ISO date (or time) to another, by their dates only. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS);
}
