import type { ContextFile } from "../image/build-context.js";
import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/**
 * An environment's own image, built from its lock's build context and pushed to the lab's
 * repository under an immutable tag named after the context's digest. The task definition runs
 * it by digest (the provider resolves the key to `repository@sha256:…`).
 */
export interface ImageBuildSpec {
  /** The lab's image repository, e.g. `labenv/genomics-core`. */
  repository: string;
  /** `ctx-` and the context digest's first 16 hex digits: immutable, one per lock. */
  tag: string;
  contextDigest: string;
  /** The pack image it builds on, by digest. */
  base: string;
  /** What the image adds to its base, for the plan. */
  summary: string;
  /** The build context (Dockerfile, requirement files, Jupyter settings). */
  files: ContextFile[];
}

/** The key of an image build names the context it builds: a new lock is a new build, never a rebuild. */
export function imageBuildKey(lab: string, env: string, tag: string): string {
  return `image-build:${lab}/${env}@${tag}`;
}

export function isImageBuildKey(ref: string): boolean {
  return ref.startsWith("image-build:");
}

/** A record: built once per context and never rebuilt or deleted (a lock or snapshot may still name it). */
export const imageBuild: KindModule<"image-build"> = {
  ...KIND_DEFAULTS,
  kind: "image-build",
  stage: "images",
  dependsOnKinds: [],
  lifecycle: "record",
  onChange: "update",
  dependencies: () => [],
  createReason: (d) => `build image ${d.environment}: ${d.spec.summary}`,
  changeReason: (d, what) => `update image build ${d.key}: ${what}`,
  deleteReason: (o) => `${o.environment} was removed from git`,
};
