// The authorizer container's entry point: reads its settings from the environment the task
// definition gives it (LABENV_* from core/access/task-access.ts, AWS_REGION from Fargate) and
// serves in front of Jupyter until the task stops.
import type { CryptoKey } from "jose";
import { accessSourcesOf, type AccessList } from "../../core/access/access-list.js";
import { authorizerServer, listen } from "./authorizer-server.js";

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
