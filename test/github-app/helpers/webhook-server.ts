import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type ApplicationFunction, type Probot } from "probot";

/** `sha256=<hex>` as GitHub signs a delivery body. */
export function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The app behind Probot's own Node middleware on a loopback port. */
export async function webhookServer(
  app: ApplicationFunction,
  probot: Probot,
): Promise<{ url: string; close(): Promise<void> }> {
  const middleware = await createNodeMiddleware(app, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function post(
  url: string,
  event: string,
  id: string,
  body: string,
  signature: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": id,
      "x-hub-signature-256": signature,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}
