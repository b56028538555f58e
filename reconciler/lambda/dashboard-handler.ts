import { gzipSync } from "node:zlib";
import type { CryptoKey } from "jose";
import { serveDashboard, type GateResponse } from "../adapters/access/dashboard-gate.js";
import { DEFAULT_MEMBER_CLAIM } from "../adapters/access/authorizer.js";
import { LabenvError } from "../core/errors.js";
import type { ObjectStore } from "../ports/object-store.js";
import { statusDescription, type AlbEvent, type AlbResult } from "./alb.js";
import { s3Objects } from "./aws-context.js";

/** What the load balancer accepts from a Lambda target: 1 MB of response, base64 included. */
export const ALB_RESPONSE_LIMIT = 1_000_000;
/** Answers larger than this are sent gzipped to a browser that accepts it. */
const GZIP_ABOVE = 16 * 1024;

/** A gate response as the load balancer wants it: gzipped when large and accepted, refused clearly when still too large. */
export function toAlbResult(r: GateResponse, acceptEncoding = ""): AlbResult {
  if (r.body.length > GZIP_ABOVE && /\bgzip\b/.test(acceptEncoding)) {
    const zipped = gzipSync(r.body).toString("base64");
    if (zipped.length <= ALB_RESPONSE_LIMIT)
      return {
        statusCode: r.status,
        statusDescription: statusDescription(r.status),
        headers: { ...r.headers, "content-encoding": "gzip", vary: "accept-encoding" },
        body: zipped,
        isBase64Encoded: true,
      };
  }
  const body = r.body.toString("base64");
  if (body.length > ALB_RESPONSE_LIMIT)
    return {
      statusCode: 502,
      statusDescription: statusDescription(502),
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      body: `This dashboard file is ${r.body.length} bytes, more than the load balancer passes from a Lambda (1 MB); open it with \`labenv dashboard\` instead.\n`,
      isBase64Encoded: false,
    };
  return {
    statusCode: r.status,
    statusDescription: statusDescription(r.status),
    headers: r.headers,
    body,
    isBase64Encoded: true,
  };
}

function need(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v) throw new LabenvError("config", `the dashboard function needs ${name} (set by infra/)`);
  return v;
}

/** Everything the function keeps between invocations: the bucket client and the load balancer's keys. */
export function dashboardHandler(env: NodeJS.ProcessEnv = process.env, objects?: ObjectStore) {
  const region = need(env, "AWS_REGION");
  const store =
    objects ??
    s3Objects(
      { region, ...(env.LABENV_AWS_ENDPOINT ? { endpoint: env.LABENV_AWS_ENDPOINT } : {}) },
      need(env, "LABENV_OBJECT_BUCKET"),
    );
  const identity = {
    region,
    signer: need(env, "LABENV_LOAD_BALANCER_ARN"),
    memberClaim: env.LABENV_MEMBER_CLAIM ?? DEFAULT_MEMBER_CLAIM,
    ...(env.LABENV_KEYS_ENDPOINT ? { keysEndpoint: env.LABENV_KEYS_ENDPOINT } : {}),
    keyCache: new Map<string, CryptoKey>(),
  };
  return async (event: AlbEvent): Promise<AlbResult> => {
    const headers = event.headers ?? {};
    const r = await serveDashboard(
      { method: event.httpMethod, path: event.path, headers },
      { objects: store, identity },
    );
    return toAlbResult(r, headers["accept-encoding"]);
  };
}

let warm: ReturnType<typeof dashboardHandler> | undefined;

/**
 * The dashboard Lambda, a target of the load balancer's `/_labenv/dashboard/*` rule behind its
 * sign-in: serves each reader the sites the reconciler published for them (dashboard-gate.ts).
 */
export async function handler(event: AlbEvent): Promise<AlbResult> {
  warm ??= dashboardHandler();
  return warm(event);
}
