// What observing costs: 1,000 environments served page by page with each
// API's real page size. Lists and bulk describes grow with N/100 (N/1000 for
// snapshots), services with N/10 (DescribeServices takes 10), and task
// definitions with N: ECS has no batch describe for them.
import "aws-sdk-client-mock-vitest/extend";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ObservedState } from "../../../reconciler/core/model/resources.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { installFakeAccount, type FakeAccount } from "./fixtures/fake-account.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

describe("observing 1,000 environments", () => {
  let aws: MockedAws;
  let account: FakeAccount;
  let observed: ObservedState;

  // One observe, three looks at it.
  beforeAll(async () => {
    aws = mockedAws();
    account = installFakeAccount(aws, 1000);
    observed = await new AwsProvider(CONFIG, aws.clients).observe();
  });

  it("finds every resource, normalized to exactly the desired spec", () => {
    expect(observed.resources).toHaveLength(account.desired.length);
    const byKey = new Map(observed.resources.map((r) => [r.key, r]));
    for (const d of account.desired) {
      expect(byKey.get(d.key)?.spec, d.key).toEqual(d.spec);
      expect(byKey.get(d.key)?.tags, d.key).toEqual(d.tags);
    }
  });

  it("costs a bounded number of calls per kind, following every page", () => {
    expect(aws.callCounts()).toEqual({
      "efs.DescribeAccessPoints": 11, // 1,020 access points, 100 a page
      "ec2.DescribeSnapshots": 1, // 250 snapshots, 1,000 a page
      "tagging.GetResources": 1, // 100 recovery points, 100 a page
      "ecs.ListTaskDefinitionFamilies": 10, // 1,000 families, 100 a page
      "ecs.DescribeTaskDefinition": 1000, // one per family: ECS has no batch describe
      "ecs.ListServices": 10, // 1,000 services, 100 a page
      "ecs.DescribeServices": 100, // 10 services a call
    });
    // Everything but task definitions: a few dozen list pages plus the service batches.
    const total = aws.calls().length;
    expect(total - 1000).toBeLessThanOrEqual(135);
  });

  it("describes services at most 10 at a time and task definitions with their tags", () => {
    for (const call of aws.ecs.commandCalls(DescribeServicesCommand)) {
      expect(call.args[0].input.services?.length).toBeLessThanOrEqual(10);
      expect(call.args[0].input.include).toEqual(["TAGS"]);
    }
    expect(aws.ecs).toHaveReceivedCommandWith(DescribeTaskDefinitionCommand, { include: ["TAGS"] });
  });
});
