// The authorizer's entry point as the container runs it: a child process configured only by
// the environment the task definition gives it, answering the health check and a 401.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessListFor } from "../../../reconciler/core/access/access-list.js";
import { authorizerEnvironment } from "../../../reconciler/core/access/task-access.js";
import { smallSources } from "../../helpers/access-sources.js";
import { repoRoot } from "../../helpers/example-repo.js";

const jupyter = createServer((req, res) =>
  res.writeHead(req.url === "/genomics/rnaseq/api/status" ? 200 : 404).end("{}"),
);
beforeAll(() => new Promise<void>((r) => jupyter.listen(0, "127.0.0.1", r)));
afterAll(() => new Promise((r) => jupyter.close(r)));

it("runs from the task definition's environment alone", async () => {
  const jport = (jupyter.address() as AddressInfo).port;
  const env = {
    ...authorizerEnvironment({
      basePath: "/genomics/rnaseq/",
      loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/x/y",
      memberClaim: "preferred_username",
      accessList: JSON.stringify(accessListFor(smallSources(), "genomics", "rnaseq")),
    }),
    LABENV_UPSTREAM: `http://127.0.0.1:${jport}`,
    // Port 0: the system picks a free one, and the authorizer says which (no collisions between test files).
    LABENV_LISTEN_PORT: "0",
    AWS_REGION: "eu-west-1",
    PATH: process.env.PATH,
  };
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "reconciler/adapters/access/authorizer-main.ts"],
    { cwd: repoRoot, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        const m = /listening on http:\/\/[^:]+:(\d+)/.exec(d.toString());
        if (m) resolve(m[1]!);
      });
      child.on("exit", (c) => reject(new Error(`exited ${c}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/genomics/rnaseq/_labenv/health`);
    expect(health.status).toBe(200);
    const anonymous = await fetch(`http://127.0.0.1:${port}/genomics/rnaseq/lab`);
    expect(anonymous.status).toBe(401);
  } finally {
    child.kill("SIGTERM");
  }
}, 30_000);
