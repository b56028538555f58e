import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { LabenvError } from "../../core/errors.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
};

export const LOOPBACK_HOSTS = ["127.0.0.1", "::1", "localhost"];

export interface ServedSite {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a site held in memory on a loopback address. `site()` is asked for
 * the files on every request, so a caller that rebuilds them serves fresh data
 * (it decides how often). Requests naming another host are refused (a page on
 * some other site cannot read this one through DNS rebinding).
 */
export async function serveSite(
  site: () => Promise<ReadonlyMap<string, string>>,
  options: { host?: string; port?: number } = {},
): Promise<ServedSite> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK_HOSTS.includes(host))
    throw new LabenvError(
      "usage",
      `the dashboard is served on loopback addresses only, not ${host}`,
      {
        hint: "use 127.0.0.1, ::1 or localhost; publish the built site (--out) to serve it elsewhere",
      },
    );
  const server = createServer((req, res) => {
    void (async () => {
      const port = (server.address() as AddressInfo).port;
      const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
      if (!allowed.includes(req.headers.host ?? "")) {
        res.writeHead(421, { "content-type": "text/plain" }).end("wrong host\n");
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (path === "" || path.endsWith("/")) path += "index.html";
      const files = await site();
      const body = files.get(path);
      if (body === undefined) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`labenv dashboard: ${(e as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host === "::1" ? "[::1]" : host}:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
