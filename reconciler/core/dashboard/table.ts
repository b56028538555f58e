import { html, type Html } from "./html.js";

/** One cell: its text (what CSV and search read), how it shows (when not plain text) and how it sorts. */
export interface Cell {
  text: string;
  html?: Html;
  /** Sort key when the text does not sort right (numbers, dates). */
  sort?: string | number;
  /** What a filter compares with (default: the text shown). */
  value?: string;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A table as data: rendered as HTML and written as CSV from the same rows. */
export interface TableSpec {
  id: string;
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Where its CSV is written, relative to the site root. */
  csv: string;
  /** Shown instead of an empty table. */
  empty?: string;
  /** The fleet table: the script adds sorting to every table, filtering to this one. */
  filterable?: boolean;
}

export const cell = (text: string | number, extra: Omit<Cell, "text"> = {}): Cell => ({
  text: String(text),
  ...extra,
});

export function renderTable(t: TableSpec, root: string): Html {
  const head = html`<div class="table-head">
    <h2 id="${t.id}-title">${t.caption}</h2>
    <a class="csv" href="${root}${t.csv}" download
      >Download CSV<span class="visually-hidden"> of ${t.caption}</span></a
    >
  </div>`;
  if (t.rows.length === 0)
    return html`<section aria-labelledby="${t.id}-title">
      ${head}
      <p class="empty">${t.empty ?? "None."}</p>
    </section>`;
  return html`<section aria-labelledby="${t.id}-title">
    ${head}
    <div class="table-wrap">
      <table
        id="${t.id}"
        class="data${t.filterable ? " filterable" : ""}"
        aria-labelledby="${t.id}-title"
      >
        <thead>
          <tr>
            ${t.columns.map((c) => html`<th scope="col" ${c.numeric ? html` class="num"` : ""}>${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${t.rows.map(
            (r) =>
              html`<tr>
                ${r.map(
                  (c, i) =>
                    html`<td${t.columns[i]?.numeric ? html` class="num"` : ""}${c.sort !== undefined ? html` data-sort="${c.sort}"` : ""}${c.value !== undefined ? html` data-value="${c.value}"` : ""}>${c.html ?? c.text}</td>`,
                )}
              </tr> `,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula is prefixed with `'`. */
export function tableCsv(t: TableSpec): string {
  const field = (s: string) => {
    const safe = /^[=+@\t\r]/.test(s) || /^-[^0-9]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [t.columns.map((c) => c.label), ...t.rows.map((r) => r.map((c) => c.text))]
    .map((r) => r.map(field).join(","))
    .join("\r\n")
    .concat("\r\n");
}
