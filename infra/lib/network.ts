// LabenvNetwork: the VPC, its endpoints, and every security group labenv
// uses, in one place so the network rules read as one list:
//   internet/campus ─(listener port)→ load balancer ─(8888)→ Jupyter tasks ─(2049)→ EFS
//   tasks and Lambdas ─(443)→ interface endpoints; S3 and DynamoDB through gateway endpoints.
import { Validations } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

/** The port Jupyter listens on inside every labenv task. */
export const JUPYTER_PORT = 8888;

/** AWS APIs that tasks and the Lambdas call, reached without leaving the VPC. */
export const INTERFACE_ENDPOINTS: Readonly<Record<string, ec2.InterfaceVpcEndpointAwsService>> = {
  EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
  EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  Efs: ec2.InterfaceVpcEndpointAwsService.ELASTIC_FILESYSTEM,
  Ecs: ec2.InterfaceVpcEndpointAwsService.ECS,
  SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  Sts: ec2.InterfaceVpcEndpointAwsService.STS,
  Lambda: ec2.InterfaceVpcEndpointAwsService.LAMBDA,
  Ec2: ec2.InterfaceVpcEndpointAwsService.EC2,
  Backup: ec2.InterfaceVpcEndpointAwsService.BACKUP,
  LoadBalancing: ec2.InterfaceVpcEndpointAwsService.ELASTIC_LOAD_BALANCING,
  Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
  Tagging: ec2.InterfaceVpcEndpointAwsService.TAGGING,
};

export interface LabenvNetworkProps {
  /**
   * Use this existing VPC (it needs private subnets with egress) instead of creating one.
   * @default - a new VPC over two availability zones
   */
  readonly vpcId?: string;
  /**
   * Create the interface endpoints in {@link INTERFACE_ENDPOINTS} and the S3/DynamoDB gateway endpoints.
   * @default true
   */
  readonly vpcEndpoints?: boolean;
  /**
   * NAT gateways of a new VPC: the Lambdas reach GitHub and tasks reach package indexes through them.
   * @default 1
   */
  readonly natGateways?: number;
  /**
   * Whether the load balancer sits in public subnets.
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * The port the load balancer listens on (443 with a certificate, 80 without).
   * @default 80
   */
  readonly listenerPort?: number;
  /**
   * CIDRs allowed to reach the load balancer.
   * @default - the VPC's own CIDR
   */
  readonly ingressCidrs?: readonly string[];
  /**
   * Bucket receiving VPC flow logs of a new VPC (under `vpc-flow-logs/`).
   * @default - no flow logs
   */
  readonly flowLogBucket?: s3.IBucket;
}

export class LabenvNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  readonly taskSubnets: ec2.SubnetSelection;
  readonly loadBalancerSubnets: ec2.SubnetSelection;
  readonly loadBalancerSecurityGroup: ec2.SecurityGroup;
  readonly jupyterSecurityGroup: ec2.SecurityGroup;
  readonly fileSystemSecurityGroup: ec2.SecurityGroup;
  readonly functionSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: LabenvNetworkProps = {}) {
    super(scope, id);
    const internetFacing = props.internetFacing ?? false;

    if (props.vpcId !== undefined) {
      this.vpc = ec2.Vpc.fromLookup(this, "Vpc", { vpcId: props.vpcId });
      this.taskSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      this.loadBalancerSubnets = {
        subnetType: internetFacing ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_WITH_EGRESS,
      };
    } else {
      const vpc = new ec2.Vpc(this, "Vpc", {
        maxAzs: 2,
        natGateways: props.natGateways ?? 1,
        subnetConfiguration: [
          {
            name: "public",
            subnetType: ec2.SubnetType.PUBLIC,
            cidrMask: 24,
            mapPublicIpOnLaunch: false,
          },
          { name: "tasks", subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        ],
      });
      if (props.flowLogBucket !== undefined) {
        vpc.addFlowLog("FlowLog", {
          destination: ec2.FlowLogDestination.toS3(props.flowLogBucket, "vpc-flow-logs/"),
          trafficType: ec2.FlowLogTrafficType.REJECT,
        });
      }
      this.vpc = vpc;
      this.taskSubnets = { subnetGroupName: "tasks" };
      this.loadBalancerSubnets = internetFacing
        ? { subnetGroupName: "public" }
        : { subnetGroupName: "tasks" };
    }

    this.loadBalancerSecurityGroup = this.securityGroup(
      "LoadBalancer",
      "labenv load balancer in front of Jupyter",
      false,
    );
    this.jupyterSecurityGroup = this.securityGroup(
      "Jupyter",
      "labenv Jupyter tasks: reachable only from the load balancer",
      true,
    );
    this.fileSystemSecurityGroup = this.securityGroup(
      "FileSystem",
      "labenv research file system: NFS from Jupyter tasks only",
      false,
    );
    this.functionSecurityGroup = this.securityGroup(
      "Functions",
      "labenv reconciler and GitHub App Lambdas: no inbound traffic",
      true,
    );

    const listenerPort = props.listenerPort ?? 80;
    const ingressCidrs = props.ingressCidrs ?? [this.vpc.vpcCidrBlock];
    for (const cidr of ingressCidrs) {
      this.loadBalancerSecurityGroup.addIngressRule(
        ec2.Peer.ipv4(cidr),
        ec2.Port.tcp(listenerPort),
        `labenv users to the load balancer (${cidr})`,
      );
    }
    if (props.ingressCidrs === undefined) {
      Validations.of(this.loadBalancerSecurityGroup).acknowledge({
        id: "AwsSolutions-EC23",
        reason:
          "The only ingress source is the VPC's own CIDR, a CloudFormation reference the rule cannot read; it is never 0.0.0.0/0.",
      });
    } else if (ingressCidrs.includes("0.0.0.0/0")) {
      Validations.of(this.loadBalancerSecurityGroup).acknowledge({
        id: "AwsSolutions-EC23",
        reason:
          "An internet-facing load balancer was asked for (-c internetFacing=true with a certificate): it accepts HTTPS from anywhere and Jupyter behind it still requires its own token; narrow it with -c ingressCidrs=<campus CIDRs>.",
      });
    }
    this.jupyterSecurityGroup.addIngressRule(
      this.loadBalancerSecurityGroup,
      ec2.Port.tcp(JUPYTER_PORT),
      "Jupyter from the labenv load balancer only",
    );
    // Egress as an inline CIDR rule: a rule naming another group becomes a
    // separate resource, and a group with no inline egress keeps AWS's default
    // allow-all egress. Only Jupyter tasks listen on 8888 in the VPC, and they
    // accept it only from this group.
    this.loadBalancerSecurityGroup.addEgressRule(
      ec2.Peer.ipv4(this.vpc.vpcCidrBlock),
      ec2.Port.tcp(JUPYTER_PORT),
      "to Jupyter tasks only",
    );
    this.fileSystemSecurityGroup.addIngressRule(
      this.jupyterSecurityGroup,
      ec2.Port.tcp(2049),
      "NFS from Jupyter tasks",
    );

    if (props.vpcEndpoints ?? true) this.addEndpoints();
  }

  private securityGroup(
    id: string,
    description: string,
    allowAllOutbound: boolean,
  ): ec2.SecurityGroup {
    return new ec2.SecurityGroup(this, `${id}SecurityGroup`, {
      vpc: this.vpc,
      description,
      allowAllOutbound,
    });
  }

  private addEndpoints(): void {
    for (const [id, service] of Object.entries({
      S3: ec2.GatewayVpcEndpointAwsService.S3,
      DynamoDb: ec2.GatewayVpcEndpointAwsService.DYNAMODB,
    })) {
      this.vpc.addGatewayEndpoint(`${id}Endpoint`, { service, subnets: [this.taskSubnets] });
    }
    const endpointSecurityGroup = this.securityGroup(
      "Endpoints",
      "labenv interface endpoints: HTTPS from tasks and Lambdas",
      false,
    );
    endpointSecurityGroup.addIngressRule(
      this.jupyterSecurityGroup,
      ec2.Port.tcp(443),
      "AWS APIs from Jupyter tasks",
    );
    endpointSecurityGroup.addIngressRule(
      this.functionSecurityGroup,
      ec2.Port.tcp(443),
      "AWS APIs from labenv Lambdas",
    );
    for (const [id, service] of Object.entries(INTERFACE_ENDPOINTS)) {
      this.vpc.addInterfaceEndpoint(`${id}Endpoint`, {
        service,
        subnets: this.taskSubnets,
        securityGroups: [endpointSecurityGroup],
        open: false,
        privateDnsEnabled: true,
      });
    }
  }
}
