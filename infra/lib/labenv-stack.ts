// LabenvStack: everything labenv needs in one AWS account, deployed once and
// never changed by the reconciler (the frozen control plane).
//
// One stack composed of constructs rather than several stacks: the parts
// reference each other densely (security groups, the key, the cluster, the
// file system), and cross-stack references become CloudFormation exports that
// can be neither changed nor removed while another stack imports them, which
// makes the control plane harder to evolve, not safer. One stack also means one
// `cdk deploy`, one rollback, and one place to read. What protects the data is
// RETAIN on every resource holding it, not stack boundaries.
//
// Construct ids below are part of each resource's identity: renaming one
// replaces the resource. Do not rename them.
import { Annotations, Stack, Tags } from "aws-cdk-lib";
import type * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as elbv2Actions from "aws-cdk-lib/aws-elasticloadbalancingv2-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AlarmTopic } from "./alarm-topic.js";
import { LabenvCompute } from "./compute.js";
import { LabenvDataKey } from "./data-key.js";
import { Drift, DRIFT_OBJECT_PREFIXES } from "./drift.js";
import { requireEntryFile } from "./entry-file.js";
import { EnvironmentImages } from "./environment-images.js";
import { GithubApp, GithubAppSecrets } from "./github-app.js";
import { listenerPort } from "./jupyter-load-balancer.js";
import { DashboardSite } from "./dashboard-site.js";
import {
  DEFAULT_DASHBOARD_ENTRY,
  DEFAULT_DRIFT_ENTRY,
  DEFAULT_GITHUB_APP_ENTRY,
  DEFAULT_LABS,
  DEFAULT_RECONCILER_ENTRY,
  DEFAULT_WAKE_ENTRY,
} from "./labenv-settings.js";
import { LabenvNetwork } from "./network.js";
import { ObjectStorage } from "./object-storage.js";
import { Reconciler } from "./reconciler.js";
import { ResearchStorage } from "./research-storage.js";
import type { ReconcilerPermissionsProps } from "./reconciler-permissions.js";
import { type ControlPlaneValues, ENV, controlPlaneEnvironment } from "./runtime-environment.js";
import { StateTables } from "./state-tables.js";
import { controlPlaneSummary } from "./control-plane-summary.js";
import { ResearcherAccess } from "./researcher-access.js";
import { addStackOutputs } from "./stack-outputs.js";
import type { LabenvStackProps } from "./stack-props.js";
import { COMPONENT_TAG } from "./tags.js";

export type { LabenvStackProps } from "./stack-props.js";

/** The repository root, two levels above infra/lib. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export class LabenvStack extends Stack {
  readonly network: LabenvNetwork;
  readonly research: ResearchStorage;
  readonly objects: ObjectStorage;
  readonly state: StateTables;
  readonly compute: LabenvCompute;
  readonly reconciler: Reconciler;
  readonly drift: Drift;
  readonly githubApp: GithubApp;
  readonly images: EnvironmentImages;
  readonly dashboard: DashboardSite;

  constructor(scope: Construct, id: string, props: LabenvStackProps = {}) {
    super(scope, id, { analyticsReporting: false, ...props });
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;
    const reconcilerEntry = requireEntryFile(
      "reconciler Lambda",
      projectRoot,
      props.reconcilerEntry ?? DEFAULT_RECONCILER_ENTRY,
    );
    const githubAppEntry = requireEntryFile(
      "GitHub App Lambda",
      projectRoot,
      props.githubAppEntry ?? DEFAULT_GITHUB_APP_ENTRY,
    );
    const driftEntry = requireEntryFile(
      "drift Lambda",
      projectRoot,
      props.driftEntry ?? DEFAULT_DRIFT_ENTRY,
    );
    const dashboardEntry = requireEntryFile(
      "dashboard Lambda",
      projectRoot,
      props.dashboardEntry ?? DEFAULT_DASHBOARD_ENTRY,
    );
    const labs = props.labs ?? DEFAULT_LABS;
    if (props.internetFacing === true && props.certificateArn === undefined) {
      throw new Error("labenv infra: an internet-facing load balancer needs a certificateArn");
    }
    if ((props.githubRepository === undefined) !== (props.githubInstallationId === undefined)) {
      throw new Error("labenv infra: githubRepository and githubInstallationId go together");
    }
    Tags.of(this).add(COMPONENT_TAG, "control-plane");

    const key = new LabenvDataKey(this, "DataKey").key;
    this.objects = new ObjectStorage(this, "Objects", { encryptionKey: key });
    this.network = new LabenvNetwork(this, "Network", {
      ...(props.vpcId !== undefined && { vpcId: props.vpcId }),
      vpcEndpoints: props.vpcEndpoints ?? props.vpcId === undefined,
      natGateways: props.natGateways ?? 1,
      internetFacing: props.internetFacing ?? false,
      listenerPort: listenerPort(props.certificateArn),
      ...(props.ingressCidrs !== undefined && { ingressCidrs: props.ingressCidrs }),
      flowLogBucket: this.objects.logBucket,
    });
    const network = this.network;
    this.research = new ResearchStorage(this, "Research", {
      vpc: network.vpc,
      subnets: network.taskSubnets,
      securityGroup: network.fileSystemSecurityGroup,
      encryptionKey: key,
    });
    this.state = new StateTables(this, "State", { encryptionKey: key });
    this.compute = new LabenvCompute(this, "Compute", {
      labs,
      vpc: network.vpc,
      loadBalancerSubnets: network.loadBalancerSubnets,
      loadBalancerSecurityGroup: network.loadBalancerSecurityGroup,
      fileSystem: this.research.fileSystem,
      objects: this.objects,
      dataKey: key,
      ...(props.certificateArn !== undefined && { certificateArn: props.certificateArn }),
      internetFacing: props.internetFacing ?? false,
    });
    if (props.certificateArn === undefined) {
      Annotations.of(this).addWarningV2(
        "labenv:internal-http",
        "No certificateArn given: the Jupyter load balancer is internal and listens on plain HTTP port 80, reachable only from inside the VPC (pass -c certificateArn=… for HTTPS).",
      );
    }

    this.images = new EnvironmentImages(this, "Images", {
      labs,
      objects: this.objects,
      encryptionKey: key,
    });

    const alarms = new AlarmTopic(this, "Alarms", {
      encryptionKey: key,
      ...(props.alarmEmail !== undefined && { email: props.alarmEmail }),
    });
    const secrets = new GithubAppSecrets(this, "GithubAppSecrets");
    const compute = this.compute;
    // Researcher access: the wake page invokes the reconciler by a fixed name, since the
    // reconciler refers to the wake target group, which refers to the wake page.
    const ra = props.researcherAccess;
    if (ra !== undefined && props.certificateArn === undefined)
      throw new Error(
        "labenv infra: researcher access needs a certificateArn (the load balancer signs researchers in on HTTPS only)",
      );
    const reconcilerFunctionName =
      ra !== undefined ? `${this.stackName}-reconciler`.slice(0, 64) : undefined;
    const access =
      ra === undefined
        ? undefined
        : new ResearcherAccess(this, "Access", {
            domainName: ra.domainName,
            cognitoDomainPrefix: ra.cognitoDomainPrefix,
            ...(ra.directory !== undefined && { directory: ra.directory }),
            ...(ra.memberAttribute !== undefined && { memberAttribute: ra.memberAttribute }),
            secureBrowser: ra.secureBrowser ?? false,
            vpc: network.vpc,
            subnets: network.taskSubnets,
            loadBalancerSecurityGroup: network.loadBalancerSecurityGroup,
            listenerPort: listenerPort(props.certificateArn),
            wakeEntry: requireEntryFile(
              "wake Lambda",
              projectRoot,
              props.wakeEntry ?? DEFAULT_WAKE_ENTRY,
            ),
            projectRoot,
            wakeEnvironment: {
              [ENV.cluster]: compute.cluster.clusterName,
              [ENV.stateTable]: this.state.state.tableName,
              [ENV.listenerArn]: compute.loadBalancer.listener.listenerArn,
              [ENV.reconcilerFunction]: reconcilerFunctionName!,
              LABENV_WAKE_TARGET_GROUP_NAME: `${this.stackName}-wake`.slice(0, 32),
            },
            wakeTargetGroupName: `${this.stackName}-wake`.slice(0, 32),
            reconcilerFunctionName: reconcilerFunctionName!,
            functionSecurityGroup: network.functionSecurityGroup,
            clusterArn: compute.cluster.clusterArn,
            clusterName: compute.cluster.clusterName,
            listenerArn: compute.loadBalancer.listener.listenerArn,
          });
    if (access !== undefined)
      this.state.grantReadWrite(access.wakeFunction.role, [this.state.state]);
    const taskRoleArns = new Map(
      [...compute.taskRoles.byLab].map(([lab, role]) => [lab, role.roleArn]),
    );
    const values: ControlPlaneValues = {
      labs,
      cluster: compute.cluster.clusterName,
      taskSubnetIds: network.vpc.selectSubnets(network.taskSubnets).subnetIds,
      taskSecurityGroupIds: [network.jupyterSecurityGroup.securityGroupId],
      fileSystemId: this.research.fileSystem.fileSystemId,
      taskExecutionRoleArn: compute.executionRole.roleArn,
      taskRoleArns,
      taskRoleBoundaryArn: compute.taskRoles.environmentBoundary.managedPolicyArn,
      taskLogGroup: compute.taskLogGroup.logGroupName,
      infrastructureRoleArn: compute.infrastructureRole.roleArn,
      dataKeyArn: key.keyArn,
      backupVault: this.research.vault.backupVaultName,
      backupRoleArn: this.research.backupRole.roleArn,
      restoreMoveRoleArn: compute.restoreMoveRole.roleArn,
      listenerArn: compute.loadBalancer.listener.listenerArn,
      vpcId: network.vpc.vpcId,
      ...(access !== undefined && {
        wakeTargetGroupArn: access.wakeTargetGroup.targetGroupArn,
        signIn: {
          userPoolArn: access.userPool.userPoolArn,
          userPoolClientId: access.client.userPoolClientId,
          userPoolDomain: access.domain.domainName,
        },
        address: `https://${ra!.domainName}`,
      }),
      stateTable: this.state.state.tableName,
      runsTable: this.state.runs.tableName,
      leasesTable: this.state.leases.tableName,
      driftTable: this.state.drift.tableName,
      objectBucket: this.objects.objectBucket.bucketName,
      imageBuildProject: this.images.project.projectName,
      githubAppIdSecretArn: secrets.appId.secretArn,
      githubPrivateKeySecretArn: secrets.privateKey.secretArn,
      githubWebhookSecretArn: secrets.webhookSecret.secretArn,
      ...(props.githubRepository !== undefined && { githubRepository: props.githubRepository }),
      ...(props.githubInstallationId !== undefined && {
        githubInstallationId: props.githubInstallationId,
      }),
    };
    const environment = controlPlaneEnvironment(this, values);
    const repositoryKnown = props.githubRepository !== undefined;
    if (!repositoryKnown) {
      Annotations.of(this).addWarningV2(
        "labenv:no-repository",
        "No githubRepository/githubInstallationId given: the drift schedule is created disabled (so is the drill schedule), and the drift Lambda and the reconciler's task-change runs cannot read the repository (pass -c githubRepository=owner/name -c githubInstallationId=… once the GitHub App is installed).",
      );
    }
    const permissions: ReconcilerPermissionsProps = {
      labs,
      clusterName: compute.cluster.clusterName,
      clusterArn: compute.cluster.clusterArn,
      fileSystemArn: this.research.fileSystem.fileSystemArn,
      backupVaultArn: this.research.vault.backupVaultArn,
      listenerArn: compute.loadBalancer.listener.listenerArn,
      taskRoleArns: [...taskRoleArns.values(), compute.executionRole.roleArn],
      environmentTaskRoleBoundaryArn: compute.taskRoles.environmentBoundary.managedPolicyArn,
      infrastructureRoleArn: compute.infrastructureRole.roleArn,
      backupRoleArn: this.research.backupRole.roleArn,
      restoreMoveRoleArn: compute.restoreMoveRole.roleArn,
      imageBuildProjectArn: this.images.project.projectArn,
      imageRepositoryArns: [...this.images.repositories.values()].map((r) => r.repositoryArn),
    };

    this.reconciler = new Reconciler(this, "Reconciler", {
      entry: reconcilerEntry,
      projectRoot,
      environment,
      vpc: network.vpc,
      subnets: network.taskSubnets,
      securityGroup: network.functionSecurityGroup,
      cluster: compute.cluster,
      alarmTopic: alarms.topic,
      permissions,
      drillScheduleDays: props.drillScheduleDays ?? 7,
      drillMaxPerRun: props.drillMaxPerRun ?? 2,
      drillScheduleEnabled: repositoryKnown,
      ...(reconcilerFunctionName !== undefined && { functionName: reconcilerFunctionName }),
    });
    const reconcilerRole = this.reconciler.function.role;
    // Creating a rule with an authenticate-cognito action reads the app client.
    if (access !== undefined)
      reconcilerRole.addToPolicy(
        new iam.PolicyStatement({
          sid: "ReadSignInClient",
          actions: ["cognito-idp:DescribeUserPoolClient"],
          resources: [access.userPool.userPoolArn],
        }),
      );
    this.state.grantReadWrite(reconcilerRole);
    this.objects.grantReadObjects(reconcilerRole);
    this.objects.grantWriteObjects(reconcilerRole);
    this.objects.grantLockManifests(reconcilerRole);
    for (const secret of secrets.all) secret.grantRead(reconcilerRole);

    this.drift = new Drift(this, "Drift", {
      entry: driftEntry,
      projectRoot,
      environment,
      vpc: network.vpc,
      subnets: network.taskSubnets,
      securityGroup: network.functionSecurityGroup,
      alarmTopic: alarms.topic,
      scheduleMinutes: props.driftScheduleMinutes ?? 15,
      scheduleEnabled: repositoryKnown,
      permissions,
    });
    // The lease, applied records and runs live in the state table (DynamoStateStore);
    // observations, drift reports and memory, and the task definition memo in the bucket;
    // the App's id and private key let it read main and open drift pull requests.
    const driftRole = this.drift.function.role;
    this.state.grantReadWrite(driftRole, [this.state.state]);
    this.objects.grantReadObjects(driftRole, DRIFT_OBJECT_PREFIXES.read);
    this.objects.grantWriteObjects(driftRole, DRIFT_OBJECT_PREFIXES.write);
    for (const secret of [secrets.appId, secrets.privateKey]) secret.grantRead(driftRole);

    this.githubApp = new GithubApp(this, "GithubApp", {
      entry: githubAppEntry,
      projectRoot,
      environment: {
        ...environment,
        [ENV.reconcilerFunction]: this.reconciler.function.function.functionName,
        [ENV.driftFunction]: this.drift.function.function.functionName,
      },
      secrets,
      vpc: network.vpc,
      subnets: network.taskSubnets,
      securityGroup: network.functionSecurityGroup,
      reconciler: this.reconciler.function.function,
      drift: this.drift.function.function,
      alarmTopic: alarms.topic,
    });
    const appRole = this.githubApp.function.role;
    this.state.grantRead(appRole);
    this.objects.grantReadObjects(appRole);

    // The published dashboard, read by each signed-in member at /_labenv/dashboard/.
    this.dashboard = new DashboardSite(this, "Dashboard", {
      entry: dashboardEntry,
      projectRoot,
      listener: compute.loadBalancer.listener,
      loadBalancerArn: compute.loadBalancer.loadBalancer.loadBalancerArn,
      objects: this.objects,
      vpc: network.vpc,
      subnets: network.taskSubnets,
      securityGroup: network.functionSecurityGroup,
      // Behind the same sign-in as the environments, when researcher access is deployed.
      ...(access !== undefined && {
        signIn: (next: elbv2.ListenerAction) =>
          new elbv2Actions.AuthenticateCognitoAction({
            userPool: access.userPool,
            userPoolClient: access.client,
            userPoolDomain: access.domain,
            next,
          }),
      }),
    });

    addStackOutputs(this, {
      webhookUrl: this.githubApp.webhookUrl.url,
      jupyterUrl: `${compute.loadBalancer.protocol}://${compute.loadBalancer.loadBalancer.loadBalancerDnsName}`,
      reconcilerFunctionName: this.reconciler.function.function.functionName,
      driftFunctionName: this.drift.function.function.functionName,
      secrets,
      alarmTopicArn: alarms.topic.topicArn,
      infrastructureRoleArn: compute.infrastructureRole.roleArn,
      labenvYaml: controlPlaneSummary(this.region, values),
    });
  }
}
