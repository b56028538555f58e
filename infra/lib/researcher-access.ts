// ResearcherAccess: how researchers reach their notebooks through the Jupyter load balancer.
//   - Sign-in: a Cognito user pool (no self sign-up), with a slot for the institution's
//     directory as a SAML or OIDC identity provider whose member-id attribute becomes
//     `preferred_username` (the claim the authorizer maps to a lab.yaml member), its hosted
//     sign-in domain, and the app client the listener rules authenticate with (the reconciler
//     puts an authenticate-cognito action on every environment's rule: labenv.yaml
//     access.signIn). Load balancer authentication needs the HTTPS listener.
//   - The wake page: a Lambda target group the rules of parked environments forward to, and its
//     function (reconciler/lambda/wake-lambda.ts).
//   - Optionally a WorkSpaces Secure Browser portal, with its network settings in the VPC's
//     private subnets, so the load balancer stays internal: researchers open the portal, sign
//     in through the same SAML directory, and browse to the Jupyter address inside the VPC.
import { ArnFormat, Duration, Stack, Validations } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as targets from "aws-cdk-lib/aws-elasticloadbalancingv2-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as workspacesweb from "aws-cdk-lib/aws-workspacesweb";
import { Construct } from "constructs";
import { LabenvFunction } from "./labenv-function.js";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";

/** The institution's directory, federated into the user pool. */
export type DirectoryProvider =
  | { readonly kind: "saml"; readonly name: string; readonly metadataUrl: string }
  | {
      readonly kind: "oidc";
      readonly name: string;
      readonly issuerUrl: string;
      readonly clientId: string;
      /** A Secrets Manager secret holding the client secret (never a plain value in the template). */
      readonly clientSecretArn: string;
    };

export interface ResearcherAccessProps {
  /** The DNS name researchers use (in the certificate): the sign-in returns to it. */
  readonly domainName: string;
  /** The prefix of the user pool's hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly cognitoDomainPrefix: string;
  /** The directory; without it the pool has only users an administrator creates. */
  readonly directory?: DirectoryProvider;
  /**
   * The directory's attribute holding the lab.yaml member id.
   * @default "uid"
   */
  readonly memberAttribute?: string;
  /** A Secure Browser portal in front of the internal load balancer (needs a SAML `directory`). */
  readonly secureBrowser?: boolean;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly loadBalancerSecurityGroup: ec2.ISecurityGroup;
  readonly listenerPort: number;
  /** The wake Lambda: its entry file and how every labenv Lambda is built. */
  readonly wakeEntry: string;
  readonly projectRoot: string;
  readonly wakeEnvironment: Readonly<Record<string, string>>;
  readonly functionSecurityGroup: ec2.ISecurityGroup;
  /** The reconciler's fixed name: the wake page invokes it asynchronously, by name. */
  readonly reconcilerFunctionName: string;
  /** The wake target group's fixed name (the wake page knows its rules by it). */
  readonly wakeTargetGroupName: string;
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly listenerArn: string;
}

export class ResearcherAccess extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  readonly wakeTargetGroup: elbv2.ApplicationTargetGroup;
  readonly wakeFunction: LabenvFunction;
  readonly portal?: workspacesweb.CfnPortal;

  constructor(scope: Construct, id: string, props: ResearcherAccessProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (props.secureBrowser && props.directory?.kind !== "saml")
      throw new Error(
        "labenv infra: the Secure Browser portal signs in through a SAML directory: give samlMetadataUrl",
      );

    this.userPool = new cognito.UserPool(this, "Users", {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
    });
    const memberAttribute = props.memberAttribute ?? "uid";
    const providers: cognito.UserPoolClientIdentityProvider[] = [];
    const d = props.directory;
    if (d?.kind === "saml") {
      new cognito.UserPoolIdentityProviderSaml(this, "Directory", {
        userPool: this.userPool,
        name: d.name,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(d.metadataUrl),
        attributeMapping: {
          preferredUsername: cognito.ProviderAttribute.other(memberAttribute),
          email: cognito.ProviderAttribute.other("email"),
        },
      });
      providers.push(cognito.UserPoolClientIdentityProvider.custom(d.name));
    } else if (d?.kind === "oidc") {
      new cognito.UserPoolIdentityProviderOidc(this, "Directory", {
        userPool: this.userPool,
        name: d.name,
        issuerUrl: d.issuerUrl,
        clientId: d.clientId,
        clientSecret: `{{resolve:secretsmanager:${d.clientSecretArn}}}`,
        scopes: ["openid", "email", "profile"],
        attributeMapping: {
          preferredUsername: cognito.ProviderAttribute.other(memberAttribute),
          email: cognito.ProviderAttribute.other("email"),
        },
      });
      providers.push(cognito.UserPoolClientIdentityProvider.custom(d.name));
    } else providers.push(cognito.UserPoolClientIdentityProvider.COGNITO);

    this.domain = this.userPool.addDomain("SignIn", {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix },
    });
    this.client = this.userPool.addClient("LoadBalancer", {
      generateSecret: true,
      authFlows: {},
      supportedIdentityProviders: providers,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`https://${props.domainName}/oauth2/idpresponse`],
      },
      preventUserExistenceErrors: true,
    });
    for (const p of this.node.children)
      if (
        p instanceof cognito.UserPoolIdentityProviderSaml ||
        p instanceof cognito.UserPoolIdentityProviderOidc
      )
        this.client.node.addDependency(p);

    // The wake page.
    this.wakeFunction = new LabenvFunction(this, "Wake", {
      entry: props.wakeEntry,
      projectRoot: props.projectRoot,
      description: "labenv wake page: starts a parked environment and follows it",
      timeout: Duration.seconds(15),
      memorySize: 512,
      environment: props.wakeEnvironment,
      vpc: props.vpc,
      subnets: props.subnets,
      securityGroup: props.functionSecurityGroup,
    });
    const role = this.wakeFunction.role;
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: "ReadWhoMayOpen",
        // Neither call has resource-level permissions.
        actions: ["ecs:DescribeTaskDefinition", "elasticloadbalancing:DescribeRules"],
        resources: ["*"],
      }),
    );
    const services = stack.formatArn({
      service: "ecs",
      resource: "service",
      resourceName: `${props.clusterName}/labenv-*`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: "ReadEnvironmentServices",
        actions: ["ecs:DescribeServices"],
        resources: [services],
      }),
    );
    Validations.of(role).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "ecs:DescribeTaskDefinition and elasticloadbalancing:DescribeRules support no resource-level permissions; both only read.",
    });
    acknowledgeWildcardResources(role, [
      {
        arn: services,
        reason:
          "The wake page reads the service of whichever environment it is asked for; every labenv service is named labenv-<lab>-<env>.",
      },
    ]);
    // By name, not by reference: the reconciler refers to the wake target group, which refers
    // to this function (a reference back would be a cycle).
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: "StartReconcile",
        actions: ["lambda:InvokeFunction"],
        resources: [
          stack.formatArn({
            service: "lambda",
            resource: "function",
            resourceName: props.reconcilerFunctionName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    this.wakeTargetGroup = new elbv2.ApplicationTargetGroup(this, "WakeTarget", {
      targetGroupName: props.wakeTargetGroupName,
      targetType: elbv2.TargetType.LAMBDA,
      targets: [new targets.LambdaTarget(this.wakeFunction.function)],
    });

    if (props.secureBrowser) this.portal = this.secureBrowserPortal(props);
  }

  /**
   * A Secure Browser portal whose browsers run with network interfaces in the VPC's private
   * subnets, allowed to the load balancer's listener only, signing in through the directory.
   * Downloads and printing are off (data stays in the environment); upload, copy and paste work.
   */
  private secureBrowserPortal(props: ResearcherAccessProps): workspacesweb.CfnPortal {
    const group = new ec2.SecurityGroup(this, "PortalBrowsers", {
      vpc: props.vpc,
      description: "labenv Secure Browser sessions: reach the Jupyter load balancer only",
      allowAllOutbound: false,
    });
    group.addEgressRule(
      props.loadBalancerSecurityGroup,
      ec2.Port.tcp(props.listenerPort),
      "the Jupyter listener",
    );
    props.loadBalancerSecurityGroup.addIngressRule(
      group,
      ec2.Port.tcp(props.listenerPort),
      "Secure Browser sessions",
    );
    const network = new workspacesweb.CfnNetworkSettings(this, "PortalNetwork", {
      vpcId: props.vpc.vpcId,
      subnetIds: props.vpc.selectSubnets(props.subnets).subnetIds.slice(0, 3),
      securityGroupIds: [group.securityGroupId],
    });
    const browser = new workspacesweb.CfnBrowserSettings(this, "PortalBrowser", {
      browserPolicy: JSON.stringify({
        chromePolicies: {
          HomepageLocation: { value: `https://${props.domainName}/` },
          RestoreOnStartup: { value: 4 },
          RestoreOnStartupURLs: { value: [`https://${props.domainName}/`] },
          URLAllowlist: { value: [props.domainName] },
          URLBlocklist: { value: ["*"] },
        },
      }),
    });
    const user = new workspacesweb.CfnUserSettings(this, "PortalUser", {
      copyAllowed: "Enabled",
      pasteAllowed: "Enabled",
      uploadAllowed: "Enabled",
      downloadAllowed: "Disabled",
      printAllowed: "Disabled",
      idleDisconnectTimeoutInMinutes: 30,
      disconnectTimeoutInMinutes: 600,
    });
    const portal = new workspacesweb.CfnPortal(this, "Portal", {
      displayName: "labenv",
      authenticationType: "Standard",
      networkSettingsArn: network.attrNetworkSettingsArn,
      browserSettingsArn: browser.attrBrowserSettingsArn,
      userSettingsArn: user.attrUserSettingsArn,
    });
    const d = props.directory as Extract<DirectoryProvider, { kind: "saml" }>;
    new workspacesweb.CfnIdentityProvider(this, "PortalDirectory", {
      portalArn: portal.attrPortalArn,
      identityProviderName: d.name,
      identityProviderType: "SAML",
      identityProviderDetails: { MetadataURL: d.metadataUrl },
    });
    return portal;
  }
}
