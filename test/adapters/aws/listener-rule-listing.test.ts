// Creating listener rules lists the listener's rules once per pass, not once per rule: the
// listing the observe made (and what each create adds to it) answers every create's look-up
// for a rule that already has its paths. Before, each create listed every rule again, which
// made routing 1,000 new environments a million rule records read.
import "aws-sdk-client-mock-vitest/extend";
import {
  AddTagsCommand,
  CreateRuleCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  ModifyRuleCommand,
  type Rule,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { ListenerRuleSpec } from "../../../reconciler/core/model/resources.js";
import { createAction, desiredResource } from "./fixtures/environment-resources.js";
import { ACCOUNT, CONFIG, REGION, mockedAws } from "./fixtures/mocked-aws.js";

const LISTENER = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/labenv/1/2`;
const WAKE = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/labenv-wake/3`;
const groupOf = (env: string) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${env.replace("/", "-")}/4`;

function ruleAction(env: string, priority: number) {
  const spec: ListenerRuleSpec = {
    priority,
    paths: [`/${env}`, `/${env}/*`],
    forward: `target-group:${env}`,
  };
  return createAction(
    desiredResource("listener-rule", `listener-rule:${env}`, env, env.split("/")[0]!, spec),
  );
}

describe("listener rules on AWS: creating many", () => {
  it("lists the listener once for the observe and every create after it, and finds a rule created earlier in the pass by its paths", async () => {
    const aws = mockedAws();
    const created: Rule[] = [];
    aws.elbv2
      .on(DescribeRulesCommand)
      .resolves({
        Rules: [{ RuleArn: `${LISTENER}/default`, IsDefault: true, Priority: "default" }],
      })
      .on(DescribeTagsCommand)
      .resolves({ TagDescriptions: [] })
      .on(CreateRuleCommand)
      .callsFake(
        (input: { Priority: number; Conditions: Rule["Conditions"]; Actions: Rule["Actions"] }) => {
          const rule: Rule = {
            RuleArn: `${LISTENER.replace(":listener/", ":listener-rule/")}/${created.length + 1}`,
            Priority: String(input.Priority),
            Conditions: input.Conditions,
            Actions: input.Actions,
            IsDefault: false,
          };
          created.push(rule);
          return { Rules: [rule] };
        },
      )
      .on(ModifyRuleCommand)
      .resolves({})
      .on(DescribeTargetGroupsCommand)
      .resolves({ TargetGroups: [] })
      .on(AddTagsCommand)
      .resolves({});
    aws.tagging.onAnyCommand().resolves({ ResourceTagMappingList: [] });
    aws.ecs.onAnyCommand().resolves({});
    aws.efs.onAnyCommand().resolves({ AccessPoints: [], FileSystems: [] });
    aws.ec2.onAnyCommand().resolves({});
    aws.backup.onAnyCommand().resolves({});
    aws.ecr.onAnyCommand().resolves({});
    aws.codebuild.onAnyCommand().resolves({});
    const provider = new AwsProvider(
      { ...CONFIG, access: { vpcId: "vpc-0abc", listenerArn: LISTENER, wakeTargetGroupArn: WAKE } },
      aws.clients,
    );
    await provider.observe();
    const envs = Array.from({ length: 12 }, (_, i) => `lab-${i % 3}/env-${i}`);
    const resolve = (key: string) => groupOf(key.slice("target-group:".length));
    const applied = await Promise.all(
      envs.map((env, i) => provider.apply(ruleAction(env, 100 + i), resolve)),
    );
    expect(aws.elbv2).toHaveReceivedCommandTimes(CreateRuleCommand, 12);
    expect(aws.elbv2).toHaveReceivedCommandTimes(DescribeRulesCommand, 1);
    expect(new Set(applied.map((a) => a.id)).size).toBe(12);

    // A rule already on the listener with the same paths (one this pass created) is taken, not made twice.
    const again = await provider.apply(ruleAction(envs[0]!, 100), resolve);
    expect(again.id).toBe(applied[0]!.id);
    expect(aws.elbv2).toHaveReceivedCommandTimes(CreateRuleCommand, 12);
    expect(aws.elbv2).toHaveReceivedCommandTimes(DescribeRulesCommand, 1);
  });
});
