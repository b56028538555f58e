// What `cdk deploy` prints at the end: everything the engineer needs next
// (docs/deploy-aws.md walks through each one).
import { CfnOutput, type Stack } from "aws-cdk-lib";
import type { GithubAppSecrets } from "./github-app.js";

export interface StackOutputValues {
  readonly webhookUrl: string;
  readonly jupyterUrl: string;
  readonly reconcilerFunctionName: string;
  readonly driftFunctionName: string;
  readonly secrets: GithubAppSecrets;
  readonly alarmTopicArn: string;
  readonly infrastructureRoleArn: string;
  /** The `labenv.yaml` sections, in the shape of schemas/labenv-config.schema.json. */
  readonly labenvYaml: Record<string, unknown>;
}

export function addStackOutputs(stack: Stack, values: StackOutputValues): void {
  const output = (id: string, value: string, description: string) =>
    new CfnOutput(stack, id, { value, description });
  output("WebhookUrl", values.webhookUrl, "GitHub App webhook URL");
  output("JupyterUrl", values.jupyterUrl, "Where researchers reach Jupyter");
  output("ReconcilerFunctionName", values.reconcilerFunctionName, "The reconciler Lambda");
  output("DriftFunctionName", values.driftFunctionName, "The drift Lambda");
  output("GithubAppIdSecretArn", values.secrets.appId.secretArn, "Fill with the GitHub App id");
  output(
    "GithubPrivateKeySecretArn",
    values.secrets.privateKey.secretArn,
    "Fill with the GitHub App private key (PEM)",
  );
  output(
    "GithubWebhookSecretArn",
    values.secrets.webhookSecret.secretArn,
    "Generated: paste into the GitHub App's webhook secret",
  );
  output("AlarmTopicArn", values.alarmTopicArn, "Every labenv alarm publishes here");
  output(
    "EcsInfrastructureRoleArn",
    values.infrastructureRoleArn,
    "The role ECS uses to create task EBS volumes",
  );
  output(
    "LabenvYamlAws",
    stack.toJsonString(values.labenvYaml),
    "Paste into labenv.yaml: spec.aws, spec.state and spec.objects",
  );
}
