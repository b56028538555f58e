// EBS snapshots of /opt/jupyter against moto. moto gap: ECS services never
// start tasks and managed EBS volumes are accepted but ignored, so each test
// creates the volume ECS would have created (same tags) itself. Finding the
// volume through the running task's attachment is covered with
// aws-sdk-client-mock in test/adapters/aws/ebs-snapshot.test.ts.
import { CreateVolumeCommand, DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { applyAll, createAction, desiredResource, environmentResources, type EnvironmentResources } from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { recordCalls, testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });

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
    env = environmentResources({ lab: "genomics-core", env: "rnaseq", uid: 20001, gid: 5001, subnets: config.subnets, securityGroups: config.securityGroups });
    ids = await applyAll(provider, env.all.map(createAction));
  });

  const snapshotOf = (name: string) =>
    desiredResource("ebs-snapshot", `ebs-snapshot:genomics-core/rnaseq/${name}`, "genomics-core/rnaseq", "genomics-core", {
      service: "service:genomics-core/rnaseq",
      description: "paper submission",
      trigger: "request",
    });

  async function createJupyterVolume(): Promise<string> {
    const v = await clients.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${config.region}a`, Size: 50, TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "labenv:service", Value: env.service.key }] }] }),
    );
    return v.VolumeId as string;
  }

  it("snapshots the service's volume with labenv's tags, once", async () => {
    const volumeId = await createJupyterVolume();
    const snapshot = snapshotOf("paper-submission");
    const first = await applyAll(provider, [createAction(snapshot)], ids);

    const { Snapshots } = await clients.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], Filters: [{ Name: "tag:labenv:resource", Values: [snapshot.key] }] }));
    expect(Snapshots).toHaveLength(1);
    expect(Snapshots?.[0]).toMatchObject({ VolumeId: volumeId, Description: "paper submission", SnapshotId: first.get(snapshot.key) });
    expect(Snapshots?.[0]?.Tags).toEqual(expect.arrayContaining([{ Key: "labenv:spec-hash", Value: snapshot.specHash }, { Key: "labenv:lab", Value: "genomics-core" }]));

    const log = recordCalls(clients);
    const again = await applyAll(provider, [createAction(snapshot)], ids);
    expect(log.mutating()).toEqual([]);
    expect(again.get(snapshot.key)).toBe(first.get(snapshot.key));
  });

  it("says which service has no volume to snapshot instead of guessing", async () => {
    await expect(applyAll(provider, [createAction(snapshotOf("too-late"))], ids)).rejects.toMatchObject({
      code: "provider",
      message: expect.stringContaining("no /opt/jupyter volume to snapshot for service:genomics-core/rnaseq"),
    });
  });
});
