import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { readConfigFiles, readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import { FileStateStore } from "../adapters/file/file-state-store.js";
import { DirectoryObjectStore } from "../adapters/file/directory-object-store.js";
import { currentCommit } from "../adapters/git/current-commit.js";
import { indexForChecks } from "../adapters/package-index/embedded-index.js";
import { packImageRegistry } from "../adapters/sandbox/sandbox-image.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { LabenvError } from "../core/errors.js";
import type { RepoFile } from "../core/load/load-repository.js";
import type { PackageIndexData } from "../core/lock/package-index.js";
import type { RepoConfig, Repository } from "../core/model/documents.js";
import { createSchemaValidator, type SchemaCheck } from "../core/validate/schema-validator.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { StateStore } from "../ports/state-store.js";
import { loadRepository } from "../core/load/load-repository.js";
import { requireUsableConfig } from "../core/load/repo-config.js";
import type { LambdaEnv } from "../lambda/lambda-env.js";
import { leaseOwner } from "./lease-holder.js";
import { awsApplyLanes } from "../adapters/aws/aws-apply-lanes.js";

/** Everything a command that talks to the provider needs, built from labenv.yaml. */
export interface RunContext {
  dir: string;
  files: RepoFile[];
  /** The documents of `files` that loaded (read once here, shared by every step of a command). */
  repository: Repository;
  config: RepoConfig["spec"];
  commit: string;
  /** The embedded package index (empty when labenv.yaml names a remote index). */
  index: PackageIndexData;
  /** The index lock checks use: undefined for a remote index (checks skip the dependency walk). */
  checkIndex: PackageIndexData | undefined;
  provider: Provider;
  state: StateStore;
  objects: ObjectStore;
  check: SchemaCheck;
  /** With target: aws, where labenv.yaml `aws:` points (snapshot capture runs one-off tasks there). */
  aws?: LambdaEnv;
  runId: string;
  owner: string;
}

/**
 * The AWS ports from labenv.yaml `aws:` (credentials from the usual AWS SDK
 * chain). The SDK is loaded on first use, so sandbox commands never pay for it.
 * The provider remembers described task definition revisions in `objects`.
 */
function lazyAws(
  config: RepoConfig["spec"],
  objects?: ObjectStore,
): { provider: Provider; state: StateStore; env: LambdaEnv } {
  const aws = config.aws ?? {};
  const missing = (["region", "cluster", "fileSystemId"] as const).filter((k) => !aws[k]);
  if (missing.length > 0)
    throw new LabenvError(
      "config",
      `target: aws needs aws.${missing.join(", aws.")} in labenv.yaml`,
      { hint: "copy the LabenvYamlAws output of the infra/ stack into labenv.yaml" },
    );
  if (config.state?.store === "dynamodb" && !config.state.table)
    throw new LabenvError("config", "state.store: dynamodb needs state.table in labenv.yaml");
  const env: LambdaEnv = {
    region: aws.region!,
    cluster: aws.cluster!,
    fileSystemId: aws.fileSystemId!,
    subnets: aws.subnets ?? [],
    securityGroups: aws.securityGroups ?? [],
    taskRoleArns: (aws.taskRoleArns ?? {}) as Record<string, string>,
    stateTable: config.state?.table ?? "",
    ...(aws.endpoint ? { endpoint: aws.endpoint } : {}),
    ...(aws.taskRoleBoundaryArn ? { taskRoleBoundaryArn: aws.taskRoleBoundaryArn } : {}),
    ...(aws.backupVaultName ? { backupVaultName: aws.backupVaultName } : {}),
    ...(aws.backupRoleArn ? { backupRoleArn: aws.backupRoleArn } : {}),
    ...(aws.restoreMoveRoleArn ? { restoreMoveRoleArn: aws.restoreMoveRoleArn } : {}),
    ...(aws.infrastructureRoleArn ? { ebsRoleArn: aws.infrastructureRoleArn } : {}),
    ...(aws.imageBuildProject ? { imageBuildProject: aws.imageBuildProject } : {}),
    ...(aws.buildContextBucket ? { buildContextBucket: aws.buildContextBucket } : {}),
    ...(aws.vpcId ? { vpcId: aws.vpcId } : {}),
    ...(aws.listenerArn ? { listenerArn: aws.listenerArn } : {}),
    ...(aws.wakeTargetGroupArn ? { wakeTargetGroupArn: aws.wakeTargetGroupArn } : {}),
  };
  const routing = ["vpcId", "listenerArn", "wakeTargetGroupArn"] as const;
  const lacking = routing.filter((k) => !aws[k]);
  if (config.access && !config.access.authorizerImage)
    throw new LabenvError(
      "config",
      "access: in labenv.yaml with target: aws needs access.authorizerImage: the authorizer that runs in front of Jupyter in every task (an image by digest)",
      {
        hint: "build it from reconciler/adapters/access/Dockerfile and push it to ECR (docs/deploy-aws.md)",
      },
    );
  if (config.access && lacking.length > 0)
    throw new LabenvError(
      "config",
      `access: in labenv.yaml routes every environment through the load balancer, and target: aws then needs aws.${lacking.join(", aws.")}`,
      { hint: "copy them from the LabenvYamlAws output of the infra/ stack" },
    );
  if (!!env.imageBuildProject !== !!env.buildContextBucket)
    throw new LabenvError(
      "config",
      `aws.${env.imageBuildProject ? "imageBuildProject" : "buildContextBucket"} in labenv.yaml needs aws.${env.imageBuildProject ? "buildContextBucket" : "imageBuildProject"} too`,
      { hint: "copy both from the LabenvYamlAws output of the infra/ stack" },
    );
  let ports: Promise<ReturnType<typeof import("../lambda/aws-context.js").awsContext>> | undefined;
  const load = () =>
    (ports ??= import("../lambda/aws-context.js").then((m) => m.awsContext(env, objects)));
  const provider: Provider = {
    name: "aws",
    label: `aws ${env.region} / cluster ${env.cluster}`,
    buildsImages: env.imageBuildProject !== undefined,
    lanes: awsApplyLanes(),
    observe: async () => (await load()).provider.observe(),
    activity: async (environments) => {
      const p = (await load()).provider;
      return p.activity ? p.activity(environments) : new Map();
    },
    apply: async (action, resolve) => (await load()).provider.apply(action, resolve),
  };
  const state = new Proxy({} as StateStore, {
    get:
      (_t, method: keyof StateStore) =>
      async (...args: unknown[]) =>
        ((await load()).state[method] as (...a: unknown[]) => unknown)(...args),
  });
  return { provider, state, env };
}

/**
 * labenv.yaml `objects: { store: s3, bucket, prefix }`: the same bucket the reconciler Lambda
 * and the agents write (manifests, observations, drift reports, verify and drill records), so a
 * workstation reads what AWS holds. The SDK is loaded on first use.
 */
function lazyS3Objects(config: RepoConfig["spec"]): ObjectStore {
  const o = config.objects ?? {};
  const region = config.aws?.region;
  if (!o.bucket || !region)
    throw new LabenvError(
      "config",
      `objects.store: s3 in labenv.yaml needs ${!o.bucket ? "objects.bucket" : "aws.region"}`,
      { hint: "copy the object bucket from the LabenvYamlAws output of the infra/ stack" },
    );
  const endpoint = config.aws?.endpoint;
  let store: Promise<ObjectStore> | undefined;
  const load = () =>
    (store ??= import("../lambda/aws-context.js").then((m) =>
      m.s3Objects({ region, ...(endpoint ? { endpoint } : {}) }, o.bucket!, o.prefix),
    ));
  return {
    put: async (key, body, contentType) => (await load()).put(key, body, contentType),
    get: async (key) => (await load()).get(key),
    list: async (prefix) => (await load()).list(prefix),
  };
}

/** Reads the index lock checks use at most once; throws its error on every read when it is unusable. */
function readIndexOnce(dir: string, repository: Repository): () => PackageIndexData | undefined {
  let result: { data: PackageIndexData | undefined } | { error: unknown } | undefined;
  return () => {
    if (!result) {
      try {
        result = { data: indexForChecks(dir, repository) };
      } catch (error) {
        result = { error };
      }
    }
    if ("error" in result) throw result.error;
    return result.data;
  };
}

/**
 * The state store labenv.yaml names, from labenv.yaml alone: for a command
 * that only reads what the reconciler recorded (`labenv audit`'s share grants
 * and revokes), so it neither parses every document of the checkout nor asks
 * git for the commit. labenv.yaml with errors refuses it as openContext does.
 */
export function openStateStore(dir: string): StateStore {
  const { repository, diagnostics } = loadRepository(readConfigFiles(dir), createSchemaValidator());
  requireUsableConfig(diagnostics);
  const config: RepoConfig["spec"] = repository.config?.doc.spec ?? { target: "sandbox" };
  const stateDir = join(dir, config.state?.directory ?? ".labenv");
  if (config.state?.store !== "dynamodb") return new FileStateStore(join(stateDir, "state"));
  const objects: ObjectStore =
    config.objects?.store === "s3"
      ? lazyS3Objects(config)
      : new DirectoryObjectStore(join(stateDir, "objects"));
  return lazyAws(config, objects).state;
}

export function openContext(dir: string, now: () => Date): RunContext {
  // Read and check the files once; the schema validator compiles once (≈200 ms).
  const files = readRepositoryFiles(dir);
  const check = createSchemaValidator();
  const { repository, diagnostics } = loadRepository(files, check);
  // Everything below is built from labenv.yaml: never from a guess when it has errors.
  requireUsableConfig(diagnostics);
  const config: RepoConfig["spec"] = repository.config?.doc.spec ?? { target: "sandbox" };
  const stateDir = join(dir, config.state?.directory ?? ".labenv");
  const objects: ObjectStore =
    config.objects?.store === "s3"
      ? lazyS3Objects(config)
      : new DirectoryObjectStore(join(stateDir, "objects"));
  const aws =
    config.target === "aws" || config.state?.store === "dynamodb"
      ? lazyAws(config, objects)
      : undefined;
  const provider: Provider =
    config.target === "sandbox"
      ? new SandboxProvider(stateDir, {
          ...(config.aws?.region ? { region: config.aws.region } : {}),
          ...(config.aws?.cluster ? { cluster: config.aws.cluster } : {}),
          now,
          registry: packImageRegistry(repository),
        })
      : aws!.provider;
  const state: StateStore =
    config.state?.store === "dynamodb" ? aws!.state : new FileStateStore(join(stateDir, "state"));
  // An unusable index is thrown when a command reads it, not here: the reconciler holds back
  // every environment (each lock is checked against it) and says why, instead of stopping.
  const read = readIndexOnce(dir, repository);
  return {
    dir,
    files,
    repository,
    config,
    commit: currentCommit(dir),
    get index() {
      return read() ?? new Map();
    },
    get checkIndex() {
      return read();
    },
    provider,
    state,
    objects,
    check,
    ...(config.target === "aws" && aws ? { aws: aws.env } : {}),
    runId: randomBytes(6).toString("hex"),
    owner: leaseOwner(),
  };
}
