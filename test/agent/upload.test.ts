// The agent's upload, run with the machine's python3: credentials from a stand-in for the ECS
// container credentials endpoint on 127.0.0.1, PutObject signed with SigV4 (checked by a proxy
// that re-signs each request with the AWS SDK's signer before passing it to moto's S3), retried
// when the endpoint or S3 fails, and the observation where drift reads it.
import { spawn } from "node:child_process";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";
import { useMoto } from "../integration/moto.js";
import { REGION, s3Client } from "../integration/aws/aws-test-clients.js";

const moto = useMoto();
const AGENT = join(repoRoot, "reconciler/agent/observe.py");
const BUCKET = "labenv-objects";
const ROLE = {
  AccessKeyId: "ASIATASKROLE",
  SecretAccessKey: "task-role-secret",
  Token: "session-token",
};

/** sha256 (or HMAC-sha256 with a secret) in the shape the SDK's signer takes. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | Uint8Array) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", this.secret);
  }
  update(data: string | Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The container credentials endpoint: answers `failures` times with 500 first; counts requests and their Authorization. */
async function credentialsEndpoint(failures = 0, token?: string) {
  const seen: (string | undefined)[] = [];
  const url = await listen(
    createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (seen.length <= failures || (token !== undefined && req.headers.authorization !== token)) {
        res.writeHead(500).end("unavailable");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...ROLE, Expiration: "2099-01-01T00:00:00Z" }));
    }),
  );
  return { url, seen };
}

/** Passes a request to moto only if its SigV4 signature is what the task role's secret gives; 503 for the first `failures`. */
async function verifyingProxy(failures = 0) {
  const signer = new SignatureV4({
    service: "s3",
    region: REGION,
    credentials: {
      accessKeyId: ROLE.AccessKeyId,
      secretAccessKey: ROLE.SecretAccessKey,
      sessionToken: ROLE.Token,
    },
    sha256: Sha256 as never,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const verdicts: string[] = [];
  const url = await listen(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        void (async () => {
          const body = Buffer.concat(chunks);
          const given = req.headers.authorization ?? "";
          const signed = (given.match(/SignedHeaders=([^,]+)/)?.[1] ?? "").split(";");
          const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h] ?? "")]));
          const stamp = String(req.headers["x-amz-date"]);
          const date = new Date(
            `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
          );
          const expected = await signer.sign(
            {
              method: req.method ?? "PUT",
              protocol: "http:",
              hostname: "127.0.0.1",
              path: req.url ?? "/",
              headers,
              body,
            },
            { signingDate: date },
          );
          const ok =
            expected.headers.authorization === given &&
            req.headers["x-amz-content-sha256"] === createHash("sha256").update(body).digest("hex");
          if (!ok) {
            verdicts.push("bad-signature");
            res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
            return;
          }
          if (verdicts.filter((v) => v === "503").length < failures) {
            verdicts.push("503");
            res.writeHead(503).end("<Error><Code>SlowDown</Code></Error>");
            return;
          }
          verdicts.push("signed");
          const target = new URL(req.url ?? "/", moto.endpoint);
          const forward = httpRequest(
            target,
            { method: req.method, headers: { ...req.headers, host: target.host } },
            (up) => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              up.pipe(res);
            },
          );
          forward.end(body);
        })();
      });
    }),
  );
  return { url, verdicts };
}

function runAgent(env: Record<string, string>, extra: string[] = []) {
  const site = mkdtempSync(join(tmpdir(), "site-"));
  return new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      "python3",
      [
        AGENT,
        "--lab",
        "genomics-core",
        "--environment",
        "rnaseq",
        "--site-packages",
        site,
        "--kernel-dir",
        site,
        "--labextensions-dir",
        site,
        "--config-dir",
        site,
        "--host",
        "jupyter-1",
        "--observed-at",
        "2026-12-03T09:00:00Z",
        "--output",
        join(site, "out.json"),
        "--retry-seconds",
        "0.01",
        ...extra,
      ],
      {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: site,
          AWS_REGION: REGION,
          LABENV_OBSERVATION_BUCKET: BUCKET,
          ...env,
        },
      },
    );
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

async function createBucket() {
  await s3Client(moto.endpoint).send(
    new CreateBucketCommand({
      Bucket: BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
}

async function uploaded(): Promise<Record<string, unknown>> {
  const got = await s3Client(moto.endpoint).send(
    new GetObjectCommand({ Bucket: BUCKET, Key: "observations/genomics-core/rnaseq/latest.json" }),
  );
  return JSON.parse(await got.Body!.transformToString()) as Record<string, unknown>;
}

describe("the agent's signed upload (python3, moto S3)", () => {
  it("puts the observation where drift reads it, signed with the task role's credentials (FULL_URI with a token)", async () => {
    await createBucket();
    const creds = await credentialsEndpoint(0, "secret-auth-token");
    const s3 = await verifyingProxy();
    const r = await runAgent({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${creds.url}/v2/credentials/task`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: "secret-auth-token",
      LABENV_S3_ENDPOINT: s3.url,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(s3.verdicts).toEqual(["signed"]);
    const observation = await uploaded();
    expect(observation).toMatchObject({
      kind: "Observation",
      metadata: { lab: "genomics-core", environment: "rnaseq", source: "agent", host: "jupyter-1" },
    });
  });

  it("retries when the credentials endpoint and S3 fail, then succeeds", async () => {
    await createBucket();
    const creds = await credentialsEndpoint(1);
    const s3 = await verifyingProxy(1);
    const r = await runAgent({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${creds.url}/creds`,
      LABENV_S3_ENDPOINT: s3.url,
    });
    expect(r.status).toBe(0);
    expect(s3.verdicts).toEqual(["503", "signed"]);
    expect(creds.seen.length).toBe(3);
    expect(r.stderr).toMatch(/upload attempt 1 failed/);
    expect((await uploaded()).kind).toBe("Observation");
  });

  it("fails with exit 2 and a message, without retrying forever, when the signature is refused", async () => {
    await createBucket();
    const creds = await credentialsEndpoint();
    const s3 = await verifyingProxy();
    // A wrong secret from the endpoint: the proxy's re-signature differs.
    const wrong = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ...ROLE, SecretAccessKey: "not-the-secret" }));
      }),
    );
    void creds;
    const r = await runAgent({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: wrong,
      LABENV_S3_ENDPOINT: s3.url,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /could not upload s3:\/\/labenv-objects\/observations\/genomics-core\/rnaseq\/latest\.json: S3 answered 403/,
    );
    expect(s3.verdicts).toEqual(["bad-signature"]);
  });

  it("refuses to upload without container credentials", async () => {
    const r = await runAgent({ LABENV_S3_ENDPOINT: "http://127.0.0.1:9" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no task role credentials/);
  });
});
