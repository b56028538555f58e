// The wake Lambda behind the listener's wake target, with the AWS SDK faked (call shapes): the
// owner's request to a parked environment gets the wake page; a POST ends the parking in the
// state table and invokes the reconciler asynchronously; the progress comes from ECS and the
// listener rule; who may open it is read from the applied task definition, so anyone else gets
// the 403 page and starts nothing; a token the load balancer did not sign gets 401.
import { DynamoDBClient, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
} from "@aws-sdk/client-ecs";
import {
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { wakeLambda } from "../../reconciler/lambda/wake-lambda.js";
import { startAlbSigner, type AlbSigner } from "../helpers/alb-signer.js";

const ecs = mockClient(ECSClient);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const lambda = mockClient(LambdaClient);
const dynamo = mockClient(DynamoDBClient);

const LISTENER =
  "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/labenv/0123456789abcdef/fedcba9876543210";
const WAKE_TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/labenv-wake/1111";
const ACCESS = {
  environment: "genomics-core/rnaseq",
  owner: "rpatel",
  labs: [
    {
      name: "genomics-core",
      approvers: ["mchen"],
      members: [
        { id: "rpatel", name: "Ravi Patel" },
        { id: "mchen", name: "Mei Chen" },
      ],
    },
  ],
  shares: [],
};
let alb: AlbSigner;
let handler: ReturnType<typeof wakeLambda>;
let usage: Record<string, unknown>;

beforeAll(async () => {
  alb = await startAlbSigner();
  handler = wakeLambda({
    AWS_REGION: "eu-west-1",
    LABENV_CLUSTER: "labenv",
    LABENV_STATE_TABLE: "labenv-state",
    LABENV_LISTENER_ARN: LISTENER,
    LABENV_WAKE_TARGET_GROUP_ARN: WAKE_TG,
    LABENV_RECONCILER_FUNCTION: "labenv-reconciler",
    LABENV_KEYS_ENDPOINT: alb.keysEndpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
  });
});
afterAll(() => alb.close());

beforeEach(() => {
  for (const m of [ecs, elbv2, lambda, dynamo]) m.reset();
  usage = {
    environment: "genomics-core/rnaseq",
    wanted: "running",
    parked: { at: "2026-12-07T01:00:00.000Z", reason: "idle for 125 min" },
    wakes: [],
    running: [],
  };
  ecs
    .on(DescribeTaskDefinitionCommand, { taskDefinition: "labenv-genomics-core-rnaseq" })
    .resolves({
      taskDefinition: {
        containerDefinitions: [
          { name: "jupyter" },
          {
            name: "authorizer",
            environment: [
              { name: "LABENV_ACCESS", value: JSON.stringify(ACCESS) },
              { name: "LABENV_MEMBER_CLAIM", value: "preferred_username" },
            ],
          },
        ],
      },
    });
  ecs.on(DescribeServicesCommand).resolves({
    services: [{ status: "ACTIVE", serviceArn: "arn:svc", desiredCount: 0, runningCount: 0 }],
  });
  elbv2.on(DescribeRulesCommand).resolves({
    Rules: [
      {
        RuleArn: "arn:rule",
        Conditions: [
          {
            Field: "path-pattern",
            PathPatternConfig: { Values: ["/genomics-core/rnaseq", "/genomics-core/rnaseq/*"] },
          },
        ],
        Actions: [{ Type: "forward", TargetGroupArn: WAKE_TG }],
      },
    ],
  });
  dynamo.on(QueryCommand).callsFake(() => ({
    Items: [
      { pk: { S: "usage" }, sk: { S: "genomics-core/rnaseq" }, body: { S: JSON.stringify(usage) } },
    ],
  }));
  dynamo.on(PutItemCommand).callsFake((input: { Item: { body: { S: string } } }) => {
    usage = JSON.parse(input.Item.body.S) as Record<string, unknown>;
    return {};
  });
  lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
});

const signed = async (member: string) => ({
  "x-amzn-oidc-data": await alb.sign(
    { preferred_username: member },
    {
      signer:
        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/labenv/0123456789abcdef",
    },
  ),
});

describe("the wake Lambda", () => {
  it("shows the owner the wake page, and a POST ends the parking and invokes the reconciler", async () => {
    const page = await handler({
      httpMethod: "GET",
      path: "/genomics-core/rnaseq/lab",
      headers: await signed("rpatel"),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Starting your environment genomics-core/rnaseq");
    expect(page.body).toContain("stopped while idle (idle for 125 min)");

    const start = await handler({
      httpMethod: "POST",
      path: "/genomics-core/rnaseq/_labenv/wake/start",
      headers: await signed("rpatel"),
    });
    expect(start.statusCode).toBe(202);
    expect(JSON.parse(start.body)).toMatchObject({ ready: false, state: "scaling-up" });
    expect(usage.parked).toBeUndefined();
    expect(usage.wakes).toEqual([{ requestedAt: expect.any(String) }]);
    const invokes = lambda.commandCalls(InvokeCommand);
    expect(invokes).toHaveLength(1);
    expect(invokes[0]!.args[0].input).toMatchObject({
      FunctionName: "labenv-reconciler",
      InvocationType: "Event",
    });

    ecs.on(DescribeServicesCommand).resolves({
      services: [{ status: "ACTIVE", serviceArn: "arn:svc", desiredCount: 1, runningCount: 0 }],
    });
    const progress = await handler({
      httpMethod: "GET",
      path: "/genomics-core/rnaseq/_labenv/wake/status",
      headers: await signed("rpatel"),
    });
    expect(JSON.parse(progress.body)).toMatchObject({ state: "task-starting" });
  });

  it("anyone else gets the 403 page and starts nothing; an unsigned request gets 401", async () => {
    const other = await handler({
      httpMethod: "POST",
      path: "/genomics-core/rnaseq/_labenv/wake/start",
      headers: await signed("mchen"),
    });
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain("Who can give you access");
    const unsigned = await handler({
      httpMethod: "POST",
      path: "/genomics-core/rnaseq/_labenv/wake/start",
      headers: { "x-amzn-oidc-data": "not.a.token" },
    });
    expect(unsigned.statusCode).toBe(401);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    expect(usage.parked).toBeDefined();
  });

  it("an environment git keeps stopped is not started", async () => {
    usage = { ...usage, wanted: "stopped", parked: undefined };
    const page = await handler({
      httpMethod: "POST",
      path: "/genomics-core/rnaseq/_labenv/wake/start",
      headers: await signed("rpatel"),
    });
    expect(JSON.parse(page.body)).toMatchObject({ state: "stopped-in-git" });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
  });
});
