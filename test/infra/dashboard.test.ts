// The published dashboard in the control plane: a Lambda target of the Jupyter listener at
// /_labenv/dashboard/, on a rule below every environment's priority, told the bucket and the
// load balancer whose signature it trusts, allowed to read only the dashboard's objects; and the
// reconciler's bundle carries Chart.js for the dashboard it publishes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RULE_PRIORITIES } from "../../reconciler/core/access/environment-address.js";
import { CHART_JS_FILE } from "../../reconciler/cli/dashboard-inputs.js";
import { DASHBOARD_PATH } from "../../reconciler/adapters/access/dashboard-gate.js";
import { DASHBOARD_RULE_PRIORITY } from "../../infra/lib/dashboard-site.js";
import { DEFAULT_DASHBOARD_ENTRY } from "../../infra/lib/labenv-settings.js";
import { PROJECT_ROOT } from "../../infra/lib/labenv-stack.js";
import {
  FIXTURE_ENTRY,
  resourcesOf,
  synthLabenv,
  type SynthesizedLabenv,
} from "./labenv-test-app.js";

let labenv: SynthesizedLabenv;
let resources: ReturnType<typeof resourcesOf>;
beforeAll(() => {
  labenv = synthLabenv();
  resources = resourcesOf(labenv.template);
}, 120_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalId = (c: { node: { defaultChild?: unknown } }) =>
  labenv.stack.getLogicalId(c.node.defaultChild as never);

describe("the dashboard behind the load balancer", () => {
  it("routes /_labenv/dashboard/ to a Lambda target, below every environment's rule", () => {
    const rules = ofType("AWS::ElasticLoadBalancingV2::ListenerRule");
    expect(rules).toHaveLength(1);
    const props = rules[0]![1].Properties as {
      Priority: number;
      Conditions: { Field: string; PathPatternConfig: { Values: string[] } }[];
      Actions: { Type: string; TargetGroupArn: unknown }[];
    };
    expect(props.Priority).toBe(DASHBOARD_RULE_PRIORITY);
    expect(props.Priority).toBeLessThan(RULE_PRIORITIES.first);
    expect(props.Conditions[0]!.PathPatternConfig.Values).toEqual([
      DASHBOARD_PATH.slice(0, -1),
      `${DASHBOARD_PATH}*`,
    ]);
    const groups = ofType("AWS::ElasticLoadBalancingV2::TargetGroup").filter(
      ([, g]) => (g.Properties as { TargetType?: string }).TargetType === "lambda",
    );
    expect(groups).toHaveLength(1);
    expect(props.Actions.at(-1)).toEqual({
      Type: "forward",
      TargetGroupArn: { Ref: groups[0]![0] },
    });
  });

  it("tells the function the bucket and the load balancer whose signed identity it trusts", () => {
    const fn = resources[logicalId(labenv.stack.dashboard.function.function)]!;
    const env = (fn.Properties as { Environment: { Variables: Record<string, unknown> } })
      .Environment.Variables;
    expect(env.LABENV_OBJECT_BUCKET).toEqual({ Ref: logicalId(labenv.stack.objects.objectBucket) });
    expect(env.LABENV_LOAD_BALANCER_ARN).toEqual({
      Ref: logicalId(labenv.stack.compute.loadBalancer.loadBalancer),
    });
  });

  it("lets the function read the dashboard's objects and nothing else", () => {
    const role = logicalId(labenv.stack.dashboard.function.role);
    const statements = ofType("AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify((p.Properties as { Roles: unknown }).Roles).includes(role))
      .flatMap(
        ([, p]) =>
          (
            p.Properties as {
              PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] };
            }
          ).PolicyDocument.Statement,
      );
    const reads = statements.filter((s) => JSON.stringify(s.Action).includes("s3:GetObject"));
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]!.Resource)).toContain("/dashboard/*");
    expect(statements.some((s) => JSON.stringify(s.Action).match(/s3:PutObject|s3:Delete/))).toBe(
      false,
    );
  });

  it(`defaults to ${DEFAULT_DASHBOARD_ENTRY}, which exports handler`, () => {
    expect(readFileSync(join(PROJECT_ROOT, DEFAULT_DASHBOARD_ENTRY), "utf8")).toMatch(
      /^export async function handler\(/m,
    );
  });

  it("copies Chart.js beside the reconciler's bundle, where the dashboard it publishes reads it", () => {
    const fn = resources[logicalId(labenv.stack.reconciler.function.function)]!;
    const key = (fn.Properties as { Code: { S3Key: string } }).Code.S3Key.replace(/\.zip$/, "");
    const beside = join(labenv.app.outdir, `asset.${key}`, CHART_JS_FILE);
    expect(existsSync(beside)).toBe(true);
    expect(readFileSync(beside, "utf8")).toContain("Chart.js");
  });
});

describe("with researcher access deployed", () => {
  it("signs readers in with the environments' user pool before the dashboard function sees them", () => {
    const withAccess = synthLabenv({
      certificateArn:
        "arn:aws:acm:eu-west-1:123456789012:certificate/0f6e4a2c-1b3d-4e5f-8a9b-c0d1e2f3a4b5",
      internetFacing: false,
      wakeEntry: FIXTURE_ENTRY,
      researcherAccess: {
        domainName: "jupyter.westtek.edu",
        cognitoDomainPrefix: "labenv-westtek",
      },
    });
    const all = resourcesOf(withAccess.template);
    const rule = Object.values(all).find(
      (r) =>
        r.Type === "AWS::ElasticLoadBalancingV2::ListenerRule" &&
        (r.Properties as { Priority?: number }).Priority === DASHBOARD_RULE_PRIORITY,
    )!;
    const actions = (rule.Properties as { Actions: { Type: string; Order: number }[] }).Actions;
    expect(actions.map((a) => a.Type)).toEqual(["authenticate-cognito", "forward"]);
    const pool = Object.entries(all).find(([, r]) => r.Type === "AWS::Cognito::UserPool")![0];
    expect(JSON.stringify(actions[0])).toContain(pool);
  });
});
