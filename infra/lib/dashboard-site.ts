// The published dashboard behind the load balancer: the dashboard Lambda
// (reconciler/lambda/dashboard-handler.ts) as a Lambda target of the Jupyter
// listener at /_labenv/dashboard/, reading only the `dashboard/` objects the
// reconciler publishes. The listener rule sits below the environments' priority
// range (reconciler/core/access/environment-address.ts: 1000–48999), so no
// environment's rule can take its path.
import { Duration } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as elbv2Targets from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import { Construct } from "constructs";
import { LabenvFunction } from "./labenv-function.js";
import type { ObjectStorage } from "./object-storage.js";

/** Where the dashboard is served; the same path the dashboard gate answers under. */
export const DASHBOARD_PATHS = ["/_labenv/dashboard", "/_labenv/dashboard/*"];
/** Below the environments' rules (from 1000), above nothing infra/ routes first. */
export const DASHBOARD_RULE_PRIORITY = 10;

export interface DashboardSiteProps {
  readonly entry: string;
  readonly projectRoot: string;
  readonly listener: elbv2.ApplicationListener;
  readonly loadBalancerArn: string;
  readonly objects: ObjectStorage;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The identity claim holding the lab.yaml member id (default `preferred_username`). */
  readonly memberClaim?: string;
  /**
   * Wraps the forward action in the listener's sign-in (authenticate-cognito or -oidc).
   * Without it every request reaches the function with no signed identity, and the
   * dashboard answers each one with its sign-in page (401): nothing is served unsigned.
   * @default - no sign-in action
   */
  readonly signIn?: (next: elbv2.ListenerAction) => elbv2.ListenerAction;
}

export class DashboardSite extends Construct {
  readonly function: LabenvFunction;
  readonly rule: elbv2.ApplicationListenerRule;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    this.function = new LabenvFunction(this, "Lambda", {
      entry: props.entry,
      projectRoot: props.projectRoot,
      description: "labenv dashboard: serves each signed-in member the sites published for them",
      timeout: Duration.seconds(10),
      memorySize: 256,
      environment: {
        LABENV_OBJECT_BUCKET: props.objects.objectBucket.bucketName,
        LABENV_LOAD_BALANCER_ARN: props.loadBalancerArn,
        LABENV_MEMBER_CLAIM: props.memberClaim ?? "preferred_username",
      },
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
    });
    props.objects.grantReadObjects(this.function.role, ["dashboard/"]);
    const targetGroup = new elbv2.ApplicationTargetGroup(this, "Targets", {
      targets: [new elbv2Targets.LambdaTarget(this.function.function)],
    });
    const forward = elbv2.ListenerAction.forward([targetGroup]);
    this.rule = new elbv2.ApplicationListenerRule(this, "Rule", {
      listener: props.listener,
      priority: DASHBOARD_RULE_PRIORITY,
      conditions: [elbv2.ListenerCondition.pathPatterns(DASHBOARD_PATHS)],
      action: props.signIn ? props.signIn(forward) : forward,
    });
  }
}
