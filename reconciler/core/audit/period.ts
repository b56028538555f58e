import { LabenvError } from "../errors.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date or timestamp from the command line → an instant. A bare date
 * means the start of that day (UTC) for `edge: "start"` and its last second
 * for `edge: "end"`, so `--until 2026-06-30` includes all of June 30th; a
 * timestamp without a zone is read as UTC.
 */
export function parseInstant(text: string, edge: "start" | "end", option: string): Date {
  const t = text.trim();
  let iso: string | undefined;
  if (DAY.test(t)) iso = edge === "start" ? `${t}T00:00:00Z` : `${t}T23:59:59Z`;
  else if (INSTANT.test(t)) iso = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
  const d = iso === undefined ? new Date(NaN) : new Date(iso);
  if (Number.isNaN(d.getTime()) || (DAY.test(t) && d.toISOString().slice(0, 10) !== t)) {
    throw new LabenvError("usage", `${option}: not a date: ${JSON.stringify(text)}`, {
      hint: "write a date as YYYY-MM-DD, or a timestamp as 2026-03-01T14:00:00Z",
    });
  }
  return d;
}

/** Whether a command-line argument names a date rather than a commit. */
export function looksLikeDate(text: string): boolean {
  return DAY.test(text.trim()) || INSTANT.test(text.trim());
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
