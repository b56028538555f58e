// The DynamoDB state store against moto: records, runs, and the reconcile
// lease with its conditional writes.
import {
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoStateStore } from "../../../reconciler/adapters/aws/dynamodb-state-store.js";
import type {
  AppliedRecord,
  RunRecord,
  ShareAccessEvent,
  SuccessionRecord,
} from "../../../reconciler/ports/state-store.js";
import { useMoto } from "../moto.js";
import { dynamoClient } from "./aws-test-clients.js";

const moto = useMoto();
const TABLE = "labenv-state";
const T0 = new Date("2026-11-23T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

describe("DynamoStateStore (moto)", () => {
  let client: DynamoDBClient;
  let store: DynamoStateStore;

  beforeEach(async () => {
    client = dynamoClient(moto.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "pk", AttributeType: "S" },
          { AttributeName: "sk", AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: "pk", KeyType: "HASH" },
          { AttributeName: "sk", KeyType: "RANGE" },
        ],
      }),
    );
    store = new DynamoStateStore({ client, table: TABLE });
  });

  const record = (environment: string, commit = "abc123"): AppliedRecord => ({
    environment,
    commit,
    lockDigest: "sha256:1",
    planDigest: "sha256:2",
    appliedAt: T0.toISOString(),
    resources: [
      {
        key: `service:${environment}`,
        kind: "service",
        id: `arn:aws:ecs:eu-west-1:123456789012:service/labenv/${environment}`,
        specHash: "0123",
      },
    ],
  });

  it("keeps a succession's progress (issue 16) and an applied record's homeOwner (issue 14 item 20)", async () => {
    expect(await store.getSuccession("genomics-core/lwu-graduation")).toBeUndefined();
    const progress: SuccessionRecord = {
      succession: "genomics-core/lwu-graduation",
      from: "lwu",
      to: "ajones",
      effective: "2026-12-31",
      environments: ["genomics-core/variant-calling"],
      startedAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
      done: [
        {
          step: "snapshot",
          doneAt: T0.toISOString(),
          detail: "captured 1 snapshot",
          refs: ["genomics-core/variant-calling/succession-lwu-graduation"],
        },
      ],
    };
    await store.putSuccession(progress);
    const next = { ...progress, pullRequest: { number: 4, openedAt: later(1000).toISOString() } };
    await store.putSuccession(next);
    expect(await store.getSuccession("genomics-core/lwu-graduation")).toEqual(next);
    expect(await store.listSuccessions()).toEqual([next]);
    await store.putApplied({
      ...record("genomics-core/rnaseq"),
      homeOwner: { uid: 20002, gid: 20000 },
    });
    expect((await store.getApplied("genomics-core/rnaseq"))?.homeOwner).toEqual({
      uid: 20002,
      gid: 20000,
    });
    // A corrupt item is named, not a TypeError.
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: "succession" }, sk: { S: "x/y" }, body: { S: '{"succession":"x/y"}' } },
      }),
    );
    await expect(store.getSuccession("x/y")).rejects.toThrow(
      /pk=succession, sk=x\/y .*from is missing/,
    );
  });

  it("keeps every share grant and revoke with its time, oldest first (issue 16)", async () => {
    expect(await store.listShareEvents()).toEqual([]);
    const granted: ShareAccessEvent = {
      event: "granted",
      at: T0.toISOString(),
      share: "genomics-core/rnaseq-to-ml-vision",
      environment: "genomics-core/rnaseq",
      member: "ml-vision/epetrov",
      accessPoint: "fsap-0123456789abcdef0",
      reason: "grant share genomics-core/rnaseq-to-ml-vision",
      commit: "abc123",
      run: "r1",
    };
    const revoked: ShareAccessEvent = {
      ...granted,
      event: "revoked",
      at: later(86_400_000).toISOString(),
      reason: "revoke share genomics-core/rnaseq-to-ml-vision: it expired on 2026-11-23",
      commit: "def456",
      run: "r2",
    };
    // Written out of order; read back by time. The same event written twice is kept once.
    await store.putShareEvent(revoked);
    await store.putShareEvent(granted);
    await store.putShareEvent(granted);
    expect(await store.listShareEvents()).toEqual([granted, revoked]);
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: {
          pk: { S: "share-event" },
          sk: { S: "2026-11-25T00:00:00.000Z#granted#x/y#a/b" },
          body: { S: JSON.stringify({ ...granted, event: "lent" }) },
        },
      }),
    );
    await expect(store.listShareEvents()).rejects.toThrow(
      /pk=share-event, sk=2026-11-25T00:00:00.000Z#granted#x\/y#a\/b .*event/,
    );
  });

  it("keeps an environment's usage (parking, wakes, running spans) and names a corrupt one (issue 17)", async () => {
    expect(await store.listUsage()).toEqual([]);
    const parked = {
      environment: "genomics-core/rnaseq",
      parked: { at: "2026-11-23T14:00:00.000Z", reason: "idle for 121 min" },
      wakes: [],
      running: [{ from: "2026-11-23T12:00:00.000Z", to: "2026-11-23T14:00:00.000Z" }],
    };
    await store.putUsage(parked);
    const woken = {
      environment: "genomics-core/rnaseq",
      wakes: [{ requestedAt: "2026-11-23T15:00:00.000Z" }],
      running: parked.running,
    };
    await store.putUsage(woken);
    expect(await store.listUsage()).toEqual([woken]);
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: "usage" }, sk: { S: "x/y" }, body: { S: '{"environment":"x/y"}' } },
      }),
    );
    await expect(store.listUsage()).rejects.toThrow(/pk=usage, sk=x\/y .*wakes is missing/);
  });

  it("keeps, replaces, lists and forgets applied records", async () => {
    expect(await store.getApplied("genomics-core/rnaseq")).toBeUndefined();
    await store.putApplied(record("genomics-core/rnaseq"));
    await store.putApplied(record("ml-vision/teaching"));
    await store.putApplied(record("genomics-core/rnaseq", "def456"));
    expect(await store.getApplied("genomics-core/rnaseq")).toEqual(
      record("genomics-core/rnaseq", "def456"),
    );
    expect((await store.listApplied()).map((r) => r.environment)).toEqual([
      "genomics-core/rnaseq",
      "ml-vision/teaching",
    ]);
    await store.deleteApplied("genomics-core/rnaseq");
    expect((await store.listApplied()).map((r) => r.environment)).toEqual(["ml-vision/teaching"]);
  });

  it("lists runs newest first, up to the limit, and a finished run replaces its running record", async () => {
    const run = (
      id: string,
      minute: number,
      outcome: RunRecord["outcome"] = "succeeded",
    ): RunRecord => ({
      id,
      startedAt: later(minute * 60_000).toISOString(),
      commit: "abc",
      trigger: "push",
      outcome,
      summary: { create: 1 },
    });
    await store.putRun(run("r1", 0));
    await store.putRun(run("r2", 1, "running"));
    await store.putRun(run("r3", 2));
    await store.putRun({
      ...run("r2", 1),
      finishedAt: later(90_000).toISOString(),
      outcome: "failed",
      error: { stage: "apply", message: "AWS refused" },
    });
    const runs = await store.listRuns(2);
    expect(runs.map((r) => [r.id, r.outcome])).toEqual([
      ["r3", "succeeded"],
      ["r2", "failed"],
    ]);
    expect(await store.listRuns(10)).toHaveLength(3);
  });

  it("gives the lease to one owner at a time and says who holds it", async () => {
    const a = await store.acquireLease("reconciler-a", 60_000, T0);
    expect(a.acquired).toBe(true);
    const b = await store.acquireLease("reconciler-b", 60_000, later(1000));
    expect(b).toMatchObject({
      acquired: false,
      heldBy: "reconciler-a",
      expiresAt: later(60_000).toISOString(),
      held: { owner: "reconciler-a", expiresAt: later(60_000).toISOString() },
    });
  });

  it("renews a lease it still holds (a heartbeat), and not one it lost", async () => {
    const a = await store.acquireLease("reconciler-a", 60_000, T0, "run-a");
    if (!a.acquired) throw new Error("expected the lease");
    const renewed = await store.renewLease(a.lease, 60_000, later(50_000));
    expect(renewed).toMatchObject({
      owner: "reconciler-a",
      expiresAt: later(110_000).toISOString(),
    });
    // Renewed: another owner is refused after the first expiry would have passed.
    expect((await store.acquireLease("reconciler-b", 60_000, later(70_000))).acquired).toBe(false);
    expect(await store.readLease()).toMatchObject({ owner: "reconciler-a", runId: "run-a" });
    const b = await store.acquireLease("reconciler-b", 60_000, later(200_000));
    expect(b.acquired).toBe(true);
    expect(await store.renewLease(a.lease, 60_000, later(201_000))).toBeUndefined();
  });

  it("breaks the lease with its token and says what it broke", async () => {
    const a = await store.acquireLease("reconciler-a", 60_000, T0, "run-a");
    if (!a.acquired) throw new Error("expected the lease");
    expect(await store.breakLease("not-the-token")).toBeUndefined();
    expect(await store.breakLease(a.lease.token)).toMatchObject({
      owner: "reconciler-a",
      runId: "run-a",
    });
    expect(await store.readLease()).toBeUndefined();
    expect((await store.acquireLease("reconciler-b", 60_000, later(1000))).acquired).toBe(true);
  });

  it("lets the same owner take its lease again (a retried invocation)", async () => {
    await store.acquireLease("reconciler-a", 60_000, T0);
    const again = await store.acquireLease("reconciler-a", 60_000, later(5000));
    expect(again.acquired).toBe(true);
  });

  it("hands an expired lease to the next owner", async () => {
    await store.acquireLease("reconciler-a", 60_000, T0);
    const b = await store.acquireLease("reconciler-b", 60_000, later(60_001));
    expect(b.acquired).toBe(true);
    if (b.acquired) expect(b.lease.owner).toBe("reconciler-b");
  });

  it("releases only its own lease: a lost lease's release leaves the new holder alone", async () => {
    const a = await store.acquireLease("reconciler-a", 60_000, T0);
    if (!a.acquired) throw new Error("expected the lease");
    const b = await store.acquireLease("reconciler-b", 60_000, later(120_000));
    if (!b.acquired) throw new Error("expected the expired lease to be taken");
    await store.releaseLease(a.lease);
    const held = await client.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: "lease" }, sk: { S: "reconcile" } },
        ConsistentRead: true,
      }),
    );
    expect(held.Item?.owner?.S).toBe("reconciler-b");

    await store.releaseLease(b.lease);
    const c = await store.acquireLease("reconciler-c", 60_000, later(121_000));
    expect(c.acquired).toBe(true);
  });

  it("a corrupt record is a named error with its key, not a bare JSON error (issue 14, item 21)", async () => {
    const put = (sk: string, pk: string, body: string) =>
      client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { pk: { S: pk }, sk: { S: sk }, body: { S: body } },
        }),
      );
    await put("genomics-core/rnaseq", "applied", '{"environment": "genomics-core/rnaseq", ');
    await expect(store.listApplied()).rejects.toMatchObject({
      code: "state",
      message: expect.stringMatching(
        /^the DynamoDB item pk=applied, sk=genomics-core\/rnaseq in table labenv-state is corrupt: its body is not valid JSON/,
      ),
    });
    await put(
      "genomics-core/rnaseq",
      "applied",
      JSON.stringify({ ...record("genomics-core/rnaseq"), resources: [{ key: "k", kind: 3 }] }),
    );
    await expect(store.getApplied("genomics-core/rnaseq")).rejects.toThrow(
      "pk=applied, sk=genomics-core/rnaseq in table labenv-state is corrupt: its body is not a valid applied record: resources[0].kind is a number (3), expected a string",
    );
    await put("2026-11-23T12:00:00Z#r9", "run", "[]");
    await expect(store.listRuns(5)).rejects.toThrow(
      "pk=run, sk=2026-11-23T12:00:00Z#r9 in table labenv-state is corrupt: its body is not a valid run record: the value is a list, expected an object",
    );
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { pk: { S: "lease" }, sk: { S: "reconcile" }, owner: { S: "a" } },
      }),
    );
    await expect(store.readLease()).rejects.toThrow(
      "pk=lease, sk=reconcile in table labenv-state is corrupt: it is not a lease: token is missing, expected a string",
    );
  });

  it("fails with a state error that names the table's problem", async () => {
    const missing = new DynamoStateStore({ client, table: "no-such-table" });
    await expect(missing.listApplied()).rejects.toMatchObject({
      name: "LabenvError",
      code: "state",
      message: expect.stringContaining("ResourceNotFoundException"),
    });
  });
});
