// The reconciler Lambda end to end against moto: the handler reads a local
// checkout, applies it with the AWS provider and keeps its lease and records in
// DynamoDB; a second invocation changes nothing. moto never starts service
// tasks, so the example's snapshot requests (which need a running task) are
// left out of the repository used here; the sandbox tests cover them.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeServicesCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import { DescribeAccessPointsCommand } from "@aws-sdk/client-efs";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it } from "vitest";
import { handler } from "../../../reconciler/lambda/handler.js";
import { dashboardHandler } from "../../../reconciler/lambda/dashboard-handler.js";
import { ALB_IDENTITY_HEADER } from "../../../reconciler/adapters/access/alb-identity.js";
import { startAlbSigner, TEST_LB_ARN } from "../../helpers/alb-signer.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { createStateTable, createObjectBucket, lambdaEnvironment } from "./account-setup.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

async function prepare() {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
  await createStateTable(moto.endpoint);
  const dir = copyExampleRepo();
  for (const p of [
    "environments/genomics-core",
    "environments/climate-dynamics",
    "environments/ml-vision/self-supervised",
    "environments/ml-vision/teaching",
  ])
    rmSync(join(dir, p), { recursive: true });
  Object.assign(process.env, lambdaEnvironment(account, moto.endpoint, dir));
  return { clients, account };
}

describe("reconciler Lambda handler on moto", () => {
  it("applies the repository, then a second invocation changes nothing", async () => {
    const { clients, account } = await prepare();
    const first = await handler(
      { source: "aws.events", "detail-type": "Scheduled Event" },
      { awsRequestId: "req-1" },
    );
    expect(first).toMatchObject({ outcome: "applied", commit: "uncommitted" });
    const arns =
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns ??
      [];
    const services =
      (
        await clients.ecs.send(
          new DescribeServicesCommand({
            cluster: account.cluster,
            services: arns,
            include: ["TAGS"],
          }),
        )
      ).services ?? [];
    expect(services.map((s) => s.serviceName)).toEqual(["labenv-ml-vision-segmentation"]);
    expect(services[0]!.tags).toEqual(
      expect.arrayContaining([{ key: "labenv:environment", value: "ml-vision/segmentation" }]),
    );
    const aps =
      (
        await clients.efs.send(
          new DescribeAccessPointsCommand({ FileSystemId: account.fileSystemId }),
        )
      ).AccessPoints ?? [];
    expect(aps.map((a) => a.RootDirectory?.Path).sort()).toEqual([
      "/labs/ml-vision/datasets/imagenet-subset",
      "/labs/ml-vision/environments/segmentation",
    ]);
    const second = await handler(
      { source: "aws.ecs", "detail-type": "ECS Task State Change" },
      { awsRequestId: "req-2" },
    );
    expect(second.plan?.changes).toEqual([]);
    expect(second).toMatchObject({ outcome: "no-changes" });
  });

  it("holds back an environment that does not validate, creating nothing of it", async () => {
    await prepare();
    writeFileSync(
      join(process.env.LABENV_REPO_PATH!, "environments/ml-vision/segmentation/environment.yaml"),
      "apiVersion: labenv.westtek.io/v1\nkind: Environment\n",
    );
    const r = await handler({ source: "aws.events" });
    expect(r).toMatchObject({ outcome: "no-changes" });
    expect(r.plan?.heldBack).toEqual([
      expect.objectContaining({ environment: "ml-vision/segmentation", kept: 0 }),
    ]);
    const { clients, account } = {
      clients: testClients(moto.endpoint),
      account: { cluster: "labenv" },
    };
    expect(
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns ??
        [],
    ).toEqual([]);
  });

  it("publishes the dashboard to the object bucket after the run, and the dashboard function serves it to a member", async () => {
    const { account } = await prepare();
    await createObjectBucket(moto.endpoint);
    process.env.LABENV_OBJECT_BUCKET = "labenv-objects";
    const r = await handler({ source: "aws.events" }, { awsRequestId: "req-d" });
    expect(r).toMatchObject({ outcome: "applied", dashboard: { sites: 2 } });
    const keys = (
      await s3Client(moto.endpoint).send(
        new ListObjectsV2Command({ Bucket: "labenv-objects", Prefix: "dashboard/" }),
      )
    ).Contents!.map((o) => o.Key);
    expect(keys).toContain("dashboard/access.json");
    expect(keys).toContain("dashboard/labs/ml-vision/current.json");

    const alb = await startAlbSigner();
    try {
      const serve = dashboardHandler({
        AWS_REGION: account.region,
        LABENV_AWS_ENDPOINT: moto.endpoint,
        LABENV_OBJECT_BUCKET: "labenv-objects",
        LABENV_LOAD_BALANCER_ARN: TEST_LB_ARN,
        LABENV_KEYS_ENDPOINT: alb.keysEndpoint,
      });
      const page = await serve({
        httpMethod: "GET",
        path: "/_labenv/dashboard/labs/ml-vision/",
        headers: { [ALB_IDENTITY_HEADER]: await alb.sign({ preferred_username: "dsato" }) },
      });
      expect(page.statusCode).toBe(200);
      expect(Buffer.from(page.body, "base64").toString()).toContain("ml-vision/segmentation");
    } finally {
      await alb.close();
    }
  });
});
