import type { JupyterActivity } from "../../core/access/idle.js";
import { activityReportKey, type ActivityReport } from "../../core/access/activity-report.js";
import type { ObjectStore } from "../../ports/object-store.js";

/**
 * Asks the Jupyter behind the authorizer for its activity (`api/status`, `api/kernels`,
 * `api/terminals` under the base path) and writes the report the idle stage reads. A Jupyter
 * that does not answer writes nothing: no report, no parking.
 */
export async function reportActivity(o: {
  upstream: string;
  basePath: string;
  environment: string;
  startedAt: string;
  objects: ObjectStore;
  now: () => Date;
}): Promise<ActivityReport | undefined> {
  const get = async (api: string) => {
    const r = await fetch(new URL(`${o.basePath}${api}`, o.upstream), {
      signal: AbortSignal.timeout(5000),
    });
    if (!r.ok) throw new Error(`${api}: ${r.status}`);
    return r.json();
  };
  let jupyter: JupyterActivity;
  try {
    const [status, kernels, terminals] = await Promise.all([
      get("api/status"),
      get("api/kernels"),
      get("api/terminals"),
    ]);
    jupyter = {
      status: status as JupyterActivity["status"],
      kernels: kernels as JupyterActivity["kernels"],
      terminals: terminals as JupyterActivity["terminals"],
    };
  } catch {
    return undefined;
  }
  const report: ActivityReport = {
    environment: o.environment,
    at: o.now().toISOString(),
    startedAt: o.startedAt,
    jupyter,
  };
  await o.objects.put(
    activityReportKey(o.environment),
    `${JSON.stringify(report, null, 2)}\n`,
    "application/json",
  );
  return report;
}
