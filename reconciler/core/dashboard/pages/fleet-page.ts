import type { DashboardData, EnvironmentView } from "../dashboard-data.js";
import { html } from "../html.js";
import { cell, renderTable, type Cell, type TableSpec } from "../table.js";
import { day, driftBadge, envHref, labLink, layout, usd, type Page } from "./layout.js";

const DRIFT_ORDER: Record<string, number> = {
  CRITICAL_DRIFT: 3,
  MINOR_DRIFT: 2,
  UNKNOWN: 1,
  STABLE: 0,
};

/** The fleet: every environment in one sortable, filterable table. */
export function fleetPage(data: DashboardData, build: string): Page {
  const root = "";
  const envs = data.environments;
  const table: TableSpec = {
    id: "fleet",
    caption: "Environments",
    csv: "csv/fleet.csv",
    filterable: true,
    empty: "No environments.",
    columns: [
      { label: "Environment" },
      { label: "Lab" },
      { label: "Owner" },
      { label: "State" },
      { label: "Tasks" },
      { label: "Domain pack" },
      { label: "Lock changed" },
      { label: "Drift" },
      { label: "Last snapshot" },
      { label: "Last verified snapshot" },
      { label: "Last drill" },
      { label: "Monthly cost", numeric: true },
    ],
    rows: envs.map((e) => [
      cell(e.key, { html: html`<a href="${envHref(root, e.key)}">${e.key}</a>` }),
      cell(e.lab, { html: labLink(data, root, e.lab) }),
      cell(e.ownerName),
      cell(e.state),
      cell(e.running),
      cell(e.pack),
      cell(day(e.lockChanged), { sort: e.lockChanged ?? "" }),
      cell(e.drift.status, {
        html: html`${driftBadge(e.drift.status)}${e.drift.items.length > 0 ? html` <span class="count">${e.drift.items.length} item${e.drift.items.length === 1 ? "" : "s"}</span>` : ""}`,
        sort: DRIFT_ORDER[e.drift.status] ?? 0,
        value: e.drift.status,
      }),
      cell(day(e.lastSnapshot), { sort: e.lastSnapshot ?? "" }),
      cell(day(e.lastVerifiedSnapshot), { sort: e.lastVerifiedSnapshot ?? "" }),
      drillCell(e.lastDrill),
      cell(usd(e.monthlyCostUsd), { sort: e.monthlyCostUsd }),
    ]),
  };
  const total = envs.reduce((s, e) => s + e.monthlyCostUsd, 0);
  const drifting = envs.filter((e) => e.drift.status.endsWith("_DRIFT")).length;
  const running = envs.filter((e) => e.state === "running").length;
  const option = (v: string, label = v) => html`<option value="${v}">${label}</option>`;
  const body = html`<h1>Fleet</h1>
    <ul class="totals" aria-label="Totals">
      <li><strong>${envs.length}</strong> environments</li>
      <li><strong>${running}</strong> running</li>
      <li><strong>${drifting}</strong> drifting</li>
      <li><strong>${usd(total)}</strong> per month</li>
    </ul>
    <form class="filters" id="fleet-filters" hidden>
      <div>
        <label for="f-search">Search</label>
        <input
          type="search"
          id="f-search"
          name="q"
          data-filter="search"
          placeholder="name, owner, pack…"
        />
      </div>
      <div>
        <label for="f-lab">Lab</label>
        <select id="f-lab" data-filter="1">
          <option value="">all</option>
          ${data.labs.map((l) => option(l.name))}
        </select>
      </div>
      <div>
        <label for="f-state">State</label>
        <select id="f-state" data-filter="3">
          <option value="">all</option>
          ${option("running")}${option("stopped")}
        </select>
      </div>
      <div>
        <label for="f-drift">Drift</label>
        <select id="f-drift" data-filter="7">
          <option value="">all</option>
          ${option("STABLE", "stable")}${option("MINOR_DRIFT", "minor drift")}${option("CRITICAL_DRIFT", "critical drift")}${option("UNKNOWN", "not observed yet")}
        </select>
      </div>
      <p id="fleet-count" aria-live="polite"></p>
    </form>
    ${renderTable(table, root)}`;
  return {
    path: "index.html",
    html: layout({ title: "Fleet", root, data, build, current: "fleet" }, body),
    tables: [table],
  };
}

/** "—" when never drilled, "✓ date" when everything came back identical, "◐ date" when only part was drilled, "✖ date" when not. */
function drillCell(d: EnvironmentView["lastDrill"]): Cell {
  if (!d) return cell("—", { sort: "" });
  if ("problem" in d) return cell("unreadable record", { sort: "" });
  return cell(`${!d.ok ? "✖" : d.partial ? "◐" : "✓"} ${day(d.at)}`, {
    sort: d.at,
    value: !d.ok ? "drill failed" : d.partial ? "partly drilled" : "drilled",
  });
}
