// An environment's life on moto, driven by the core's own plans: change the
// image, stop it, replace an access point, remove it from git.
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { DescribeServicesCommand, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import type { Plan } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { applyAll, applyPlan, createAction, environmentResources, type EnvironmentOptions } from "../../adapters/aws/fixtures/environment-resources.js";
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
    options = { lab: "climate-dynamics", env: "ocean-heat", uid: 30001, gid: 6001, subnets: config.subnets, securityGroups: config.securityGroups };
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
    return plan({ environments: [], resources: desired }, await provider.observe(), { maxDeletes: 5 });
  }

  it("a new image registers a new revision and moves the service to it; the next plan is empty", async () => {
    const next = environmentResources({ ...options, image: `public.ecr.aws/labenv/genomics@sha256:${"c".repeat(64)}` });
    const applied = await reconcile(next.all);
    expect(applied.summary).toMatchObject({ update: 2, create: 0 });

    const { services } = await clients.ecs.send(new DescribeServicesCommand({ cluster: config.cluster, services: [next.service.spec.name] }));
    expect(services?.[0]?.taskDefinition).toMatch(/task-definition\/labenv-climate-dynamics-ocean-heat:2$/);
    expect((await planAgainst(next.all)).summary).toMatchObject({ unchanged: next.all.length });
  });

  it("stopping the environment scales its service to 0 and nothing else", async () => {
    const stopped = environmentResources({ ...options, running: false });
    const log = recordCalls(clients);
    await reconcile(stopped.all);
    expect(log.mutating()).toEqual(["ecs.UpdateService", "ecs.TagResource"]);
    const { services } = await clients.ecs.send(new DescribeServicesCommand({ cluster: config.cluster, services: [stopped.service.spec.name] }));
    expect(services?.[0]?.desiredCount).toBe(0);
    expect((await planAgainst(stopped.all)).summary).toMatchObject({ unchanged: stopped.all.length });
  });

  it("a changed uid replaces the home access point, keeps the old one, and converges on the next reconcile", async () => {
    const moved = environmentResources({ ...options, uid: 30002 });
    const first = await reconcile(moved.all);
    expect(first.summary).toMatchObject({ replace: 1 });

    const aps = await clients.efs.send(new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }));
    expect(aps.AccessPoints?.map((a) => a.PosixUser?.Uid).sort()).toEqual([30001, 30002]);
    const retired = aps.AccessPoints?.find((a) => a.PosixUser?.Uid === 30001);
    expect(retired?.Tags).toContainEqual(expect.objectContaining({ Key: "labenv:retired" }));

    // The task definition still mounts the old access point: the next plan sees that and registers a new revision.
    const second = await reconcile(moved.all);
    expect(second.stages.find((s) => s.name === "task-definitions")?.actions[0]).toMatchObject({ outcome: "update", changes: [expect.objectContaining({ field: "homeAccessPoint" })] });
    expect((await planAgainst(moved.all)).summary).toMatchObject({ unchanged: moved.all.length });
  });

  it("removing the environment from git deletes the service, deregisters the task definition and keeps the access point", async () => {
    const env = environmentResources(options);
    const removal = await reconcile([]);
    expect(removal.summary).toMatchObject({ delete: 2, skipped: 1 });

    const { services } = await clients.ecs.send(new DescribeServicesCommand({ cluster: config.cluster, services: [env.service.spec.name] }));
    expect(services?.[0]?.status).toBe("INACTIVE");
    const active = await clients.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: env.taskDefinition.spec.family, status: "ACTIVE" }));
    expect(active.taskDefinitionArns).toEqual([]);
    const aps = await clients.efs.send(new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }));
    expect(aps.AccessPoints).toHaveLength(1);
    expect((await provider.observe()).resources.map((r) => r.kind)).toEqual(["access-point"]);

    const log = recordCalls(clients);
    await applyPlan(provider, removal.stages, []);
    expect(log.mutating()).toEqual([]);
  });

  it("refuses to delete an access point even when asked", async () => {
    const observed = await provider.observe();
    const home = observed.resources.find((r) => r.kind === "access-point");
    const asked = { outcome: "delete" as const, kind: "access-point" as const, key: home!.key, environment: home!.environment, reason: "test", changes: [], observed: home };
    await expect(provider.apply(asked, () => undefined)).rejects.toMatchObject({ name: "LabenvError", code: "plan", message: expect.stringContaining("never deletes") });
    const aps = await clients.efs.send(new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }));
    expect(aps.AccessPoints).toHaveLength(1);
  });
});
