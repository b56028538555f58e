import type { DashboardData } from "../dashboard-data.js";
import { html, jsonScript } from "../html.js";
import { cell, renderTable, type TableSpec } from "../table.js";
import { layout, usd, type Page } from "./layout.js";

function monthTable(
  id: string,
  caption: string,
  first: string,
  months: readonly string[],
  rows: { name: string; costs: number[] }[],
): TableSpec {
  return {
    id,
    caption,
    csv: `csv/${id}.csv`,
    empty: "No environments.",
    columns: [{ label: first }, ...months.map((m) => ({ label: m, numeric: true }))],
    rows: rows.map((r) => [cell(r.name), ...r.costs.map((c) => cell(usd(c), { sort: c }))]),
  };
}

/** Funding: estimated cost per funding source and experiment, month by month, and the audit's funding groups. */
export function fundingPage(data: DashboardData, build: string): Page {
  const f = data.funding;
  const sourceName = (s: (typeof f.bySource)[number]) =>
    s.funder ? `${s.funding} (${s.funder}${s.award ? ` ${s.award}` : ""})` : s.funding;
  const bySource = monthTable(
    "cost-by-funding",
    "Estimated cost per funding source (USD per month)",
    "Funding source",
    f.months,
    f.bySource.map((s) => ({ name: sourceName(s), costs: s.costs })),
  );
  const byExperiment = monthTable(
    "cost-by-experiment",
    "Estimated cost per experiment (USD per month)",
    "Experiment",
    f.months,
    f.byExperiment.map((s) => ({ name: s.experiment, costs: s.costs })),
  );
  const audit: TableSpec = {
    id: "audit-funding",
    caption: "Changes per funding source (as labenv audit reports them)",
    csv: "csv/audit-funding.csv",
    empty: data.history ? "No changes on main." : "Git history not available.",
    columns: [
      { label: "Funding" },
      { label: "Funder" },
      { label: "Award" },
      { label: "Experiments" },
      { label: "Environments" },
      { label: "Commits", numeric: true },
      { label: "Package changes", numeric: true },
    ],
    rows: f.audit.map((g) => [
      cell(g.funding),
      cell(g.funder ?? "—"),
      cell(g.award ?? "—"),
      cell(g.experiments.join(", ")),
      cell(g.environments.join(", ")),
      cell(g.commits, { sort: g.commits }),
      cell(g.packageChanges, { sort: g.packageChanges }),
    ]),
  };
  const chart = (id: string, label: string, table: string) =>
    html`<figure class="chart">
      <div class="chart-box">
        <canvas
          id="${id}"
          role="img"
          aria-label="${label}: chart by month; the same numbers are in the table below"
          >${label}: see the table below.</canvas
        >
      </div>
      <figcaption>${label}. The numbers are in the table “${table}”.</figcaption>
    </figure>`;
  const chartData = {
    months: f.months,
    bySource: f.bySource.map((s) => ({ label: s.funding, values: s.costs })),
    byExperiment: f.byExperiment.map((s) => ({ label: s.experiment, values: s.costs })),
  };
  const body = html`<h1>Funding</h1>
    <p>
      Estimated monthly cost of each environment as main described it at the end of each month (its
      resources, state, schedule, funding source and experiment then), priced with the
      ${data.prices.region} list prices of ${data.prices.asOf}. The current month is what
      <code>labenv cost</code> reports.
    </p>
    ${jsonScript("chart-data", chartData)}
    ${chart("chart-funding", "Estimated cost per funding source by month", bySource.caption)}
    ${renderTable(bySource, "")}
    ${chart("chart-experiment", "Estimated cost per experiment by month", byExperiment.caption)}
    ${renderTable(byExperiment, "")} ${renderTable(audit, "")}`;
  return {
    path: "funding.html",
    html: layout(
      { title: "Funding", root: "", data, build, current: "funding", charts: true },
      body,
    ),
    tables: [bySource, byExperiment, audit],
  };
}
