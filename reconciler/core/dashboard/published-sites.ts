import { sha256Hex } from "../lock/canonical.js";
import type { Repository } from "../model/documents.js";
import { activeMember } from "../access/who-may-open.js";
import type { ObjectStore } from "../../ports/object-store.js";

/**
 * The dashboard as the reconciler publishes it to the object store, and who may read which part.
 *
 * One site per lab (what `labenv dashboard --lab <lab>` builds: its environments and those shared
 * with it) and one of the whole fleet (every lab and the runs page). A site's `current.json`
 * lists every file of its current build with its sha256, and only the files listed there are
 * served: a page of an environment whose share ended disappears from the recipient's site with
 * the build that no longer has it, although nothing is ever deleted. A publish writes only the
 * files whose content changed, then the list, so a run that changed one environment writes a
 * few objects, not the whole site.
 *
 * ```
 * dashboard/<site>/files/<path>   each file, rewritten in place when its content changes
 * dashboard/<site>/current.json   { build, generatedAt, files: { path: sha256 } } (after the files)
 * dashboard/access.json           who may read which site (written last)
 * ```
 */
export const DASHBOARD_PREFIX = "dashboard/";

/** `fleet`, or `labs/<lab>`. */
export type SiteName = string;

export const FLEET_SITE: SiteName = "fleet";
export const labSite = (lab: string): SiteName => `labs/${lab}`;

export const dashboardObjects = {
  file: (site: SiteName, path: string) => `${DASHBOARD_PREFIX}${site}/files/${path}`,
  current: (site: SiteName) => `${DASHBOARD_PREFIX}${site}/current.json`,
  access: `${DASHBOARD_PREFIX}access.json`,
};

/** A site's current build: what it is and the files it has, each with its sha256. */
export interface CurrentBuild {
  build: string;
  generatedAt: string;
  files: Record<string, string>;
}

/**
 * Who may read which site, as of the commit that was published: the fleet viewers from
 * labenv.yaml, and each lab's members with their end dates. Read by the dashboard's server,
 * which never reads the repository itself.
 */
export interface DashboardAccess {
  commit: string;
  fleetViewers: string[];
  labs: { name: string; members: { id: string; until?: string }[] }[];
}

export function dashboardAccessOf(
  repository: Pick<Repository, "labs">,
  fleetViewers: readonly string[],
  commit: string,
): DashboardAccess {
  return {
    commit,
    fleetViewers: [...fleetViewers].sort(),
    labs: [...repository.labs.values()]
      .map((l) => ({
        name: l.doc.metadata.name,
        members: l.doc.spec.members.map((m) => ({
          id: m.id,
          ...(m.until !== undefined ? { until: m.until } : {}),
        })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * The sites a signed-in member may read on `today`: the fleet when labenv.yaml names them a
 * fleet viewer, and the site of every lab they are a current member of (a member is one until
 * the day after `until`). Pure.
 */
export function sitesFor(access: DashboardAccess, member: string, today: string): SiteName[] {
  if (!member) return [];
  const sites: SiteName[] = access.fleetViewers.includes(member) ? [FLEET_SITE] : [];
  for (const lab of access.labs)
    if (activeMember({ spec: { members: lab.members } }, member, today).member)
      sites.push(labSite(lab.name));
  return sites;
}

/** Every site the reconciler publishes: the fleet, and one per lab. */
export function sitesToPublish(repository: Pick<Repository, "labs">): SiteName[] {
  return [FLEET_SITE, ...[...repository.labs.keys()].sort().map(labSite)];
}

/** The lab a site shows, or undefined for the fleet. */
export function scopeOf(site: SiteName): string | undefined {
  return site === FLEET_SITE ? undefined : site.slice("labs/".length);
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  json: "application/json",
  csv: "text/csv; charset=utf-8",
};

/** The content type a dashboard file is served with, by its extension. */
export function contentTypeOf(path: string): string {
  return TYPES[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

export interface PublishedSite {
  site: SiteName;
  build: string;
  /** Files written because their content changed (0: the site already showed this build). */
  written: number;
  files: number;
}

/**
 * Writes one site: every file whose content differs from the current build's, then the site's
 * list of files. A site whose current build already is `build` is left as it is, and its files
 * are not even made (`render` is `buildSite` of the same data).
 */
export async function publishSite(
  objects: ObjectStore,
  site: SiteName,
  build: { id: string; generatedAt: string },
  render: () => ReadonlyMap<string, string>,
): Promise<PublishedSite> {
  if (!/^[a-f0-9]{16}$/.test(build.id))
    throw new Error(`the ${site} dashboard build has no build id`);
  const current = await readCurrent(objects, site);
  if (current?.build === build.id)
    return { site, build: build.id, written: 0, files: Object.keys(current.files).length };
  const files = render();
  const sums: Record<string, string> = {};
  let written = 0;
  for (const [path, content] of files) {
    sums[path] = sha256Hex(content);
    if (current?.files[path] === sums[path]) continue;
    await objects.put(dashboardObjects.file(site, path), content, contentTypeOf(path));
    written++;
  }
  const pointer: CurrentBuild = { build: build.id, generatedAt: build.generatedAt, files: sums };
  await objects.put(
    dashboardObjects.current(site),
    `${JSON.stringify(pointer)}\n`,
    "application/json",
  );
  return { site, build: build.id, written, files: files.size };
}

/** A site's current build, or undefined when it was never published (or its list is unreadable). */
export async function readCurrent(
  objects: ObjectStore,
  site: SiteName,
): Promise<CurrentBuild | undefined> {
  const bytes = await objects.get(dashboardObjects.current(site));
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(Buffer.from(bytes).toString("utf8")) as Partial<CurrentBuild>;
    return typeof v.build === "string" && v.files && typeof v.files === "object"
      ? { build: v.build, generatedAt: String(v.generatedAt ?? ""), files: v.files }
      : undefined;
  } catch {
    return undefined;
  }
}
