// Issue 14 item 18 against moto: two live access points for one key (what a
// crash between CreateAccessPoint and the retiring TagResource leaves). Observe
// reports the extra one; the next plan and apply retire it and delete nothing.
import { CreateAccessPointCommand, DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { beforeEach, describe, expect, it } from "vitest";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import {
  applyAll,
  applyPlan,
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "../../adapters/aws/fixtures/environment-resources.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { testClients, warmUpMoto } from "./aws-test-clients.js";

const moto = useMoto({ warmUp: warmUpMoto });

describe("two live access points for one key, against moto (item 18)", () => {
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
      datasets: [],
      logGroup: "/labenv/jupyter",
    });
  });

  it("observe reports the extra one; plan and apply retire it, and both access points remain", async () => {
    const provider = new AwsProvider(config, clients);
    const ids = await applyAll(provider, [createAction(env.home)]);
    const spec = env.home.spec;
    const extra = await clients.efs.send(
      new CreateAccessPointCommand({
        ClientToken: "a replacement cut short",
        FileSystemId: config.fileSystemId,
        PosixUser: { Uid: spec.posixUser.uid, Gid: spec.posixUser.gid },
        RootDirectory: {
          Path: spec.rootDirectory.path,
          CreationInfo: { OwnerUid: 20001, OwnerGid: 5001, Permissions: "0750" },
        },
        Tags: toUpperTags({ ...env.home.tags, "labenv:purpose": "home" }),
      }),
    );
    const observed = await provider.observe();
    const home = observed.resources.find((r) => r.key === env.home.key);
    expect(home?.id).toBe(ids.get(env.home.key));
    expect(home?.duplicates).toEqual([extra.AccessPointId]);

    const desired = { environments: [], resources: [env.home] };
    const p = plan(desired, observed, { maxDeletes: 5 });
    const action = p.stages.flatMap((s) => s.actions).find((a) => a.key === env.home.key);
    expect(action?.outcome).toBe("update");
    await applyPlan(provider, p.stages, observed.resources);

    const all = await clients.efs.send(
      new DescribeAccessPointsCommand({ FileSystemId: config.fileSystemId }),
    );
    expect(all.AccessPoints).toHaveLength(2);
    const retired = all.AccessPoints?.find((a) => a.AccessPointId === extra.AccessPointId);
    expect(retired?.Tags).toContainEqual({
      Key: "labenv:retired",
      Value: ids.get(env.home.key),
    });
    const after = (await provider.observe()).resources.find((r) => r.key === env.home.key);
    expect(after?.id).toBe(ids.get(env.home.key));
    expect(after?.duplicates).toBeUndefined();
  });
});
