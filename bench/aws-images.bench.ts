// Environment images on AWS at scale (1,000 environments in 50 labs, ECR and CodeBuild faked
// with aws-sdk-client-mock): ECR calls to observe every image when nothing changed (goal: none
// per environment — one DescribeRepositories and one ListImages per lab), and CodeBuild builds
// started when 1 of 1,000 locks changed (goal: exactly 1).
import {
  BatchGetBuildsCommand,
  ListBuildsForProjectCommand,
  StartBuildCommand,
} from "@aws-sdk/client-codebuild";
import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ListImagesCommand,
} from "@aws-sdk/client-ecr";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { AwsProvider } from "../reconciler/adapters/aws/aws-provider.js";
import { imageBuildDriver } from "../reconciler/adapters/aws/image-build-driver.js";
import { ecrImageTag } from "../reconciler/adapters/aws/image-build-names.js";
import { desire } from "../reconciler/core/desire/desire.js";
import { loadRepository } from "../reconciler/core/load/load-repository.js";
import { changingActions } from "../reconciler/core/model/plan.js";
import type { DesiredResource } from "../reconciler/core/model/resources.js";
import { plan } from "../reconciler/core/plan/plan.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import { CONFIG, mockedAws } from "../test/adapters/aws/fixtures/mocked-aws.js";
import type { Measurement } from "./run.js";
import { syntheticFiles } from "./synthetic-repo.js";

const REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const BUILD = {
  project: "labenv-image-build",
  contextBucket: "labenv-objects",
  pollMilliseconds: 0,
};

export default async function awsImagesBench(): Promise<Measurement[]> {
  const files = syntheticFiles({ labs: 50, envsPerLab: 20, packVersions: 100 });
  const repo = loadRepository(files, createSchemaValidator()).repository;
  const builds = (r: typeof repo) =>
    desire(r, { imageBuilds: true }).state.resources.filter(
      (d): d is DesiredResource<"image-build"> => d.kind === "image-build",
    );
  const before = builds(repo);

  // ECR holds every image the current locks built.
  const aws = mockedAws();
  const labs = [...new Set(before.map((b) => b.spec.repository))].sort();
  aws.ecr.on(DescribeRepositoriesCommand).callsFake((input: { repositoryNames?: string[] }) => ({
    repositories: (input.repositoryNames ?? labs).map((name) => ({
      repositoryName: name,
      repositoryUri: `${REGISTRY}/${name}`,
    })),
  }));
  const pushed = new Set<string>();
  for (const b of before)
    pushed.add(`${b.spec.repository}:${ecrImageTag(b.environment.split("/")[1]!, b.spec.tag)}`);
  aws.ecr.on(ListImagesCommand).callsFake((input: { repositoryName: string }) => ({
    imageIds: [...pushed]
      .filter((p) => p.startsWith(`${input.repositoryName}:`))
      .map((p) => ({ imageTag: p.split(":")[1], imageDigest: `sha256:${"b".repeat(64)}` })),
  }));
  aws.ecr
    .on(DescribeImagesCommand)
    .callsFake((input: { repositoryName: string; imageIds: { imageTag: string }[] }) => {
      if (pushed.has(`${input.repositoryName}:${input.imageIds[0]!.imageTag}`))
        return { imageDetails: [{ imageDigest: `sha256:${"b".repeat(64)}` }] };
      const missing = new Error("ImageNotFoundException");
      missing.name = "ImageNotFoundException";
      throw missing;
    });
  aws.s3.on(PutObjectCommand).resolves({});
  aws.codebuild.on(ListBuildsForProjectCommand).resolves({ ids: [] });
  aws.codebuild
    .on(StartBuildCommand)
    .callsFake((input: { environmentVariablesOverride: { name: string; value: string }[] }) => {
      const image = input.environmentVariablesOverride.find(
        (v) => v.name === "LABENV_IMAGE",
      )!.value;
      pushed.add(image.slice(REGISTRY.length + 1));
      return { build: { id: "labenv-image-build:1" } };
    });
  aws.codebuild
    .on(BatchGetBuildsCommand)
    .resolves({ builds: [{ id: "labenv-image-build:1", buildStatus: "SUCCEEDED" }] });

  const config = { ...CONFIG, imageBuild: BUILD };
  const observe = () =>
    imageBuildDriver.observe({ config, clients: aws.clients, keyOf: () => undefined });
  aws.resetCalls();
  const observed = await observe();
  const ecrCalls = aws.calls().filter((c) => c.startsWith("ecr.")).length;
  const perEnvironment = aws.calls().filter((c) => c === "ecr.DescribeImages").length;
  const unchanged = plan(
    { resources: before, environments: [] },
    { resources: observed },
    { maxDeletes: 5 },
  );
  const buildsWhenUnchanged = changingActions(unchanged).length;

  // One lock changes: one new build key; applying the plan's builds starts exactly one build.
  const [firstKey] = [...repo.locks.keys()].sort();
  const lock = repo.locks.get(firstKey!)!.doc;
  const moved = lock.spec.packages.find((p) => p.source !== "pack") ?? lock.spec.packages[0]!;
  moved.version = `${moved.version}.post1`;
  const next = plan(
    { resources: builds(repo), environments: [] },
    { resources: await observe() },
    { maxDeletes: 5 },
  );
  const provider = new AwsProvider(config, aws.clients);
  aws.resetCalls();
  for (const action of changingActions(next)) await provider.apply(action, () => undefined);
  const started = aws.calls().filter((c) => c === "codebuild.StartBuild").length;

  return [
    {
      name: `images (aws): ECR calls to observe ${before.length} environments' images in ${labs.length} labs, nothing changed`,
      value: ecrCalls,
      unit: "calls",
      goal: `no per-environment call (≤ ${labs.length + 1}: one list per lab)`,
      met: perEnvironment === 0 && ecrCalls <= labs.length + 1 && buildsWhenUnchanged === 0,
    },
    {
      name: `images (aws): CodeBuild builds started when 1 of ${before.length} locks changed`,
      value: started,
      unit: "builds",
      goal: "exactly 1",
      met: started === 1,
    },
  ];
}
