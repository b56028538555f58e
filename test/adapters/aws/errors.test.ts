// When AWS refuses: one LabenvError with code `provider`, saying what labenv
// was doing and what AWS answered; and the clients' retry settings.
import {
  ListServicesCommand,
  RegisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
} from "@aws-sdk/client-ecs";
import { CreateAccessPointCommand, DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { createAwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { LabenvError } from "../../../reconciler/core/errors.js";
import {
  createAction,
  environmentResources,
  type EnvironmentResources,
} from "./fixtures/environment-resources.js";
import { CONFIG, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });

describe("AWS refusals become provider errors", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  let env: EnvironmentResources;

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider(CONFIG, aws.clients);
    env = environmentResources({
      lab: "ml-vision",
      env: "segmentation",
      uid: 40001,
      gid: 7001,
      subnets: CONFIG.subnets,
      securityGroups: CONFIG.securityGroups,
      cpu: 256,
      memory: 30720,
    });
  });

  it("invalid cpu/memory: names the action, the resource and AWS's reason, with a hint", async () => {
    aws.ecs
      .on(DescribeTaskDefinitionCommand)
      .rejects(awsError("ClientException", "Unable to describe task definition."));
    aws.ecs
      .on(RegisterTaskDefinitionCommand)
      .rejects(
        awsError(
          "ClientException",
          "No Fargate configuration exists for given values: 256 CPU, 30720 memory.",
        ),
      );
    const failure = await provider
      .apply(createAction(env.taskDefinition), () => "fsap-0home")
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LabenvError);
    expect(failure).toMatchObject({
      code: "provider",
      message:
        "AWS refused to create task-definition task-definition:ml-vision/segmentation: ClientException: No Fargate configuration exists for given values: 256 CPU, 30720 memory.",
      hint: expect.stringContaining("cpu/memory"),
    });
    expect((failure as LabenvError).cause).toMatchObject({ name: "ClientException" });
  });

  it("missing permission: the hint points at the IAM list in docs/aws-provider.md", async () => {
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
    aws.efs
      .on(CreateAccessPointCommand)
      .rejects(
        awsError(
          "AccessDeniedException",
          "User is not authorized to perform: elasticfilesystem:CreateAccessPoint",
        ),
      );
    await expect(provider.apply(createAction(env.home), () => undefined)).rejects.toMatchObject({
      code: "provider",
      hint: expect.stringContaining("docs/aws-provider.md"),
    });
  });

  it("observe: a failing list says which kind could not be listed", async () => {
    aws.efs.on(DescribeAccessPointsCommand).resolves({ AccessPoints: [] });
    aws.ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
    aws.tagging
      .on(GetResourcesCommand)
      .resolves({ ResourceTagMappingList: [], PaginationToken: "" });
    aws.ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [] });
    aws.ecs
      .on(ListServicesCommand)
      .rejects(awsError("ClusterNotFoundException", "Cluster not found."));
    await expect(provider.observe()).rejects.toMatchObject({
      code: "provider",
      message: "AWS refused to list services: ClusterNotFoundException: Cluster not found.",
    });
  });

  it("a family outside labenv- is refused before any call: observe would never see it again", async () => {
    env.taskDefinition.spec.family = "jupyter-rnaseq";
    await expect(
      provider.apply(createAction(env.taskDefinition), () => "fsap-0home"),
    ).rejects.toMatchObject({ code: "plan", message: expect.stringContaining("labenv-") });
    expect(aws.calls()).toEqual([]);
  });
});

describe("SDK clients", () => {
  it("use adaptive retry with 8 attempts, the region, and the configured endpoint", async () => {
    const clients = createAwsClients(CONFIG);
    for (const client of Object.values(clients)) {
      expect(client.config.retryMode).toBe("adaptive");
      expect((await client.config.retryStrategy()).constructor.name).toBe("AdaptiveRetryStrategy");
      expect(await client.config.maxAttempts()).toBe(8);
      expect(await client.config.region()).toBe("eu-west-1");
    }
    const endpoint = await clients.ecs.config.endpoint?.();
    expect(endpoint?.hostname).toBe("127.0.0.1");
  });
});
