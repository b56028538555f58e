import type { AuditReport } from "./audit-report.js";

const COLUMNS = [
  "record",
  "date",
  "commit",
  "pull_request",
  "via",
  "author",
  "lab",
  "environment",
  "experiment",
  "funding",
  "kind",
  "action",
  "path",
  "description",
];

/** The audit as CSV (RFC 4180): one row per change in the period, then one per compliance finding. */
export function renderAuditCsv(r: AuditReport): string {
  const rows: (string | number | undefined)[][] = [COLUMNS];
  for (const c of r.changes) {
    rows.push([
      "change",
      c.date,
      c.commit,
      c.pullRequest,
      c.via,
      c.author,
      c.lab,
      c.environment,
      c.experiment,
      c.funding,
      c.kind,
      c.action,
      c.path,
      c.words.join("; "),
    ]);
  }
  for (const f of r.findings) {
    rows.push([
      "finding",
      f.date,
      f.commit,
      f.pullRequest,
      "",
      f.author,
      "",
      f.environments.join(" "),
      "",
      "",
      f.code,
      "",
      "",
      f.message,
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function csvCell(v: string | number | undefined): string {
  if (v === undefined) return "";
  const raw = String(v);
  // A cell a spreadsheet would run as a formula is prefixed with a quote.
  const s = /^[=+@\t]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
