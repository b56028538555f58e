import { escapeHtml, page } from "../../access/pages.js";
import { FLEET_SITE, scopeOf, type SiteName } from "../published-sites.js";

/**
 * The pages in front of the published dashboard: which site to open (a member of several labs,
 * or a fleet viewer), no site for you (403), and not published yet (404). The same plain,
 * script-free layout as the pages in front of an environment.
 */

const siteLabel = (site: SiteName) =>
  site === FLEET_SITE ? "the whole fleet" : `lab ${scopeOf(site) ?? site}`;

/** 200 at the dashboard's root for someone who may read more than one site. */
export function chooseSitePage(member: string, sites: readonly SiteName[], base: string): string {
  return page(
    "Dashboard",
    `<h1>Which dashboard?</h1>
<p>Signed in as <code>${escapeHtml(member)}</code>, you may read these:</p>
<ul>
${sites.map((s) => `<li><a href="${escapeHtml(`${base}${s}/`)}">${escapeHtml(siteLabel(s))}</a></li>`).join("\n")}
</ul>`,
  );
}

/** 403: the signed-in member is in no lab's lab.yaml (any more) and is no fleet viewer, or asked for another lab's site. */
export function noSitePage(member: string, asked: SiteName | undefined): string {
  const what = asked ? `the dashboard of ${siteLabel(asked)}` : "any lab's dashboard";
  return page(
    "No dashboard for you",
    `<h1>You may not read ${escapeHtml(what)}</h1>
<p>Signed in as <code>${escapeHtml(member || "(no member id)")}</code>. A lab's dashboard is
for the current members its <code>environments/&lt;lab&gt;/lab.yaml</code> lists; the whole
fleet is for those <code>labenv.yaml</code> names in <code>dashboard.fleetViewers</code>.</p>
<p>Ask the lab's PI to add you to its members in a pull request.</p>`,
  );
}

/** 404: the reconciler has not published this site (labenv.yaml `dashboard.publish` is off, or no run finished yet). */
export function notPublishedPage(site: SiteName | undefined): string {
  return page(
    "Dashboard not published",
    `<h1>The dashboard has not been published${site ? ` for ${escapeHtml(siteLabel(site))}` : ""}</h1>
<p>The reconciler publishes it after each run when <code>labenv.yaml</code> sets
<code>dashboard: { publish: true }</code>. If it does, the next reconcile writes it.</p>`,
  );
}
