// cdk-nag's AwsSolutions pack over the whole app: no finding left
// unacknowledged, and every acknowledgement says why in a sentence.
import { App, Stack, Validations } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { type SynthesizedLabenv, synthLabenv } from "./labenv-test-app.js";

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

let labenv: SynthesizedLabenv;
let acknowledgements: Acknowledgement[];
beforeAll(() => {
  labenv = synthLabenv();
  acknowledgements = collectAcknowledgements(labenv.app);
});

// labenv's own acknowledgements of AwsSolutions findings (CDK adds some of its
// own for its built-in CloudFormation checks).
function collectAcknowledgements(root: IConstruct): Acknowledgement[] {
  const all = root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
  return all.filter(({ id }) => id.includes("AwsSolutions-"));
}

describe("AwsSolutions checks", () => {
  it("leave no unacknowledged finding, error or warning", () => {
    const report = new AwsSolutionsChecks().validateScope(labenv.app);
    const findings = report.violations.map(
      (v) =>
        `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(", ")}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it("still find problems: an unencrypted, unlogged bucket fails them", () => {
    const app = new App({ builtinCloudFormationValidation: false });
    new s3.Bucket(new Stack(app, "Careless"), "Bucket", { enforceSSL: false });
    const rules = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(["AwsSolutions-S1", "AwsSolutions-S10"]));
  });
});

describe("acknowledgements", () => {
  it("exist, and each gives its reason in a full sentence", () => {
    expect(acknowledgements.length).toBeGreaterThan(10);
    for (const { path, id, reason } of acknowledgements) {
      expect(reason, `${id} at ${path}`).toMatch(/^\S.{39,}[.)]$/s);
    }
  });

  it("name single IAM findings, never a whole IAM rule", () => {
    const blanket = acknowledgements.filter(({ id }) =>
      /^(annotation::)?AwsSolutions-IAM[45]$/i.test(id),
    );
    expect(blanket).toEqual([]);
  });

  it("sit on the resource they excuse, never on the stack or the app", () => {
    const broad = acknowledgements.filter(
      ({ path }) => path === "" || path === labenv.stack.node.path,
    );
    expect(broad).toEqual([]);
  });

  it("justify the Lambda runtime pin, GitHub-issued secrets and the dead-letter queue", () => {
    const ids = new Set(acknowledgements.map(({ id }) => id.replace(/^annotation::/i, "")));
    for (const id of [
      "AwsSolutions-L1",
      "AwsSolutions-SMG4",
      "AwsSolutions-SQS3",
      "AwsSolutions-S1",
    ])
      expect(ids).toContain(id);
  });
});
