// Builds the labenv stack the way infra/bin/labenv.ts does, but with the tiny
// fixture handler as every Lambda entry and without CloudFormation's
// built-in validation, so a test file synthesizes in seconds.
import { App, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { fileURLToPath } from "node:url";
import { LABENV_FEATURE_FLAGS } from "../../infra/lib/feature-flags.js";
import { LabenvStack, type LabenvStackProps } from "../../infra/lib/labenv-stack.js";

export const FIXTURE_ENTRY = fileURLToPath(new URL("./fixtures/handler.ts", import.meta.url));
export const TEST_LABS = ["genomics-core", "climate-dynamics", "ml-vision"];
export const TEST_REGION = "eu-west-1";

export interface SynthesizedLabenv {
  readonly app: App;
  readonly stack: LabenvStack;
  readonly template: Template;
}

export function newTestApp(): App {
  return new App({ builtinCloudFormationValidation: false, context: { ...LABENV_FEATURE_FLAGS } });
}

export function synthLabenv(props: Partial<LabenvStackProps> = {}): SynthesizedLabenv {
  const app = newTestApp();
  const stack = new LabenvStack(app, "Labenv", {
    env: { region: TEST_REGION },
    labs: TEST_LABS,
    reconcilerEntry: FIXTURE_ENTRY,
    githubAppEntry: FIXTURE_ENTRY,
    driftEntry: FIXTURE_ENTRY,
    dashboardEntry: FIXTURE_ENTRY,
    ...props,
  });
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<
  string,
  {
    Type: string;
    Properties?: Record<string, unknown>;
    DeletionPolicy?: string;
    UpdateReplacePolicy?: string;
  }
>;

/** Every resource of the template, by logical id. */
export function resourcesOf(template: Template): Resources {
  return template.toJSON().Resources as Resources;
}

/** The logical id CloudFormation gives a construct's main resource. */
export function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}
