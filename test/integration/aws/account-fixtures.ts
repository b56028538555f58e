// What infra/ deploys once, created in moto: a VPC with a private subnet and a
// security group, the ECS cluster and the EFS file system.
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
} from "@aws-sdk/client-ec2";
import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { CreateFileSystemCommand } from "@aws-sdk/client-efs";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { CREDENTIALS, REGION } from "./aws-test-clients.js";

export const CLUSTER = "labenv";
export const EBS_ROLE = "arn:aws:iam::123456789012:role/labenv-ecs-infrastructure";

export async function createAccountFixtures(
  clients: AwsClients,
  endpoint: string,
): Promise<AwsProviderConfig> {
  const vpc = await clients.ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }));
  const vpcId = vpc.Vpc?.VpcId as string;
  const subnet = await clients.ec2.send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: "10.20.1.0/24",
      AvailabilityZone: `${REGION}a`,
    }),
  );
  const sg = await clients.ec2.send(
    new CreateSecurityGroupCommand({
      VpcId: vpcId,
      GroupName: "labenv-jupyter",
      Description: "Jupyter tasks",
    }),
  );
  await clients.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  const fs = await clients.efs.send(
    new CreateFileSystemCommand({ CreationToken: "labenv-research", Encrypted: true }),
  );
  return {
    region: REGION,
    cluster: CLUSTER,
    fileSystemId: fs.FileSystemId as string,
    subnets: [subnet.Subnet?.SubnetId as string],
    securityGroups: [sg.GroupId as string],
    endpoint,
    credentials: CREDENTIALS,
    ebsRoleArn: EBS_ROLE,
  };
}
