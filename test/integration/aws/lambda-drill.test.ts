// The reconciler Lambda in drill mode (what infra/'s drill schedule sends) against moto: after a
// normal run applied the repository, `{source: "labenv.drill"}` starts the drill task of the
// environment's newest snapshot and, its time spent, says it is pending; the container runtime
// (played here: the task's command run with the real agent over a local directory standing for
// the volume from the snapshot, as in drill-aws.test.ts) runs it; the next drill run reads its
// report and records the drill. Nothing is applied in drill mode.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ListServicesCommand } from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { latestDrill } from "../../../reconciler/core/snapshots/drill.js";
import { handler } from "../../../reconciler/lambda/handler.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import {
  createObjectBucket,
  createStateTable,
  enableDnsHostnames,
  lambdaEnvironment,
} from "./account-setup.js";
import { s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { capturedSnapshot, playDrillTasks } from "./drill-runtime.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

const ENV = "ml-vision/segmentation";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/ml-vision@sha256:${"7".repeat(64)}`;

describe("the reconciler Lambda in drill mode (moto)", () => {
  it("starts the drill of the newest snapshot, says it is pending, and records it once the task reported; applying nothing", async () => {
    const clients = testClients(moto.endpoint);
    const account = await createAccountFixtures(clients, moto.endpoint);
    await createStateTable(moto.endpoint);
    await createObjectBucket(moto.endpoint);
    await enableDnsHostnames(clients, account.subnets);
    const dir = copyExampleRepo();
    for (const p of [
      "environments/genomics-core",
      "environments/climate-dynamics",
      "environments/ml-vision/self-supervised",
      "environments/ml-vision/teaching",
    ])
      rmSync(join(dir, p), { recursive: true });
    Object.assign(process.env, lambdaEnvironment(account, moto.endpoint, dir), {
      LABENV_OBJECT_BUCKET: "labenv-objects",
    });
    expect(await handler({ source: "aws.events" }, { awsRequestId: "req-1" })).toMatchObject({
      outcome: "applied",
    });
    const services = async () =>
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns;
    const servicesBefore = await services();

    // A captured snapshot: its volume (what was installed) and the observation at capture.
    const objects = new S3ObjectStore({
      client: s3Client(moto.endpoint),
      bucket: "labenv-objects",
    });
    const { manifest, volume } = await capturedSnapshot(clients, objects, ENV, IMAGE, [
      ["torch", "2.3.1"],
    ]);

    const first = await handler(
      { source: "labenv.drill", maxPerRun: 1 },
      { awsRequestId: "drill-1", getRemainingTimeInMillis: () => 30_000 },
    );
    expect(first).toMatchObject({
      drilled: [],
      pending: [{ environment: ENV, snapshot: manifest.id }],
      left: [],
    });

    // The container runtime runs the drill task as ECS was told, then it exits.
    expect(await playDrillTasks(clients, account.cluster, volume, moto.endpoint)).toMatchObject([
      { family: "labenvdrill-ml-vision-segmentation", image: IMAGE, status: 0, stderr: "" },
    ]);

    const second = await handler(
      { source: "labenv.drill", maxPerRun: 1 },
      { awsRequestId: "drill-2", getRemainingTimeInMillis: () => 30_000 },
    );
    expect(second).toMatchObject({
      drilled: [{ environment: ENV, snapshot: manifest.id, ok: true, complete: true }],
      pending: [],
    });
    expect(await latestDrill(objects, ENV)).toMatchObject({
      record: {
        ok: true,
        steps: [
          { step: "verify" },
          { step: "container" },
          { step: "packages", detail: "1/1 packages match the observation at capture" },
        ],
      },
    });
    expect(await services()).toEqual(servicesBefore);
  });
});
