import type { Action } from "../../../core/model/plan.js";
import { TAG, type ImageBuildSpec, type ObservedResource } from "../../../core/model/resources.js";
import { contextDigest } from "../../../core/image/build-context.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { awsError, checkTags, type SandboxAccount } from "../sandbox-account.js";
import { buildImage, imageDigest, type ImageRegistry } from "../sandbox-image.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";
import type { SandboxStorage } from "../sandbox-storage.js";

/** The account's registry host, as ECR names it. */
export function registryHost(account: SandboxAccount): string {
  return `${account.accountId}.dkr.ecr.${account.region}.amazonaws.com`;
}

/**
 * An image build, as CodeBuild would run it: the context is checked against its digest, the
 * Dockerfile is run on the pack image pulled from the registry, and the result is pushed under
 * its immutable tag. A tag already pushed is never built again.
 */
export function imageBuildDriver(
  registry: ImageRegistry,
  storage?: SandboxStorage,
): SandboxDriver<"image-build"> {
  return {
    kind: "image-build",
    observe,
    apply: (account, action, _resolve: ResolveId, now) =>
      build(account, action, registry, now, storage),
  };
}

function build(
  account: SandboxAccount,
  action: Action,
  registry: ImageRegistry,
  now: Date,
  storage: SandboxStorage | undefined,
): AppliedResource {
  const spec = action.desired!.spec as ImageBuildSpec;
  const images = (account.images ??= []);
  const pushed = images.find((i) => i.repository === spec.repository && i.tag === spec.tag);
  if (pushed) return { key: action.key, id: pushed.id };
  checkTags(action.desired!.tags);
  if (contextDigest(spec.files) !== spec.contextDigest)
    throw awsError("BuildFailed", `the build context of ${action.key} does not match its digest`);
  const { contents, base, layer } = buildImage(spec.files, registry);
  // The image's own files are kept by content, as a registry keeps layers: a start reads them back.
  for (const content of layer.values()) storage?.storeImageFile(content);
  const digest = imageDigest(base, spec.contextDigest);
  const id = `${registryHost(account)}/${spec.repository}@${digest}`;
  images.push({
    id,
    repository: spec.repository,
    tag: spec.tag,
    digest,
    contextDigest: spec.contextDigest,
    base,
    summary: spec.summary,
    pushedAt: now.toISOString(),
    tags: { ...action.desired!.tags },
    contents,
  });
  return { key: action.key, id };
}

function observe(account: SandboxAccount): ObservedResource<"image-build">[] {
  return (account.images ?? [])
    .filter((i) => i.tags[TAG.resource])
    .map((i) => ({
      kind: "image-build" as const,
      key: i.tags[TAG.resource]!,
      environment: i.tags[TAG.environment] ?? "",
      id: i.id,
      spec: {
        repository: i.repository,
        tag: i.tag,
        contextDigest: i.contextDigest,
        base: i.base,
        summary: i.summary,
        files: [],
      },
      tags: owned(i.tags),
      status: "pushed",
    }));
}
