import {
  BatchGetBuildsCommand,
  ListBuildsForProjectCommand,
  StartBuildCommand,
  type Build,
} from "@aws-sdk/client-codebuild";
import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  paginateDescribeRepositories,
  paginateListImages,
} from "@aws-sdk/client-ecr";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { LabenvError } from "../../core/errors.js";
import { contextDigest } from "../../core/image/build-context.js";
import { imageBuildKey } from "../../core/kinds/image-build.js";
import type { Action } from "../../core/model/plan.js";
import { TAG, type ImageBuildSpec, type ObservedResource } from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import {
  baseCopyTag,
  buildSourceKey,
  ecrImageTag,
  LAB_REPOSITORY_PREFIX,
  parseEcrImageTag,
  type ImageBuildConfig,
} from "./image-build-names.js";
import {
  desiredOf,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";

/**
 * Environment images on AWS: a CodeBuild project deployed once by infra/ builds the context
 * (uploaded to S3 under its digest) and pushes it to the lab's ECR repository under an immutable
 * tag. The reconciler only uploads, starts builds and reads their results; it never changes the
 * project. Observe is one DescribeRepositories and one ListImages per lab, never a call per
 * environment.
 */
export const imageBuildDriver: ResourceDriver<"image-build"> = {
  kind: "image-build",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"image-build">[]> {
    if (ctx.config.imageBuild === undefined) return [];
    const found: ObservedResource<"image-build">[] = [];
    for await (const page of paginateDescribeRepositories({ client: ctx.clients.ecr }, {})) {
      for (const repo of page.repositories ?? []) {
        const name = repo.repositoryName ?? "";
        if (!name.startsWith(LAB_REPOSITORY_PREFIX)) continue;
        const lab = name.slice(LAB_REPOSITORY_PREFIX.length);
        for await (const images of paginateListImages(
          { client: ctx.clients.ecr },
          { repositoryName: name, filter: { tagStatus: "TAGGED" } },
        )) {
          for (const image of images.imageIds ?? []) {
            const parsed = parseEcrImageTag(image.imageTag ?? "");
            if (parsed === undefined || image.imageDigest === undefined) continue;
            found.push(
              observed(
                lab,
                parsed.environment,
                parsed.tag,
                name,
                repo.repositoryUri!,
                image.imageDigest,
              ),
            );
          }
        }
      }
    }
    return found;
  },

  async apply(action: Action, _resolve: ResolveId, ctx: DriverContext): Promise<AppliedResource> {
    const config = ctx.config.imageBuild;
    if (config === undefined)
      throw new LabenvError(
        "config",
        `cannot build ${action.key}: no image build project is configured`,
        {
          hint: "set aws.imageBuildProject and aws.buildContextBucket in labenv.yaml (outputs of infra/)",
        },
      );
    if (action.outcome !== "create")
      throw new LabenvError("plan", `an image build is never ${action.outcome}d: ${action.key}`);
    const desired = desiredOf(action, "image-build");
    const spec = desired.spec;
    const env = desired.environment.split("/")[1] ?? desired.environment;
    const tag = ecrImageTag(env, spec.tag);
    const uri = await repositoryUri(ctx, spec.repository);
    // The same context never builds twice: an image under its immutable tag is the result.
    const pushed = await pushedDigest(ctx, spec.repository, tag);
    if (pushed !== undefined) return { key: action.key, id: `${uri}@${pushed}` };
    if (contextDigest(spec.files) !== spec.contextDigest)
      throw new LabenvError(
        "internal",
        `the build context of ${action.key} does not match its digest`,
      );
    const source = buildSourceKey(spec.contextDigest);
    const running = await runningBuild(ctx, config, source);
    const build = running ?? (await startBuild(ctx, config, source, spec, uri, tag));
    const done = await finished(ctx, config, build.id!);
    if (done.buildStatus !== "SUCCEEDED") throw failedBuild(action.key, done);
    const digest = await pushedDigest(ctx, spec.repository, tag);
    if (digest === undefined)
      throw new LabenvError(
        "provider",
        `the image build of ${action.key} succeeded but ${spec.repository}:${tag} is not in ECR`,
        { hint: `check the build's log: ${logLocation(done)}` },
      );
    return { key: action.key, id: `${uri}@${digest}` };
  },
};

function observed(
  lab: string,
  env: string,
  tag: string,
  repository: string,
  uri: string,
  digest: string,
): ObservedResource<"image-build"> {
  const key = imageBuildKey(lab, env, tag);
  const environment = `${lab}/${env}`;
  return {
    kind: "image-build",
    key,
    environment,
    id: `${uri}@${digest}`,
    // ECR keeps the tag, not the context: what only the build knew (base, summary, files) is not observed.
    spec: { repository, tag, contextDigest: "", base: "", summary: "", files: [] },
    tags: { [TAG.environment]: environment, [TAG.lab]: lab, [TAG.resource]: key },
    status: "pushed",
  };
}

async function repositoryUri(ctx: DriverContext, repository: string): Promise<string> {
  try {
    const found = await ctx.clients.ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: [repository] }),
    );
    return found.repositories![0]!.repositoryUri!;
  } catch (e) {
    if (e instanceof Error && e.name === "RepositoryNotFoundException")
      throw new LabenvError(
        "provider",
        `the lab's image repository ${repository} does not exist in ECR`,
        {
          cause: e,
          hint: "infra/ creates one repository per lab: add the lab to infra/ and deploy it",
        },
      );
    throw e;
  }
}

async function pushedDigest(
  ctx: DriverContext,
  repository: string,
  tag: string,
): Promise<string | undefined> {
  try {
    const found = await ctx.clients.ecr.send(
      new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageTag: tag }] }),
    );
    return found.imageDetails?.[0]?.imageDigest;
  } catch (e) {
    if (e instanceof Error && e.name === "ImageNotFoundException") return undefined;
    throw e;
  }
}

/** A build of the same source still running (a reconcile that stopped while waiting): wait for it instead. */
async function runningBuild(
  ctx: DriverContext,
  config: ImageBuildConfig,
  source: string,
): Promise<Build | undefined> {
  const listed = await ctx.clients.codebuild.send(
    new ListBuildsForProjectCommand({ projectName: config.project, sortOrder: "DESCENDING" }),
  );
  const ids = (listed.ids ?? []).slice(0, 20);
  if (ids.length === 0) return undefined;
  const builds = await ctx.clients.codebuild.send(new BatchGetBuildsCommand({ ids }));
  return (builds.builds ?? []).find(
    (b) =>
      b.buildStatus === "IN_PROGRESS" && b.source?.location === `${config.contextBucket}/${source}`,
  );
}

async function startBuild(
  ctx: DriverContext,
  config: ImageBuildConfig,
  source: string,
  spec: ImageBuildSpec,
  uri: string,
  tag: string,
): Promise<Build> {
  // Content-addressed: uploading the same context again writes the same bytes under the same keys.
  for (const file of spec.files) {
    await ctx.clients.s3.send(
      new PutObjectCommand({
        Bucket: config.contextBucket,
        Key: `${source}${file.path}`,
        Body: file.content,
      }),
    );
  }
  const started = await ctx.clients.codebuild.send(
    new StartBuildCommand({
      projectName: config.project,
      sourceTypeOverride: "S3",
      sourceLocationOverride: `${config.contextBucket}/${source}`,
      // A lost reply retried within five minutes returns the same build.
      idempotencyToken: `${spec.repository.replace(/\//g, "-")}-${tag}`,
      environmentVariablesOverride: [
        { name: "LABENV_IMAGE", value: `${uri}:${tag}`, type: "PLAINTEXT" },
        { name: "LABENV_BASE_IMAGE", value: spec.base, type: "PLAINTEXT" },
        { name: "LABENV_BASE_COPY_TAG", value: baseCopyTag(spec.base), type: "PLAINTEXT" },
        { name: "LABENV_CONTEXT_DIGEST", value: spec.contextDigest, type: "PLAINTEXT" },
      ],
    }),
  );
  return started.build!;
}

async function finished(ctx: DriverContext, config: ImageBuildConfig, id: string): Promise<Build> {
  const wait = config.pollMilliseconds ?? 15_000;
  const deadline = Date.now() + (config.waitMinutes ?? 60) * 60_000;
  for (;;) {
    const found = await ctx.clients.codebuild.send(new BatchGetBuildsCommand({ ids: [id] }));
    const build = found.builds?.[0];
    if (build === undefined) throw new LabenvError("provider", `CodeBuild has no build ${id}`);
    if (build.buildStatus !== "IN_PROGRESS") return build;
    if (Date.now() > deadline)
      throw new LabenvError("provider", `the image build ${id} is still running`, {
        hint: "run the reconcile again: it waits for this build instead of starting another",
      });
    await new Promise((r) => setTimeout(r, wait));
  }
}

function logLocation(build: Build): string {
  return (
    build.logs?.deepLink ??
    build.logs?.s3DeepLink ??
    (build.logs?.groupName
      ? `${build.logs.groupName}/${build.logs.streamName ?? ""}`
      : undefined) ??
    `CodeBuild build ${build.id ?? "?"}`
  );
}

function failedBuild(key: string, build: Build): LabenvError {
  const phase = build.phases?.find(
    (p) => p.phaseStatus !== undefined && p.phaseStatus !== "SUCCEEDED",
  );
  return new LabenvError(
    "provider",
    `the image build of ${key} ended ${build.buildStatus ?? "?"}${phase?.phaseType ? ` in phase ${phase.phaseType}` : ""}: log at ${logLocation(build)}`,
    { hint: "the running task is untouched; fix the environment (or the pack) and merge again" },
  );
}
