// `cdk synth` / `cdk deploy` entry point: reads the context into settings,
// builds the labenv stack, and runs cdk-nag's AwsSolutions checks on it (an
// unacknowledged finding fails the synth). Bad settings or a missing Lambda
// entry file end the process with one clear line and exit code 1.
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { MissingEntryFileError } from "../lib/entry-file.js";
import { LABENV_FEATURE_FLAGS } from "../lib/feature-flags.js";
import { InfraSettingsError, readSettings } from "../lib/labenv-settings.js";
import { LabenvStack } from "../lib/labenv-stack.js";

const app = new App({ context: { ...LABENV_FEATURE_FLAGS } });
try {
  const settings = readSettings((key) => app.node.tryGetContext(key), process.env);
  new LabenvStack(app, settings.stackName, {
    env: { region: settings.region, ...(settings.account !== undefined && { account: settings.account }) },
    description: "labenv control plane: network, research storage, state, compute, reconciler and GitHub App",
    labs: settings.labs,
    reconcilerEntry: settings.reconcilerEntry,
    githubAppEntry: settings.githubAppEntry,
    vpcEndpoints: settings.vpcEndpoints,
    natGateways: settings.natGateways,
    internetFacing: settings.internetFacing,
    driftScheduleMinutes: settings.driftScheduleMinutes,
    ...(settings.vpcId !== undefined && { vpcId: settings.vpcId }),
    ...(settings.certificateArn !== undefined && { certificateArn: settings.certificateArn }),
    ...(settings.ingressCidrs !== undefined && { ingressCidrs: settings.ingressCidrs }),
    ...(settings.alarmEmail !== undefined && { alarmEmail: settings.alarmEmail }),
  });
} catch (error) {
  if (error instanceof InfraSettingsError || error instanceof MissingEntryFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
