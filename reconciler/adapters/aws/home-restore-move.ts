import {
  AccessPointNotFound,
  CreateAccessPointCommand,
  DeleteAccessPointCommand,
} from "@aws-sdk/client-efs";
import { RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import type { ObservedResource } from "../../core/model/resources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type {
  HomeMoveRequest,
  HomeRestoreStep,
  RestoredHome,
  StoredFileSum,
} from "../../ports/snapshot-sources.js";

/** Where the files go and as whom: the request, with what AWS needs to run the move. */
export interface MoveTarget extends HomeMoveRequest {
  /** The target directory owner's POSIX identity: the access point on the root acts as it. */
  owner: { uid: number; gid: number };
  /** The resource keys of the environment whose image, network and log group the task uses. */
  taskDefinitionKey: string;
  serviceKey: string;
  /**
   * A drill's check instead of a move: the agent's `--restore-check` sums the restored files and
   * removes their restore directory, never writing to a home; `token` is the drill's own.
   */
  check?: { token: string };
}
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { clientToken } from "./client-token.js";
import { toUpperTags } from "./labenv-tags.js";
import {
  AGENT_PATH,
  followOneOffTask,
  oneOffTags,
  type OneOffTask,
  type OneOffTaskRecord,
} from "./one-off-task.js";
import { JUPYTER_CONTAINER } from "./task-definition-shape.js";
import { retireOneOffRevisions } from "./task-definition-revisions.js";

/** Where the move task sees the file system root (through an access point on `/`). */
export const ROOT_MOUNT = "/mnt/labenv-root";
const ROOT_VOLUME = "file-system-root";
/** A report larger than this is not read (it lists at most the home's files). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** The prefixes infra/'s restore-move role may read and write (infra/lib/restore-move-task-role.ts). */
export const restoreMoveObjects = {
  expected: (token: string) => `restore-moves/expected/${token}.json`,
  report: (token: string) => `restore-moves/reports/${token}.json`,
};

/** What a restore remembers between runs about its move task (followed as every one-off task is). */
export interface RestoreMoveRecord extends OneOffTaskRecord {
  accessPointId: string;
  taskDefinitionArn: string;
}

/** The restore job a move follows: when AWS Backup created it, and what it restored. */
export interface CompletedRestoreJob {
  restoreJobId: string;
  /** The job's creation time: a restore directory made before it is not this restore's. */
  createdAt: string;
  /**
   * The job's completion time, for a drill's check: a restore directory made after it is another
   * restore's (a real restore of the same home), never checked and removed.
   */
  completedAt?: string;
  recoveryPointArn: string;
  fromPath: string;
  toPath: string;
  /**
   * What the move names its objects, access point and task by: the restore attempt's token
   * (`restoreToken`), so each attempt's are its own. Without it, that of the first attempt.
   */
  token?: string;
}

interface MoveContext {
  config: AwsProviderConfig;
  clients: Pick<AwsClients, "ecs" | "efs">;
  objects: ObjectStore;
  byKey: ReadonlyMap<string, ObservedResource>;
  now: () => Date;
}

/**
 * The move of a completed restore job's files into their target (a home, or a share's
 * directory), across runs: the first writes the inventory the files must match where the move
 * task may read it, makes an access point on the file system root with the target owner's POSIX
 * identity, registers the move's task definition (the environment's image by digest, infra/'s
 * restore-move role, that access point) and runs it. Later runs wait for it, read its report,
 * check it is that task's, delete the access point and say where every file landed.
 */
export async function followRestoreMove(
  job: CompletedRestoreJob,
  record: RestoreMoveRecord | undefined,
  move: MoveTarget,
  ctx: MoveContext,
  remember: (r: RestoreMoveRecord) => Promise<void>,
): Promise<HomeRestoreStep> {
  const token =
    move.check?.token ?? job.token ?? clientToken(`restore:${job.toPath}`, job.recoveryPointArn);
  const purpose = purposeOf(move);
  const key = restoreMoveObjects.report(token);
  const step = await followOneOffTask<RestoreMoveRecord, Uint8Array>(
    {
      purpose,
      output: key,
      record,
      prepare: (attempt, _at, previous) => prepare(job, move, token, attempt, previous, ctx),
      remember,
      read: () => ctx.objects.get(key),
    },
    ctx.config,
    ctx.clients,
    ctx.now,
  );
  if (step.state === "pending") return step;
  if (step.state === "started")
    return {
      state: "pending",
      reason: move.check
        ? `the AWS Backup restore job ${job.restoreJobId} completed; started the restore-check task ${step.record.taskArn} to check its files and remove them`
        : `the AWS Backup restore job ${job.restoreJobId} completed; started the restore-move task ${step.record.taskArn} to move its files into ${job.toPath}`,
    };
  if (step.state === "running")
    return {
      state: "pending",
      reason: move.check
        ? `waiting for the restore-check task ${step.record.taskArn} (${step.status}) to check the files of the restore job ${job.restoreJobId}`
        : `waiting for the restore-move task ${step.record.taskArn} (${step.status}) to move the files of the restore job ${job.restoreJobId} into ${job.toPath}`,
    };
  // The move is over, however it ended: its way onto the file system root goes with it, and so
  // do the revisions registered for it.
  if (step.record) await deleteAccessPoint(step.record.accessPointId, ctx);
  await retireOneOffRevisions(ctx.clients.ecs, ctx.config.cluster, moveFamily(move), {
    environment: move.environment,
    purpose,
  });
  if (step.state === "failed")
    return {
      state: "failed",
      reason: !step.record
        ? step.reason
        : move.check
          ? `${step.reason}; it writes to no home, and the files it did not remove are where AWS Backup put them`
          : move.overwrite
            ? `${step.reason}; each home file it replaced is kept as it was under ${KEPT_ASIDE_ROOT}/ in the home, and every file it did not move is where AWS Backup put it`
            : `${step.reason}; no file was moved over another, and every file it did not move is where AWS Backup put it`,
    };
  const taskTimes = {
    // From its creation (before its image pull), as a drill's task is measured.
    ...((step.task?.createdAt ?? step.task?.startedAt)
      ? { startedAt: step.task.createdAt ?? step.task.startedAt }
      : {}),
    ...(step.task?.stoppedAt ? { stoppedAt: step.task.stoppedAt } : {}),
  };
  if (move.check) {
    const checked = parseCheckReport(step.output, step.record.taskArn);
    if ("problem" in checked)
      return {
        state: "failed",
        reason: `the check report ${key} is not usable: ${checked.problem}`,
      };
    return {
      state: "done",
      home: {
        restoreDirectory: checked.spec.restoreDirectory,
        placed: "beside",
        path: `${checked.spec.restoreDirectory}${job.fromPath}`,
        files: checkedFiles(checked.spec),
        left: checked.spec.removed ? 0 : -1,
      },
      startedAt: job.createdAt,
      task: taskTimes,
    };
  }
  const parsed = parseRestoreReport(step.output, step.record.taskArn, move);
  if ("problem" in parsed)
    return {
      state: "failed",
      reason: `the restore report ${key} is not usable: ${parsed.problem}`,
    };
  return {
    state: "done",
    home: restoredHome(parsed.spec, job, move.files),
    startedAt: job.createdAt,
    task: taskTimes,
  };
}

/** What a move's attempt runs: its expected inventory written, its root access point (made once), its task definition. */
async function prepare(
  job: CompletedRestoreJob,
  move: MoveTarget,
  token: string,
  attempt: number,
  previous: RestoreMoveRecord | undefined,
  ctx: MoveContext,
): Promise<
  | { task: OneOffTask; remember: Omit<RestoreMoveRecord, keyof OneOffTaskRecord> }
  | { failed: string }
  | { pending: string }
> {
  const { config } = ctx;
  const roleArn = config.restoreMoveRoleArn;
  if (roleArn === undefined)
    return {
      pending: `the AWS Backup restore job ${job.restoreJobId} completed: the files are in a new aws-backup-restore_<time> directory off the file system root, untouched; moving them into ${job.toPath} needs infra/'s restore-move role (aws.restoreMoveRoleArn in labenv.yaml, LABENV_RESTORE_MOVE_ROLE_ARN in the Lambda)`,
    };
  const taskDefinition = ctx.byKey.get(move.taskDefinitionKey) as
    ObservedResource<"task-definition"> | undefined;
  const service = ctx.byKey.get(move.serviceKey) as ObservedResource<"service"> | undefined;
  const bucket = taskDefinition?.spec.environment.LABENV_OBSERVATION_BUCKET;
  if (!taskDefinition || !service || bucket === undefined)
    return {
      failed: `${move.environment} has no ${!taskDefinition ? "task definition" : !service ? "service" : "object bucket in its task definition (LABENV_OBSERVATION_BUCKET)"} on AWS to run the restore-move task from`,
    };
  await ctx.objects.put(
    restoreMoveObjects.expected(token),
    `${JSON.stringify(expectedInventory(move), null, 2)}\n`,
    "application/json",
  );
  const accessPointId =
    previous?.accessPointId ?? (await rootAccessPoint(move, token, ctx)).accessPointId;
  const registered = await ctx.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: moveFamily(move),
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "512",
      memory: "1024",
      taskRoleArn: roleArn,
      ...(taskDefinition.spec.executionRoleArn !== undefined && {
        executionRoleArn: taskDefinition.spec.executionRoleArn,
      }),
      containerDefinitions: [
        {
          name: JUPYTER_CONTAINER,
          image: move.image,
          essential: true,
          memory: 1024,
          environment: [{ name: "AWS_REGION", value: config.region }],
          mountPoints: [{ sourceVolume: ROOT_VOLUME, containerPath: ROOT_MOUNT, readOnly: false }],
          ...(taskDefinition.spec.logGroup !== undefined && {
            logConfiguration: {
              logDriver: "awslogs",
              options: {
                "awslogs-group": taskDefinition.spec.logGroup,
                "awslogs-region": config.region,
                "awslogs-stream-prefix": JUPYTER_CONTAINER,
              },
            },
          }),
        },
      ],
      volumes: [
        {
          name: ROOT_VOLUME,
          efsVolumeConfiguration: {
            fileSystemId: config.fileSystemId,
            transitEncryption: "ENABLED",
            authorizationConfig: { accessPointId, iam: "ENABLED" },
          },
        },
      ],
      tags: oneOffTags(move.environment, purposeOf(move)),
    }),
  );
  const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn ?? "";
  const [lab, env] = move.environment.split("/") as [string, string];
  return {
    task: {
      environment: move.environment,
      purpose: purposeOf(move),
      token: `${token}#${attempt}`,
      taskDefinitionArn,
      service: service.spec,
      jupyterVolume: false,
      command: (move.check ? restoreCheckCommand : restoreMoveCommand)({
        lab,
        environment: env,
        snapshot: move.snapshot.split("/").pop() ?? "",
        bucket,
        token,
        job,
        ...(move.overwrite ? { overwrite: true } : {}),
      }),
    },
    remember: { accessPointId, taskDefinitionArn },
  };
}

/** A drill's check is a purpose of its own (its bound, its tags); a restore's move is the other. */
function purposeOf(move: MoveTarget): "restore-check" | "restore-move" {
  return move.check ? "restore-check" : "restore-move";
}

/** The family of a move's (or check's) task definition: one per environment and purpose. */
function moveFamily(move: MoveTarget): string {
  return `${purposeOf(move)}-${move.environment.replace("/", "-")}`;
}

/** An access point on the file system root as the target's owner (never root), made once by its token. */
async function rootAccessPoint(
  move: MoveTarget,
  token: string,
  ctx: MoveContext,
): Promise<{ accessPointId: string }> {
  const created = await ctx.clients.efs.send(
    new CreateAccessPointCommand({
      ClientToken: token.slice(0, 64),
      FileSystemId: ctx.config.fileSystemId,
      PosixUser: { Uid: move.owner.uid, Gid: move.owner.gid },
      RootDirectory: { Path: "/" },
      Tags: toUpperTags(
        Object.fromEntries(
          oneOffTags(move.environment, "restore-move").map((t) => [t.key, t.value]),
        ),
      ),
    }),
  );
  return { accessPointId: created.AccessPointId ?? "" };
}

async function deleteAccessPoint(id: string, ctx: MoveContext): Promise<void> {
  try {
    await ctx.clients.efs.send(new DeleteAccessPointCommand({ AccessPointId: id }));
  } catch (e) {
    if (!(e instanceof AccessPointNotFound)) throw e;
  }
}

/** What the agent checks each restored file against: the manifest's files, as a HomeInventory. */
function expectedInventory(move: HomeMoveRequest) {
  const [lab, environment, snapshot] = move.snapshot.split("/");
  return {
    apiVersion: "labenv.westtek.io/v1",
    kind: "HomeInventory",
    metadata: { lab, environment, snapshot },
    spec: {
      fileCount: move.files.length,
      files: move.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
    },
  };
}

/**
 * The move task's command: the agent finds the job's restore directory under the root and moves
 * it; with `overwrite` (`--replace`) over the home's files, each replaced one kept aside first.
 */
export function restoreMoveCommand(a: {
  lab: string;
  environment: string;
  snapshot: string;
  bucket: string;
  token: string;
  job: CompletedRestoreJob;
  overwrite?: boolean;
}): string[] {
  return [
    "python3",
    AGENT_PATH,
    "--restore-find",
    ROOT_MOUNT,
    "--path",
    a.job.fromPath,
    "--after",
    a.job.createdAt,
    "--into",
    `${ROOT_MOUNT}${a.job.toPath}`,
    "--lab",
    a.lab,
    "--environment",
    a.environment,
    ...(a.snapshot ? ["--snapshot", a.snapshot] : []),
    "--s3-bucket",
    a.bucket,
    "--expected-s3-key",
    restoreMoveObjects.expected(a.token),
    "--s3-key",
    restoreMoveObjects.report(a.token),
    ...(a.overwrite ? ["--replace"] : []),
  ];
}

/** A drill's check task's command: the agent sums the job's restored files and removes them, touching no home. */
export function restoreCheckCommand(a: Parameters<typeof restoreMoveCommand>[0]): string[] {
  const move = restoreMoveCommand(a);
  const into = move.indexOf("--into");
  move.splice(into, 2, ...(a.job.completedAt ? ["--before", a.job.completedAt] : []));
  move[2] = "--restore-check";
  return move;
}

/** The agent's `--restore-check` report spec, as far as a drill reads it. */
interface CheckSpec {
  restoreDirectory: string;
  identical: { path: string; size: number; sha256: string }[];
  corrupt: { path: string; expected: string; actual: string }[];
  missing: { path: string; expected: string }[];
  unexpected: string[];
  removed: boolean;
}

export function parseCheckReport(
  body: Uint8Array,
  taskArn: string,
): { spec: CheckSpec } | { problem: string } {
  const parsed = readReport(body, taskArn);
  if ("problem" in parsed) return parsed;
  const s = parsed.spec;
  const lists = ["identical", "corrupt", "missing", "unexpected"] as const;
  if (
    s.check !== true ||
    typeof s.restoreDirectory !== "string" ||
    lists.some((l) => !Array.isArray(s[l]))
  )
    return {
      problem:
        "not a check: its spec lacks check: true, restoreDirectory or a list of identical, corrupt, missing or unexpected files",
    };
  return { spec: s as unknown as CheckSpec };
}

/** What the check found, as files: identical ones with their sums, damaged ones with the sum found, extra ones unsummed. */
function checkedFiles(spec: CheckSpec): StoredFileSum[] {
  return [
    ...spec.identical.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
    ...spec.corrupt.map((f) => ({ path: f.path, size: -1, sha256: f.actual })),
    ...spec.unexpected.map((path) => ({ path, size: -1, sha256: "" })),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

function readReport(
  body: Uint8Array,
  taskArn: string,
): { spec: Record<string, unknown> } | { problem: string } {
  if (body.byteLength > MAX_REPORT_BYTES)
    return { problem: `larger than ${MAX_REPORT_BYTES} bytes` };
  let doc: { kind?: unknown; metadata?: { task?: unknown }; spec?: Record<string, unknown> };
  try {
    doc = JSON.parse(Buffer.from(body).toString("utf8")) as typeof doc;
  } catch (e) {
    return { problem: `not JSON (${(e as Error).message})` };
  }
  if (doc?.kind !== "HomeRestoreReport") return { problem: "not a HomeRestoreReport" };
  if (doc.metadata?.task !== taskArn)
    return { problem: `written by ${String(doc.metadata?.task)}, not by the task ${taskArn}` };
  return { spec: doc.spec ?? {} };
}

/** The agent's HomeRestoreReport spec, as far as the restore reads it. */
interface ReportSpec {
  restoreDirectory: string;
  moved: { path: string; size: number; sha256: string }[];
  existing: { path: string; sha256: string; identical: boolean }[];
  corrupt: { path: string; expected: string; actual: string }[];
  missing: { path: string; expected: string }[];
  skipped: { path: string; sha256: string; why: string }[];
  left: number;
  removed: boolean;
  /** `--replace`: what was in the way, each moved as it was to `keptAt` under `keptAside` in the home. */
  replace?: true;
  keptAside?: string;
  replaced?: { path: string; keptAt: string }[];
}

/** Where an overwrite keeps what it replaced, in the home (the agent's and the sandbox's layout). */
const KEPT_ASIDE_ROOT = ".labenv-replaced";
/** The kept-aside directory an overwrite names in the home (the agent's and the sandbox's layout). */
const KEPT_ASIDE = /^\.labenv-replaced\/[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$/;

/**
 * The move's report, checked: that task's, with every list; with `want.overwrite`, a replace whose
 * each replaced thing was in the way of one of the snapshot's files (the file's path, a
 * directory above it, or what a directory kept there held), kept at its own path under one
 * `.labenv-replaced/<time>` directory; without, no replace at all.
 */
export function parseRestoreReport(
  body: Uint8Array,
  taskArn: string,
  want?: { overwrite?: boolean; files: readonly StoredFileSum[] },
): { spec: ReportSpec } | { problem: string } {
  const read = readReport(body, taskArn);
  if ("problem" in read) return read;
  const s = read.spec as Partial<Record<keyof ReportSpec, unknown>>;
  const lists = ["moved", "existing", "corrupt", "missing", "skipped"] as const;
  if (typeof s.restoreDirectory !== "string" || lists.some((l) => !Array.isArray(s[l])))
    return {
      problem:
        "its spec lacks restoreDirectory or a list of moved, existing, corrupt, missing or skipped files",
    };
  if (want && (s.replace === true) !== (want.overwrite === true))
    return {
      problem: want.overwrite
        ? "it is not a replace (restoreFrom.overwrite asked for --replace): the image's agent may predate it"
        : "it is a replace, which this restore did not ask for",
    };
  if (s.replace === true) {
    const problem = replacedProblem(s.keptAside, s.replaced, want?.files ?? []);
    if (problem) return { problem };
  }
  return { spec: s as unknown as ReportSpec };
}

function replacedProblem(
  keptAside: unknown,
  replaced: unknown,
  files: readonly StoredFileSum[],
): string | undefined {
  if (typeof keptAside !== "string" || !KEPT_ASIDE.test(keptAside) || !Array.isArray(replaced))
    return "its replace lacks keptAside (.labenv-replaced/<time>) or the list of replaced files";
  // Each snapshot file's path and every directory above it, looked up by path (the lists are
  // as long as the home: no pair of them is compared).
  const inTheWay = new Set<string>();
  for (const { path } of files)
    for (let at = path.length; at > 0; at = path.lastIndexOf("/", at - 1))
      inTheWay.add(path.slice(0, at));
  const paths = new Set(files.map((f) => f.path));
  for (const r of replaced as { path?: unknown; keptAt?: unknown }[]) {
    const p = r?.path;
    if (typeof p !== "string" || r.keptAt !== `${keptAside}/${p}`)
      return `a replaced entry ${JSON.stringify(r)} is not kept at its own path under ${keptAside}`;
    // The path of a snapshot file or a directory above one; or inside what was kept at a file's path.
    const inside = (): boolean => {
      for (let at = p.lastIndexOf("/"); at > 0; at = p.lastIndexOf("/", at - 1))
        if (paths.has(p.slice(0, at))) return true;
      return false;
    };
    if (!inTheWay.has(p) && !inside())
      return `it replaced ${p}, which is in the way of none of the snapshot's files`;
  }
  return undefined;
}

/**
 * Where each file landed, from the report: moved ones (and identical ones the target already
 * had) are in the target; a file the target had otherwise, or reached through a symbolic link,
 * stays in the restore directory beside it; a damaged one stays there with its actual sum.
 * A replace also says what it moved aside and where it keeps it, as the sandbox's overwrite does.
 */
export function restoredHome(
  spec: ReportSpec,
  job: CompletedRestoreJob,
  expected: readonly StoredFileSum[],
): RestoredHome {
  const size = new Map(expected.map((f) => [f.path, f.size]));
  const files: StoredFileSum[] = [
    ...spec.moved.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
    ...spec.existing.map((f) => ({ path: f.path, size: size.get(f.path) ?? -1, sha256: f.sha256 })),
    ...spec.skipped.map((f) => ({ path: f.path, size: size.get(f.path) ?? -1, sha256: f.sha256 })),
    ...spec.corrupt.map((f) => ({ path: f.path, size: -1, sha256: f.actual })),
  ].sort((a, b) => a.path.localeCompare(b.path));
  const beside = spec.skipped.length > 0 || spec.existing.some((f) => !f.identical);
  return {
    restoreDirectory: spec.restoreDirectory,
    placed: beside ? "beside" : "home",
    path: beside ? `${spec.restoreDirectory}${job.fromPath}` : job.toPath,
    files,
    left: spec.left,
    ...(spec.replace && spec.keptAside !== undefined
      ? {
          replaced: (spec.replaced ?? []).map((r) => ({ path: r.path, keptAt: r.keptAt })),
          keptAside: spec.keptAside,
        }
      : {}),
  };
}
