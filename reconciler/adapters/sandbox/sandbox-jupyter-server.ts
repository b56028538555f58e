import { createServer, type Server } from "node:http";
import { recordVisit, readVisits, runningTask, simulatedActivity } from "./sandbox-jupyter.js";
import type { SandboxProvider } from "./sandbox-provider.js";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The simulated Jupyter of one sandbox task, behind its authorizer: its activity API
 * (`api/status`, `api/kernels`, `api/terminals`, from `simulatedActivity`) and, for every other
 * path, a page saying what runs — the task, since when, the image and lock digest of the task
 * definition that was applied, and the packages that image holds. Each page load is the owner
 * using it (the idle stage's activity). Nothing here is Jupyter.
 */
export function jupyterServer(o: {
  provider: SandboxProvider;
  environment: string;
  basePath: string;
  taskArn: string;
  now: () => Date;
}): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const account = o.provider.account();
    const task = runningTask(account, o.environment);
    if (!task || task.arn !== o.taskArn || !path.startsWith(o.basePath)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const api = path.slice(o.basePath.length);
    const activity = simulatedActivity(
      account,
      o.environment,
      readVisits(o.provider.jupyterActivityFile),
    ).jupyter!;
    const json = (v: unknown) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(v));
    if (api === "api/status") return json(activity.status);
    if (api === "api/kernels") return json(activity.kernels);
    if (api === "api/terminals") return json(activity.terminals);
    recordVisit(o.provider.jupyterActivityFile, o.environment, o.now());
    const td = account.taskDefinitions.find((t) => t.arn === task.taskDefinitionArn);
    const jupyter = (
      td?.body as
        | {
            containerDefinitions: {
              name: string;
              image: string;
              environment?: { name: string; value: string }[];
            }[];
          }
        | undefined
    )?.containerDefinitions.find((c) => c.name === "jupyter");
    const env = Object.fromEntries((jupyter?.environment ?? []).map((e) => [e.name, e.value]));
    const image = (account.images ?? []).find((i) => i.id === jupyter?.image);
    const packages = image?.contents.packages ?? [];
    const rows = packages
      .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.version)}</td></tr>`)
      .join("\n");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(o.environment)} · simulated Jupyter · labenv sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;line-height:1.5}main{max-width:44rem;margin:3rem auto;padding:0 1.25rem}
code{background:#f1f1f1;padding:.1rem .3rem;border-radius:3px}table{border-collapse:collapse}td,th{padding:.15rem .8rem .15rem 0;text-align:left}</style>
</head>
<body>
<main>
<h1>${escapeHtml(o.environment)} is running</h1>
<p>This is the labenv sandbox: no Jupyter runs here. On AWS this address opens the owner's JupyterLab.</p>
<dl>
<dt>State</dt><dd id="state">running since ${escapeHtml(task.startedAt)} (task <code>${escapeHtml(task.arn.split("/").pop() ?? "")}</code>)</dd>
<dt>Image</dt><dd><code>${escapeHtml(jupyter?.image ?? "")}</code></dd>
<dt>Lock</dt><dd><code id="lock">${escapeHtml(env.LABENV_LOCK_DIGEST ?? "")}</code></dd>
</dl>
<h2>Packages in the image (${packages.length})</h2>
<table><thead><tr><th scope="col">Package</th><th scope="col">Version</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`);
  });
}
