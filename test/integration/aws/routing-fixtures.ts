// What infra/ deploys for researcher access, created in moto: an internal load balancer with
// the Jupyter listener (default answer 404) and the wake page's target group (a Lambda target).
import { CreateSubnetCommand, DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { REGION } from "./aws-test-clients.js";

export interface RoutingFixtures {
  vpcId: string;
  listenerArn: string;
  wakeTargetGroupArn: string;
}

export async function createRoutingFixtures(
  clients: AwsClients,
  subnet: string,
): Promise<RoutingFixtures> {
  const described = await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet] }));
  const vpcId = described.Subnets![0]!.VpcId!;
  const second = await clients.ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: "10.20.2.0/24",
      AvailabilityZone: `${REGION}b`,
    }),
  );
  const lb = await clients.elbv2.send(
    new CreateLoadBalancerCommand({
      Name: "labenv-jupyter",
      Scheme: "internal",
      Type: "application",
      Subnets: [subnet, second.Subnet!.SubnetId!],
    }),
  );
  const listener = await clients.elbv2.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers![0]!.LoadBalancerArn!,
      Protocol: "HTTP",
      Port: 80,
      DefaultActions: [
        {
          Type: "fixed-response",
          FixedResponseConfig: {
            StatusCode: "404",
            ContentType: "text/plain",
            MessageBody: "No labenv environment at this address.",
          },
        },
      ],
    }),
  );
  const wake = await clients.elbv2.send(
    new CreateTargetGroupCommand({ Name: "labenv-wake-page", TargetType: "lambda" }),
  );
  return {
    vpcId,
    listenerArn: listener.Listeners![0]!.ListenerArn!,
    wakeTargetGroupArn: wake.TargetGroups![0]!.TargetGroupArn!,
  };
}
