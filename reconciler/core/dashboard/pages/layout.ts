import type { DashboardData } from "../dashboard-data.js";
import { html, type Html } from "../html.js";
import type { TableSpec } from "../table.js";

/** A page of the site: where it goes, its markup and the tables whose CSV is written next to it. */
export interface Page {
  path: string;
  html: string;
  tables: TableSpec[];
}

/** `2026-11-23T14:59:15Z` → `2026-11-23 14:59 UTC`. */
export function when(iso: string | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

export const usd = (n: number) => `$${n.toFixed(2)}`;
export const short = (commit: string) => commit.slice(0, 12);

export function envHref(root: string, key: string): string {
  const [lab, env] = key.split("/");
  return `${root}environments/${encodeURIComponent(lab ?? "")}/${encodeURIComponent(env ?? "")}.html`;
}

export function labHref(root: string, lab: string): string {
  return `${root}labs/${encodeURIComponent(lab)}.html`;
}

/** A link to a lab's page, or its plain name when the site has no page for it (a lab's own site). */
export function labLink(data: DashboardData, root: string, lab: string): Html {
  return data.labs.some((l) => l.name === lab)
    ? html`<a href="${labHref(root, lab)}">${lab}</a>`
    : html`${lab}`;
}

/** A drift status as text and a badge (never colour alone). */
export function driftBadge(status: string): Html {
  const label =
    status === "CRITICAL_DRIFT"
      ? "critical drift"
      : status === "MINOR_DRIFT"
        ? "minor drift"
        : status === "STABLE"
          ? "stable"
          : "not observed yet";
  return html`<span class="badge drift-${status.toLowerCase()}">${label}</span>`;
}

export interface Shell {
  title: string;
  root: string;
  data: DashboardData;
  build: string;
  current: "fleet" | "labs" | "funding" | "runs" | "environment";
  /** Pages with charts load Chart.js. */
  charts?: boolean;
}

export function layout(s: Shell, body: Html): string {
  const { data, root } = s;
  const nav = (id: Shell["current"], href: string, label: string) =>
    html`<li>
      <a href="${root}${href}" ${s.current === id ? html` aria-current="page"` : ""}>${label}</a>
    </li>`;
  const labs = data.labs.map(
    (l) => html`<li><a href="${labHref(root, l.name)}">${l.displayName}</a></li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
        />
        <title>${s.title} · labenv</title>
        <link rel="stylesheet" href="${root}assets/dashboard.css" />
        ${s.charts ? html`<script src="${root}assets/chart.umd.min.js" defer></script>` : ""}
        <script src="${root}assets/dashboard.js" defer></script>
      </head>
      <body data-build="${s.build}" data-root="${root}">
        <a class="skip" href="#main">Skip to content</a>
        <header>
          <p class="brand">
            <a href="${root}index.html">labenv</a
            >${data.scope ? html` <span class="scope">· lab ${data.scope}</span>` : ""}
          </p>
          <nav aria-label="Sections">
            <ul>
              ${nav("fleet", "index.html", "Fleet")}
              ${data.scope ? "" : nav("runs", "runs.html", "Runs")}
              ${nav("funding", "funding.html", "Funding")}
            </ul>
          </nav>
          <nav aria-label="Labs">
            <ul>
              ${labs}
            </ul>
          </nav>
        </header>
        <main id="main">${body}</main>
        <footer>
          <p>
            Data as of ${when(data.generatedAt)} · documents at commit
            <code>${short(data.commit)}</code> · ${data.provider} · cost estimates from
            ${data.prices.region} list prices of
            ${data.prices.asOf}${data.history ? "" : " · git history not available: timelines are empty"}
          </p>
        </footer>
      </body>
    </html> `.value;
}
