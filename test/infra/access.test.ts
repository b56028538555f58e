// Researcher access in infra/: a Cognito user pool federated with the institution's SAML
// directory (member id → preferred_username), the app client the listener rules sign in with,
// the wake page's Lambda target group and function (invoking the reconciler by name), a
// WorkSpaces Secure Browser portal in the VPC that may reach only the load balancer, the
// LabenvYamlAws output carrying all of it, and cdk-nag with nothing unacknowledged.
import { Match } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FIXTURE_ENTRY,
  resourcesOf,
  synthLabenv,
  type SynthesizedLabenv,
} from "./labenv-test-app.js";

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f6e4a2c-1b3d-4e5f-8a9b-c0d1e2f3a4b5";
const METADATA = "https://idp.westtek.edu/saml/metadata";
let labenv: SynthesizedLabenv;

const withAccess = () =>
  synthLabenv({
    certificateArn: CERT,
    internetFacing: false,
    wakeEntry: FIXTURE_ENTRY,
    researcherAccess: {
      domainName: "jupyter.westtek.edu",
      cognitoDomainPrefix: "labenv-westtek",
      directory: { kind: "saml", name: "WestTek", metadataUrl: METADATA },
      memberAttribute: "uid",
      secureBrowser: true,
    },
  });

beforeAll(() => {
  labenv = withAccess();
});

const ofType = (type: string) =>
  Object.entries(resourcesOf(labenv.template)).filter(([, r]) => r.Type === type);

describe("researcher access in infra/", () => {
  it("signs in through a user pool federated with the directory, nobody signing themselves up", () => {
    labenv.template.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: "ON",
    });
    labenv.template.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", {
      ProviderName: "WestTek",
      ProviderType: "SAML",
      ProviderDetails: { MetadataURL: METADATA },
      AttributeMapping: Match.objectLike({ preferred_username: "uid" }),
    });
    labenv.template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: true,
      AllowedOAuthFlows: ["code"],
      CallbackURLs: ["https://jupyter.westtek.edu/oauth2/idpresponse"],
      SupportedIdentityProviders: ["WestTek"],
    });
    labenv.template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      Domain: "labenv-westtek",
    });
  });

  it("gives parked environments the wake page: a Lambda target group whose function starts the reconciler by name", () => {
    const [[groupId]] = ofType("AWS::ElasticLoadBalancingV2::TargetGroup").filter(
      ([, r]) => r.Properties?.TargetType === "lambda",
    ) as [[string, unknown]];
    expect(groupId).toBeDefined();
    const fns = ofType("AWS::Lambda::Function");
    const reconciler = fns.find(([, r]) => r.Properties?.FunctionName === "Labenv-reconciler");
    expect(reconciler).toBeDefined();
    const env = (r: { Properties?: Record<string, unknown> }) =>
      (r.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env(reconciler![1]).LABENV_WAKE_TARGET_GROUP_ARN).toEqual({ Ref: groupId });
    const wake = fns.find(([, r]) => env(r).LABENV_RECONCILER_FUNCTION === "Labenv-reconciler");
    expect(env(wake![1])).toMatchObject({ LABENV_WAKE_TARGET_GROUP_NAME: "Labenv-wake" });
    // The reconciler reads the app client when it puts the sign-in on a rule.
    labenv.template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: "ReadSignInClient",
            Action: "cognito-idp:DescribeUserPoolClient",
          }),
        ]),
      },
    });
  });

  it("puts a Secure Browser portal in the VPC that reaches only the load balancer, signing in through the directory", () => {
    labenv.template.hasResourceProperties("AWS::WorkSpacesWeb::Portal", {
      AuthenticationType: "Standard",
    });
    labenv.template.hasResourceProperties("AWS::WorkSpacesWeb::IdentityProvider", {
      IdentityProviderType: "SAML",
      IdentityProviderDetails: { MetadataURL: METADATA },
    });
    labenv.template.hasResourceProperties("AWS::WorkSpacesWeb::UserSettings", {
      DownloadAllowed: "Disabled",
      PrintAllowed: "Disabled",
    });
    const [[groupId]] = ofType("AWS::EC2::SecurityGroup").filter(([, r]) =>
      String(r.Properties?.GroupDescription).startsWith("labenv Secure Browser"),
    ) as [[string, unknown]];
    // Its only way out is the listener (CDK's placeholder rule otherwise denies everything).
    const egress = ofType("AWS::EC2::SecurityGroupEgress").filter(
      ([, r]) =>
        JSON.stringify(r.Properties?.GroupId) ===
        JSON.stringify({ "Fn::GetAtt": [groupId, "GroupId"] }),
    );
    expect(egress.map(([, r]) => [r.Properties?.FromPort, r.Properties?.ToPort])).toEqual([
      [443, 443],
    ]);
    labenv.template.hasResourceProperties("AWS::WorkSpacesWeb::NetworkSettings", {
      SecurityGroupIds: [{ "Fn::GetAtt": [groupId, "GroupId"] }],
    });
    labenv.template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      FromPort: 443,
      SourceSecurityGroupId: { "Fn::GetAtt": [groupId, "GroupId"] },
    });
  });

  it("prints access.signIn and the routing settings in the LabenvYamlAws output", () => {
    const outputs = labenv.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const yaml = JSON.stringify(
      Object.entries(outputs).find(([k]) => k.startsWith("LabenvYamlAws"))?.[1].Value,
    );
    for (const part of [
      "signIn",
      "userPoolArn",
      "userPoolClientId",
      "wakeTargetGroupArn",
      "listenerArn",
      "https://jupyter.westtek.edu",
    ])
      expect(yaml).toContain(part);
  });

  it("leaves no unacknowledged cdk-nag finding", () => {
    const report = new AwsSolutionsChecks().validateScope(labenv.app);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(", ")}`,
      ),
    ).toEqual([]);
  });

  it("federates an OIDC directory with its client secret from Secrets Manager, never in the template", () => {
    const secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:labenv/oidc-AbCdEf";
    const { template } = synthLabenv({
      certificateArn: CERT,
      wakeEntry: FIXTURE_ENTRY,
      researcherAccess: {
        domainName: "jupyter.westtek.edu",
        cognitoDomainPrefix: "labenv-westtek",
        directory: {
          kind: "oidc",
          name: "WestTek",
          issuerUrl: "https://login.westtek.edu",
          clientId: "labenv",
          clientSecretArn: secret,
        },
      },
    });
    template.hasResourceProperties("AWS::Cognito::UserPoolIdentityProvider", {
      ProviderType: "OIDC",
      ProviderDetails: Match.objectLike({
        client_id: "labenv",
        client_secret: `{{resolve:secretsmanager:${secret}}}`,
        oidc_issuer: "https://login.westtek.edu",
      }),
      AttributeMapping: Match.objectLike({ preferred_username: "uid" }),
    });
  });

  it("refuses researcher access without a certificate, and a portal without a SAML directory", () => {
    expect(() =>
      synthLabenv({
        wakeEntry: FIXTURE_ENTRY,
        researcherAccess: { domainName: "j.example", cognitoDomainPrefix: "x" },
      }),
    ).toThrow(/needs a certificateArn/);
    expect(() =>
      synthLabenv({
        certificateArn: CERT,
        wakeEntry: FIXTURE_ENTRY,
        researcherAccess: {
          domainName: "j.example",
          cognitoDomainPrefix: "x",
          secureBrowser: true,
        },
      }),
    ).toThrow(/SAML directory/);
  });
});
