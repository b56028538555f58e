// The network rules: Jupyter only from the load balancer, NFS only from
// Jupyter, AWS APIs through endpoints, nothing open to the internet.
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { INTERFACE_ENDPOINTS, JUPYTER_PORT } from "../../infra/lib/network.js";
import { type SynthesizedLabenv, logicalId, synthLabenv } from "./labenv-test-app.js";

interface IngressRule {
  group: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: unknown;
  CidrIpv6?: unknown;
  SourceSecurityGroupId?: unknown;
}

let labenv: SynthesizedLabenv;
let template: Template;
let ingress: IngressRule[];
const groupId = (construct: Parameters<typeof logicalId>[1]) => logicalId(labenv.stack, construct);

beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
  // Ingress lives both inline on security groups and as separate resources.
  ingress = [];
  for (const [id, group] of Object.entries(template.findResources("AWS::EC2::SecurityGroup"))) {
    for (const rule of group.Properties.SecurityGroupIngress ?? [])
      ingress.push({ group: id, ...rule });
  }
  for (const rule of Object.values(template.findResources("AWS::EC2::SecurityGroupIngress"))) {
    ingress.push({ group: rule.Properties.GroupId["Fn::GetAtt"][0], ...rule.Properties });
  }
});

describe("security groups", () => {
  it("let Jupyter be reached on 8888 from the load balancer's group and from nothing else", () => {
    const jupyter = ingress.filter(
      (rule) => rule.group === groupId(labenv.stack.network.jupyterSecurityGroup),
    );
    expect(jupyter).toHaveLength(1);
    expect(jupyter[0]).toMatchObject({
      FromPort: JUPYTER_PORT,
      ToPort: JUPYTER_PORT,
      SourceSecurityGroupId: {
        "Fn::GetAtt": [groupId(labenv.stack.network.loadBalancerSecurityGroup), "GroupId"],
      },
    });
    expect(jupyter[0]!.CidrIp).toBeUndefined();
  });

  it("open no port to 0.0.0.0/0 or ::/0 when the load balancer is internal", () => {
    const open = ingress.filter((rule) => rule.CidrIp === "0.0.0.0/0" || rule.CidrIpv6 === "::/0");
    expect(open).toEqual([]);
  });

  it("let only the VPC reach the internal load balancer, on HTTP 80", () => {
    const balancer = ingress.filter(
      (rule) => rule.group === groupId(labenv.stack.network.loadBalancerSecurityGroup),
    );
    expect(balancer).toEqual([
      expect.objectContaining({
        FromPort: 80,
        ToPort: 80,
        CidrIp: { "Fn::GetAtt": [expect.stringMatching(/^NetworkVpc/), "CidrBlock"] },
      }),
    ]);
  });

  it("let the load balancer send only to Jupyter's port, inline so AWS adds no allow-all egress", () => {
    const balancer = groupId(labenv.stack.network.loadBalancerSecurityGroup);
    const egress =
      template.findResources("AWS::EC2::SecurityGroup")[balancer]!.Properties.SecurityGroupEgress;
    expect(egress).toEqual([
      expect.objectContaining({
        IpProtocol: "tcp",
        FromPort: JUPYTER_PORT,
        ToPort: JUPYTER_PORT,
        CidrIp: { "Fn::GetAtt": [expect.stringMatching(/^NetworkVpc/), "CidrBlock"] },
      }),
    ]);
    expect(template.findResources("AWS::EC2::SecurityGroupEgress")).toEqual({});
  });

  it("give every group that must not send freely an inline egress rule", () => {
    for (const group of [
      labenv.stack.network.loadBalancerSecurityGroup,
      labenv.stack.network.fileSystemSecurityGroup,
    ]) {
      const egress = template.findResources("AWS::EC2::SecurityGroup")[groupId(group)]!.Properties
        .SecurityGroupEgress as { CidrIp?: string }[];
      expect(egress.length).toBeGreaterThan(0);
      expect(egress.some((rule) => rule.CidrIp === "0.0.0.0/0")).toBe(false);
    }
  });

  it("let only Jupyter tasks reach the file system, on NFS", () => {
    const nfs = ingress.filter(
      (rule) => rule.group === groupId(labenv.stack.network.fileSystemSecurityGroup),
    );
    expect(nfs).toEqual([
      expect.objectContaining({
        FromPort: 2049,
        ToPort: 2049,
        SourceSecurityGroupId: {
          "Fn::GetAtt": [groupId(labenv.stack.network.jupyterSecurityGroup), "GroupId"],
        },
      }),
    ]);
  });

  it("accept nothing inbound on the Lambdas' group", () => {
    expect(
      ingress.filter((rule) => rule.group === groupId(labenv.stack.network.functionSecurityGroup)),
    ).toEqual([]);
  });
});

describe("VPC", () => {
  it("puts tasks in private subnets and logs its traffic", () => {
    template.resourceCountIs("AWS::EC2::VPC", 1);
    template.resourceCountIs("AWS::EC2::NatGateway", 1);
    template.hasResourceProperties("AWS::EC2::FlowLog", {
      ResourceType: "VPC",
      LogDestinationType: "s3",
    });
    const subnets = Object.values(template.findResources("AWS::EC2::Subnet"));
    const publicIps = subnets.filter((subnet) => subnet.Properties.MapPublicIpOnLaunch === true);
    expect(publicIps).toEqual([]);
  });

  it("has gateway endpoints for S3 and DynamoDB and an interface endpoint per AWS API labenv calls", () => {
    const endpoints = Object.values(template.findResources("AWS::EC2::VPCEndpoint"));
    const names = endpoints.map((endpoint) => JSON.stringify(endpoint.Properties.ServiceName));
    for (const service of ["s3", "dynamodb"]) {
      expect(
        endpoints.filter(
          (e) =>
            e.Properties.VpcEndpointType === "Gateway" &&
            JSON.stringify(e.Properties.ServiceName).includes(`.${service}"`),
        ),
      ).toHaveLength(1);
    }
    for (const short of [
      "ecr.api",
      "ecr.dkr",
      "logs",
      "elasticfilesystem",
      "ecs",
      "secretsmanager",
      "sts",
      "lambda",
      "ec2",
      "backup",
      "kms",
    ]) {
      expect(names.some((name) => name.endsWith(`.${short}"`))).toBe(true);
    }
    const interfaces = endpoints.filter((e) => e.Properties.VpcEndpointType === "Interface");
    expect(interfaces).toHaveLength(Object.keys(INTERFACE_ENDPOINTS).length);
    for (const endpoint of interfaces) expect(endpoint.Properties.PrivateDnsEnabled).toBe(true);
  });

  it("lets only tasks and Lambdas use the interface endpoints, over HTTPS", () => {
    const interfaceGroups = new Set(
      Object.values(template.findResources("AWS::EC2::VPCEndpoint"))
        .filter((e) => e.Properties.VpcEndpointType === "Interface")
        .flatMap((e) =>
          e.Properties.SecurityGroupIds.map((g: { "Fn::GetAtt": string[] }) => g["Fn::GetAtt"][0]),
        ),
    );
    expect(interfaceGroups.size).toBe(1);
    const [endpointGroup] = [...interfaceGroups];
    const rules = ingress.filter((rule) => rule.group === endpointGroup);
    expect(rules.map((rule) => rule.FromPort)).toEqual([443, 443]);
    expect(
      rules
        .map((rule) => (rule.SourceSecurityGroupId as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0])
        .sort(),
    ).toEqual(
      [
        groupId(labenv.stack.network.jupyterSecurityGroup),
        groupId(labenv.stack.network.functionSecurityGroup),
      ].sort(),
    );
  });
});
