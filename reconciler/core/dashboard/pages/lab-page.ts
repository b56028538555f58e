import type { DashboardData, LabView, QuotaUse, ShareView } from "../dashboard-data.js";
import { html, type Html } from "../html.js";
import { cell, renderTable, type TableSpec } from "../table.js";
import { driftBadge, envHref, layout, usd, type Page } from "./layout.js";

const ROOT = "../";

const QUOTA_LABEL: Record<QuotaUse["what"], (n: number) => string> = {
  cpu: (n) => `${n / 1024} vCPU`,
  memory: (n) => `${n / 1024} GiB memory`,
  storageGiB: (n) => `${n} GiB storage`,
  environments: (n) => `${n} environment${n === 1 ? "" : "s"}`,
};

/** Quota use as bars drawn in HTML and CSS, so they show without JavaScript and in print. */
function quotaBars(quotas: readonly QuotaUse[]): Html {
  return html`<section aria-labelledby="quota-title">
    <h2 id="quota-title">Quota use</h2>
    <ul class="quotas">
      ${quotas.map((q) => {
        const label = QUOTA_LABEL[q.what];
        if (q.limit === undefined)
          return html`<li><span class="quota-label">${label(q.used)} (no quota)</span></li>`;
        const pct = Math.round((q.used / q.limit) * 100);
        return html`<li>
          <span class="quota-label">${label(q.used)} of ${label(q.limit)} (${pct}%)</span>
          <span class="bar${pct > 100 ? " over" : pct >= 80 ? " near" : ""}" aria-hidden="true"
            ><span class="fill w${Math.min(100, Math.round(pct / 5) * 5)}"></span
          ></span>
        </li>`;
      })}
    </ul>
  </section>`;
}

function sharesTable(id: string, caption: string, lab: string, shares: ShareView[]): TableSpec {
  return {
    id,
    caption,
    csv: `csv/labs/${lab}-${id}.csv`,
    empty: "None.",
    columns: [
      { label: "Share" },
      { label: "Environment" },
      { label: "Snapshot" },
      { label: "To lab" },
      { label: "Members" },
      { label: "Access" },
      { label: "Expires" },
      { label: "Purpose" },
    ],
    rows: shares.map((s) => [
      cell(s.share),
      cell(s.environment),
      cell(s.snapshot ?? "— (the live environment)"),
      cell(s.to),
      cell(s.members === "all" ? "all" : s.members.join(", ")),
      cell(s.access),
      cell(`${s.expires}${s.active ? "" : " (expired)"}`),
      cell(s.purpose),
    ]),
  };
}

/** One lab: quota use, members, environments, shares given and received, successions. */
export function labPage(data: DashboardData, lab: LabView, build: string): Page {
  const envs = data.environments.filter((e) => e.lab === lab.name);
  const members: TableSpec = {
    id: "members",
    caption: "Members",
    csv: `csv/labs/${lab.name}-members.csv`,
    columns: [
      { label: "Id" },
      { label: "Name" },
      { label: "Role" },
      { label: "GitHub" },
      { label: "Until" },
    ],
    rows: lab.members.map((m) => [
      cell(m.id),
      cell(m.name),
      cell(`${m.role}${lab.approvers.includes(m.id) ? ", approver" : ""}`),
      cell(m.github ?? "—"),
      cell(m.until ?? "—"),
    ]),
  };
  const environments: TableSpec = {
    id: "environments",
    caption: "Environments",
    csv: `csv/labs/${lab.name}-environments.csv`,
    empty: "No environments.",
    columns: [
      { label: "Environment" },
      { label: "Owner" },
      { label: "State" },
      { label: "Drift" },
      { label: "Monthly cost", numeric: true },
    ],
    rows: envs.map((e) => [
      cell(e.key, { html: html`<a href="${envHref(ROOT, e.key)}">${e.key}</a>` }),
      cell(e.ownerName),
      cell(e.state),
      cell(e.drift.status, { html: driftBadge(e.drift.status) }),
      cell(usd(e.monthlyCostUsd), { sort: e.monthlyCostUsd }),
    ]),
  };
  const successions: TableSpec = {
    id: "successions",
    caption: "Successions",
    csv: `csv/labs/${lab.name}-successions.csv`,
    empty: "None.",
    columns: [
      { label: "Succession" },
      { label: "From" },
      { label: "To" },
      { label: "Effective" },
      { label: "Environments" },
      { label: "Reason" },
    ],
    rows: lab.successions.map((s) => [
      cell(s.name),
      cell(s.from),
      cell(s.to),
      cell(s.effective),
      cell(s.environments.join(", ") || "—"),
      cell(s.reason),
    ]),
  };
  const funding: TableSpec = {
    id: "funding",
    caption: "Funding sources",
    csv: `csv/labs/${lab.name}-funding.csv`,
    empty: "None.",
    columns: [{ label: "Id" }, { label: "Funder" }, { label: "Award" }, { label: "Until" }],
    rows: lab.funding.map((f) => [
      cell(f.id),
      cell(f.funder),
      cell(f.award ?? "—"),
      cell(f.until ?? "—"),
    ]),
  };
  const tables = [
    environments,
    members,
    sharesTable("shares-given", "Shares given", lab.name, lab.sharesGiven),
    sharesTable("shares-received", "Shares received", lab.name, lab.sharesReceived),
    successions,
    funding,
  ];
  const pi = lab.members.find((m) => m.id === lab.pi);
  const body = html`<p class="crumbs"><a href="${ROOT}index.html">Fleet</a></p>
    <h1>${lab.displayName}</h1>
    <p>
      Lab <code>${lab.name}</code> · PI ${pi ? `${pi.name} (${pi.id})` : lab.pi} · approvers
      ${lab.approvers.join(", ")} · ${usd(lab.monthlyCostUsd)} per month
    </p>
    ${quotaBars(lab.quotas)} ${tables.map((t) => renderTable(t, ROOT))}`;
  return {
    path: `labs/${lab.name}.html`,
    html: layout({ title: lab.displayName, root: ROOT, data, build, current: "labs" }, body),
    tables,
  };
}
