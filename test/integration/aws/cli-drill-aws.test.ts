// `labenv drill` from a workstation with target: aws, against moto: labenv.yaml names the
// control plane and the object bucket; after `labenv apply`, the drill starts the drill task of
// the environment's newest snapshot (--wait 0: it says it is waiting and exits 0), the container
// runtime runs it (drill-runtime.ts), and the next `labenv drill` records it; `labenv status`
// shows the drill.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { S3ObjectStore } from "../../../reconciler/adapters/aws/s3-object-store.js";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { createObjectBucket, enableDnsHostnames } from "./account-setup.js";
import { s3Client, testClients, warmUpMoto } from "./aws-test-clients.js";
import { capturedSnapshot, playDrillTasks } from "./drill-runtime.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

const ENV = "ml-vision/segmentation";
const IMAGE = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/labenv/ml-vision@sha256:${"7".repeat(64)}`;

describe("labenv drill with target: aws (moto)", () => {
  it("starts the drill task, says it is waiting, and records the drill once the task reported", async () => {
    const clients = testClients(moto.endpoint);
    const account = await createAccountFixtures(clients, moto.endpoint);
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
    const file = join(dir, "labenv.yaml");
    const aws = [
      "  aws:",
      `    region: ${account.region}`,
      `    cluster: ${account.cluster}`,
      `    endpoint: ${moto.endpoint}`,
      `    fileSystemId: ${account.fileSystemId}`,
      `    subnets: [${account.subnets.join(", ")}]`,
      `    securityGroups: [${account.securityGroups.join(", ")}]`,
      `    infrastructureRoleArn: ${account.ebsRoleArn}`,
    ].join("\n");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("  target: sandbox", "  target: aws")
        .replace(/ {2}aws:\n {4}region: eu-west-1\n {4}cluster: labenv/, aws)
        .replace(
          "  objects:\n    store: directory",
          "  objects:\n    store: s3\n    bucket: labenv-objects",
        ),
    );
    Object.assign(process.env, {
      AWS_REGION: account.region,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
    });
    const applied = await runCli(["apply", "--repo", dir]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const objects = new S3ObjectStore({
      client: s3Client(moto.endpoint),
      bucket: "labenv-objects",
    });
    const { manifest, volume } = await capturedSnapshot(clients, objects, ENV, IMAGE, [
      ["torch", "2.3.1"],
      ["numpy", "1.26.4"],
    ]);

    const first = await runCli(["drill", ENV, "--wait", "0", "--repo", dir]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(
      `… ${ENV} from ${manifest.id}: waiting for the drill task arn:aws:ecs:`,
    );

    expect(await playDrillTasks(clients, account.cluster, volume, moto.endpoint)).toMatchObject([
      { family: "labenvdrill-ml-vision-segmentation", image: IMAGE, status: 0, stderr: "" },
    ]);

    const second = await runCli(["drill", ENV, "--wait", "0", "--repo", dir]);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(`✓ ${ENV} from ${manifest.id}: restored and identical in`);
    expect(second.stdout).toContain("✓ packages  2/2 packages match the observation at capture");

    const bad = await runCli(["drill", ENV, "--wait", "90", "--repo", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--wait 90 is not a number of minutes from 0 to 60");
  }, 180_000);
});
