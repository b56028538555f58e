import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { ruleFor } from "../../core/access/listener-routing.js";
import type { AccessSources } from "../../core/access/who-may-open.js";
import { accessSourcesOf, type AccessList } from "../../core/access/access-list.js";
import { AUTHORIZER } from "../../core/desire/names.js";
import { SANDBOX_LOAD_BALANCER_ARN } from "../../core/access/task-access.js";
import { TAG } from "../../core/model/tags.js";
import type { StateStore } from "../../ports/state-store.js";
import { ALB_IDENTITY_HEADER } from "../access/alb-identity.js";
import { authorizerServer, HEALTH_SUFFIX, listen } from "../access/authorizer-server.js";
import { wakeHandler } from "../access/wake-handler.js";
import { sandboxWakeTarget } from "./drivers/listener-rule.js";
import type { SandboxAccount } from "./sandbox-account.js";
import { jupyterServer } from "./sandbox-jupyter-server.js";
import type { SandboxProvider } from "./sandbox-provider.js";

export interface GatewayOptions {
  provider: SandboxProvider;
  state: StateStore;
  /** Who may open what: the repository's documents (the wake page decides from them). */
  sources: () => AccessSources;
  /** What git says of an environment (`spec.state`). */
  wanted: (environment: string) => "running" | "stopped";
  /** The member the gateway signs in as (the sandbox has no directory). */
  member: string;
  /** Starts the reconcile that brings a parked environment back; returns once it is under way. */
  start: (environment: string) => Promise<void>;
  now: () => Date;
}

/**
 * The sandbox's load balancer on 127.0.0.1: what the ALB and its sign-in do on AWS, simulated
 * from what was applied. Each request gets a signed identity for `member` (ES256, signed as
 * the sandbox load balancer, its public key served by kid here, as the region's endpoint
 * serves it), then the sandbox listener's rules pick where it goes (`ruleFor`): the wake
 * target is the wake page (`wakeHandler`, as the wake Lambda serves it); an environment's
 * target group reaches the running task registered in it — the real authorizer
 * (`authorizerServer`) with the access list of the applied task definition, in front of the
 * simulated Jupyter — and a group with no running task answers 503, as an ALB does. No rule:
 * the listener's default 404.
 */
export async function startGateway(
  opts: GatewayOptions,
  port = 0,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const pem = await exportSPKI(publicKey);
  const kid = "labenv-sandbox-gateway";
  const tasks = new Map<string, { url: string; close: () => Promise<void> }[]>();
  let url = "";
  const identity = () => ({
    region: opts.provider.account().region,
    keysEndpoint: `${url}/_labenv/keys`,
    keyCache: new Map<string, CryptoKey>(),
    // The sandbox's clock: what it signs expires by it.
    now: opts.now,
  });
  const sign = async (signer: string) => {
    const now = Math.floor(opts.now().getTime() / 1000);
    return new SignJWT({ sub: opts.member, preferred_username: opts.member })
      .setProtectedHeader({ alg: "ES256", typ: "JWT", kid, signer })
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
  };

  /** The authorizer (and simulated Jupyter) of a running task, started on first use. */
  const taskServer = async (account: SandboxAccount, taskArn: string) => {
    const known = tasks.get(taskArn);
    if (known) return known[0]!.url;
    const task = account.tasks.find((t) => t.arn === taskArn)!;
    const td = account.taskDefinitions.find((t) => t.arn === task.taskDefinitionArn)!;
    const containers = (
      td.body as {
        containerDefinitions: { name: string; environment?: { name: string; value: string }[] }[];
      }
    ).containerDefinitions;
    const env = (name: string) =>
      Object.fromEntries(
        (containers.find((c) => c.name === name)?.environment ?? []).map((e) => [e.name, e.value]),
      );
    const auth = env(AUTHORIZER.name);
    const basePath = auth.LABENV_BASE_PATH!;
    const environment = task.serviceArn
      ? (account.services.find((s) => s.arn === task.serviceArn)?.tags[TAG.environment] ?? "")
      : "";
    const jupyter = await listen(
      jupyterServer({ provider: opts.provider, environment, basePath, taskArn, now: opts.now }),
      0,
      "127.0.0.1",
    );
    const sources = accessSourcesOf(JSON.parse(auth.LABENV_ACCESS!) as AccessList);
    const authorizer = await listen(
      authorizerServer({
        basePath,
        upstream: jupyter.url,
        sources: () => sources,
        identity: {
          ...identity(),
          signer: auth.LABENV_LOAD_BALANCER_ARN!,
          ...(auth.LABENV_MEMBER_CLAIM ? { memberClaim: auth.LABENV_MEMBER_CLAIM } : {}),
        },
      }),
      0,
      "127.0.0.1",
    );
    tasks.set(taskArn, [authorizer, jupyter]);
    return authorizer.url;
  };

  /** The running task registered in a target group (ECS registers a service's running task). */
  const targetOf = (account: SandboxAccount, groupArn: string) => {
    const services = account.services.filter(
      (s) =>
        s.status === "ACTIVE" &&
        (s.body as { loadBalancers?: { targetGroupArn: string }[] }).loadBalancers?.some(
          (l) => l.targetGroupArn === groupArn,
        ),
    );
    return account.tasks.find(
      (t) => t.lastStatus === "RUNNING" && services.some((s) => s.arn === t.serviceArn),
    );
  };

  const jupyterAnswers = async (environment: string) => {
    const account = opts.provider.account();
    const rule = (account.listenerRules ?? []).find((r) => r.tags[TAG.environment] === environment);
    const task = rule && targetOf(account, rule.forward);
    if (!task || !rule) return false;
    const base = rule.paths.find((p) => p.endsWith("/*"))!.slice(0, -1);
    try {
      const r = await fetch(`${await taskServer(account, task.arn)}${base}${HEALTH_SUFFIX}`);
      return r.ok;
    } catch {
      return false;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === `/_labenv/keys/${kid}`) {
      res.writeHead(200, { "content-type": "text/plain" }).end(pem);
      return;
    }
    const account = opts.provider.account();
    // Stop the servers of tasks that stopped.
    for (const [arn, servers] of tasks)
      if (!account.tasks.some((t) => t.arn === arn && t.lastStatus === "RUNNING")) {
        tasks.delete(arn);
        await Promise.all(servers.map((s) => s.close()));
      }
    const rule = ruleFor(account.listenerRules ?? [], path);
    if (!rule) {
      res
        .writeHead(404, { "content-type": "text/plain" })
        .end("No labenv environment at this address.");
      return;
    }
    // The load balancer replaces whatever identity header the browser sent.
    const headers = { ...req.headers };
    delete headers[ALB_IDENTITY_HEADER];
    if (rule.forward === sandboxWakeTarget(account)) {
      headers[ALB_IDENTITY_HEADER] = await sign(SANDBOX_LOAD_BALANCER_ARN);
      await drain(req);
      const answer = await wakeHandler(
        { method: req.method ?? "GET", path, headers },
        {
          sources: opts.sources(),
          identity: { ...identity(), signer: SANDBOX_LOAD_BALANCER_ARN },
          wanted: opts.wanted,
          usage: async (e) => (await opts.state.listUsage()).find((u) => u.environment === e),
          putUsage: (r) => opts.state.putUsage(r),
          observe: async () => (await opts.provider.observe()).resources,
          jupyterAnswers,
          start: opts.start,
          now: opts.now,
        },
      );
      res
        .writeHead(answer.status, {
          "content-type": answer.contentType,
          "cache-control": "no-store",
        })
        .end(answer.body);
      return;
    }
    const task = targetOf(account, rule.forward);
    if (!task) {
      res
        .writeHead(503, { "content-type": "text/plain" })
        .end("503 Service Temporarily Unavailable");
      return;
    }
    const upstream = new URL(await taskServer(account, task.arn));
    headers[ALB_IDENTITY_HEADER] = await sign(SANDBOX_LOAD_BALANCER_ARN);
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("502 Bad Gateway");
    });
    req.pipe(out);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`The sandbox gateway failed: ${(e as Error).message}`);
    });
  });
  const listening = await listen(server, port, "127.0.0.1");
  url = listening.url;
  return {
    url,
    close: async () => {
      for (const servers of tasks.values()) await Promise.all(servers.map((s) => s.close()));
      tasks.clear();
      await listening.close();
    },
  };
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) void _chunk;
}
