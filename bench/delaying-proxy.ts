// An HTTP proxy on 127.0.0.1 in front of a local AWS stand-in (moto) that holds every request
// for a fixed latency before forwarding it, as a real AWS endpoint's round trip would, and
// counts the calls and the most in flight at once.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface DelayingProxy {
  readonly endpoint: string;
  /** Calls forwarded since the last `reset`, in all and by service (from the request's signature scope). */
  readonly calls: number;
  readonly byService: ReadonlyMap<string, number>;
  /** The most requests in flight at once since the last `reset`. */
  readonly peak: number;
  reset(): void;
  close(): Promise<void>;
}

/** The AWS service a signed request is for: `Credential=…/<date>/<region>/<service>/aws4_request`. */
function serviceOf(req: IncomingMessage): string {
  const auth = req.headers.authorization ?? "";
  return /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? "unsigned";
}

export async function startDelayingProxy(
  target: string,
  latencyMs: number,
): Promise<DelayingProxy> {
  const upstream = new URL(target);
  let calls = 0;
  let inFlight = 0;
  let peak = 0;
  const byService = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    calls++;
    const service = serviceOf(req);
    byService.set(service, (byService.get(service) ?? 0) + 1);
    inFlight++;
    peak = Math.max(peak, inFlight);
    const done = () => void inFlight--;
    res.once("close", done);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      setTimeout(() => {
        const forward = request(
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
        forward.on("error", (e) => {
          res.writeHead(502);
          res.end(String(e));
        });
        forward.end(Buffer.concat(chunks));
      }, latencyMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    get byService() {
      return byService;
    },
    get peak() {
      return peak;
    },
    reset() {
      calls = 0;
      peak = inFlight;
      byService.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
