import type {
  DashboardData,
  EnvironmentView,
  SnapshotView,
  VerifiedView,
} from "../dashboard-data.js";
import { html, type Html } from "../html.js";
import { cell, renderTable, type Cell, type TableSpec } from "../table.js";
import { day, driftBadge, labLink, layout, short, usd, when, type Page } from "./layout.js";

const ROOT = "../../";

function summary(data: DashboardData, e: EnvironmentView): Html {
  const row = (term: string, value: Html | string) =>
    html`<div>
      <dt>${term}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<dl class="summary">
    ${row("Lab", labLink(data, ROOT, e.lab))} ${row("Owner", `${e.ownerName} (${e.owner})`)}
    ${row("State", `${e.state}, tasks ${e.running}`)}
    ${row("Address", html`<code>${e.address}</code>`)} ${row("Domain pack", e.pack)}
    ${row("Image", html`<code class="wrap">${e.image}</code>`)}
    ${row("Lock", html`<code>${e.lockDigest.slice(0, 19)}…</code>${e.lockChanged ? ` changed ${day(e.lockChanged)}` : ""}`)}
    ${row(
      "Applied",
      e.applied
        ? html`commit <code>${short(e.applied.commit)}</code> at
            ${when(e.applied.at)}${e.applied.current ? "" : html` <strong class="warn">(an older lock: the next reconcile applies the current one)</strong>`}`
        : "not applied yet",
    )}
    ${row("Experiment", e.experiment ?? "—")} ${row("Funding", e.funding ?? "—")}
    ${row("Resources", `${e.resources.cpu / 1024} vCPU, ${e.resources.memory / 1024} GiB, ${e.resources.storageGiB} GiB /opt/jupyter, ${e.resources.hoursPerWeek} h/week`)}
    ${row("Monthly cost", usd(e.monthlyCostUsd))} ${row("Kernels", e.kernels.join(", ") || "—")}
  </dl>`;
}

function access(e: EnvironmentView): Html {
  const a = e.access;
  return html`<section aria-labelledby="access-title">
    <h2 id="access-title">Who may open it</h2>
    <ul>
      <li>${a.owner.name} (${a.owner.id}), its owner, in their own Jupyter session.</li>
      ${a.sharedWith.map(
        (s) =>
          html`<li>
            ${s.members === "all" ? `every member of ${s.lab}` : `${s.members.join(", ")} of ${s.lab}`},
            read-only, until ${s.expires} (share ${s.share}).
          </li>`,
      )}
    </ul>
    <p>Access is granted by ${a.grantors.map((g) => `${g.name} (${g.id})`).join(", ")}.</p>
  </section>`;
}

/** One environment: what it is, who may open it, its drift, snapshots, packages and history. */
export function environmentPage(data: DashboardData, e: EnvironmentView, build: string): Page {
  const base = `csv/environments/${e.key}`;
  const drift: TableSpec = {
    id: "drift",
    caption: "Drift",
    csv: `${base}-drift.csv`,
    empty:
      e.drift.status === "UNKNOWN"
        ? "Not observed yet: no report from the environment's agent."
        : "What runs matches the lock.",
    columns: [
      { label: "Item" },
      { label: "Name" },
      { label: "Change" },
      { label: "Locked" },
      { label: "Observed" },
      { label: "Severity" },
      { label: "Why" },
    ],
    rows: e.drift.items.map((i) => [
      cell(i.item),
      cell(i.name),
      cell(i.change),
      cell(i.locked ?? "—"),
      cell(i.observed ?? "—"),
      cell(i.severity),
      cell(i.why),
    ]),
  };
  const snapshots: TableSpec = {
    id: "snapshots",
    caption: "Snapshots",
    csv: `${base}-snapshots.csv`,
    empty: "No snapshots requested.",
    columns: [
      { label: "Snapshot" },
      { label: "Requested" },
      { label: "By" },
      { label: "Reason" },
      { label: "State" },
      { label: "Captured" },
      { label: "Home files", numeric: true },
      { label: "Last verified" },
      { label: "Tier" },
      { label: "Keep until" },
      { label: "Legal hold" },
    ],
    rows: e.snapshots.map((s) => [
      cell(s.name),
      cell(day(s.requested), { sort: s.requested ?? "" }),
      cell(s.requestedBy),
      cell(s.reason),
      cell(snapshotState(s)),
      cell(s.captured ? `${day(s.captured.at)} ${s.captured.digest.slice(0, 19)}…` : "not yet", {
        sort: s.captured?.at ?? "",
      }),
      cell(s.captured ? `${s.captured.files} (${bytes(s.captured.bytes)})` : "—", {
        sort: s.captured?.files ?? -1,
      }),
      verifiedCell(s.verified),
      cell(
        s.captured?.tier
          ? `${s.captured.tier}${s.captured.tierFrom ? (s.captured.tierFrom === "provider" ? ", as AWS reports it" : ", by labenv's schedule") : ""}${s.captured.restoreWait ? ` (${s.captured.restoreWait})` : ""}`
          : "—",
      ),
      cell(s.keepUntil ?? "—"),
      cell(s.legalHold ? "yes" : "no"),
    ]),
  };
  const packages: TableSpec = {
    id: "packages",
    caption: "Locked packages",
    csv: `${base}-packages.csv`,
    empty: "No lock.",
    columns: [{ label: "Package" }, { label: "Version" }, { label: "From" }],
    rows: e.packages.map((p) => [cell(p.name), cell(p.version), cell(p.source)]),
  };
  const moves: TableSpec = {
    id: "package-changes",
    caption: "How packages moved",
    csv: `${base}-package-changes.csv`,
    empty: data.history ? "No locked package changed on main." : "Git history not available.",
    columns: [
      { label: "Date" },
      { label: "Commit" },
      { label: "Package" },
      { label: "From" },
      { label: "To" },
    ],
    rows: e.packageChanges.map((p) => [
      cell(day(p.date), { sort: p.date }),
      cell(short(p.commit), { html: html`<code>${short(p.commit)}</code>` }),
      cell(p.name),
      cell(p.from ?? "(added)"),
      cell(p.to ?? "(removed)"),
    ]),
  };
  const timeline: TableSpec = {
    id: "timeline",
    caption: "Timeline of changes on main",
    csv: `${base}-timeline.csv`,
    empty: data.history ? "No change on main yet." : "Git history not available.",
    columns: [
      { label: "Date" },
      { label: "Commit" },
      { label: "Pull request" },
      { label: "Author" },
      { label: "Merged by" },
      { label: "What changed" },
    ],
    rows: e.timeline.map((t) => [
      cell(when(t.date), { sort: t.date }),
      cell(short(t.commit), { html: html`<code>${short(t.commit)}</code>` }),
      cell(t.pullRequest ? `#${t.pullRequest.number} ${t.pullRequest.title}` : `none (${t.via})`, {
        html: t.pullRequest
          ? t.pullRequest.url
            ? html`<a href="${t.pullRequest.url}">#${t.pullRequest.number}</a>
                ${t.pullRequest.title}`
            : html`#${t.pullRequest.number} ${t.pullRequest.title}`
          : html`<span class="warn"
              >none: pushed ${t.via === "direct" ? "directly" : `(${t.via})`}</span
            >`,
      }),
      cell(t.author),
      cell(t.mergedBy ?? "—"),
      cell(t.changes.join("; "), {
        html: html`<ul class="changes">
          ${t.changes.map((c) => html`<li>${c}</li>`)}
        </ul>`,
      }),
    ]),
  };
  const tables = [drift, snapshots, timeline, moves, packages];
  const body = html`<p class="crumbs">
      <a href="${ROOT}index.html">Fleet</a> › ${labLink(data, ROOT, e.lab)}
    </p>
    <h1>${e.key} ${driftBadge(e.drift.status)}</h1>
    ${summary(data, e)} ${access(e)}
    <p class="freshness">
      ${e.drift.observedAt ? `Last observed ${when(e.drift.observedAt)} (observation ${e.drift.observation}).` : "Not observed yet."}
    </p>
    ${tables.map((t) => renderTable(t, ROOT))}`;
  return {
    path: `environments/${e.key}.html`,
    html: layout({ title: e.key, root: ROOT, data, build, current: "environment" }, body),
    tables,
  };
}

function snapshotState(s: SnapshotView): string {
  if (s.state === "kept") return "kept (its document left git; the data is kept)";
  if (s.state === "scheduled") return "scheduled (kept by its keep policy)";
  if (s.state === "captured") return `captured${s.taken ? `, ${s.taken.id}` : ""}`;
  const taken = s.taken ? `${s.taken.id}${s.taken.status ? ` (${s.taken.status})` : ""}; ` : "";
  return `${s.state}: ${taken}${s.waiting ?? ""}`;
}

/** "never", the date with ✓ and what was proved, or ✗ with how many findings. */
function verifiedCell(v: VerifiedView | undefined): Cell {
  if (!v) return cell("never", { sort: "" });
  if ("problem" in v) return cell(`unreadable record: ${v.problem}`, { sort: "" });
  const text = v.ok
    ? `✓ ${day(v.at)}: ${v.objects} objects, ${v.files} files proved`
    : `✗ ${day(v.at)}: ${v.findings} finding${v.findings === 1 ? "" : "s"} (labenv snapshot verify)`;
  return cell(text, { sort: v.at, value: v.ok ? `verified ${v.at}` : `FAILED ${v.at}` });
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
