// The authorizer container's entry point: reads its settings from the environment the task
// definition gives it (LABENV_* from core/access/task-access.ts, AWS_REGION from Fargate) and
// serves in front of Jupyter until the task stops.
import type { CryptoKey } from "jose";
import { accessSourcesOf, type AccessList } from "../../core/access/access-list.js";
import { authorizerServer, listen } from "./authorizer-server.js";
import { reportActivity } from "./activity-reporter.js";
import { environmentOfPath } from "../../core/access/environment-address.js";

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`the authorizer needs ${name} (set by the task definition)`);
  return v;
}

const sources = accessSourcesOf(JSON.parse(need("LABENV_ACCESS")) as AccessList);
const server = authorizerServer({
  basePath: need("LABENV_BASE_PATH"),
  upstream: need("LABENV_UPSTREAM"),
  sources: () => sources,
  identity: {
    region: need("AWS_REGION"),
    signer: need("LABENV_LOAD_BALANCER_ARN"),
    memberClaim: process.env.LABENV_MEMBER_CLAIM ?? "preferred_username",
    ...(process.env.LABENV_KEYS_ENDPOINT ? { keysEndpoint: process.env.LABENV_KEYS_ENDPOINT } : {}),
    keyCache: new Map<string, CryptoKey>(),
  },
});
const { url } = await listen(server, Number(need("LABENV_LISTEN_PORT")), "0.0.0.0");
process.stdout.write(`labenv authorizer listening on ${url}\n`);

// Idle shutdown: Jupyter's activity, reported every five minutes beside the observations.
if (process.env.LABENV_OBSERVATION_BUCKET) {
  // The S3 client is loaded only by a task that reports (it is most of the bundle).
  const { s3Objects } = await import("../../lambda/aws-context.js");
  const objects = s3Objects({ region: need("AWS_REGION") }, process.env.LABENV_OBSERVATION_BUCKET);
  const basePath = need("LABENV_BASE_PATH");
  const target = environmentOfPath(basePath);
  const startedAt = new Date().toISOString();
  const every = Number(process.env.LABENV_ACTIVITY_SECONDS ?? 300) * 1000;
  if (target)
    setInterval(() => {
      reportActivity({
        upstream: need("LABENV_UPSTREAM"),
        basePath,
        environment: `${target.lab}/${target.env}`,
        startedAt,
        objects,
        now: () => new Date(),
      }).catch((e: unknown) =>
        process.stderr.write(
          `labenv authorizer: activity report failed: ${(e as Error).message}\n`,
        ),
      );
    }, every).unref();
}
