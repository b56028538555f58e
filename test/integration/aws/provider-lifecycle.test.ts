// An environment's life on moto, driven by the core's own plans: change the
// image, stop it, replace an access point, remove it from git.
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { DescribeServicesCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { CreateVolumeCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import type { Plan } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import {
  applyAll,
  applyPlan,
  createAction,
  desiredResource,
  environmentResources,
  type EnvironmentOptions,
  type EnvironmentResources,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { recordCalls, testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("an environment's life on AWS (moto), driven by the core's plans", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let provider: AwsProvider;
  let options: EnvironmentOptions;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    config = await createAccountFixtures(clients, moto.endpoint);
    provider = new AwsProvider(config, clients);
    options = {
      lab: "climate-dynamics",
      env: "ocean-heat",
      uid: 30001,
      gid: 6001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
    };
    await applyAll(provider, environmentResources(options).all.map(createAction));
  });

  /** One reconcile: observe, plan against `desired`, apply; returns the plan it applied. */
  async function reconcile(desired: DesiredResource[]): Promise<Plan> {
    const observed = await provider.observe();
    const p = plan({ environments: [], resources: desired }, observed, { maxDeletes: 5 });
    await applyPlan(provider, p.stages, observed.resources);
    return p;
  }

  async function planAgainst(desired: DesiredResource[]): Promise<Plan> {
    return plan({ environments: [], resources: desired }, await provider.observe(), {
      maxDeletes: 5,
    });
  }

  it("a new image registers a new revision and moves the service to it; the next plan is empty", async () => {
    const next = environmentResources({
      ...options,
      image: `public.ecr.aws/labenv/genomics@sha256:${"c".repeat(64)}`,
    });
    const applied = await reconcile(next.all);
    expect(applied.summary).toMatchObject({ update: 2, create: 0 });

    const { services } = await clients.ecs.send(
      new DescribeServicesCommand({ cluster: config.cluster, services: [next.service.spec.name] }),
    );
    expect(services?.[0]?.taskDefinition).toMatch(
      /task-definition\/labenv-climate-dynamics-ocean-heat:2$/,
    );
    expect((await planAgainst(next.all)).summary).toMatchObject({ unchanged: next.all.length });
  });

  it("stopping the environment scales its service to 0 and nothing else", async () => {
    const stopped = environmentResources({ ...options, running: false });
    const log = recordCalls(clients);
    await reconcile(stopped.all);
    expect(log.mutating()).toEqual(["ecs.UpdateService", "ecs.TagResource"]);
    const { services } = await clients.ecs.send(
      new DescribeServicesCommand({
        cluster: config.cluster,
        services: [stopped.service.spec.name],
      }),
    );
    expect(services?.[0]?.desiredCount).toBe(0);
    expect((await planAgainst(stopped.all)).summary).toMatchObject({
      unchanged: stopped.all.length,
    });
  });

  it("a changed uid replaces the home access point, keeps the old one retired, and moves the task definition and service to the new one", async () => {
    const moved = environmentResources({ ...options, uid: 30002 });
    const applied = await reconcile(moved.all);
    expect(applied.summary).toMatchObject({ replace: 1, update: 2 });

    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(aps.AccessPoints?.map((a) => a.PosixUser?.Uid).sort()).toEqual([30001, 30002]);
    const retired = aps.AccessPoints?.find((a) => a.PosixUser?.Uid === 30001);
    const current = aps.AccessPoints?.find((a) => a.PosixUser?.Uid === 30002);
    expect(retired?.Tags).toContainEqual({ Key: "labenv:retired", Value: current?.AccessPointId });
    expect((await planAgainst(moved.all)).summary).toMatchObject({ unchanged: moved.all.length });
  });

  it("a service restored from a snapshot, then no longer: both observed exactly, the running volume snapshotted before the task is replaced", async () => {
    const restored = environmentResources(options);
    restored.service.spec.volume.fromSnapshot = "snap-0123456789abcdef0";
    await reconcile(restored.all);
    expect((await planAgainst(restored.all)).summary).toMatchObject({
      unchanged: restored.all.length,
    });

    // moto reports the service running after an update but has no task and no volume: create the one ECS would have (moto gap).
    await clients.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${config.region}a`,
        Size: 50,
        TagSpecifications: [
          {
            ResourceType: "volume",
            Tags: [{ Key: "labenv:service", Value: restored.service.key }],
          },
        ],
      }),
    );
    const plain = environmentResources(options);
    const replaced = await reconcile(plain.all);
    expect(
      replaced.stages
        .flatMap((st) => st.actions)
        .filter((a) => a.kind === "ebs-snapshot")
        .map((a) => a.outcome),
    ).toEqual(["create"]);
    const after = await provider.observe();
    expect(after.resources.filter((r) => r.kind === "ebs-snapshot").map((r) => r.spec)).toEqual([
      expect.objectContaining({ service: restored.service.key, trigger: "before-replace" }),
    ]);
    expect(after.resources.find((r) => r.key === plain.service.key)?.spec).toEqual(
      plain.service.spec,
    );
  });

  it("removing the environment from git deletes the service, deregisters the task definition and keeps the access point", async () => {
    const env = environmentResources(options);
    const removal = await reconcile([]);
    expect(removal.summary).toMatchObject({ delete: 2, skipped: 1 });

    const { services } = await clients.ecs.send(
      new DescribeServicesCommand({ cluster: config.cluster, services: [env.service.spec.name] }),
    );
    expect(services?.[0]?.status).toBe("INACTIVE");
    const active = await clients.ecs.send(
      new ListTaskDefinitionsCommand({
        familyPrefix: env.taskDefinition.spec.family,
        status: "ACTIVE",
      }),
    );
    expect(active.taskDefinitionArns).toEqual([]);
    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(aps.AccessPoints).toHaveLength(1);
    expect((await provider.observe()).resources.map((r) => r.kind)).toEqual(["access-point"]);

    const log = recordCalls(clients);
    await applyPlan(provider, removal.stages, []);
    expect(log.mutating()).toEqual([]);
  });

  it("refuses to delete an access point even when asked", async () => {
    const observed = await provider.observe();
    const home = observed.resources.find((r) => r.kind === "access-point");
    const asked = {
      outcome: "delete" as const,
      kind: "access-point" as const,
      key: home!.key,
      environment: home!.environment,
      reason: "test",
      changes: [],
      observed: home,
    };
    await expect(provider.apply(asked, () => undefined)).rejects.toMatchObject({
      name: "LabenvError",
      code: "plan",
      message: expect.stringContaining("never deletes"),
    });
    const aps = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(aps.AccessPoints).toHaveLength(1);
  });
});

// EBS snapshots of /opt/jupyter. moto gap: ECS services never
// start tasks and managed EBS volumes are accepted but ignored, so each test
// creates the volume ECS would have created (same tags) itself. Finding the
// volume through the running task's attachment is covered with
// aws-sdk-client-mock in test/adapters/aws/ebs-snapshot.test.ts.
describe("EBS snapshots of /opt/jupyter (moto, volume created by the test)", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let provider: AwsProvider;
  let env: EnvironmentResources;
  let ids: Map<string, string>;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    config = await createAccountFixtures(clients, moto.endpoint);
    provider = new AwsProvider(config, clients);
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
    });
    ids = await applyAll(provider, env.all.map(createAction));
  });

  const snapshotOf = (name: string) =>
    desiredResource(
      "ebs-snapshot",
      `ebs-snapshot:genomics-core/rnaseq/${name}`,
      "genomics-core/rnaseq",
      "genomics-core",
      {
        service: "service:genomics-core/rnaseq",
        description: "paper submission",
        trigger: "request",
      },
    );

  async function createJupyterVolume(): Promise<string> {
    const v = await clients.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: `${config.region}a`,
        Size: 50,
        TagSpecifications: [
          { ResourceType: "volume", Tags: [{ Key: "labenv:service", Value: env.service.key }] },
        ],
      }),
    );
    return v.VolumeId as string;
  }

  it("snapshots the service's volume with labenv's tags, once", async () => {
    const volumeId = await createJupyterVolume();
    const snapshot = snapshotOf("paper-submission");
    const first = await applyAll(provider, [createAction(snapshot)], ids);

    const { Snapshots } = await clients.ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ["self"],
        Filters: [{ Name: "tag:labenv:resource", Values: [snapshot.key] }],
      }),
    );
    expect(Snapshots).toHaveLength(1);
    expect(Snapshots?.[0]).toMatchObject({
      VolumeId: volumeId,
      Description: "paper submission",
      SnapshotId: first.get(snapshot.key),
    });
    expect(Snapshots?.[0]?.Tags).toEqual(
      expect.arrayContaining([
        { Key: "labenv:spec-hash", Value: snapshot.specHash },
        { Key: "labenv:lab", Value: "genomics-core" },
      ]),
    );

    const log = recordCalls(clients);
    const again = await applyAll(provider, [createAction(snapshot)], ids);
    expect(log.mutating()).toEqual([]);
    expect(again.get(snapshot.key)).toBe(first.get(snapshot.key));
  });

  it("says which service has no volume to snapshot instead of guessing", async () => {
    await expect(
      applyAll(provider, [createAction(snapshotOf("too-late"))], ids),
    ).rejects.toMatchObject({
      code: "provider",
      message: expect.stringContaining(
        "no /opt/jupyter volume to snapshot for service:genomics-core/rnaseq",
      ),
    });
  });
});
