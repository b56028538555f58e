import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type Probot } from "probot";
import type { LabenvApp } from "./app.js";

/** GitHub caps webhook payloads at 25 MB; a larger body is not GitHub's and is refused unread. */
export const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;
export const WEBHOOK_PATH = "/api/github/webhooks";

export interface WebServer {
  url: string;
  /** Stops accepting deliveries, waits for the work of those accepted (reviews, reconciles), closes. */
  stop(): Promise<void>;
}

/**
 * The app's web server for `npm run app`: `POST /api/github/webhooks` goes to
 * Probot's verification and the app, `GET /ping` answers `PONG`, anything
 * else 404. A delivery's body is read here, counting bytes as they arrive: a
 * declared or streamed body over 25 MiB is answered 413 and the connection
 * closed before it is buffered, so an unauthenticated sender cannot make the
 * process hold hundreds of megabytes before the signature check.
 */
export async function startWebServer(
  app: LabenvApp,
  probot: Probot,
  listen: { host: string; port: number },
): Promise<WebServer> {
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/ping") return void res.end("PONG");
    if (path !== WEBHOOK_PATH || req.method !== "POST") return void res.writeHead(404).end();
    readCapped(req, res, MAX_DELIVERY_BYTES).then(
      (body) => {
        if (body === undefined) return;
        (req as IncomingMessage & { body?: string }).body = body;
        void middleware(req, res, () => res.writeHead(404).end());
      },
      () => res.writeHead(400).end(),
    );
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { address, port, family } = server.address() as AddressInfo;
  const host = family === "IPv6" ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}${WEBHOOK_PATH}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await app.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** How long a refused sender may go on sending (discarded) while it reads the 413. */
const REFUSED_GRACE_MS = 10_000;

/** The body as text, or undefined when it was refused (413 already answered). */
function readCapped(
  req: IncomingMessage,
  res: ServerResponse,
  max: number,
): Promise<string | undefined> {
  // Answer, then drop whatever else arrives without keeping it (closing at once could reset
  // the connection before the sender reads the answer); the connection ends once the sender
  // stops, or after REFUSED_GRACE_MS (a busy sender may take seconds to read the answer).
  const refuse = () => {
    res.writeHead(413, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: `a delivery is at most ${max} bytes (GitHub's limit)` }));
    req.resume();
    setTimeout(() => req.socket.destroy(), REFUSED_GRACE_MS).unref();
  };
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > max) {
    refuse();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > max) {
        refused = true;
        chunks.length = 0;
        refuse();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!refused) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (e) => {
      if (!refused) reject(e);
    });
  });
}
