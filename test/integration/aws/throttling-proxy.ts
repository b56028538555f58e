// An HTTP proxy in front of moto that answers a share of requests with AWS's
// throttling errors, in each protocol's own shape, so the SDK's real retry
// middleware (not a stub) has to cope.
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export interface ThrottlingProxy {
  readonly endpoint: string;
  readonly throttled: number;
  readonly forwarded: number;
  close(): Promise<void>;
}

/** mulberry32: a seeded generator, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startThrottlingProxy(
  target: string,
  share: number,
  seed = 42,
): Promise<ThrottlingProxy> {
  const random = seeded(seed);
  const upstream = new URL(target);
  const counts = { throttled: 0, forwarded: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (random() < share) {
        counts.throttled++;
        throttle(req, res);
        return;
      }
      counts.forwarded++;
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up: IncomingMessage) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on("error", (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get throttled() {
      return counts.throttled;
    },
    get forwarded() {
      return counts.forwarded;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function throttle(req: IncomingMessage, res: ServerResponse): void {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("x-www-form-urlencoded")) {
    // EC2's query protocol
    res.writeHead(503, { "content-type": "text/xml" });
    res.end(
      "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>throttled</RequestID></Response>",
    );
    return;
  }
  // JSON protocols (ECS, Tagging API: awsJson1_1; EFS: restJson1)
  res.writeHead(type.includes("x-amz-json") ? 400 : 429, {
    "content-type": "application/json",
    "x-amzn-errortype": "ThrottlingException",
  });
  res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
}
