// Issue 16 on AWS (aws-sdk-client-mock): a read-only share's access point is created onto the
// shared home with no CreationInfo and the labenv:share tag the DeleteAccessPoint permission
// requires; observe maps it back to its spec (and the home driver leaves it alone); a revoke
// deletes it, and one already gone is a revoke done.
import "aws-sdk-client-mock-vitest/extend";
import {
  CreateAccessPointCommand,
  DeleteAccessPointCommand,
  DescribeAccessPointsCommand,
  type AccessPointDescription,
} from "@aws-sdk/client-efs";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { DRIVERS } from "../../../reconciler/adapters/aws/drivers.js";
import { toUpperTags } from "../../../reconciler/adapters/aws/labenv-tags.js";
import { desire } from "../../../reconciler/core/desire/desire.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { DesiredResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import {
  ACCOUNT,
  CONFIG,
  FILE_SYSTEM,
  REGION,
  mockedAws,
  type MockedAws,
} from "./fixtures/mocked-aws.js";

const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const KEY = "share-access:genomics-core/rnaseq-to-ml-vision/epetrov";

function shareAccess(): DesiredResource<"share-access"> {
  const files = editYaml(exampleFiles(), SHARE, (d) => d.deleteIn(["spec", "snapshot"]));
  const { repository } = loadRepository(files, createSchemaValidator());
  const found = desire(repository, {}, { today: "2026-11-23" }).state.resources.find(
    (r) => r.key === KEY,
  );
  if (!found) throw new Error("no share access desired");
  return found as DesiredResource<"share-access">;
}

const apArn = (id: string) => `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${id}`;

function described(d: DesiredResource<"share-access">, id: string): AccessPointDescription {
  return {
    AccessPointId: id,
    AccessPointArn: apArn(id),
    FileSystemId: FILE_SYSTEM,
    LifeCycleState: "available",
    OwnerId: ACCOUNT,
    PosixUser: { Uid: d.spec.posixUser.uid, Gid: d.spec.posixUser.gid, SecondaryGids: [] },
    RootDirectory: { Path: d.spec.rootDirectory.path },
    Tags: toUpperTags({
      ...d.tags,
      "labenv:share": d.spec.share,
      "labenv:share-member": `${d.spec.lab}/${d.spec.member}`,
      Name: "set by a person",
    }),
  };
}

describe("AWS: a read-only share's access point", () => {
  let aws: MockedAws;
  let desired: DesiredResource<"share-access">;
  let accessPoints: AccessPointDescription[];

  beforeEach(() => {
    aws = mockedAws();
    desired = shareAccess();
    accessPoints = [];
    aws.efs.on(DescribeAccessPointsCommand).callsFake(() => ({ AccessPoints: accessPoints }));
    aws.tagging.on(GetResourcesCommand).callsFake(() => ({
      ResourceTagMappingList: accessPoints.map((a) => ({ ResourceARN: a.AccessPointArn })),
      PaginationToken: "",
    }));
  });

  it("is created onto the shared home without CreationInfo, tagged labenv:share, with a ClientToken", async () => {
    aws.efs.on(CreateAccessPointCommand).callsFake(() => {
      accessPoints.push(described(desired, "fsap-0share"));
      return { AccessPointId: "fsap-0share" };
    });
    const action: Action = {
      outcome: "create",
      kind: "share-access",
      key: KEY,
      environment: desired.environment,
      reason: "test",
      changes: [],
      desired,
    };
    const provider = new AwsProvider(CONFIG, aws.clients);
    expect(await provider.apply(action, () => undefined)).toEqual({ key: KEY, id: "fsap-0share" });
    expect(aws.efs).toHaveReceivedCommandTimes(CreateAccessPointCommand, 1);
    const input = aws.efs.commandCalls(CreateAccessPointCommand)[0]!.args[0].input as {
      ClientToken: string;
      RootDirectory: Record<string, unknown>;
      PosixUser: unknown;
      Tags: { Key: string; Value: string }[];
      FileSystemId: string;
    };
    expect(input.FileSystemId).toBe(FILE_SYSTEM);
    expect(input.RootDirectory).toEqual({ Path: "/labs/genomics-core/environments/rnaseq" });
    expect(input.PosixUser).toEqual({ Uid: 22002, Gid: 20000 });
    expect(input.ClientToken).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(input.Tags.map((t) => [t.Key, t.Value]))).toMatchObject({
      "labenv:lab": "genomics-core",
      "labenv:environment": "genomics-core/rnaseq",
      "labenv:resource": KEY,
      "labenv:share": "genomics-core/rnaseq-to-ml-vision",
      "labenv:share-member": "ml-vision/epetrov",
    });
    expect(aws.efs).not.toHaveReceivedCommand(DeleteAccessPointCommand);
  });

  it("observe maps it back to the spec git wants, and the home driver does not see it", async () => {
    accessPoints = [described(desired, "fsap-0share")];
    const ctx = { config: CONFIG, clients: aws.clients, keyOf: () => undefined };
    const observed = await DRIVERS["share-access"].observe(ctx);
    expect(observed).toEqual([
      {
        kind: "share-access",
        key: KEY,
        environment: "genomics-core/rnaseq",
        id: "fsap-0share",
        spec: desired.spec,
        tags: Object.fromEntries(Object.entries(desired.tags).sort(([a], [b]) => (a < b ? -1 : 1))),
        status: "available",
      },
    ]);
    expect(await DRIVERS["access-point"].observe(ctx)).toEqual([]);
  });

  it("a revoke deletes it; one already gone is done", async () => {
    accessPoints = [described(desired, "fsap-0share")];
    const ctx = { config: CONFIG, clients: aws.clients, keyOf: () => undefined };
    const [observed] = await DRIVERS["share-access"].observe(ctx);
    const action: Action = {
      outcome: "delete",
      kind: "share-access",
      key: KEY,
      environment: observed!.environment,
      reason: "test",
      changes: [],
      observed: observed!,
    };
    const provider = new AwsProvider(CONFIG, aws.clients);
    aws.efs
      .on(DeleteAccessPointCommand)
      .resolvesOnce({})
      .rejects(Object.assign(new Error("gone"), { name: "AccessPointNotFound" }));
    expect(await provider.apply(action, () => undefined)).toEqual({ key: KEY, id: "fsap-0share" });
    expect(await provider.apply(action, () => undefined)).toEqual({ key: KEY, id: "fsap-0share" });
    expect(aws.efs).toHaveReceivedCommandWith(DeleteAccessPointCommand, {
      AccessPointId: "fsap-0share",
    });
  });
});
