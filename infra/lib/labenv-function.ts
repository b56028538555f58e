// LabenvFunction: how every labenv Lambda is built. TypeScript bundled by the
// local esbuild (no Docker) into one ESM file with every dependency inside,
// the AWS SDK included, so the code that runs is the code the lockfile pins,
// not whatever SDK the Lambda runtime ships that month. Node 22 on ARM64, in
// the VPC's private subnets, with its own role and log group.
import { Duration, RemovalPolicy, Validations } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as nodejs from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { join } from "node:path";

export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;

// esbuild's ESM output has no `require`; a few CommonJS dependencies call it.
const ESM_REQUIRE_SHIM =
  "import { createRequire as __labenvCreateRequire } from 'node:module'; const require = __labenvCreateRequire(import.meta.url);";

/** The esbuild options every labenv Lambda is bundled with (the benchmark uses them too). */
export const BUNDLING: nodejs.BundlingOptions = {
  format: nodejs.OutputFormat.ESM,
  target: "node22",
  mainFields: ["module", "main"],
  // Minified with names kept: stack traces still name every function and
  // class. No source map: it would double the zipped size (about 1.1 → 2.2 MB
  // for the SDK clients and Probot) and cost time at every cold start.
  minify: true,
  keepNames: true,
  sourceMap: false,
  banner: ESM_REQUIRE_SHIM,
  bundleAwsSDK: true,
  externalModules: [],
  forceDockerBundling: false,
};

export interface LabenvFunctionProps {
  /** Absolute path of the TypeScript entry file; it exports `handler`. */
  readonly entry: string;
  /** Repository root: holds package-lock.json and tsconfig.json. */
  readonly projectRoot: string;
  readonly description: string;
  readonly timeout: Duration;
  /**
   * Memory in MiB.
   * @default 512
   */
  readonly memorySize?: number;
  /** Names of tables, buckets, the cluster… never a secret value. */
  readonly environment: Readonly<Record<string, string>>;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * Queue receiving asynchronous invocations that failed every retry.
   * @default - none
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Files (relative to `projectRoot`) copied beside the bundle, for code that reads them next
   * to itself (the reconciler's dashboard ships Chart.js's browser build).
   * @default - none
   */
  readonly besideBundle?: readonly string[];
  /**
   * A fixed function name, for a function others must name without referencing it.
   * @default - a generated name
   */
  readonly functionName?: string;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

export class LabenvFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly timeout: Duration;
  /** The function's own log group (metric filters read it). */
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: LabenvFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout;

    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup = logGroup;

    this.role = new iam.Role(this, "Role", {
      description: props.description,
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"),
      ],
    });
    logGroup.grantWrite(this.role);
    Validations.of(this.role).acknowledge({
      id: "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]",
      reason:
        "AWS maintains this policy so Lambda can attach the function to the VPC (network interfaces only); it grants no access to labenv data.",
    });

    this.function = new nodejs.NodejsFunction(this, "Function", {
      entry: props.entry,
      handler: "handler",
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, "package-lock.json"),
      bundling: {
        ...BUNDLING,
        tsconfig: join(props.projectRoot, "tsconfig.json"),
        ...(props.besideBundle?.length ? { commandHooks: copyBeside(props.besideBundle) } : {}),
      },
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      description: props.description,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 512,
      environment: { ...props.environment },
      role: this.role,
      logGroup,
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [props.securityGroup],
      ...(props.deadLetterQueue !== undefined && { deadLetterQueue: props.deadLetterQueue }),
      ...(props.functionName !== undefined && { functionName: props.functionName }),
    });
    Validations.of(this.function).acknowledge({
      id: "AwsSolutions-L1",
      reason:
        "labenv pins Node.js 22, the LTS line its code and tests target; moving to a newer runtime is a deliberate, tested upgrade.",
    });
  }
}

/** esbuild's hooks that copy files from the project into the bundle's directory, as they are. */
function copyBeside(files: readonly string[]): nodejs.ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      files.map((f) => `cp "${join(inputDir, f)}" "${outputDir}/"`),
  };
}
