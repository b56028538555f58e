/** Where image builds run on AWS: outputs of infra/ (labenv.yaml `aws.imageBuildProject`, `aws.buildContextBucket`). */
export interface ImageBuildConfig {
  /** The CodeBuild project infra/ deploys; the reconciler starts builds of it and never changes it. */
  project: string;
  /** The bucket build contexts are uploaded to, under `build-contexts/<context digest>/`. */
  contextBucket: string;
  /** How often a running build is looked at. Default 15 s. */
  pollMilliseconds?: number;
  /** How long apply waits for one build before it stops (the next reconcile waits on). Default 60. */
  waitMinutes?: number;
}

/** Each lab's repository: `labenv/<lab>` (created by infra/). */
export const LAB_REPOSITORY_PREFIX = "labenv/";
/** The lab-owned copies of the domain packs' images (created by infra/), tagged by digest. */
export const BASE_REPOSITORY = "labenv-base";
export const BUILD_CONTEXT_PREFIX = "build-contexts/";

/**
 * The immutable ECR tag of an environment's image: the environment's name and the context tag,
 * so one ListImages per lab maps every image back to its environment.
 */
export function ecrImageTag(environment: string, contextTag: string): string {
  return `${environment}-${contextTag}`;
}

export function parseEcrImageTag(tag: string): { environment: string; tag: string } | undefined {
  const m = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-(ctx-[0-9a-f]{16})$/.exec(tag);
  return m ? { environment: m[1]!, tag: m[2]! } : undefined;
}

/** The S3 prefix of a build context: its digest names it, so the same context is the same objects. */
export function buildSourceKey(digest: string): string {
  return `${BUILD_CONTEXT_PREFIX}${digest.replace(/^sha256:/, "")}/`;
}

/** The tag of the lab's copy of a pack image (`…@sha256:<hex>` → `sha256-<hex>`): content-addressed, immutable. */
export function baseCopyTag(base: string): string {
  const digest = /@sha256:([0-9a-f]{64})$/.exec(base);
  if (!digest) throw new Error(`the base image ${base} is not pinned by digest`);
  return `sha256-${digest[1]}`;
}
