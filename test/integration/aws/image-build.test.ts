// The image build against moto's ECR, CodeBuild and S3: an image already under the context's
// tag is used and no build starts; otherwise the context lands in S3 under its digest, one build
// of the project starts, and the digest ECR holds afterwards is the result.
import { BatchGetBuildsCommand, ListBuildsForProjectCommand } from "@aws-sdk/client-codebuild";
import { PutImageCommand } from "@aws-sdk/client-ecr";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import { createAction } from "../../adapters/aws/fixtures/environment-resources.js";
import { imageBuildResource } from "../../adapters/aws/fixtures/image-build-resource.js";
import { useMoto } from "../moto.js";
import { CREDENTIALS, REGION, testClients } from "./aws-test-clients.js";
import {
  BUILD_PROJECT,
  CONTEXT_BUCKET,
  IMAGE_MANIFEST,
  createImageBuildInfrastructure,
} from "./image-build-fixtures.js";

const moto = useMoto();

/**
 * moto's CodeBuild answers timestamps as ISO strings where AWS's JSON protocol sends epoch
 * seconds, which the SDK refuses ("Expected real number"). Rewrite them on the wire, below the
 * deserializer, so everything else of moto's answer is read as the SDK reads AWS's.
 */
function withEpochTimestamps(client: AwsClients["codebuild"]): void {
  client.middlewareStack.addRelativeTo(
    ((next: (args: unknown) => Promise<{ response: { body: unknown } }>) =>
      async (args: unknown) => {
        const out = await next(args);
        const body = out.response.body as AsyncIterable<Uint8Array> | undefined;
        if (body === undefined || typeof body[Symbol.asyncIterator] !== "function") return out;
        const chunks: Buffer[] = [];
        for await (const chunk of body) chunks.push(Buffer.from(chunk));
        const text = Buffer.concat(chunks)
          .toString("utf8")
          .replace(
            /"(\w*Time)": "(\d{4}-\d\d-\d\dT[^"]+)"/g,
            (_m, key: string, iso: string) => `"${key}": ${Date.parse(iso) / 1000}`,
          );
        out.response.body = Readable.from([Buffer.from(text)]);
        return out;
      }) as never,
    { relation: "after", toMiddleware: "deserializerMiddleware", name: "motoEpochTimestamps" },
  );
}
const PROJECT = BUILD_PROJECT;
const BUCKET = CONTEXT_BUCKET;
const MANIFEST = IMAGE_MANIFEST;

describe("image build (moto: ECR, CodeBuild, S3)", () => {
  let clients: AwsClients;
  let provider: AwsProvider;
  const build = imageBuildResource();
  const tag = `rnaseq-${build.spec.tag}`;

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    withEpochTimestamps(clients.codebuild);
    await createImageBuildInfrastructure(clients, "genomics-core");
    provider = new AwsProvider(
      {
        region: REGION,
        cluster: "labenv",
        fileSystemId: "fs-0123456789abcdef0",
        subnets: [],
        securityGroups: [],
        endpoint: moto.endpoint,
        credentials: CREDENTIALS,
        imageBuild: { project: PROJECT, contextBucket: BUCKET, pollMilliseconds: 20 },
      },
      clients,
    );
  });

  const builds = async () =>
    (await clients.codebuild.send(new ListBuildsForProjectCommand({ projectName: PROJECT }))).ids ??
    [];

  it("uses the image already pushed under the context's tag: no upload, no build", async () => {
    const pushed = await clients.ecr.send(
      new PutImageCommand({
        repositoryName: "labenv/genomics-core",
        imageManifest: MANIFEST,
        imageTag: tag,
      }),
    );
    const applied = await provider.apply(createAction(build), () => undefined);
    expect(applied.id).toMatch(/\/labenv\/genomics-core@sha256:[0-9a-f]{64}$/);
    expect(applied.id.endsWith(`@${pushed.image?.imageId?.imageDigest}`)).toBe(true);
    expect(await builds()).toEqual([]);
  });

  /** moto runs nothing: stand in for the build's push when StartBuild returns. */
  function pushOnStartBuild(): { digest: () => string | undefined } {
    let digest: string | undefined;
    clients.codebuild.middlewareStack.add(
      ((next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
        async (args: unknown) => {
          const out = await next(args);
          if (context.commandName === "StartBuildCommand") {
            const pushed = await clients.ecr.send(
              new PutImageCommand({
                repositoryName: "labenv/genomics-core",
                imageManifest: MANIFEST,
                imageTag: tag,
              }),
            );
            digest = pushed.image?.imageId?.imageDigest;
          }
          return out;
        }) as never,
      { step: "initialize", name: "motoStandInPush" },
    );
    return { digest: () => digest };
  }

  it("uploads the context, starts exactly one build, and reads the digest the build pushed", async () => {
    const push = pushOnStartBuild();
    const applied = await provider.apply(createAction(build), () => undefined);
    const ids = await builds();
    expect(ids).toHaveLength(1);
    expect(push.digest()).toMatch(/^sha256:/);
    expect(applied.id.endsWith(`@${push.digest()}`)).toBe(true);
    const started = await clients.codebuild.send(new BatchGetBuildsCommand({ ids }));
    expect(started.builds?.[0]?.projectName).toBe(PROJECT);
    const hex = build.spec.contextDigest.slice(7);
    const dockerfile = await clients.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `build-contexts/${hex}/Dockerfile` }),
    );
    expect(await dockerfile.Body?.transformToString()).toBe(build.spec.files[0]!.content);

    // Applied again (the next reconcile), the pushed tag is found: still one build.
    await provider.apply(createAction(build), () => undefined);
    expect(await builds()).toHaveLength(1);
  });

  it("refuses a build that succeeded without pushing its tag", async () => {
    await expect(provider.apply(createAction(build), () => undefined)).rejects.toThrow(
      `succeeded but labenv/genomics-core:${tag} is not in ECR`,
    );
  });

  it("finds the pushed image when observing, as the environment's build key", async () => {
    await clients.ecr.send(
      new PutImageCommand({
        repositoryName: "labenv/genomics-core",
        imageManifest: MANIFEST,
        imageTag: tag,
      }),
    );
    const { imageBuildDriver } =
      await import("../../../reconciler/adapters/aws/image-build-driver.js");
    const observed = await imageBuildDriver.observe({
      config: {
        region: REGION,
        cluster: "labenv",
        fileSystemId: "fs-0",
        subnets: [],
        securityGroups: [],
        imageBuild: { project: PROJECT, contextBucket: BUCKET },
      },
      clients,
      keyOf: () => undefined,
    });
    expect(observed.map((o) => [o.key, o.environment])).toEqual([
      [build.key, "genomics-core/rnaseq"],
    ]);
  });
});
