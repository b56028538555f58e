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
import { labenvStackProps } from "../lib/stack-props.js";

const app = new App({ context: { ...LABENV_FEATURE_FLAGS } });
try {
  const settings = readSettings((key) => app.node.tryGetContext(key), process.env);
  new LabenvStack(app, settings.stackName, labenvStackProps(settings));
} catch (error) {
  if (error instanceof InfraSettingsError || error instanceof MissingEntryFileError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
