import type { DashboardData } from "../dashboard-data.js";
import { html } from "../html.js";
import { cell, renderTable, type TableSpec } from "../table.js";
import { layout, short, when, type Page } from "./layout.js";

function duration(start: string, end: string | undefined): { text: string; ms: number } {
  if (!end) return { text: "—", ms: -1 };
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms) || ms < 0) return { text: "—", ms: -1 };
  return {
    text: ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`,
    ms,
  };
}

/** The reconciler's recent runs: when, how long, what they did, and why they failed or held back. */
export function runsPage(data: DashboardData, build: string): Page {
  const table: TableSpec = {
    id: "runs",
    caption: "Recent reconcile runs",
    csv: "csv/runs.csv",
    empty: "No runs recorded yet: run labenv reconcile.",
    columns: [
      { label: "Started" },
      { label: "Duration", numeric: true },
      { label: "Outcome" },
      { label: "Commit" },
      { label: "Trigger" },
      { label: "Changes" },
      { label: "Failure or held back" },
    ],
    rows: data.runs.map((r) => {
      const d = duration(r.startedAt, r.finishedAt);
      const changes = Object.entries(r.summary)
        .filter(([k, n]) => k !== "unchanged" && (n ?? 0) > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ");
      const problems = [
        ...(r.error ? [`${r.error.stage}: ${r.error.message}`] : []),
        ...(r.heldBack ?? []).map((h) => `held back ${h.environment}: ${h.reasons.join("; ")}`),
      ];
      return [
        cell(when(r.startedAt), { sort: r.startedAt }),
        cell(d.text, { sort: d.ms }),
        cell(r.outcome, { html: html`<span class="badge run-${r.outcome}">${r.outcome}</span>` }),
        cell(short(r.commit), { html: html`<code>${short(r.commit)}</code>` }),
        cell(r.trigger),
        cell(changes || "none"),
        cell(problems.join("; ") || "—"),
      ];
    }),
  };
  const failed = data.runs.filter(
    (r) => r.outcome === "failed" || r.outcome === "abandoned",
  ).length;
  const body = html`<h1>Runs</h1>
    <p>
      ${data.runs.length} recent run${data.runs.length === 1 ? "" : "s"}, ${failed} failed or
      abandoned.
    </p>
    ${renderTable(table, "")}`;
  return {
    path: "runs.html",
    html: layout({ title: "Runs", root: "", data, build, current: "runs" }, body),
    tables: [table],
  };
}
