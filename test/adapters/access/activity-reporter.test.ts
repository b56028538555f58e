// Idle shutdown on AWS: the task's authorizer asks its Jupyter (on loopback) for the activity
// API and writes the report beside the environment's observations; the aws provider reads it
// back as what the idle stage sees (fresh: running, with Jupyter's activity; stale: no task;
// none or junk: nothing, so nothing is parked on a guess), and the idle stage parks an
// environment whose report says it has been idle past its idleShutdownMinutes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportActivity } from "../../../reconciler/adapters/access/activity-reporter.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { FileStateStore } from "../../../reconciler/adapters/file/file-state-store.js";
import {
  activityReportKey,
  seenFromReport,
} from "../../../reconciler/core/access/activity-report.js";
import { idleStage } from "../../../reconciler/core/reconcile/idle-stage.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import { exampleFiles } from "../../helpers/example-repo.js";

const ENV = "genomics-core/rnaseq";
const BASE = "/genomics-core/rnaseq/";
let jupyter: Server;
let up = true;
let upstream = "";

function memoryObjects(): ObjectStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    async put(key, body) {
      data.set(key, typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
    },
    async get(key) {
      return data.has(key) ? new TextEncoder().encode(data.get(key)) : undefined;
    },
    async list(prefix) {
      return [...data.keys()].filter((k) => k.startsWith(prefix));
    },
  };
}

beforeAll(async () => {
  jupyter = createServer((req, res) => {
    const json = (v: unknown) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(v));
    if (!up) return void res.writeHead(503).end();
    if (req.url === `${BASE}api/status`)
      return json({
        started: "2026-12-07T08:00:00.000Z",
        last_activity: "2026-12-07T09:00:00.000Z",
      });
    if (req.url === `${BASE}api/kernels`)
      return json([
        { id: "k1", execution_state: "idle", last_activity: "2026-12-07T09:10:00.000Z" },
      ]);
    if (req.url === `${BASE}api/terminals`) return json([]);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => jupyter.listen(0, "127.0.0.1", r));
  upstream = `http://127.0.0.1:${(jupyter.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => jupyter.close(r)));

describe("activity reports", () => {
  it("the authorizer writes what Jupyter's activity API answers; a Jupyter that does not answer writes nothing", async () => {
    const objects = memoryObjects();
    const at = new Date("2026-12-07T12:00:00Z");
    const report = await reportActivity({
      upstream,
      basePath: BASE,
      environment: ENV,
      startedAt: "2026-12-07T07:59:00.000Z",
      objects,
      now: () => at,
    });
    expect(report?.jupyter.kernels).toHaveLength(1);
    expect(JSON.parse(objects.data.get(activityReportKey(ENV))!)).toMatchObject({
      environment: ENV,
      at: at.toISOString(),
      jupyter: { status: { last_activity: "2026-12-07T09:00:00.000Z" } },
    });
    up = false;
    const none = memoryObjects();
    expect(
      await reportActivity({
        upstream,
        basePath: BASE,
        environment: ENV,
        startedAt: "",
        objects: none,
        now: () => at,
      }),
    ).toBeUndefined();
    expect(none.data.size).toBe(0);
    up = true;
  });

  it.each([
    { name: "fresh: a running task and its activity", age: 5, running: true },
    { name: "stale: no task reports", age: 20, running: false },
  ])("$name", ({ age, running }) => {
    const now = new Date("2026-12-07T12:00:00Z");
    const text = JSON.stringify({
      environment: ENV,
      at: new Date(now.getTime() - age * 60_000).toISOString(),
      startedAt: "2026-12-07T08:00:00.000Z",
      jupyter: { status: {}, kernels: [], terminals: [] },
    });
    expect(seenFromReport(text, now)?.running).toBe(running);
  });

  it("no report, or one that does not parse, is nothing seen", () => {
    const now = new Date();
    expect(seenFromReport(undefined, now)).toBeUndefined();
    expect(seenFromReport("{not json", now)).toBeUndefined();
    expect(seenFromReport(JSON.stringify({ at: "x" }), now)).toBeUndefined();
  });

  it("the aws provider reads the report, and the idle stage parks an environment idle past its limit", async () => {
    const objects = memoryObjects();
    const now = new Date("2026-12-07T12:00:00Z");
    await reportActivity({
      upstream,
      basePath: BASE,
      environment: ENV,
      startedAt: "2026-12-07T07:59:00.000Z",
      objects,
      now: () => new Date(now.getTime() - 60_000),
    });
    const provider = new AwsProvider(
      {
        region: "eu-west-1",
        cluster: "labenv",
        fileSystemId: "fs-1",
        subnets: [],
        securityGroups: [],
      },
      undefined,
      { activityReports: objects, now: () => now },
    );
    const seen = await provider.activity!([ENV, "ml-vision/teaching"]);
    expect([...seen.keys()]).toEqual([ENV]);
    const { repository } = loadRepository(exampleFiles(), createSchemaValidator());
    const state = new FileStateStore(mkdtempSync(join(tmpdir(), "labenv-idle-")));
    const idle = await idleStage(repository, { provider, state, now: () => now });
    // rnaseq's idleShutdownMinutes is 120; its kernel was last active at 09:10, 170 minutes ago.
    expect(idle.outcomes.find((o) => o.environment === ENV)).toMatchObject({
      action: "park",
      reason: expect.stringMatching(/^idle for 170 min/),
    });
    expect(idle.parked.has(ENV)).toBe(true);
  });
});
