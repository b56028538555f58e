// An HTTP proxy in front of moto that loses replies: a chosen operation is
// forwarded (moto makes the resource) and then the client's connection is cut
// before the answer arrives, so the SDK's real retry middleware sees what it sees
// when a reply is lost on the way back from AWS.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LostReplyProxy {
  readonly endpoint: string;
  /** How many requests for `operation` reached moto. */
  readonly reached: number;
  /** Cuts the replies of the next `count` requests for `operation` (ECS target or EC2 Action). */
  lose(operation: string, count: number): void;
  close(): Promise<void>;
}

export async function startLostReplyProxy(target: string): Promise<LostReplyProxy> {
  const upstream = new URL(target);
  const state = { operation: "", toLose: 0, reached: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers["x-amz-target"] ?? "");
      const matches =
        state.operation !== "" &&
        (target.endsWith(`.${state.operation}`) ||
          body.toString("utf8").includes(`Action=${state.operation}&`));
      if (matches) state.reached++;
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up: IncomingMessage) => {
          if (matches && state.toLose > 0) {
            state.toLose--;
            up.resume();
            up.on("end", () => req.socket.destroy());
            return;
          }
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
    get reached() {
      return state.reached;
    },
    lose(operation, count) {
      Object.assign(state, { operation, toLose: count, reached: 0 });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
