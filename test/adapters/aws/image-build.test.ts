// The image build on AWS, call by call (aws-sdk-client-mock): look the immutable tag up in ECR
// first, upload the context under its digest, start one build of the infra/ project (never
// change it), read the pushed digest; a failed build names its log; observe is per lab.
import "aws-sdk-client-mock-vitest/extend";
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
import { beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { imageBuildDriver } from "../../../reconciler/adapters/aws/image-build-driver.js";
import { isLabenvError } from "../../../reconciler/core/errors.js";
import { createAction } from "./fixtures/environment-resources.js";
import { imageBuildResource } from "./fixtures/image-build-resource.js";
import { ACCOUNT, CONFIG, REGION, mockedAws, type MockedAws } from "./fixtures/mocked-aws.js";

const REGISTRY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
const PUSHED = `sha256:${"b".repeat(64)}`;
const BUILD = {
  project: "labenv-image-build",
  contextBucket: "labenv-objects",
  pollMilliseconds: 1,
};

function notFound(name: string): Error {
  return Object.assign(new Error(name), { name });
}

describe("image build on AWS (CodeBuild → ECR)", () => {
  let aws: MockedAws;
  let provider: AwsProvider;
  const build = imageBuildResource();
  const tag = `rnaseq-${build.spec.tag}`;

  beforeEach(() => {
    aws = mockedAws();
    provider = new AwsProvider({ ...CONFIG, imageBuild: BUILD }, aws.clients);
    aws.ecr
      .on(DescribeRepositoriesCommand, { repositoryNames: ["labenv/genomics-core"] })
      .resolves({
        repositories: [
          {
            repositoryName: "labenv/genomics-core",
            repositoryUri: `${REGISTRY}/labenv/genomics-core`,
          },
        ],
      });
  });

  it("says it builds images only when the project is configured", () => {
    expect(provider.buildsImages).toBe(true);
    expect(new AwsProvider(CONFIG, aws.clients).buildsImages).toBe(false);
  });

  it("uses the image already under the context's tag and starts no build", async () => {
    aws.ecr
      .on(DescribeImagesCommand)
      .resolves({ imageDetails: [{ imageDigest: PUSHED, imageTags: [tag] }] });
    const applied = await provider.apply(createAction(build), () => undefined);
    expect(applied.id).toBe(`${REGISTRY}/labenv/genomics-core@${PUSHED}`);
    expect(aws.ecr).toHaveReceivedCommandWith(DescribeImagesCommand, {
      repositoryName: "labenv/genomics-core",
      imageIds: [{ imageTag: tag }],
    });
    expect(aws.calls()).toEqual(["ecr.DescribeRepositories", "ecr.DescribeImages"]);
  });

  it("uploads the context under its digest, starts one build with overrides only, and reads the digest", async () => {
    aws.ecr
      .on(DescribeImagesCommand)
      .rejectsOnce(notFound("ImageNotFoundException"))
      .resolves({ imageDetails: [{ imageDigest: PUSHED }] });
    aws.s3.on(PutObjectCommand).resolves({});
    aws.codebuild.on(ListBuildsForProjectCommand).resolves({ ids: [] });
    aws.codebuild.on(StartBuildCommand).resolves({ build: { id: "labenv-image-build:1" } });
    aws.codebuild
      .on(BatchGetBuildsCommand)
      .resolvesOnce({ builds: [{ id: "labenv-image-build:1", buildStatus: "IN_PROGRESS" }] })
      .resolves({ builds: [{ id: "labenv-image-build:1", buildStatus: "SUCCEEDED" }] });

    const applied = await provider.apply(createAction(build), () => undefined);

    expect(applied.id).toBe(`${REGISTRY}/labenv/genomics-core@${PUSHED}`);
    const hex = build.spec.contextDigest.slice(7);
    expect(aws.s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key)).toEqual([
      `build-contexts/${hex}/Dockerfile`,
      `build-contexts/${hex}/requirements.txt`,
    ]);
    expect(aws.s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: "labenv-objects",
      Key: `build-contexts/${hex}/requirements.txt`,
      Body: "pydeseq2==0.4.12\n",
    });
    expect(aws.codebuild).toHaveReceivedCommandTimes(StartBuildCommand, 1);
    const start = aws.codebuild.commandCalls(StartBuildCommand)[0]!.args[0].input;
    expect(start).toMatchObject({
      projectName: "labenv-image-build",
      sourceTypeOverride: "S3",
      sourceLocationOverride: `labenv-objects/build-contexts/${hex}/`,
      idempotencyToken: `labenv-genomics-core-${tag}`,
    });
    expect(
      Object.fromEntries(start.environmentVariablesOverride!.map((v) => [v.name, v.value])),
    ).toEqual({
      LABENV_IMAGE: `${REGISTRY}/labenv/genomics-core:${tag}`,
      LABENV_BASE_IMAGE: build.spec.base,
      LABENV_BASE_COPY_TAG: `sha256-${"a".repeat(64)}`,
      LABENV_CONTEXT_DIGEST: build.spec.contextDigest,
    });
    // Only overrides of one build: nothing that changes the project (no buildspec, no role, no image).
    expect(Object.keys(start).sort()).toEqual([
      "environmentVariablesOverride",
      "idempotencyToken",
      "projectName",
      "sourceLocationOverride",
      "sourceTypeOverride",
    ]);
    expect(aws.calls().filter((c) => /Update|Create|Delete/.test(c))).toEqual([]);
  });

  it("waits for a build of the same context that is still running instead of starting another", async () => {
    const hex = build.spec.contextDigest.slice(7);
    aws.ecr
      .on(DescribeImagesCommand)
      .rejectsOnce(notFound("ImageNotFoundException"))
      .resolves({ imageDetails: [{ imageDigest: PUSHED }] });
    aws.codebuild.on(ListBuildsForProjectCommand).resolves({ ids: ["labenv-image-build:7"] });
    aws.codebuild
      .on(BatchGetBuildsCommand, { ids: ["labenv-image-build:7"] })
      .resolvesOnce({
        builds: [
          {
            id: "labenv-image-build:7",
            buildStatus: "IN_PROGRESS",
            source: { type: "S3", location: `labenv-objects/build-contexts/${hex}/` },
          },
        ],
      })
      .resolves({ builds: [{ id: "labenv-image-build:7", buildStatus: "SUCCEEDED" }] });
    await provider.apply(createAction(build), () => undefined);
    expect(aws.codebuild).not.toHaveReceivedCommand(StartBuildCommand);
    expect(aws.s3).not.toHaveReceivedCommand(PutObjectCommand);
  });

  it("fails with the build's log location when the build fails", async () => {
    aws.ecr.on(DescribeImagesCommand).rejects(notFound("ImageNotFoundException"));
    aws.s3.on(PutObjectCommand).resolves({});
    aws.codebuild.on(ListBuildsForProjectCommand).resolves({ ids: [] });
    aws.codebuild.on(StartBuildCommand).resolves({ build: { id: "labenv-image-build:2" } });
    const deepLink = `https://console.aws.amazon.com/cloudwatch/home?region=${REGION}#logEvent:group=/labenv/image-build;stream=2`;
    aws.codebuild.on(BatchGetBuildsCommand).resolves({
      builds: [
        {
          id: "labenv-image-build:2",
          buildStatus: "FAILED",
          phases: [
            { phaseType: "INSTALL", phaseStatus: "SUCCEEDED" },
            { phaseType: "BUILD", phaseStatus: "FAILED" },
          ],
          logs: { deepLink },
        },
      ],
    });
    const error = await provider
      .apply(createAction(build), () => undefined)
      .catch((e: unknown) => e);
    expect(isLabenvError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `the image build of ${build.key} ended FAILED in phase BUILD: log at ${deepLink}`,
    );
  });

  it("names the lab's missing repository instead of creating one (infra/ owns repositories)", async () => {
    aws.ecr
      .on(DescribeRepositoriesCommand, { repositoryNames: ["labenv/genomics-core"] })
      .rejects(notFound("RepositoryNotFoundException"));
    await expect(provider.apply(createAction(build), () => undefined)).rejects.toThrow(
      "the lab's image repository labenv/genomics-core does not exist in ECR",
    );
  });

  it("observes every lab's images with one ListImages per lab, mapping tags back to keys", async () => {
    aws.ecr.on(DescribeRepositoriesCommand, {}).resolves({
      repositories: [
        {
          repositoryName: "labenv/genomics-core",
          repositoryUri: `${REGISTRY}/labenv/genomics-core`,
        },
        { repositoryName: "labenv/neuro-lab", repositoryUri: `${REGISTRY}/labenv/neuro-lab` },
        { repositoryName: "labenv-base", repositoryUri: `${REGISTRY}/labenv-base` },
        { repositoryName: "someone-else", repositoryUri: `${REGISTRY}/someone-else` },
      ],
    });
    aws.ecr.on(ListImagesCommand, { repositoryName: "labenv/genomics-core" }).resolves({
      imageIds: [
        { imageTag: tag, imageDigest: PUSHED },
        { imageTag: "latest", imageDigest: `sha256:${"c".repeat(64)}` },
      ],
    });
    aws.ecr.on(ListImagesCommand, { repositoryName: "labenv/neuro-lab" }).resolves({
      imageIds: [{ imageTag: "spike-sorting-ctx-0123456789abcdef", imageDigest: PUSHED }],
    });
    const images = await imageBuildDriver.observe({
      config: { ...CONFIG, imageBuild: BUILD },
      clients: aws.clients,
      keyOf: () => undefined,
    });
    expect(images.map((r) => [r.key, r.environment, r.id])).toEqual([
      [build.key, "genomics-core/rnaseq", `${REGISTRY}/labenv/genomics-core@${PUSHED}`],
      [
        "image-build:neuro-lab/spike-sorting@ctx-0123456789abcdef",
        "neuro-lab/spike-sorting",
        `${REGISTRY}/labenv/neuro-lab@${PUSHED}`,
      ],
    ]);
    expect(aws.callCounts()["ecr.ListImages"]).toBe(2);
    expect(aws.callCounts()["ecr.DescribeImages"]).toBeUndefined();
  });
});
