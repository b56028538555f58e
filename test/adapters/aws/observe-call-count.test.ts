// What observing costs: 1,000 environments served page by page with each
// API's real page size. Lists grow with N/100 (N/1000 for snapshots),
// services with N/10 (DescribeServices takes 10), and task definitions with N
// on a cold observe: ECS has no batch describe for them. Revisions are
// immutable, so with the memo in the object store a warm observe describes
// only revisions it has not seen, for one read of the memo (and one write
// when it described any).
import "aws-sdk-client-mock-vitest/extend";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";
import type { DesiredResource, ObservedState } from "../../../reconciler/core/model/resources.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import {
  ObjectStoreTaskDefinitionSpecCache,
  TASK_DEFINITION_SPECS_KEY,
} from "../../../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import { CountingObjectStore } from "./fixtures/counting-object-store.js";
import { installFakeAccount, type FakeAccount } from "./fixtures/fake-account.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const LISTS = {
  "efs.DescribeAccessPoints": 11, // 1,020 access points, 100 a page
  "ec2.DescribeSnapshots": 1, // 250 snapshots, 1,000 a page
  "tagging.GetResources": 1, // 100 recovery points, 100 a page
  "backup.ListRecoveryPointsByBackupVault": 1, // their storage and lifecycle, 1,000 a page
  "ecs.ListTaskDefinitions": 10, // 1,000 ACTIVE revisions, 100 a page
  "ecs.ListServices": 10, // 1,000 services, 100 a page
};
const SERVICE_BATCHES = { "ecs.DescribeServices": 100 }; // 10 services a call

function expectExactly(observed: ObservedState, desired: readonly DesiredResource[]): void {
  expect(observed.resources).toHaveLength(desired.length);
  const byKey = new Map(observed.resources.map((r) => [r.key, r]));
  for (const d of desired) {
    expect(byKey.get(d.key)?.spec, d.key).toEqual(d.spec);
    expect(byKey.get(d.key)?.tags, d.key).toEqual(d.tags);
  }
}

describe("observing 1,000 environments without a memo", () => {
  let aws: MockedAws;
  let account: FakeAccount;
  let observed: ObservedState;

  // One observe, three looks at it.
  beforeAll(async () => {
    aws = mockedAws();
    account = installFakeAccount(aws, 1000);
    observed = await new AwsProvider(CONFIG, aws.clients).observe();
  });

  it("finds every resource, normalized to exactly the desired spec", () => {
    expectExactly(observed, account.desired);
  });

  it("costs a bounded number of calls per kind, following every page: 1,134", () => {
    expect(aws.callCounts()).toEqual({
      ...LISTS,
      ...SERVICE_BATCHES,
      "ecs.DescribeTaskDefinition": 1000,
    });
    expect(aws.calls()).toHaveLength(1134);
  });

  it("describes services at most 10 at a time and each revision by its ARN with its tags", () => {
    for (const call of aws.ecs.commandCalls(DescribeServicesCommand)) {
      expect(call.args[0].input.services?.length).toBeLessThanOrEqual(10);
      expect(call.args[0].input.include).toEqual(["TAGS"]);
    }
    for (const call of aws.ecs.commandCalls(DescribeTaskDefinitionCommand)) {
      expect(call.args[0].input).toEqual({
        taskDefinition: expect.stringMatching(/:task-definition\/labenv-[^:]+:\d+$/),
        include: ["TAGS"],
      });
    }
  });
});

describe("observing 1,000 environments with the memo in the object store", () => {
  interface Phase {
    /** What the account held (and git wanted) at this observe. */
    desired: DesiredResource[];
    observed: ObservedState;
    uncached: ObservedState;
    counts: Record<string, number>;
    awsCalls: number;
    memoCalls: string[];
  }
  let account: FakeAccount;
  let cold: Phase;
  let warm: Phase;
  let changed: Phase;
  let changedKeys: string[];
  let store: CountingObjectStore;

  beforeAll(async () => {
    const aws = mockedAws();
    account = installFakeAccount(aws, 1000);
    store = new CountingObjectStore();
    const uncachedProvider = new AwsProvider(CONFIG, aws.clients);
    // A new provider and memo instance per observe, as each Lambda invocation builds its own.
    const observeOnce = async (): Promise<Phase> => {
      aws.resetCalls();
      store.clear();
      const provider = new AwsProvider(CONFIG, aws.clients, {
        taskDefinitionSpecs: new ObjectStoreTaskDefinitionSpecCache(store),
      });
      const observed = await provider.observe();
      const phase = {
        desired: [...account.desired],
        observed,
        counts: aws.callCounts(),
        awsCalls: aws.calls().length,
        memoCalls: [...store.calls],
      };
      return { ...phase, uncached: await uncachedProvider.observe() };
    };
    cold = await observeOnce();
    warm = await observeOnce();
    changedKeys = account.changeImages(10);
    changed = await observeOnce();
  });

  it("cold: describes every revision once, reads the missing memo and writes it once: 1,136 calls", () => {
    expect(cold.counts).toEqual({
      ...LISTS,
      ...SERVICE_BATCHES,
      "ecs.DescribeTaskDefinition": 1000,
    });
    expect(cold.memoCalls).toEqual([
      `get ${TASK_DEFINITION_SPECS_KEY}`,
      `put ${TASK_DEFINITION_SPECS_KEY}`,
    ]);
    expect(cold.awsCalls + cold.memoCalls.length).toBe(1136);
  });

  it("warm, nothing changed: no task definition described, one read of the memo, no write: 135 calls", () => {
    expect(warm.counts).toEqual({ ...LISTS, ...SERVICE_BATCHES });
    expect(warm.memoCalls).toEqual([`get ${TASK_DEFINITION_SPECS_KEY}`]);
    expect(warm.awsCalls + warm.memoCalls.length).toBe(135);
  });

  it("warm, 1% of environments on a new revision: describes only those 10, reads and writes the memo once: 147 calls", () => {
    expect(changedKeys).toHaveLength(10);
    // The superseded revisions stay ACTIVE: 1,010 ARNs are one more page.
    expect(changed.counts).toEqual({
      ...LISTS,
      "ecs.ListTaskDefinitions": 11,
      ...SERVICE_BATCHES,
      "ecs.DescribeTaskDefinition": 10,
    });
    expect(changed.memoCalls).toEqual([
      `get ${TASK_DEFINITION_SPECS_KEY}`,
      `put ${TASK_DEFINITION_SPECS_KEY}`,
    ]);
    expect(changed.awsCalls + changed.memoCalls.length).toBe(147);
  });

  it("observes exactly the desired state, and exactly what an observe without the memo sees, every time", () => {
    for (const phase of [cold, warm, changed]) {
      expectExactly(phase.observed, phase.desired);
      expect(phase.observed).toEqual(phase.uncached);
    }
    const images = changed.observed.resources
      .filter((r) => changedKeys.includes(r.key))
      .map((r) => (r.spec as { image: string }).image);
    expect(images).toEqual(Array(10).fill(expect.stringMatching(/sha256:c{64}$/)));
  });

  it("keeps the memo compact: one object, under a kilobyte per revision", () => {
    expect([...store.objects.keys()]).toEqual([TASK_DEFINITION_SPECS_KEY]);
    expect(store.text(TASK_DEFINITION_SPECS_KEY)!.length / 1010).toBeLessThan(1024);
  });
});
