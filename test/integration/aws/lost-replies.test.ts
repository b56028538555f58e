// Issue 14 item 17 against moto, with the SDK's real retry middleware: a reply
// lost after RegisterTaskDefinition made a revision must not make a second one,
// and duplicates that exist anyway (revisions, snapshots) are reported by observe.
import { CreateSnapshotCommand, CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { DRIVERS } from "../../../reconciler/adapters/aws/drivers.js";
import { toLowerTags, toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import { registerInput } from "../../../reconciler/adapters/aws/task-definition-shape.js";
import {
  applyAll,
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { REGION, testClients, warmUpMoto } from "./aws-test-clients.js";
import { startLostReplyProxy, type LostReplyProxy } from "./lost-reply-proxy.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("lost replies against moto (item 17)", () => {
  let direct: AwsClients;
  let config: AwsProviderConfig;
  let env: EnvironmentResources;
  let proxy: LostReplyProxy;

  beforeEach(async () => {
    direct = testClients(moto.endpoint);
    config = await createAccountFixtures(direct, moto.endpoint);
    env = environmentResources({
      lab: "genomics-core",
      env: "rnaseq",
      uid: 20001,
      gid: 5001,
      subnets: config.subnets,
      securityGroups: config.securityGroups,
      datasets: [],
      logGroup: "/labenv/jupyter",
      taskRoleArn: "arn:aws:iam::123456789012:role/labenv-task-genomics-core",
      executionRoleArn: "arn:aws:iam::123456789012:role/labenv-task-execution",
    });
    proxy = await startLostReplyProxy(moto.endpoint);
  });
  afterEach(() => proxy.close());

  const revisionsOf = async (family: string) =>
    (await direct.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family })))
      .taskDefinitionArns ?? [];

  it("RegisterTaskDefinition's reply lost: one revision in the family, and apply returns it", async () => {
    const through = new AwsProvider(config, testClients(proxy.endpoint, { maxAttempts: 3 }));
    const ids = await applyAll(through, [createAction(env.home)]);
    proxy.lose("RegisterTaskDefinition", 2);
    const applied = await through.apply(createAction(env.taskDefinition), (k) => ids.get(k));
    const family = env.taskDefinition.spec.family;
    const revisions = await revisionsOf(family);
    expect(revisions).toHaveLength(1);
    expect(applied.id).toBe(revisions[0]);
    expect(proxy.reached).toBe(1);

    const observed = await new AwsProvider(config, direct).observe();
    const td = observed.resources.find((r) => r.kind === "task-definition");
    expect(td?.id).toBe(revisions[0]);
    expect(td?.duplicates).toBeUndefined();
  });

  it("observe reports a duplicate revision (same key and spec hash) and a duplicate snapshot", async () => {
    const provider = new AwsProvider(config, direct);
    const ids = await applyAll(provider, [
      createAction(env.home),
      createAction(env.taskDefinition),
    ]);
    const td = env.taskDefinition;
    // What a blind SDK retry leaves: the same registration twice.
    const again = await direct.ecs.send(
      new RegisterTaskDefinitionCommand(
        registerInput(td, { home: ids.get(env.home.key)!, datasets: [] }, config),
      ),
    );
    const observed = await provider.observe();
    const seen = observed.resources.find((r) => r.kind === "task-definition");
    expect(seen?.id).toBe(again.taskDefinition?.taskDefinitionArn);
    expect(seen?.duplicates).toEqual([ids.get(td.key)]);
    expect(toLowerTags(td.tags)).toContainEqual({ key: "labenv:resource", value: td.key });

    const volume = await direct.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 10 }),
    );
    const tags = toUpperTags({
      ...env.service.tags,
      "labenv:resource": "ebs-snapshot:genomics-core/rnaseq/paper",
      "labenv:service": env.service.key,
    });
    const snaps: string[] = [];
    for (let i = 0; i < 2; i++)
      snaps.push(
        (
          await direct.ec2.send(
            new CreateSnapshotCommand({
              VolumeId: volume.VolumeId,
              TagSpecifications: [{ ResourceType: "snapshot", Tags: tags }],
            }),
          )
        ).SnapshotId!,
      );
    const ctx = { config, clients: direct, keyOf: () => undefined };
    const [snapshot] = await DRIVERS["ebs-snapshot"].observe(ctx);
    expect([snapshot?.id, ...(snapshot?.duplicates ?? [])].sort()).toEqual([...snaps].sort());
    expect(snapshot?.duplicates).toHaveLength(1);
  });
});
