// What a LabenvStack can be asked for, and how the `cdk -c key=value`
// settings become those props: the one place the command line meets the
// stack, shared by bin/labenv.ts and the tests.
import type { StackProps } from "aws-cdk-lib";
import type { LabenvSettings } from "./labenv-settings.js";
import type { DirectoryProvider } from "./researcher-access.js";

export interface LabenvStackProps extends StackProps {
  /**
   * Repository root: entry paths are relative to it, and it holds package-lock.json.
   * @default - the repository holding infra/ (PROJECT_ROOT in labenv-stack.ts)
   */
  readonly projectRoot?: string;
  /**
   * Labs that get a task role; the reconciler may only tag resources with these.
   * @default DEFAULT_LABS
   */
  readonly labs?: readonly string[];
  /**
   * Entry file of the reconciler Lambda (exports `handler`).
   * @default "reconciler/lambda/handler.ts"
   */
  readonly reconcilerEntry?: string;
  /**
   * Entry file of the GitHub App Lambda (exports `handler`).
   * @default "github-app/lambda.ts"
   */
  readonly githubAppEntry?: string;
  /**
   * Entry file of the drift Lambda (exports `handler`).
   * @default "reconciler/lambda/drift-handler.ts"
   */
  readonly driftEntry?: string;
  /**
   * Entry file of the dashboard Lambda (exports `handler`).
   * @default "reconciler/lambda/dashboard-handler.ts"
   */
  readonly dashboardEntry?: string;
  /**
   * `owner/name` of the labenv repository on GitHub, read through the GitHub
   * App's installation by the scheduled drift run and by the reconciler after
   * an ECS task change. Without it (and `githubInstallationId`) the drift
   * schedule is created disabled.
   * @default - none
   */
  readonly githubRepository?: string;
  /**
   * The GitHub App's installation id on `githubRepository`.
   * @default - none
   */
  readonly githubInstallationId?: number;
  /**
   * Existing VPC to use.
   * @default - a new VPC
   */
  readonly vpcId?: string;
  /**
   * Create interface and gateway VPC endpoints.
   * @default true
   */
  readonly vpcEndpoints?: boolean;
  /**
   * NAT gateways of a new VPC.
   * @default 1
   */
  readonly natGateways?: number;
  /**
   * ACM certificate ARN for an HTTPS listener.
   * @default - internal load balancer with an HTTP listener
   */
  readonly certificateArn?: string;
  /**
   * Put the load balancer on the internet (needs `certificateArn`).
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * CIDRs allowed to reach the load balancer.
   * @default - the VPC's CIDR
   */
  readonly ingressCidrs?: readonly string[];
  /**
   * E-mail address subscribed to the alarm topic.
   * @default - no subscription
   */
  readonly alarmEmail?: string;
  /**
   * Minutes between scheduled drift runs (the drift Lambda).
   * @default 15
   */
  readonly driftScheduleMinutes?: number;
  /**
   * Days between scheduled restore drills (the reconciler in drill mode), and how many
   * environments one run drills.
   * @default 7 and 2
   */
  readonly drillScheduleDays?: number;
  readonly drillMaxPerRun?: number;
  /**
   * Researcher access: sign-in (Cognito, federated with the institution's directory), the wake
   * page, and optionally a Secure Browser portal. Needs `certificateArn` (load balancer sign-in
   * works on HTTPS only).
   * @default - no sign-in: every request reaches an authorizer without an identity (401)
   */
  readonly researcherAccess?: {
    /** The DNS name researchers open (in the certificate), pointed at the load balancer. */
    readonly domainName: string;
    readonly cognitoDomainPrefix: string;
    readonly directory?: DirectoryProvider;
    /** @default "uid" */
    readonly memberAttribute?: string;
    /** @default false */
    readonly secureBrowser?: boolean;
  };
  /**
   * Entry file of the wake Lambda (exports `handler`).
   * @default "reconciler/lambda/wake-lambda.ts"
   */
  readonly wakeEntry?: string;
}

export function labenvStackProps(settings: LabenvSettings): LabenvStackProps {
  return {
    env: {
      region: settings.region,
      ...(settings.account !== undefined && { account: settings.account }),
    },
    description:
      "labenv control plane: network, research storage, state, compute, reconciler, drift and GitHub App",
    labs: settings.labs,
    reconcilerEntry: settings.reconcilerEntry,
    githubAppEntry: settings.githubAppEntry,
    driftEntry: settings.driftEntry,
    dashboardEntry: settings.dashboardEntry,
    vpcEndpoints: settings.vpcEndpoints,
    natGateways: settings.natGateways,
    internetFacing: settings.internetFacing,
    driftScheduleMinutes: settings.driftScheduleMinutes,
    drillScheduleDays: settings.drillScheduleDays,
    drillMaxPerRun: settings.drillMaxPerRun,
    ...(settings.vpcId !== undefined && { vpcId: settings.vpcId }),
    ...(settings.certificateArn !== undefined && { certificateArn: settings.certificateArn }),
    ...(settings.ingressCidrs !== undefined && { ingressCidrs: settings.ingressCidrs }),
    ...(settings.alarmEmail !== undefined && { alarmEmail: settings.alarmEmail }),
    ...(settings.githubRepository !== undefined && { githubRepository: settings.githubRepository }),
    ...(settings.githubInstallationId !== undefined && {
      githubInstallationId: settings.githubInstallationId,
    }),
    ...(settings.researcherAccess !== undefined && {
      researcherAccess: {
        domainName: settings.researcherAccess.domainName,
        cognitoDomainPrefix: settings.researcherAccess.cognitoDomainPrefix,
        ...(settings.researcherAccess.oidc !== undefined && {
          directory: {
            kind: "oidc" as const,
            name: settings.researcherAccess.directoryName,
            ...settings.researcherAccess.oidc,
          },
        }),
        ...(settings.researcherAccess.samlMetadataUrl !== undefined && {
          directory: {
            kind: "saml" as const,
            name: settings.researcherAccess.directoryName,
            metadataUrl: settings.researcherAccess.samlMetadataUrl,
          },
        }),
        ...(settings.researcherAccess.memberAttribute !== undefined && {
          memberAttribute: settings.researcherAccess.memberAttribute,
        }),
        secureBrowser: settings.researcherAccess.secureBrowser,
      },
    }),
  };
}
