// "AWS defaults are not drift", one test per kind against moto: a resource
// created from a spec and observed back yields the identical spec. The
// backup-job kind is in test/adapters/aws/aws-defaults-not-drift.test.ts with
// aws-sdk-client-mock, because moto does not implement AWS Backup jobs; that
// file also replays real AWS responses, which carry more defaults than moto's.
import { CreateVolumeCommand } from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import { applyAll, createAction, desiredResource, environmentResources, type EnvironmentResources } from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("AWS defaults are not drift (moto)", () => {
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
        TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "labenv:service", Value: env.service.key }, { Key: "labenv:lab", Value: "ml-vision" }] }],
      }),
    );
    const snapshot = desiredResource("ebs-snapshot", "ebs-snapshot:ml-vision/segmentation/succession-hand-over", env.service.environment, "ml-vision", {
      service: env.service.key,
      description: "before hand-over alice → bob (packages in /opt/jupyter)",
      trigger: "succession",
    });
    await applyAll(provider, [createAction(snapshot)], ids);
    expect(await observedSpecOf(snapshot)).toEqual(snapshot.spec);
  });
});
