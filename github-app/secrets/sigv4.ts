import { createHash, createHmac } from "node:crypto";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/**
 * AWS Signature Version 4 for one request (RFC-style canonical request,
 * `AWS4-HMAC-SHA256`). Returns the headers to send: the given ones plus
 * host, x-amz-date, the session token when there is one, and Authorization.
 */
export function signV4(req: SignableRequest, creds: AwsCredentials, region: string, service: string, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...req.headers, host: req.url.host, "x-amz-date": amzDate, ...(creds.sessionToken ? { "x-amz-security-token": creds.sessionToken } : {}) };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")]));
  const signedHeaders = names.join(";");
  const query = [...req.url.searchParams].map(([k, v]) => [encode(k), encode(v)]).sort(([a, x], [b, y]) => a!.localeCompare(b!) || x!.localeCompare(y!)).map(([k, v]) => `${k}=${v}`).join("&");
  const canonical = [req.method, req.url.pathname.split("/").map(encode).join("/") || "/", query, names.map((n) => `${n}:${lower[n]}\n`).join(""), signedHeaders, sha256(req.body)].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  let key: Buffer = hmac(`AWS4${creds.secretAccessKey}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
