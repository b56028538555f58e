// JupyterLoadBalancer: the Application Load Balancer researchers reach
// Jupyter through. With a certificate it listens on HTTPS 443; without one it
// is internal and listens on HTTP 80 (reachable only from inside the VPC or
// networks routed to it). Its default answer is 404: the reconciler adds one
// target group and listener rule per environment, tagged `labenv:lab`.
import { Duration } from "aws-cdk-lib";
import type * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type * as s3 from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";

export interface JupyterLoadBalancerProps {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly securityGroup: ec2.ISecurityGroup;
  /** Receives access logs under `alb/` (S3-managed encryption: ELB log delivery cannot use KMS). */
  readonly logBucket: s3.IBucket;
  /**
   * ACM certificate for the HTTPS listener.
   * @default - HTTP on port 80
   */
  readonly certificateArn?: string;
  /**
   * Whether the load balancer has public addresses.
   * @default false
   */
  readonly internetFacing?: boolean;
  /**
   * Idle timeout; long enough for quiet Jupyter kernel websockets.
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;
}

/** The port the listener uses with and without a certificate. */
export function listenerPort(certificateArn: string | undefined): number {
  return certificateArn === undefined ? 80 : 443;
}

export class JupyterLoadBalancer extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  /** `https` or `http`, for the address printed after deploy. */
  readonly protocol: string;

  constructor(scope: Construct, id: string, props: JupyterLoadBalancerProps) {
    super(scope, id);
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "Resource", {
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroup: props.securityGroup,
      internetFacing: props.internetFacing ?? false,
      dropInvalidHeaderFields: true,
      idleTimeout: props.idleTimeout ?? Duration.hours(1),
    });
    this.loadBalancer.logAccessLogs(props.logBucket, "alb");

    const defaultAction = elbv2.ListenerAction.fixedResponse(404, {
      contentType: "text/plain",
      messageBody: "No labenv environment at this address.",
    });
    this.protocol = props.certificateArn === undefined ? "http" : "https";
    this.listener =
      props.certificateArn === undefined
        ? this.loadBalancer.addListener("Http", {
            port: 80,
            protocol: elbv2.ApplicationProtocol.HTTP,
            open: false,
            defaultAction,
          })
        : this.loadBalancer.addListener("Https", {
            port: 443,
            protocol: elbv2.ApplicationProtocol.HTTPS,
            certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
            sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
            open: false,
            defaultAction,
          });
  }
}
