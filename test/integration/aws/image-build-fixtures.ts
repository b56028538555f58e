// What infra/ deploys for environment images, created in moto for tests: the lab's immutable
// ECR repository, the object bucket that holds build contexts, and the CodeBuild project. moto
// runs no builds, so tests push IMAGE_MANIFEST themselves where a build would.
import { CreateProjectCommand } from "@aws-sdk/client-codebuild";
import { CreateRepositoryCommand } from "@aws-sdk/client-ecr";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { REGION } from "./aws-test-clients.js";

export const BUILD_PROJECT = "labenv-image-build";
export const CONTEXT_BUCKET = "labenv-objects";

/** The smallest manifest ECR accepts, standing in for the image a build pushes. */
export const IMAGE_MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: "application/vnd.docker.distribution.manifest.v2+json",
  config: {
    mediaType: "application/vnd.docker.container.image.v1+json",
    size: 1,
    digest: `sha256:${"1".repeat(64)}`,
  },
  layers: [],
});

export async function createImageBuildInfrastructure(
  clients: AwsClients,
  lab: string,
): Promise<void> {
  await clients.ecr.send(
    new CreateRepositoryCommand({
      repositoryName: `labenv/${lab}`,
      imageTagMutability: "IMMUTABLE",
    }),
  );
  await clients.s3.send(
    new CreateBucketCommand({
      Bucket: CONTEXT_BUCKET,
      CreateBucketConfiguration: { LocationConstraint: REGION },
    }),
  );
  await clients.codebuild.send(
    new CreateProjectCommand({
      name: BUILD_PROJECT,
      source: { type: "S3", location: `${CONTEXT_BUCKET}/build-contexts/` },
      artifacts: { type: "NO_ARTIFACTS" },
      environment: {
        type: "LINUX_CONTAINER",
        image: "aws/codebuild/standard:7.0",
        computeType: "BUILD_GENERAL1_MEDIUM",
        privilegedMode: true,
      },
      serviceRole: "arn:aws:iam::123456789012:role/labenv-image-build",
    }),
  );
}
