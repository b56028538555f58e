// The AWS provider against moto: create one environment, read it back through
// the SDK and through observe, and apply again without changing anything.
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { DesiredResource, ObservedState } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { applyAll, createAction, environmentResources, type EnvironmentResources } from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { recordCalls, testClients, warmUpMoto } from "./aws-test-clients.js";

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

    const aps = await clients.efs.send(new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }));
    expect(aps.AccessPoints).toHaveLength(2);
    const home = aps.AccessPoints?.find((a) => a.AccessPointId === ids.get(env.home.key));
    expect(home?.PosixUser).toMatchObject({ Uid: 20001, Gid: 5001 });
    expect(home?.RootDirectory).toEqual({ Path: "/labs/genomics-core/environments/rnaseq", CreationInfo: { OwnerUid: 20001, OwnerGid: 5001, Permissions: "0750" } });

    const { taskDefinition: td, tags: tdTags } = await clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-genomics-core-rnaseq", include: ["TAGS"] }));
    expect(td?.requiresCompatibilities).toEqual(["FARGATE"]);
    expect(td?.networkMode).toBe("awsvpc");
    expect(td?.containerDefinitions?.[0]).toMatchObject({ name: "jupyter", image: env.taskDefinition.spec.image, memory: 4096, portMappings: [{ containerPort: 8888 }] });
    expect(td?.volumes).toEqual([
      { name: "home", efsVolumeConfiguration: expect.objectContaining({ fileSystemId: config.fileSystemId, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: ids.get(env.home.key), iam: "ENABLED" } }) },
      { name: "jupyter", configuredAtLaunch: true },
      { name: "dataset-1", efsVolumeConfiguration: expect.objectContaining({ authorizationConfig: { accessPointId: ids.get(env.datasets[0]!.key), iam: "ENABLED" } }) },
    ]);
    expect(td?.containerDefinitions?.[0]?.mountPoints).toContainEqual({ sourceVolume: "dataset-1", containerPath: "/data/reference-genomes", readOnly: true });
    expect(tdTags).toContainEqual({ key: "labenv:resource", value: env.taskDefinition.key });

    const { services } = await clients.ecs.send(new DescribeServicesCommand({ cluster: config.cluster, services: ["labenv-genomics-core-rnaseq"], include: ["TAGS"] }));
    expect(services?.[0]).toMatchObject({
      status: "ACTIVE",
      launchType: "FARGATE",
      desiredCount: 1,
      taskDefinition: ids.get(env.taskDefinition.key),
      networkConfiguration: { awsvpcConfiguration: { subnets: config.subnets, securityGroups: config.securityGroups, assignPublicIp: "DISABLED" } },
      propagateTags: "SERVICE",
    });
    expect(services?.[0]?.tags).toContainEqual({ key: "labenv:spec-hash", value: env.service.specHash });
  });

  it("observes exactly the specs and tags it was given, so the core plans nothing", async () => {
    const provider = new AwsProvider(config, clients);
    const ids = await applyAll(provider, env.all.map(createAction));
    const observed = await provider.observe();

    expect(observed.resources.map((r) => r.key).sort()).toEqual(env.all.map((d) => d.key).sort());
    for (const desired of env.all) {
      const o = observed.resources.find((r) => r.key === desired.key);
      expect(o, desired.key).toMatchObject({ kind: desired.kind, environment: desired.environment, id: ids.get(desired.key) });
      expect(o?.spec, desired.key).toEqual(desired.spec);
      expect(o?.tags, desired.key).toEqual(desired.tags);
    }
    const p = plan({ environments: [], resources: env.all }, observed, { maxDeletes: 5 });
    expect(p.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0, unchanged: env.all.length });
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
    const td = createAction(env.taskDefinition as DesiredResource);
    await expect(provider.apply(td, () => undefined)).rejects.toMatchObject({ code: "plan", message: expect.stringContaining(env.home.key) });
  });
});
