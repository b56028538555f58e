// Restore drills on a schedule: a rule that invokes the reconciler Lambda in drill mode (its
// input names the mode and the bound), weekly unless -c drillScheduleDays says otherwise, created
// disabled when no repository is given (as the drift schedule), failing into the reconciler's
// dead-letter queue. What a drill calls the reconciler's policy already allows (RunTask of a
// tagged task definition, PassRole of the task, execution and infrastructure roles, the object
// bucket); StopTask is allowed only on drill tasks (reconciler-permissions.test.ts).
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../infra/lib/labenv-settings.js";
import { type SynthesizedLabenv, logicalId, synthLabenv } from "./labenv-test-app.js";

const getAtt = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });

function drillRules(labenv: SynthesizedLabenv) {
  const fn = logicalId(labenv.stack, labenv.stack.reconciler.function.function);
  return Object.values(labenv.template.findResources("AWS::Events::Rule")).filter(
    (r) =>
      r.Properties.ScheduleExpression !== undefined &&
      (r.Properties.Targets as { Arn: unknown }[]).some(
        (t) => JSON.stringify(t.Arn) === JSON.stringify(getAtt(fn)),
      ),
  );
}

describe("the drill schedule", () => {
  let labenv: SynthesizedLabenv;
  let template: Template;
  beforeAll(() => {
    labenv = synthLabenv({ githubRepository: "octo-lab/labenv", githubInstallationId: 4242 });
    template = labenv.template;
  });

  it("invokes the reconciler Lambda weekly in drill mode, at most 2 environments a run, retrying twice into its dead-letter queue", () => {
    expect(template).toBeDefined();
    const rules = drillRules(labenv);
    expect(rules).toHaveLength(1);
    const fn = logicalId(labenv.stack, labenv.stack.reconciler.function.function);
    expect(rules[0]!.Properties).toMatchObject({
      ScheduleExpression: "rate(7 days)",
      State: "ENABLED",
      Targets: [
        {
          Arn: getAtt(fn),
          Input: JSON.stringify({ source: "labenv.drill", maxPerRun: 2 }),
          DeadLetterConfig: {
            Arn: getAtt(logicalId(labenv.stack, labenv.stack.reconciler.deadLetterQueue)),
          },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        },
      ],
    });
  });

  it("follows -c drillScheduleDays and -c drillMaxPerRun", () => {
    const other = synthLabenv({
      githubRepository: "octo-lab/labenv",
      githubInstallationId: 4242,
      drillScheduleDays: 1,
      drillMaxPerRun: 5,
    });
    expect(drillRules(other)[0]!.Properties).toMatchObject({
      ScheduleExpression: "rate(1 day)",
      Targets: [{ Input: JSON.stringify({ source: "labenv.drill", maxPerRun: 5 }) }],
    });
  });

  it("is created disabled when no repository is given (it reads main)", () => {
    expect(drillRules(synthLabenv())[0]!.Properties).toMatchObject({ State: "DISABLED" });
  });
});

describe("its settings", () => {
  const context = (values: Record<string, unknown>) => (key: string) => values[key];
  const region = { CDK_DEFAULT_REGION: "eu-west-1" };

  it("default to weekly, 2 a run", () => {
    expect(readSettings(context({}), region)).toMatchObject({
      drillScheduleDays: 7,
      drillMaxPerRun: 2,
    });
  });

  it.each([
    [{ drillScheduleDays: "0" }, "drillScheduleDays"],
    [{ drillScheduleDays: "1.5" }, "drillScheduleDays"],
    [{ drillMaxPerRun: "50" }, "drillMaxPerRun"],
  ])("rejects %j naming the key %s", (values, key) => {
    expect(() => readSettings(context(values), region)).toThrow(`context "${key}"`);
  });
});
