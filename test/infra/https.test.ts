// With a certificate (`-c certificateArn=…`), the load balancer goes on the
// internet, speaks only HTTPS, and Jupyter is still reachable only through it.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../infra/lib/labenv-settings.js";
import { labenvStackProps } from "../../infra/lib/stack-props.js";
import {
  FIXTURE_ENTRY,
  type SynthesizedLabenv,
  TEST_REGION,
  logicalId,
  synthLabenv,
} from "./labenv-test-app.js";

const CERTIFICATE =
  "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";

let labenv: SynthesizedLabenv;
let template: Template;
beforeAll(() => {
  // The same path as `cdk deploy -c certificateArn=…`: context → settings → props.
  const context: Record<string, string> = {
    certificateArn: CERTIFICATE,
    labs: "ocean-lab",
    reconcilerEntry: FIXTURE_ENTRY,
    githubAppEntry: FIXTURE_ENTRY,
    driftEntry: FIXTURE_ENTRY,
  };
  const settings = readSettings((key) => context[key], { CDK_DEFAULT_REGION: TEST_REGION });
  labenv = synthLabenv(labenvStackProps(settings));
  template = labenv.template;
});

describe("internet-facing load balancer", () => {
  it("sits in the public subnets", () => {
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", {
      Scheme: "internet-facing",
    });
  });

  it("has exactly one listener: HTTPS on 443 with the certificate and a current TLS policy", () => {
    template.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
    template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", {
      Port: 443,
      Protocol: "HTTPS",
      Certificates: [{ CertificateArn: CERTIFICATE }],
      SslPolicy: Match.stringLikeRegexp("^ELBSecurityPolicy-TLS13"),
    });
    template.hasOutput("JupyterUrl", {
      Value: { "Fn::Join": ["", ["https://", Match.anyValue()]] },
    });
  });

  it("is open on 443 only, and Jupyter still only to the load balancer", () => {
    const groups = template.findResources("AWS::EC2::SecurityGroup");
    const balancer =
      groups[logicalId(labenv.stack, labenv.stack.network.loadBalancerSecurityGroup)]!.Properties
        .SecurityGroupIngress;
    expect(balancer).toEqual([
      expect.objectContaining({ CidrIp: "0.0.0.0/0", FromPort: 443, ToPort: 443 }),
    ]);
    const open = Object.entries(groups).filter(([, g]) =>
      JSON.stringify(g.Properties.SecurityGroupIngress ?? []).includes("0.0.0.0/0"),
    );
    expect(open.map(([id]) => id)).toEqual([
      logicalId(labenv.stack, labenv.stack.network.loadBalancerSecurityGroup),
    ]);
    template.hasResourceProperties("AWS::EC2::SecurityGroupIngress", {
      GroupId: {
        "Fn::GetAtt": [
          logicalId(labenv.stack, labenv.stack.network.jupyterSecurityGroup),
          "GroupId",
        ],
      },
      FromPort: 8888,
      SourceSecurityGroupId: {
        "Fn::GetAtt": [
          logicalId(labenv.stack, labenv.stack.network.loadBalancerSecurityGroup),
          "GroupId",
        ],
      },
    });
  });

  it("passes the AwsSolutions checks, the open listener acknowledged on its security group alone", () => {
    expect(new AwsSolutionsChecks().validateScope(labenv.app).violations).toEqual([]);
  });

  it("gives the labs from the context a task role each, and no others", () => {
    expect([...labenv.stack.compute.taskRoles.byLab.keys()]).toEqual(["ocean-lab"]);
  });
});
