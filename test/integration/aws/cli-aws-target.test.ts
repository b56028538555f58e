// `labenv apply` from a workstation with `target: aws`, against moto: labenv.yaml names the
// control plane (as infra/'s LabenvYamlAws output gives it), including the ECS infrastructure
// role that managed EBS volumes need, and the CLI creates the services. moto never starts tasks,
// so the example's snapshot requests are left out (the sandbox tests cover them).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ListBuildsForProjectCommand } from "@aws-sdk/client-codebuild";
import { PutImageCommand } from "@aws-sdk/client-ecr";
import {
  DescribeTaskDefinitionCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { createAccountFixtures } from "./account-fixtures.js";
import { testClients, warmUpMoto } from "./aws-test-clients.js";
import { IMAGE_MANIFEST, createImageBuildInfrastructure } from "./image-build-fixtures.js";

const moto = useMoto({ warmUp: warmUpMoto });
const saved = { ...process.env };
afterEach(() => void (process.env = { ...saved }));

async function workstation(withRole: boolean, extra: string[] = []) {
  const clients = testClients(moto.endpoint);
  const account = await createAccountFixtures(clients, moto.endpoint);
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
    ...(withRole ? [`    infrastructureRoleArn: ${account.ebsRoleArn}`] : []),
    ...extra,
  ].join("\n");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("  target: sandbox", "  target: aws")
      .replace(/ {2}aws:\n {4}region: eu-west-1\n {4}cluster: labenv/, aws),
  );
  Object.assign(process.env, {
    AWS_REGION: account.region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
  });
  return { clients, account, dir };
}

describe("labenv apply with target: aws from the CLI (moto)", () => {
  it("creates the services once labenv.yaml names the ECS infrastructure role", async () => {
    const { clients, account, dir } = await workstation(true);
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stderr).toContain(`labenv apply: aws ${account.region} / cluster ${account.cluster}`);
    const services =
      (await clients.ecs.send(new ListServicesCommand({ cluster: account.cluster }))).serviceArns ??
      [];
    expect(services.map((a) => a.split("/").pop())).toEqual(["labenv-ml-vision-segmentation"]);
    const families =
      (await clients.ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns ?? [];
    expect(families.some((a) => a.includes("labenv-ml-vision-segmentation"))).toBe(true);
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
  }, 120_000);

  it("without it, the service is refused by name, saying which labenv.yaml field to set", async () => {
    const { dir } = await workstation(false);
    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/needs the ECS infrastructure role/);
    expect(`${r.stdout}${r.stderr}`).toMatch(/aws\.infrastructureRoleArn in labenv\.yaml/);
  }, 120_000);

  it("with the image build project, registers the task definition running the environment's image by digest", async () => {
    const extra = [
      "    imageBuildProject: labenv-image-build",
      "    buildContextBucket: labenv-objects",
    ];
    const { clients, dir } = await workstation(true, extra);
    await createImageBuildInfrastructure(clients, "ml-vision");
    const shown = await runCli(["build", "ml-vision/segmentation", "--repo", dir, "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const [row] = (JSON.parse(shown.stdout) as { builds: { tag: string; status: string }[] })
      .builds;
    expect(row!.status).toBe("to build");
    // What the build would push (moto runs no build): the image under the context's immutable tag.
    const pushed = await clients.ecr.send(
      new PutImageCommand({
        repositoryName: "labenv/ml-vision",
        imageManifest: IMAGE_MANIFEST,
        imageTag: `segmentation-${row!.tag}`,
      }),
    );
    const digest = pushed.image!.imageId!.imageDigest!;

    const r = await runCli(["apply", "--repo", dir]);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    const td = await clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: "labenv-ml-vision-segmentation" }),
    );
    expect(td.taskDefinition?.containerDefinitions?.[0]?.image).toMatch(
      new RegExp(`/labenv/ml-vision@${digest}$`),
    );
    const builds = await clients.codebuild.send(
      new ListBuildsForProjectCommand({ projectName: "labenv-image-build" }),
    );
    expect(builds.ids ?? []).toEqual([]);
    const again = await runCli(["apply", "--repo", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
  }, 120_000);
});
