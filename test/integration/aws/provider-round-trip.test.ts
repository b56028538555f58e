// The AWS provider against moto: create one environment, read it back through
// the SDK and through observe, apply again without changing anything, and do
// it all again with 30% of the calls throttled.
import { decideRetention, observedTiersOf } from "../../../reconciler/core/snapshots/retention.js";
import { CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createAwsClients,
  sdkClientSettings,
} from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { DesiredResource, ObservedState } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import {
  applyAll,
  createAction,
  desiredResource,
  environmentResources,
  type EnvironmentResources,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { CREDENTIALS, REGION, recordCalls, testClients, warmUpMoto } from "./aws-test-clients.js";
import { startThrottlingProxy, type ThrottlingProxy } from "./throttling-proxy.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("AWS provider against moto: one environment", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let env: EnvironmentResources;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    config = await createAccountFixtures(clients, moto.endpoint);
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
      datasets: ["reference-genomes"],
      logGroup: "/labenv/jupyter",
      taskRoleArn: "arn:aws:iam::123456789012:role/labenv-task-genomics-core",
      executionRoleArn: "arn:aws:iam::123456789012:role/labenv-task-execution",
    });
  });

  it("creates access points, a task definition and a service that AWS describes as asked", async () => {
    const provider = new AwsProvider(config, clients);
    const ids = await applyAll(provider, env.all.map(createAction));

    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(aps.AccessPoints).toHaveLength(2);
    const home = aps.AccessPoints?.find((a) => a.AccessPointId === ids.get(env.home.key));
    expect(home?.PosixUser).toMatchObject({ Uid: 20001, Gid: 5001 });
    expect(home?.RootDirectory).toEqual({
      Path: "/labs/genomics-core/environments/rnaseq",
      CreationInfo: { OwnerUid: 20001, OwnerGid: 5001, Permissions: "0750" },
    });

    const { taskDefinition: td, tags: tdTags } = await clients.ecs.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: "labenv-genomics-core-rnaseq",
        include: ["TAGS"],
      }),
    );
    expect(td?.requiresCompatibilities).toEqual(["FARGATE"]);
    expect(td?.networkMode).toBe("awsvpc");
    expect(td?.containerDefinitions?.[0]).toMatchObject({
      name: "jupyter",
      image: env.taskDefinition.spec.image,
      memory: 4096,
      portMappings: [{ containerPort: 8888 }],
    });
    expect(td?.volumes).toEqual([
      {
        name: "home",
        efsVolumeConfiguration: expect.objectContaining({
          fileSystemId: config.fileSystemId,
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: ids.get(env.home.key), iam: "ENABLED" },
        }),
      },
      { name: "jupyter", configuredAtLaunch: true },
      {
        name: "dataset-1",
        efsVolumeConfiguration: expect.objectContaining({
          authorizationConfig: { accessPointId: ids.get(env.datasets[0]!.key), iam: "ENABLED" },
        }),
      },
    ]);
    expect(td?.containerDefinitions?.[0]?.mountPoints).toContainEqual({
      sourceVolume: "dataset-1",
      containerPath: "/data/reference-genomes",
      readOnly: true,
    });
    expect(tdTags).toContainEqual({ key: "labenv:resource", value: env.taskDefinition.key });

    const { services } = await clients.ecs.send(
      new DescribeServicesCommand({
        cluster: config.cluster,
        services: ["labenv-genomics-core-rnaseq"],
        include: ["TAGS"],
      }),
    );
    expect(services?.[0]).toMatchObject({
      status: "ACTIVE",
      launchType: "FARGATE",
      desiredCount: 1,
      taskDefinition: ids.get(env.taskDefinition.key),
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: config.subnets,
          securityGroups: config.securityGroups,
          assignPublicIp: "DISABLED",
        },
      },
      propagateTags: "SERVICE",
    });
    expect(services?.[0]?.tags).toContainEqual({
      key: "labenv:spec-hash",
      value: env.service.specHash,
    });
  });

  it("observes exactly the specs and tags it was given, so the core plans nothing", async () => {
    const provider = new AwsProvider(config, clients);
    const ids = await applyAll(provider, env.all.map(createAction));
    const observed = await provider.observe();

    expect(observed.resources.map((r) => r.key).sort()).toEqual(env.all.map((d) => d.key).sort());
    for (const desired of env.all) {
      const o = observed.resources.find((r) => r.key === desired.key);
      expect(o, desired.key).toMatchObject({
        kind: desired.kind,
        environment: desired.environment,
        id: ids.get(desired.key),
      });
      expect(o?.spec, desired.key).toEqual(desired.spec);
      expect(o?.tags, desired.key).toEqual(desired.tags);
    }
    const p = plan({ environments: [], resources: env.all }, observed, { maxDeletes: 5 });
    expect(p.summary).toMatchObject({
      create: 0,
      update: 0,
      replace: 0,
      delete: 0,
      unchanged: env.all.length,
    });
  });

  it("applies the same create actions again without a single mutating call", async () => {
    const provider = new AwsProvider(config, clients);
    const first = await applyAll(provider, env.all.map(createAction));
    const log = recordCalls(clients);
    const second = await applyAll(provider, env.all.map(createAction));
    expect(log.calls.length).toBeGreaterThan(0);
    expect(log.mutating()).toEqual([]);
    expect(second).toEqual(first);
  });

  it("reports nothing it does not own: untagged resources and other families are ignored", async () => {
    const provider = new AwsProvider(config, clients);
    const before: ObservedState = await provider.observe();
    expect(before.resources).toEqual([]);
    await applyAll(provider, [createAction(env.home)]);
    const after = await provider.observe();
    expect(after.resources.map((r) => r.kind)).toEqual(["access-point"]);
  });

  it("refuses an action whose dependency was never applied, naming it", async () => {
    const provider = new AwsProvider(config, clients);
    const td = createAction(env.taskDefinition);
    await expect(provider.apply(td, () => undefined)).rejects.toMatchObject({
      code: "plan",
      message: expect.stringContaining(env.home.key),
    });
  });
});

// "AWS defaults are not drift", one test per kind: a resource created from a
// spec and observed back yields the identical spec. backup-job is in
// test/adapters/aws/aws-defaults-not-drift.test.ts with aws-sdk-client-mock
// (moto does not implement AWS Backup jobs); that file also replays real AWS
// responses, which carry more defaults than moto's.
describe("AWS defaults are not drift (moto), one kind at a time", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let provider: AwsProvider;
  let env: EnvironmentResources;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    config = await createAccountFixtures(clients, moto.endpoint);
    provider = new AwsProvider(config, clients);
    env = environmentResources({
      lab: "ml-vision",
      env: "segmentation",
      uid: 40001,
      gid: 7001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
      datasets: ["coco", "imagenet"],
      logGroup: "/labenv/jupyter",
      executionRoleArn: "arn:aws:iam::123456789012:role/labenv-task-execution",
    });
  });

  async function observedSpecOf(resource: DesiredResource): Promise<unknown> {
    const observed = await provider.observe();
    return observed.resources.find((r) => r.key === resource.key)?.spec;
  }

  it("access-point: posix user, root directory and purpose come back as given", async () => {
    await applyAll(provider, [createAction(env.home)]);
    expect(await observedSpecOf(env.home)).toEqual(env.home.spec);
  });

  it("task-definition: compatibilities, cpu 0, essential, empty lists, EFS root '/', log options and volume ids are not drift", async () => {
    await applyAll(provider, [env.home, ...env.datasets, env.taskDefinition].map(createAction));
    expect(await observedSpecOf(env.taskDefinition)).toEqual(env.taskDefinition.spec);
  });

  it("service: deployments, events, scheduling strategy and the task definition ARN are not drift", async () => {
    await applyAll(provider, env.all.map(createAction));
    expect(await observedSpecOf(env.service)).toEqual(env.service.spec);
  });

  it("ebs-snapshot: state, progress, size and the free-text reason (→ and all) come back as given", async () => {
    const ids = await applyAll(provider, env.all.map(createAction));
    // moto gap: services never start tasks and ignore managed EBS volumes; this volume stands in for the one ECS would create with these tags.
    await clients.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${config.region}a`,
        Size: 50,
        VolumeType: "gp3",
        TagSpecifications: [
          {
            ResourceType: "volume",
            Tags: [
              { Key: "labenv:service", Value: env.service.key },
              { Key: "labenv:lab", Value: "ml-vision" },
            ],
          },
        ],
      }),
    );
    const snapshot = desiredResource(
      "ebs-snapshot",
      "ebs-snapshot:ml-vision/segmentation/succession-hand-over",
      env.service.environment,
      "ml-vision",
      {
        service: env.service.key,
        description: "before hand-over alice → bob (packages in /opt/jupyter)",
        trigger: "succession",
      },
    );
    await applyAll(provider, [createAction(snapshot)], ids);
    expect(await observedSpecOf(snapshot)).toEqual(snapshot.spec);
    // moto gap: DescribeSnapshots carries no StorageTier (nor does moto implement
    // ModifySnapshotTier), so no tier is observed here and the retention report says the
    // schedule's, as such; with AWS's StorageTier it is AWS's (snapshot-tier.test.ts).
    const seen = (await provider.observe()).resources.find((r) => r.key === snapshot.key)!;
    expect(seen.storageTier).toBeUndefined();
    const id = snapshot.key.slice("ebs-snapshot:".length);
    const later = new Date(Date.parse(seen.startedAt!) + 400 * 86_400_000).toISOString();
    const decided = decideRetention(seen.startedAt!, undefined, later, {
      parts: { volume: true, home: false },
      observed: observedTiersOf([seen], id),
    });
    expect([decided.tier, decided.tierFrom]).toEqual(["archive", "schedule"]);
    const reported = decideRetention(seen.startedAt!, undefined, later, {
      parts: { volume: true, home: false },
      observed: observedTiersOf([{ ...seen, storageTier: "standard" }], id),
    });
    expect([reported.tier, reported.tierFrom]).toEqual(["hot", "provider"]);
  });
});

// Throttling: 30% of all calls answered with ThrottlingException /
// RequestLimitExceeded by a proxy in front of moto. The SDK's adaptive retry
// (the provider's own setting, 8 attempts) must still converge. This runs the
// real retry middleware; aws-sdk-client-mock stubs `send` and would skip it.
describe("throttling on 30% of calls", () => {
  let proxy: ThrottlingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
  });

  // Adaptive retry also slows the client down after each throttle (down to 0.5 requests/s): ~20 calls take ~20 s here.
  it("still creates an environment and observes it exactly", { timeout: 120_000 }, async () => {
    const config = await createAccountFixtures(testClients(moto.endpoint), moto.endpoint);
    proxy = await startThrottlingProxy(moto.endpoint, 0.3);
    const throttledConfig = {
      ...config,
      endpoint: proxy.endpoint,
      credentials: CREDENTIALS,
      region: REGION,
    };
    expect(sdkClientSettings(throttledConfig)).toMatchObject({
      retryMode: "adaptive",
      maxAttempts: 8,
    });
    const provider = new AwsProvider(throttledConfig, createAwsClients(throttledConfig));

    const desired = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
    }).all;
    const ids = await applyAll(provider, desired.map(createAction));
    const observed = await provider.observe();

    expect(proxy.throttled).toBeGreaterThanOrEqual(3);
    expect(observed.resources.map((r) => r.id).sort()).toEqual([...ids.values()].sort());
    expect(
      plan({ environments: [], resources: desired }, observed, { maxDeletes: 5 }).summary,
    ).toMatchObject({ unchanged: desired.length });
  });
});
