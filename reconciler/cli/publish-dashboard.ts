import { assembleDashboard } from "../core/dashboard/assemble-dashboard.js";
import { buildId, buildSite } from "../core/dashboard/build-site.js";
import {
  dashboardAccessOf,
  dashboardObjects,
  publishSite,
  scopeOf,
  sitesToPublish,
  type PublishedSite,
} from "../core/dashboard/published-sites.js";
import { chartJsSource, readDashboardInputs, type DashboardSources } from "./dashboard-inputs.js";

export interface PublishResult {
  sites: PublishedSite[];
  /** Files written, over every site (only those whose content changed). */
  written: number;
}

/**
 * Publishes the dashboard to the object store after a reconcile (labenv.yaml
 * `dashboard.publish`): the data is read once, then the fleet and each lab's own site are built
 * from it and written (`publishSite`: files, then the site's pointer), and the access list last,
 * so the server never lets anyone into a site that is not there yet.
 */
export async function publishDashboard(
  sources: DashboardSources,
  now: Date,
  chartJs: string = chartJsSource(),
): Promise<PublishResult> {
  const address = sources.config.access?.address;
  const inputs = await readDashboardInputs(sources, now, address ? { baseUrl: address } : {});
  const sites: PublishedSite[] = [];
  for (const site of sitesToPublish(sources.repository)) {
    const scope = scopeOf(site);
    const data = assembleDashboard({ ...inputs, ...(scope ? { scope } : {}) });
    sites.push(
      await publishSite(
        sources.objects,
        site,
        { id: buildId(data), generatedAt: data.generatedAt },
        () => buildSite(data, { chartJs }),
      ),
    );
  }
  const access = dashboardAccessOf(
    sources.repository,
    sources.config.dashboard?.fleetViewers ?? [],
    sources.commit,
  );
  await sources.objects.put(
    dashboardObjects.access,
    `${JSON.stringify(access)}\n`,
    "application/json",
  );
  return { sites, written: sites.reduce((n, s) => n + s.written, 0) };
}
