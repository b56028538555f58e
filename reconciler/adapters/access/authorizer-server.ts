import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { AccessSources } from "../../core/access/who-may-open.js";
import { deniedPage, readOnlyPage, signInProblemPage } from "../../core/access/pages.js";
import { authorize, type AuthorizerOptions, type AuthorizerResult } from "./authorizer.js";
import { WAKE_STATUS_SUFFIX, type WakeProgress } from "../../core/access/wake-progress.js";

/** The authorizer's health path under the environment's address (the target group checks it). */
export const HEALTH_SUFFIX = "_labenv/health";

export interface AuthorizerServerOptions {
  /** `/<lab>/<env>/`: the only path this task serves (Jupyter's base_url). */
  basePath: string;
  /** Jupyter inside the task, e.g. `http://127.0.0.1:8888`. Never reachable from outside. */
  upstream: string;
  sources: () => AccessSources;
  identity: AuthorizerOptions;
}

/**
 * The authorizer in front of Jupyter, in the environment's task: the load balancer reaches only
 * this port. Every request (and every websocket upgrade) is authorized (`authorize`: the load
 * balancer's signed identity, then `decideAccess`); only the owner is proxied to Jupyter. A
 * share recipient gets the read-only notice, everyone else the 401/403/404 page. The health
 * path answers without sign-in, 200 while Jupyter answers its status API under the base path;
 * so does the wake page's progress path, which reaches the task once the rule has switched to it.
 */
export function authorizerServer(opts: AuthorizerServerOptions): Server {
  const upstream = new URL(opts.upstream);
  const health = `${opts.basePath}${HEALTH_SUFFIX}`;
  const wakeStatus = `${opts.basePath}${WAKE_STATUS_SUFFIX}`;
  const judge = (req: IncomingMessage) =>
    authorize(
      { path: new URL(req.url ?? "/", "http://x").pathname, headers: req.headers },
      opts.sources(),
      opts.identity,
    );
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === wakeStatus) {
        const ok = await jupyterAnswers(upstream, opts.basePath);
        const progress: WakeProgress = ok
          ? { ready: true, state: "ready", message: "Jupyter answers: opening it" }
          : { ready: false, state: "jupyter-starting", message: "Jupyter is starting" };
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(progress));
        return;
      }
      if (path === health) {
        const ok = await jupyterAnswers(upstream, opts.basePath);
        res.writeHead(ok ? 200 : 503, { "content-type": "text/plain" });
        res.end(ok ? "ok" : "Jupyter is not answering yet");
        return;
      }
      const verdict = await judge(req);
      if (verdict.status === 200 && verdict.decision.allow && verdict.decision.as === "owner") {
        const out = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        out.on("error", () => {
          if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
          res.end("Jupyter did not answer");
        });
        req.pipe(out);
        return;
      }
      const { status, html } = pageFor(verdict);
      res.writeHead(status, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(html);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("The authorizer failed; try again.");
    });
  });
  server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    void judge(req)
      .then((verdict) => {
        if (!(
          verdict.status === 200 &&
          verdict.decision.allow &&
          verdict.decision.as === "owner"
        )) {
          socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nconnection: close\r\n\r\n`);
          return;
        }
        const up = connect(Number(upstream.port), upstream.hostname, () => {
          const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
          for (let i = 0; i < req.rawHeaders.length; i += 2)
            lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
          up.write(`${lines.join("\r\n")}\r\n\r\n`);
          if (head.length) up.write(head);
          up.pipe(socket);
          socket.pipe(up);
        });
        up.on("error", () => socket.destroy());
        socket.on("error", () => up.destroy());
      })
      .catch(() => socket.destroy());
  });
  return server;
}

/** The status and page for a request that is not proxied. */
export function pageFor(verdict: AuthorizerResult): { status: number; html: string } {
  if (verdict.status === 401) return { status: 401, html: signInProblemPage(verdict.message) };
  if (verdict.status === 404)
    return {
      status: 404,
      html: deniedPage(
        verdict.decision && !verdict.decision.allow
          ? verdict.decision
          : {
              allow: false,
              status: 404,
              environment: "",
              reason: verdict.message,
              grantors: [],
              howToGetAccess: "Check the address; `labenv open <lab/env>` prints it.",
            },
      ),
    };
  const d = verdict.decision;
  if (d.allow && d.as === "share-recipient") {
    return { status: 200, html: readOnlyPage(d.environment, d.share) };
  }
  if (!d.allow) return { status: d.status, html: deniedPage(d) };
  return { status: 500, html: signInProblemPage("unexpected decision") };
}

async function jupyterAnswers(upstream: URL, basePath: string): Promise<boolean> {
  try {
    const r = await fetch(new URL(`${basePath}api/status`, upstream), {
      signal: AbortSignal.timeout(2000),
    });
    return r.ok;
  } catch {
    return false;
  }
}

/** Starts the server on `host:port` (0: any free port) and says where it listens. */
export async function listen(
  server: Server,
  port: number,
  host: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((r) => server.listen(port, host, r));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
