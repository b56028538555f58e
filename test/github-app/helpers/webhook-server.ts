import { createHmac } from "node:crypto";
import type { Probot } from "probot";
import type { LabenvApp } from "../../../github-app/app.js";
import { startWebServer } from "../../../github-app/web-server.js";

/** `sha256=<hex>` as GitHub signs a delivery body. */
export function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The app behind labenv's own web server (`npm run app`'s, with its body limit) on a loopback port. */
export async function webhookServer(
  app: LabenvApp,
  probot: Probot,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startWebServer(app, probot, { host: "127.0.0.1", port: 0 });
  return { url: server.url, close: () => server.stop() };
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
