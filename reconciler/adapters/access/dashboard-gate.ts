import {
  dashboardObjects,
  contentTypeOf,
  readCurrent,
  sitesFor,
  type DashboardAccess,
  type SiteName,
} from "../../core/dashboard/published-sites.js";
import {
  chooseSitePage,
  noSitePage,
  notPublishedPage,
} from "../../core/dashboard/pages/gate-pages.js";
import { signInProblemPage } from "../../core/access/pages.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { ALB_IDENTITY_HEADER, IdentityRejected, verifyAlbIdentity } from "./alb-identity.js";
import { DEFAULT_MEMBER_CLAIM, type AuthorizerOptions } from "./authorizer.js";

/** Where the published dashboard is served, under the load balancer's sign-in. */
export const DASHBOARD_PATH = "/_labenv/dashboard/";

export interface GateRequest {
  method: string;
  /** The request path, not yet URL-decoded. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface GateResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface DashboardGateOptions {
  objects: ObjectStore;
  identity: AuthorizerOptions;
}

/** A path inside a site: names `buildSite` writes, never `..`. */
const SITE_FILE = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/;
const SITE = /^(fleet|labs\/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(?:\/(.*))?$/s;

const html = (status: number, body: string): GateResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  body: Buffer.from(body),
});
const redirect = (location: string): GateResponse => ({
  status: 302,
  headers: { location, "cache-control": "no-store" },
  body: Buffer.alloc(0),
});
const withHeader = (r: GateResponse, name: string, value: string): GateResponse => ({
  ...r,
  headers: { ...r.headers, [name]: value },
});
const plain = (status: number, text: string): GateResponse => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  body: Buffer.from(`${text}\n`),
});

/**
 * One request for the published dashboard: who signed in (the load balancer's signed identity,
 * never a plain header), which sites the published access list lets them read (`sitesFor`:
 * fleet viewers, and current members of each lab), and the file from the site's current build.
 * The repository is never read here: the reconciler publishes the access list with the sites.
 */
export async function serveDashboard(
  req: GateRequest,
  opts: DashboardGateOptions,
): Promise<GateResponse> {
  if (req.method !== "GET" && req.method !== "HEAD")
    return withHeader(plain(405, "The dashboard is read-only."), "allow", "GET, HEAD");
  const pathOnly = req.path.split("?")[0] ?? "";
  if (pathOnly === DASHBOARD_PATH.slice(0, -1)) return redirect(DASHBOARD_PATH);
  if (!pathOnly.startsWith(DASHBOARD_PATH)) return plain(404, "No labenv dashboard here.");
  let rest: string;
  try {
    rest = decodeURIComponent(pathOnly.slice(DASHBOARD_PATH.length));
  } catch {
    return plain(400, "The address is not valid.");
  }
  const raw = req.headers[ALB_IDENTITY_HEADER];
  let claims;
  try {
    claims = await verifyAlbIdentity(Array.isArray(raw) ? raw[0] : raw, opts.identity);
  } catch (e) {
    if (e instanceof IdentityRejected) return html(401, signInProblemPage(e.message));
    throw e;
  }
  const claim = opts.identity.memberClaim ?? DEFAULT_MEMBER_CLAIM;
  const member = typeof claims[claim] === "string" ? claims[claim] : "";
  const access = await readAccess(opts.objects);
  if (!access) return html(404, notPublishedPage(undefined));
  const today = (opts.identity.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const sites = sitesFor(access, member, today);

  if (rest === "") {
    if (sites.length === 0) return html(403, noSitePage(member, undefined));
    if (sites.length === 1) return redirect(`${DASHBOARD_PATH}${sites[0]}/`);
    return html(200, chooseSitePage(member, sites, DASHBOARD_PATH));
  }
  const m = SITE.exec(rest);
  if (!m) return plain(404, "No such dashboard page.");
  const site: SiteName = m[1]!;
  if (!sites.includes(site)) return html(403, noSitePage(member, site));
  if (m[3] === undefined) return redirect(`${DASHBOARD_PATH}${site}/`);
  let file = m[3];
  if (file === "" || file.endsWith("/")) file += "index.html";
  if (!SITE_FILE.test(file) || file.split("/").includes(".."))
    return plain(404, "No such dashboard page.");
  const current = await readCurrent(opts.objects, site);
  if (!current) return html(404, notPublishedPage(site));
  // Only what the current build lists: a file an older build left behind is never served.
  if (!Object.hasOwn(current.files, file)) return plain(404, "No such dashboard page.");
  const body = await opts.objects.get(dashboardObjects.file(site, file));
  if (!body) return plain(404, "No such dashboard page.");
  return {
    status: 200,
    headers: {
      "content-type": contentTypeOf(file),
      // Each reader's own: a shared cache must never hand one lab's page to another.
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    },
    body: req.method === "HEAD" ? Buffer.alloc(0) : Buffer.from(body),
  };
}

async function readAccess(objects: ObjectStore): Promise<DashboardAccess | undefined> {
  const bytes = await objects.get(dashboardObjects.access);
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(Buffer.from(bytes).toString("utf8")) as DashboardAccess;
    return Array.isArray(v.labs) && Array.isArray(v.fleetViewers) ? v : undefined;
  } catch {
    return undefined;
  }
}
