// Issue 14 item 18 on AWS (aws-sdk-client-mock): a crash between CreateAccessPoint
// of a replacement and the TagResource that retires the old one leaves two live
// access points for one key. Observe reports the extra one; apply keeps the one
// that matches git and retires every other (TagResource labenv:retired, nothing
// deleted).
import "aws-sdk-client-mock-vitest/extend";
import {
  CreateAccessPointCommand,
  DeleteAccessPointCommand,
  DescribeAccessPointsCommand,
  TagResourceCommand,
  type AccessPointDescription,
} from "@aws-sdk/client-efs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { DRIVERS } from "../../../reconciler/adapters/aws/drivers.js";
import { toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import {
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import {
  ACCOUNT,
  CONFIG,
  FILE_SYSTEM,
  REGION,
  mockedAws,
  type MockedAws,
} from "./fixtures/mocked-aws.js";

const apArn = (id: string) => `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${id}`;

describe("AWS: two live access points for one key (item 18)", () => {
  let aws: MockedAws;
  let env: EnvironmentResources;
  let accessPoints: AccessPointDescription[];

  function described(
    d: DesiredResource,
    id: string,
    overrides: { uid?: number; specHash?: string } = {},
  ): AccessPointDescription {
    const spec = (d as DesiredResource<"access-point">).spec;
    const uid = overrides.uid ?? spec.posixUser.uid;
    return {
      AccessPointId: id,
      AccessPointArn: apArn(id),
      FileSystemId: FILE_SYSTEM,
      LifeCycleState: "available",
      PosixUser: { Uid: uid, Gid: spec.posixUser.gid },
      RootDirectory: {
        Path: spec.rootDirectory.path,
        CreationInfo: {
          OwnerUid: uid,
          OwnerGid: spec.rootDirectory.owner.gid,
          Permissions: spec.rootDirectory.permissions,
        },
      },
      Tags: toUpperTags({
        ...d.tags,
        "labenv:purpose": spec.purpose,
        ...(overrides.specHash !== undefined && { "labenv:spec-hash": overrides.specHash }),
      }),
    };
  }

  beforeEach(() => {
    aws = mockedAws();
    env = environmentResources({
      lab: "ml-vision",
      env: "teaching",
      uid: 40001,
      gid: 7001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
    });
    // The old home (another owner, another spec hash) was not retired before the crash; the new one matches git.
    accessPoints = [
      described(env.home, "fsap-0old", { uid: 40009, specHash: "old" }),
      described(env.home, "fsap-0new"),
    ];
    aws.efs.on(DescribeAccessPointsCommand).callsFake((input: { AccessPointId?: string }) => ({
      AccessPoints: accessPoints.filter(
        (a) => input.AccessPointId === undefined || a.AccessPointId === input.AccessPointId,
      ),
    }));
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: accessPoints.map((a) => ({ ResourceARN: a.AccessPointArn })),
      PaginationToken: "",
    });
    aws.efs.on(TagResourceCommand).resolves({});
  });

  it("observe keeps one and reports the other", async () => {
    const ctx = { config: CONFIG, clients: aws.clients, keyOf: () => undefined };
    const observed = await DRIVERS["access-point"].observe(ctx);
    expect(observed).toHaveLength(1);
    expect(observed[0]?.id).toBe("fsap-0old");
    expect(observed[0]?.duplicates).toEqual(["fsap-0new"]);
  });

  it("apply keeps the one that matches git, creates nothing and retires the other; nothing is deleted", async () => {
    const provider = new AwsProvider(CONFIG, aws.clients);
    const action: Action = {
      outcome: "replace",
      kind: "access-point",
      key: env.home.key,
      environment: env.home.environment,
      reason: "test",
      changes: [],
      desired: env.home,
    };
    const applied = await provider.apply(action, () => undefined);
    expect(applied).toEqual({ key: env.home.key, id: "fsap-0new" });
    expect(aws.efs).not.toHaveReceivedCommand(CreateAccessPointCommand);
    expect(aws.efs).not.toHaveReceivedCommand(DeleteAccessPointCommand);
    expect(aws.efs).toHaveReceivedCommandTimes(TagResourceCommand, 1);
    expect(aws.efs).toHaveReceivedCommandWith(TagResourceCommand, {
      ResourceId: "fsap-0old",
      Tags: [{ Key: "labenv:retired", Value: "fsap-0new" }],
    });
  });
});
