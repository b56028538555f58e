import { lockDigest } from "../lock/build-lock.js";
import { tierScheduleOf } from "../snapshots/retention.js";
import { monthlyCost } from "../cost/estimate.js";
import { pricesFor } from "../cost/prices.js";
import { envKey, type EnvironmentLock, type Loaded, type Repository } from "../model/documents.js";
import { newResource } from "../kinds/new-resource.js";
import { KINDS } from "../kinds/registry.js";
import {
  type DesiredEnvironment,
  type DesiredResource,
  type DesiredState,
  type ResourceKind,
  type SpecByKind,
} from "../model/resources.js";
import { publishedVersions, resolvePack } from "../packs/resolve-pack.js";
import { buildContext } from "../image/build-context.js";
import { packExamples } from "../packs/pack-examples.js";
import { imageBuildKey } from "../kinds/image-build.js";
import { AUTHORIZER, CONTAINER, ecsName, keys, paths } from "./names.js";
import { environmentPath, rulePriorities } from "../access/environment-address.js";
import { targetGroupName } from "../kinds/target-group.js";
import { taskRoleArn, taskRoleSpec } from "../kinds/task-role.js";
import { WAKE_TARGET } from "../kinds/listener-rule.js";
import { accessListFor } from "../access/access-list.js";
import {
  authorizerEnvironment,
  loadBalancerOfListener,
  SANDBOX_AUTHORIZER_IMAGE,
  SANDBOX_LOAD_BALANCER_ARN,
} from "../access/task-access.js";
import { shareGrants } from "./share-grants.js";
import type { RestorePin } from "../snapshots/restore-decision.js";
import { dueScheduledSnapshots } from "../snapshots/schedule.js";
import {
  successionDue,
  successionEnvironments,
  successionSnapshotName,
} from "../successions/succession-environments.js";
import { cloneSnapshotName, liveCloneShares } from "../shares/clone-shares.js";

export const DEFAULT_STORAGE_GIB = 50;

/**
 * Settings the runtime knows better than labenv.yaml: the subnets, security
 * groups and roles infra/ created, handed to the reconciler Lambda in its
 * environment. A value labenv.yaml sets explicitly wins.
 */
export interface RuntimeSettings {
  subnets?: string[];
  securityGroups?: string[];
  taskRoleArns?: Record<string, string>;
  /** The permissions boundary of environment task roles: with it, each environment wears its own role. */
  taskRoleBoundaryArn?: string;
  /** The research file system (its ARN is in each environment role's policy). */
  fileSystemId?: string;
  taskExecutionRoleArn?: string;
  logGroup?: string;
  /**
   * Whether the provider builds environment images (the sandbox does; CodeBuild on AWS is not
   * built yet). Without it: when labenv.yaml's target is the sandbox.
   */
  imageBuilds?: boolean;
  /**
   * Environments restored from a snapshot (`spec.restoreFrom`, decided by `decideRestore`): their
   * task runs the snapshot's image by digest and their volume is created from its EBS snapshot.
   */
  restorePins?: ReadonlyMap<string, RestorePin>;
  /**
   * The bucket the in-container agent reports observations to (the Lambda's object bucket);
   * labenv.yaml `objects: { store: s3, bucket }` wins.
   */
  observationBucket?: string;
  /**
   * Environments idle shutdown parked (`usage.parked` in the state store): desired at zero tasks,
   * their rule on the wake page, until a wake ends the parking. Git's `state` is unchanged.
   */
  parked?: ReadonlySet<string>;
  /** Running hours per week as measured (`measuredHoursPerWeek`): the cost estimate uses them. */
  measuredHoursPerWeek?: ReadonlyMap<string, number>;
  /**
   * The copies read-only shares of a snapshot open (`copyKey(share, snapshot)` → directory),
   * restored and checked (`readShareCopies`); a share of a snapshot without one grants nothing yet.
   */
  shareCopies?: ReadonlyMap<string, string>;
  /**
   * The environments (`lab/env`) each started succession (`lab/name`) recorded handing over:
   * a succession naming none grants its predecessor read access to these only.
   */
  handedOver?: ReadonlyMap<string, readonly string[]>;
}

type AwsSettings = NonNullable<NonNullable<Repository["config"]>["doc"]["spec"]["aws"]>;

function withRuntime(aws: AwsSettings, runtime: RuntimeSettings): AwsSettings {
  return {
    ...aws,
    subnets: aws.subnets?.length ? aws.subnets : (runtime.subnets ?? []),
    securityGroups: aws.securityGroups?.length
      ? aws.securityGroups
      : (runtime.securityGroups ?? []),
    taskRoleArns: { ...(runtime.taskRoleArns ?? {}), ...(aws.taskRoleArns ?? {}) },
    ...((aws.taskRoleBoundaryArn ?? runtime.taskRoleBoundaryArn)
      ? { taskRoleBoundaryArn: aws.taskRoleBoundaryArn ?? runtime.taskRoleBoundaryArn }
      : {}),
    ...((aws.fileSystemId ?? runtime.fileSystemId)
      ? { fileSystemId: aws.fileSystemId ?? runtime.fileSystemId }
      : {}),
    ...((aws.taskExecutionRoleArn ?? runtime.taskExecutionRoleArn)
      ? { taskExecutionRoleArn: aws.taskExecutionRoleArn ?? runtime.taskExecutionRoleArn }
      : {}),
    ...((aws.logGroup ?? runtime.logGroup) ? { logGroup: aws.logGroup ?? runtime.logGroup } : {}),
  };
}

/**
 * Repository + locks → the resources every environment needs: its owner's
 * EFS access point, dataset access points, a task definition (image by digest
 * from the lock), a service (desired count from `state`), and the snapshots
 * and backups that snapshot documents ask for (and succession documents from their effective
 * date on), and each read-only share's access points, mounted in the receiving members' task
 * definitions. `today` decides which shares have expired (without it none has) and which
 * successions are due (without it none is); `now`, which scheduled snapshot is due (the newest
 * slot of each environment's `spec.snapshots` schedule; without it none is). Pure.
 */
export function desire(
  repo: Repository,
  runtime: RuntimeSettings = {},
  options: { today?: string; now?: Date } = {},
): { state: DesiredState; problems: string[] } {
  const resources = new Map<string, DesiredResource>();
  const environments: DesiredEnvironment[] = [];
  const problems: string[] = [];
  const aws = withRuntime(repo.config?.doc.spec.aws ?? {}, runtime);
  const prices = pricesFor(aws.region);
  // Researcher access: routing per environment only when labenv.yaml has an `access` section.
  // Priorities come from every environment in git (held-back ones too), so none moves when
  // another is held back.
  const access = repo.config?.doc.spec.access;
  const priorities = access
    ? rulePriorities([...repo.environments.keys()])
    : new Map<string, number>();
  const shares = shareGrants(repo, options.today, runtime.shareCopies, runtime.handedOver);
  const shareMounts = new Map<string, SpecByKind["task-definition"]["datasets"]>();
  for (const g of shares.grants)
    for (const e of g.mountedIn)
      shareMounts.set(e, [
        ...(shareMounts.get(e) ?? []),
        { accessPoint: g.key, path: g.mountPath, readOnly: true },
      ]);
  const agentReport = agentReportEnvironment(repo, runtime, aws.region);
  // The sandbox builds each environment's own image from its lock; on AWS (CodeBuild) that is
  // not built yet, and the task runs the pack image the lock names.
  const buildImages =
    runtime.imageBuilds ?? (repo.config?.doc.spec.target ?? "sandbox") === "sandbox";
  /** The image build of an environment's lock, added to the desired state; its key is what the task runs. */
  const environmentImage = (
    key: string,
    env: Loaded<"Environment">,
    lock: EnvironmentLock,
  ): string => {
    const { lab: labName, name } = env.doc.metadata;
    const pack = publishedVersions(repo, lock.spec.domainPack.name).find(
      (p) => p.doc.metadata.version === lock.spec.domainPack.version,
    );
    if (!pack) return lock.spec.image;
    const ctx = buildContext({
      lock,
      environment: env.doc,
      pack: pack.doc,
      examples: packExamples(repo, pack).examples,
    });
    const buildKey = imageBuildKey(labName, name, ctx.tag);
    add("image-build", buildKey, key, labName, {
      repository: `labenv/${labName}`,
      tag: ctx.tag,
      contextDigest: ctx.digest,
      base: ctx.base,
      summary: ctx.summary,
      files: ctx.files,
    });
    return buildKey;
  };
  const add = <K extends ResourceKind>(
    kind: K,
    key: string,
    environment: string,
    lab: string,
    spec: SpecByKind[K],
  ) => {
    const dependsOn = KINDS[kind].dependencies(spec);
    resources.set(key, newResource(kind, key, environment, lab, spec, dependsOn));
  };

  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    const { lab: labName, name } = env.doc.metadata;
    const lab = repo.labs.get(labName);
    const lock = repo.locks.get(key);
    const owner = lab?.doc.spec.members.find((m) => m.id === env.doc.spec.owner);
    if (!lab || !owner || !lock) {
      problems.push(
        `${key}: ${!lab ? "lab missing" : !owner ? "owner is not a member" : "no lock"}; left out of the desired state`,
      );
      continue;
    }
    const gid = lab.doc.spec.posixGid;
    const pack = resolvePack(repo, env.doc.spec.domainPack);
    const packDefaults = pack.ok ? pack.pack.doc.spec : undefined;
    const home = keys.home(labName, name);
    add("access-point", home, key, labName, {
      purpose: "home",
      posixUser: { uid: owner.uid, gid },
      rootDirectory: {
        path: paths.home(labName, name),
        owner: { uid: owner.uid, gid },
        permissions: "0750",
      },
    });
    const datasets = [...(packDefaults?.mounts ?? []), ...(env.doc.spec.mounts ?? [])];
    const seen = new Set<string>();
    const datasetMounts: SpecByKind["task-definition"]["datasets"] = [];
    for (const m of datasets) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      const dk = keys.dataset(labName, m.dataset);
      const pi = lab.doc.spec.members.find((x) => x.id === lab.doc.spec.pi);
      add("access-point", dk, labName, labName, {
        purpose: `dataset:${m.dataset}`,
        posixUser: { uid: pi?.uid ?? owner.uid, gid },
        rootDirectory: {
          path: paths.dataset(labName, m.dataset),
          owner: { uid: pi?.uid ?? owner.uid, gid },
          permissions: "0750",
        },
      });
      datasetMounts.push({ accessPoint: dk, path: m.path, readOnly: m.readOnly ?? true });
    }
    for (const m of shareMounts.get(key) ?? []) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      datasetMounts.push(m);
    }
    const td = keys.taskDefinition(labName, name);
    const { cpu, memory } = env.doc.spec.resources;
    const digest = lockDigest(lock.doc);
    const pin = runtime.restorePins?.get(key);
    const image = pin
      ? pin.image
      : buildImages
        ? environmentImage(key, env, lock.doc)
        : lock.doc.spec.image;
    // With infra/'s boundary, the environment's own role: it may write only its own observations.
    const ownRole = aws.taskRoleBoundaryArn
      ? taskRoleSpec({
          lab: labName,
          env: name,
          boundaryArn: aws.taskRoleBoundaryArn,
          region: aws.region ?? "",
          fileSystemId: aws.fileSystemId,
          observationBucket: agentReport.LABENV_OBSERVATION_BUCKET,
        })
      : undefined;
    if (ownRole) add("task-role", keys.taskRole(labName, name), key, labName, ownRole);
    const role = ownRole
      ? taskRoleArn(aws.taskRoleBoundaryArn!, ownRole.name)
      : aws.taskRoleArns?.[labName];
    add("task-definition", td, key, labName, {
      family: ecsName(labName, name),
      cpu,
      memory,
      image,
      homeAccessPoint: home,
      datasets: datasetMounts.sort((a, b) => a.path.localeCompare(b.path)),
      environment: {
        LABENV_LAB: labName,
        LABENV_ENVIRONMENT: name,
        LABENV_LOCK_DIGEST: digest,
        // The image the task runs (a build key the provider resolves to its digest, like `image`).
        LABENV_IMAGE: image,
        ...agentReport,
        JUPYTER_PORT: String(CONTAINER.port),
        ...(env.doc.spec.schedule?.idleShutdownMinutes !== undefined
          ? { LABENV_IDLE_SHUTDOWN_MINUTES: String(env.doc.spec.schedule.idleShutdownMinutes) }
          : {}),
        ...(packDefaults?.agent ? { LABENV_AGENT: packDefaults.agent.path } : {}),
      },
      ...(role ? { taskRoleArn: role } : {}),
      ...(aws.taskExecutionRoleArn ? { executionRoleArn: aws.taskExecutionRoleArn } : {}),
      ...(aws.logGroup ? { logGroup: aws.logGroup } : {}),
      ...(access
        ? {
            access: {
              basePath: environmentPath(labName, name),
              authorizerImage: access.authorizerImage ?? SANDBOX_AUTHORIZER_IMAGE,
              authorizerEnvironment: authorizerEnvironment({
                basePath: environmentPath(labName, name),
                loadBalancerArn: aws.listenerArn
                  ? loadBalancerOfListener(aws.listenerArn)
                  : SANDBOX_LOAD_BALANCER_ARN,
                memberClaim: access.memberClaim ?? "preferred_username",
                accessList: JSON.stringify(accessListFor(repo, labName, name)),
                report: agentReport,
              }),
            },
          }
        : {}),
    });
    const storageGiB =
      env.doc.spec.resources.storageGiB ??
      packDefaults?.defaults?.resources?.storageGiB ??
      DEFAULT_STORAGE_GIB;
    const wantedRunning = (env.doc.spec.state ?? "running") === "running";
    const parked = wantedRunning && (runtime.parked?.has(key) ?? false);
    const running = wantedRunning && !parked;
    const targetGroup = keys.targetGroup(labName, name);
    if (access) {
      const path = environmentPath(labName, name);
      add("target-group", targetGroup, key, labName, {
        name: targetGroupName(targetGroup),
        protocol: "HTTP",
        port: AUTHORIZER.port,
        targetType: "ip",
        healthCheckPath: `${path}${AUTHORIZER.healthPath}`,
      });
      add("listener-rule", keys.listenerRule(labName, name), key, labName, {
        priority: priorities.get(key)!,
        paths: [path.slice(0, -1), `${path}*`],
        forward: running ? targetGroup : WAKE_TARGET,
        ...(access.signIn ? { authenticate: { ...access.signIn } } : {}),
      });
    }
    add("service", keys.service(labName, name), key, labName, {
      name: ecsName(labName, name),
      taskDefinition: td,
      desiredCount: running ? 1 : 0,
      volume: {
        sizeGiB: storageGiB,
        volumeType: "gp3",
        encrypted: true,
        ...(pin?.volumeSnapshotId ? { fromSnapshot: pin.volumeSnapshotId } : {}),
      },
      subnets: [...(aws.subnets ?? [])].sort(),
      securityGroups: [...(aws.securityGroups ?? [])].sort(),
      ...(access
        ? {
            loadBalancer: {
              targetGroup,
              containerName: AUTHORIZER.name,
              containerPort: AUTHORIZER.port,
            },
          }
        : {}),
    });
    environments.push({
      key,
      lab: labName,
      name,
      owner: owner.id,
      state: running ? "running" : "stopped",
      ...(parked ? { parked: true as const } : {}),
      lockDigest: digest,
      image: lock.doc.spec.image,
      // A parked environment costs what its measured use costs, not nothing: parking is not a stop.
      monthlyCostUsd: monthlyCost(
        {
          cpu,
          memory,
          storageGiB,
          running: wantedRunning,
          hoursPerWeek:
            runtime.measuredHoursPerWeek?.get(key) ?? env.doc.spec.schedule?.hoursPerWeek ?? 168,
        },
        prices,
      ),
    });
  }
  for (const g of shares.grants) {
    if (!environments.some((e) => e.key === g.environment)) continue;
    add("share-access", g.key, g.environment, g.ownerLab, {
      share: g.share,
      lab: g.lab,
      member: g.member,
      posixUser: { uid: g.uid, gid: g.gid },
      rootDirectory: { path: g.rootPath },
    });
  }
  for (const s of repo.snapshots.values()) addSnapshot(repo, s, add);
  for (const s of dueScheduledSnapshots(repo, options.now).values())
    addSnapshot(repo, s, add, "schedule");
  for (const s of repo.successions.values()) {
    // Taken at the effective date, never before (nothing is due without a date to judge by).
    if (!successionDue(s, options.today)) continue;
    if (s.doc.spec.data?.snapshotFirst === false) continue;
    const lab = s.doc.metadata.lab;
    for (const key of successionEnvironments(repo, s)) {
      const e = key.split("/")[1]!;
      const name = successionSnapshotName(s);
      add("ebs-snapshot", keys.snapshot(lab, e, name), envKey(lab, e), lab, {
        service: keys.service(lab, e),
        description: `before hand-over ${s.doc.spec.from} → ${s.doc.spec.to}`,
        trigger: "succession",
      });
      add("backup-job", keys.backup(lab, e, name), envKey(lab, e), lab, {
        accessPoint: keys.home(lab, e),
        description: `home before hand-over ${s.doc.spec.from} → ${s.doc.spec.to}`,
        trigger: "succession",
      });
    }
  }
  // A clone share is snapshotted once, at share time (the first reconcile after its merge): the
  // receiving lab's copy is created from that snapshot, so later changes never reach it.
  for (const sh of liveCloneShares(repo, options.today)) {
    const { lab } = sh.doc.metadata;
    const e = sh.doc.spec.environment;
    if (!environments.some((x) => x.key === envKey(lab, e))) continue;
    const name = cloneSnapshotName(sh);
    const to = sh.doc.spec.to.lab;
    add("ebs-snapshot", keys.snapshot(lab, e, name), envKey(lab, e), lab, {
      service: keys.service(lab, e),
      description: `clone share ${sh.doc.metadata.name} to ${to}`,
      trigger: "share",
    });
    add("backup-job", keys.backup(lab, e, name), envKey(lab, e), lab, {
      accessPoint: keys.home(lab, e),
      description: `home for clone share ${sh.doc.metadata.name} to ${to}`,
      trigger: "share",
    });
  }
  const expiredShares =
    Object.keys(shares.expired).length > 0 ? { expiredShares: shares.expired } : {};
  return {
    state: { environments, resources: [...resources.values()], ...expiredShares },
    problems,
  };
}

/**
 * Where the agent in every task reports its observations: the bucket (where drift reads them,
 * `observations/<lab>/<env>/latest.json`) and its region. Nothing without a bucket (the sandbox
 * writes its containers' observations itself).
 */
function agentReportEnvironment(
  repo: Repository,
  runtime: RuntimeSettings,
  region: string | undefined,
): Record<string, string> {
  const objects = repo.config?.doc.spec.objects;
  const bucket =
    objects?.store === "s3" && objects.bucket ? objects.bucket : runtime.observationBucket;
  if (!bucket) return {};
  return { LABENV_OBSERVATION_BUCKET: bucket, ...(region ? { AWS_REGION: region } : {}) };
}

function addSnapshot(
  repo: Repository,
  s: Loaded<"Snapshot">,
  add: <K extends ResourceKind>(
    kind: K,
    key: string,
    environment: string,
    lab: string,
    spec: SpecByKind[K],
  ) => void,
  trigger: "request" | "schedule" = "request",
): void {
  const { lab, environment, name } = s.doc.metadata;
  if (!repo.environments.has(envKey(lab, environment))) return;
  const env = envKey(lab, environment);
  if (s.doc.spec.include?.packages !== false) {
    add("ebs-snapshot", keys.snapshot(lab, environment, name), env, lab, {
      service: keys.service(lab, environment),
      description: s.doc.spec.reason,
      trigger,
    });
  }
  if (s.doc.spec.include?.home) {
    // A requested snapshot's home goes to cold storage after its warmAfterDays (default 30); a
    // scheduled one stays warm (its keep policy prunes it; cold storage bills 90 days at least).
    add("backup-job", keys.backup(lab, environment, name), env, lab, {
      accessPoint: keys.home(lab, environment),
      description: s.doc.spec.reason,
      trigger,
      ...(trigger === "request"
        ? { coldStorageAfterDays: tierScheduleOf(s.doc.spec.retention).warmAfterDays }
        : {}),
    });
  }
}
