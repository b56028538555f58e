// The task definition memo on moto, in an S3 bucket like the Lambda's: an
// observe that reads revisions from the memo reports exactly what an observe
// that describes every revision reports, through the core's own plans: an
// access point replaced (observed half-way, before the task definition moves
// to it), a new image, the environment removed.
import { CreateBucketCommand, type S3Client } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import {
  ObjectStoreTaskDefinitionSpecCache,
  TASK_DEFINITION_SPECS_KEY,
} from "../../../reconciler/adapters/aws/object-store-task-definition-spec-cache.js";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { awsContext } from "../../../reconciler/lambda/aws-context.js";
import type { DesiredResource, ObservedState } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { CountingObjectStore } from "../../adapters/aws/fixtures/counting-object-store.js";
import {
  applyAll,
  applyPlan,
  createAction,
  environmentResources,
  type EnvironmentOptions,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import {
  REGION,
  recordCalls,
  s3Client,
  testClients,
  warmUpMoto,
  type CallLog,
} from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });
const BUCKET = "labenv-objects";

describe("the task definition memo (moto, S3)", () => {
  let clients: AwsClients;
  let s3: S3Client;
  let config: AwsProviderConfig;
  let options: EnvironmentOptions;
  let log: CallLog;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    s3 = s3Client(moto.endpoint);
    await s3.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    config = await createAccountFixtures(clients, moto.endpoint);
    options = {
      lab: "climate-dynamics",
      env: "ocean-heat",
      uid: 30001,
      gid: 6001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
    };
    await applyAll(
      new AwsProvider(config, clients),
      environmentResources(options).all.map(createAction),
    );
    log = recordCalls({ ...clients, s3 });
  });

  /** A provider as one Lambda invocation builds it: a new memo instance over the bucket. */
  const remembering = () =>
    new AwsProvider(config, clients, {
      taskDefinitionSpecs: new ObjectStoreTaskDefinitionSpecCache(
        new S3ObjectStore({ client: s3, bucket: BUCKET, prefix: "labenv/" }),
      ),
    });
  const describing = () => new AwsProvider(config, clients);

  /** Observes with the memo, then without; both must agree. Returns the memo's observation and the calls it made. */
  async function observeBoth(): Promise<{ observed: ObservedState; calls: string[] }> {
    log.clear();
    const observed = await remembering().observe();
    const calls = [...log.calls];
    expect(observed).toEqual(await describing().observe());
    return { observed, calls };
  }
  const describes = (calls: string[]) =>
    calls.filter((c) => c === "ecs.DescribeTaskDefinition").length;
  const memoCalls = (calls: string[]) => calls.filter((c) => c.startsWith("s3."));
  const taskDefinitionIn = (observed: ObservedState) =>
    observed.resources.find((r) => r.kind === "task-definition");
  const planFor = (desired: DesiredResource[], observed: ObservedState) =>
    plan({ environments: [], resources: desired }, observed, { maxDeletes: 5 });

  it("describes each revision once: later observes, by new provider instances, read it from the one S3 object", async () => {
    const cold = await observeBoth();
    expect(describes(cold.calls)).toBe(1);
    expect(memoCalls(cold.calls)).toEqual(["s3.GetObject", "s3.PutObject"]);
    const warm = await observeBoth();
    expect(describes(warm.calls)).toBe(0);
    expect(memoCalls(warm.calls)).toEqual(["s3.GetObject"]);
    const memo = await new S3ObjectStore({ client: s3, bucket: BUCKET, prefix: "labenv/" }).get(
      TASK_DEFINITION_SPECS_KEY,
    );
    expect(
      Object.keys((JSON.parse(new TextDecoder().decode(memo)) as { revisions: object }).revisions),
    ).toEqual([taskDefinitionIn(warm.observed)?.id]);
  });

  it("an access point replacement: half-way the remembered revision still shows the old access point id, then the new revision is described once", async () => {
    const before = await observeBoth();
    const moved = environmentResources({ ...options, uid: 30002 });
    const first = planFor(moved.all, before.observed);
    expect(first.summary).toMatchObject({ replace: 1, update: 2 });

    // Half-way: only the access point is replaced (a crashed run). The revision still mounts the retired one.
    const replace = first.stages.flatMap((s) => s.actions).filter((a) => a.kind === "access-point");
    await applyAll(
      remembering(),
      replace,
      new Map(before.observed.resources.map((r) => [r.key, r.id])),
    );
    const halfway = await observeBoth();
    expect(describes(halfway.calls)).toBe(0);
    const oldId = before.observed.resources.find((r) => r.key === moved.home.key)?.id;
    expect(taskDefinitionIn(halfway.observed)?.spec).toMatchObject({ homeAccessPoint: oldId });
    expect(planFor(moved.all, halfway.observed).summary).toMatchObject({ update: 2 });

    // The rest of the reconcile: a new revision mounting the new access point, and the service moved to it.
    await applyPlan(
      remembering(),
      planFor(moved.all, halfway.observed).stages,
      halfway.observed.resources,
    );
    const after = await observeBoth();
    expect(describes(after.calls)).toBe(1);
    expect(taskDefinitionIn(after.observed)).toMatchObject({
      id: expect.stringMatching(/:2$/),
      spec: moved.taskDefinition.spec,
    });
    expect(planFor(moved.all, after.observed).summary).toMatchObject({
      unchanged: moved.all.length,
    });
  });

  it("a new image: the new revision is observed from the memo exactly, described once", async () => {
    const before = await observeBoth();
    const next = environmentResources({
      ...options,
      image: `public.ecr.aws/labenv/genomics@sha256:${"c".repeat(64)}`,
    });
    await applyPlan(
      remembering(),
      planFor(next.all, before.observed).stages,
      before.observed.resources,
    );
    const changed = await observeBoth();
    expect(describes(changed.calls)).toBe(1);
    expect(taskDefinitionIn(changed.observed)?.spec).toEqual(next.taskDefinition.spec);
    expect(planFor(next.all, changed.observed).summary).toMatchObject({
      unchanged: next.all.length,
    });
  });

  it("the environment removed from git: its deregistered revision is gone from both", async () => {
    const before = await observeBoth();
    await applyPlan(remembering(), planFor([], before.observed).stages, before.observed.resources);
    const removed = await observeBoth();
    expect(describes(removed.calls)).toBe(0);
    expect(removed.observed.resources.map((r) => r.kind)).toEqual(["access-point"]);
  });

  it("the Lambda's context keeps the memo in its object bucket; the CLI's in the store it is given", async () => {
    const env = {
      region: REGION,
      cluster: config.cluster,
      fileSystemId: config.fileSystemId,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
      taskRoleArns: {},
      stateTable: "labenv-state",
      endpoint: moto.endpoint,
    };
    const lambda = awsContext({ ...env, objectBucket: BUCKET });
    expect(await lambda.provider.observe()).toEqual(await describing().observe());
    expect(await lambda.objects?.get(TASK_DEFINITION_SPECS_KEY)).toBeDefined();

    const directory = new CountingObjectStore();
    await awsContext(env, directory).provider.observe();
    expect(directory.calls).toEqual([
      `get ${TASK_DEFINITION_SPECS_KEY}`,
      `put ${TASK_DEFINITION_SPECS_KEY}`,
    ]);
  });
});
