import {
  DescribeBackupJobCommand,
  DescribeRecoveryPointCommand,
  DescribeRestoreJobCommand,
  ResourceNotFoundException,
  StartRestoreJobCommand,
} from "@aws-sdk/client-backup";
import { DescribeSnapshotsCommand } from "@aws-sdk/client-ec2";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
} from "@aws-sdk/client-ecs";
import { keys } from "../../core/desire/names.js";
import { driftObjects } from "../../core/drift/drift-objects.js";
import type { Observation } from "../../core/model/documents.js";
import type { ObservedResource } from "../../core/model/resources.js";
import {
  changedSinceBackup,
  inventoryKey,
  parseHomeInventory,
} from "../../core/snapshots/home-inventory.js";
import type { ObjectStore } from "../../ports/object-store.js";
import { LabenvError } from "../../core/errors.js";
import type { DrillRunner } from "../../core/snapshots/drill.js";
import type {
  CapturePoint,
  HomeCapture,
  HomeMoveRequest,
  HomeRestorer,
  HomeRestoreStep,
  RestoredHome,
  SnapshotSources,
  StoredFileSum,
} from "../../ports/snapshot-sources.js";
import type { AwsClients } from "./aws-clients.js";
import { clientToken } from "./client-token.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import {
  AGENT_PATH,
  followOneOffTask,
  readOneOffRecord,
  type OneOffTaskRecord,
} from "./one-off-task.js";
import { HOME_PATH, JUPYTER_CONTAINER } from "./task-definition-shape.js";
import { followRestoreMove, type RestoreMoveRecord } from "./home-restore-move.js";
import {
  RESTORE_JOB_TRIES,
  nextRestoreJob,
  type EndedRestoreJob,
} from "../../core/snapshots/restore-job-retry.js";

/** What a capture remembers between runs about its inventory task (followed as every one-off task is). */
interface InventoryTaskRecord extends OneOffTaskRecord {
  recoveryPointArn: string;
}

export const captureObjects = {
  inventoryTask: (id: string) => `captures/${id}/inventory-task.json`,
};

/**
 * What a home restore's attempt remembers between runs: its AWS Backup restore job (the current
 * one, and each earlier one AWS Backup ended without restoring, with what it said), then its
 * move task.
 */
interface RestoreJobRecord {
  restoreJobId: string;
  startedAt: string;
  recoveryPointArn: string;
  fromPath: string;
  toPath: string;
  /** `restoreFrom.attempt`; absent in records written before attempts: 1. */
  attempt?: number;
  /** This attempt's jobs that ended FAILED, ABORTED or EXPIRED, oldest first; each was followed by a new job. */
  endedJobs?: (EndedRestoreJob & { startedAt: string })[];
  move?: RestoreMoveRecord;
}

/**
 * What a restore's attempt is known by: the recovery point for the first (so its token and
 * records stay those it always had), the recovery point and the attempt after that.
 */
function attemptKey(recoveryPointArn: string, attempt: number): string {
  return attempt > 1 ? `${recoveryPointArn}#attempt-${attempt}` : recoveryPointArn;
}

/** The token of a restore's attempt: its restore job's idempotency token, its move's objects and task. */
export function restoreToken(recoveryPointArn: string, toPath: string, attempt = 1): string {
  return clientToken(`restore:${toPath}`, attemptKey(recoveryPointArn, attempt));
}

export const restoreJobObjects = {
  /** One per (recovery point, home, attempt): the same restore is started once. */
  job: (recoveryPointArn: string, toPath: string, attempt = 1) =>
    `restores/jobs/${restoreToken(recoveryPointArn, toPath, attempt)}.json`,
};

/**
 * A snapshot's evidence on AWS, read from what AWS and the agent report: EBS snapshot and
 * recovery point states from their APIs, the observation the running container's agent wrote,
 * and the home's files from the agent's inventory in a one-off task of the environment's own
 * image (AWS Backup cannot read a file of a recovery point without restoring it).
 */
export class AwsSnapshotSources implements SnapshotSources, HomeRestorer, DrillRunner {
  private readonly byKey: ReadonlyMap<string, ObservedResource>;

  constructor(
    private readonly config: AwsProviderConfig,
    private readonly clients: Pick<AwsClients, "ecs" | "ec2" | "backup" | "efs">,
    private readonly objects: ObjectStore,
    observed: readonly ObservedResource[],
    private readonly now: () => Date,
  ) {
    this.byKey = new Map(observed.map((o) => [o.key, o]));
  }

  /** It restores over a home's files (`move.overwrite`): the agent's `--replace` keeps each replaced one aside. */
  readonly overwrites = true;

  async volumeSnapshot(id: string): Promise<{ state: string; volumeId?: string } | undefined> {
    try {
      const out = await this.clients.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }));
      const s = out.Snapshots?.[0];
      return s && { state: s.State ?? "unknown", ...(s.VolumeId ? { volumeId: s.VolumeId } : {}) };
    } catch (e) {
      if ((e as { name?: string }).name === "InvalidSnapshot.NotFound") return undefined;
      throw e;
    }
  }

  /** A recovery point by its ARN (what observe reports for a backup job), or a job by its id. */
  async backupJob(
    id: string,
  ): Promise<{ state: string; recoveryPointArn?: string; startedAt?: Date } | undefined> {
    try {
      if (id.startsWith("arn:")) {
        const p = await this.clients.backup.send(
          new DescribeRecoveryPointCommand({
            BackupVaultName: this.config.backupVaultName,
            RecoveryPointArn: id,
          }),
        );
        return {
          state: p.Status ?? "UNKNOWN",
          recoveryPointArn: id,
          ...(p.CreationDate ? { startedAt: p.CreationDate } : {}),
        };
      }
      const j = await this.clients.backup.send(new DescribeBackupJobCommand({ BackupJobId: id }));
      return {
        state: j.State ?? "UNKNOWN",
        ...(j.RecoveryPointArn ? { recoveryPointArn: j.RecoveryPointArn } : {}),
        ...(j.CreationDate ? { startedAt: j.CreationDate } : {}),
      };
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return undefined;
      throw e;
    }
  }

  /** AWS Backup holds no readable copy of a file: only a restore (or the inventory) says what is in it. */
  async recoveryPointFiles(): Promise<StoredFileSum[] | undefined> {
    return undefined;
  }

  /**
   * The home's inventory, across runs: the first starts the one-off task (the agent in
   * `--home-inventory` mode) and remembers it; later ones wait for it to stop, then read what it
   * wrote, check it is that task's, and name every file modified since the backup began.
   */
  async captureHome(point: CapturePoint): Promise<HomeCapture> {
    const recordKey = captureObjects.inventoryTask(point.id);
    const record = await readOneOffRecord<InventoryTaskRecord>(
      this.objects,
      recordKey,
      (r) => typeof r.recoveryPointArn === "string",
    );
    const key = inventoryKey(point.id);
    const [lab, env, name] = point.id.split("/") as [string, string, string];
    const step = await followOneOffTask<InventoryTaskRecord, Uint8Array>(
      {
        purpose: "home-inventory",
        output: key,
        record: record?.recoveryPointArn === point.recoveryPointArn ? record : undefined,
        prepare: async (attempt) => {
          const taskDefinition = this.byKey.get(keys.taskDefinition(lab, env));
          const service = this.byKey.get(keys.service(lab, env)) as
            ObservedResource<"service"> | undefined;
          if (!taskDefinition || !service)
            return {
              failed: `${point.environment} has no ${taskDefinition ? "service" : "task definition"} on AWS to run its home-inventory task from`,
            };
          return {
            task: {
              environment: point.environment,
              purpose: "home-inventory",
              token: `${point.recoveryPointArn}#${attempt}`,
              taskDefinitionArn: taskDefinition.id,
              service: service.spec,
              command: inventoryCommand(lab, env, name),
              ...(point.volumeSnapshotId ? { volumeSnapshotId: point.volumeSnapshotId } : {}),
            },
            remember: { recoveryPointArn: point.recoveryPointArn },
          };
        },
        remember: async (r) => {
          await this.objects.put(recordKey, `${JSON.stringify(r, null, 2)}\n`, "application/json");
        },
        read: () => this.objects.get(key),
      },
      this.config,
      this.clients,
      this.now,
    );
    if (step.state === "started")
      return {
        state: "pending",
        reason: `started the home-inventory task ${step.record.taskArn}; a later run reads what it writes`,
      };
    if (step.state === "running")
      return {
        state: "pending",
        reason: `waiting for the home-inventory task ${step.record.taskArn} (${step.status})`,
      };
    if (step.state !== "done") return { state: step.state, reason: step.reason };
    const body = step.output;
    const parsed = parseHomeInventory(body, {
      lab,
      environment: env,
      snapshot: name,
      task: step.record.taskArn,
    });
    if ("problem" in parsed)
      return { state: "failed", reason: `the inventory ${key} is not usable: ${parsed.problem}` };
    const inventory = parsed.inventory;
    const rp = await this.backupJob(point.recoveryPointArn);
    const backupStartedAt = rp?.startedAt ?? new Date(0);
    return {
      state: "done",
      files: inventory.files,
      inventory: {
        bytes: Buffer.from(body).toString("utf8"),
        takenAt: inventory.takenAt,
        task: step.record.taskArn,
        backupStartedAt: backupStartedAt.toISOString(),
        changedSinceBackup: changedSinceBackup(inventory, backupStartedAt),
      },
    };
  }

  async observation(environment: string): Promise<Observation | undefined> {
    const body = await this.objects.get(driftObjects.observation(environment));
    if (!body) return undefined;
    try {
      const o = JSON.parse(Buffer.from(body).toString("utf8")) as Observation;
      return o?.kind === "Observation" ? o : undefined;
    } catch {
      return undefined;
    }
  }

  /** The image the service's running task runs, from its task definition (by digest). */
  async runningImage(environment: string): Promise<string | undefined> {
    const [lab, env] = environment.split("/") as [string, string];
    const service = this.byKey.get(keys.service(lab, env));
    if (!service) return undefined;
    const serviceName = service.id.slice(service.id.lastIndexOf("/") + 1);
    const listed = await this.clients.ecs.send(
      new ListTasksCommand({ cluster: this.config.cluster, serviceName, desiredStatus: "RUNNING" }),
    );
    if ((listed.taskArns ?? []).length === 0) return undefined;
    const tasks = await this.clients.ecs.send(
      new DescribeTasksCommand({ cluster: this.config.cluster, tasks: listed.taskArns }),
    );
    const arn = tasks.tasks?.find((t) => t.lastStatus === "RUNNING")?.taskDefinitionArn;
    if (!arn) return undefined;
    const td = await this.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: arn }),
    );
    return td.taskDefinition?.containerDefinitions?.find((c) => c.name === JUPYTER_CONTAINER)
      ?.image;
  }

  /**
   * The home's item-level restore, across runs: the first starts an AWS Backup restore job of
   * just the home's path into the same file system (AWS puts it in a new
   * `aws-backup-restore_<time>` directory off the root, never in place), idempotent by its token,
   * and remembers it; later runs read the job's state. A job AWS Backup ends without restoring
   * is followed by a new one, a bounded number of times (`nextRestoreJob`), each ended job kept
   * in the record with AWS's message. Once one completed, a one-off task of the environment's
   * image (the agent's `--restore-find`) finds that directory, checks each file against the
   * snapshot's and moves it into the home, never over a file — with `move.overwrite`, over the
   * home's files, each replaced one kept aside first (home-restore-move.ts). Each attempt
   * (`move.attempt`, `restoreFrom.attempt`) is a restore of its own: its token, record, jobs and
   * move; the first keeps the token restores always had.
   */
  async restoreHomeStep(
    recoveryPointArn: string,
    fromPath: string,
    toPath: string,
    move?: HomeMoveRequest,
  ): Promise<HomeRestoreStep> {
    const attempt = move?.attempt ?? 1;
    const token = restoreToken(recoveryPointArn, toPath, attempt);
    const key = restoreJobObjects.job(recoveryPointArn, toPath, attempt);
    const body = await this.objects.get(key);
    let record = body
      ? (JSON.parse(Buffer.from(body).toString("utf8")) as Partial<RestoreJobRecord>)
      : undefined;
    const remember = async (r: Partial<RestoreJobRecord>) =>
      this.objects.put(key, `${JSON.stringify(r, null, 2)}\n`, "application/json");
    if (!record?.restoreJobId) {
      const started = await this.startJob({ recoveryPointArn, fromPath, token });
      if ("state" in started) return started;
      record = {
        restoreJobId: started.restoreJobId,
        startedAt: this.now().toISOString(),
        recoveryPointArn,
        fromPath,
        toPath,
        ...(attempt > 1 ? { attempt } : {}),
      };
      await remember(record);
      return {
        state: "pending",
        reason: `started the AWS Backup restore job ${record.restoreJobId} of ${fromPath} from ${recoveryPointArn}${attempt > 1 ? ` (attempt ${attempt})` : ""}`,
      };
    }
    const job = await this.clients.backup.send(
      new DescribeRestoreJobCommand({ RestoreJobId: record.restoreJobId }),
    );
    const status = job.Status ?? "UNKNOWN";
    const ended = record.endedJobs ?? [];
    const current: EndedRestoreJob = {
      restoreJobId: record.restoreJobId,
      status,
      ...(job.StatusMessage ? { statusMessage: job.StatusMessage } : {}),
    };
    const next = nextRestoreJob(current, ended, attempt);
    if (next.next === "fail") return { state: "failed", reason: next.reason, final: true };
    if (next.next === "retry") {
      // A new job of the same recovery point, by a token of its own (the same on a repeated run).
      const started = await this.startJob({
        recoveryPointArn,
        fromPath,
        token: `${token}-job${next.job}`,
      });
      if ("state" in started) return started;
      const endedJobs = [...ended, { ...current, startedAt: record.startedAt! }];
      await remember({
        ...record,
        restoreJobId: started.restoreJobId,
        startedAt: this.now().toISOString(),
        endedJobs,
      });
      return {
        state: "pending",
        reason: `the AWS Backup restore job ${current.restoreJobId} ended ${status}${job.StatusMessage ? `: ${job.StatusMessage}` : ""}; started the restore job ${started.restoreJobId} of the same recovery point (automatic retry ${endedJobs.length} of ${RESTORE_JOB_TRIES - 1})`,
      };
    }
    if (next.next === "wait")
      return {
        state: "pending",
        reason: `waiting for the AWS Backup restore job ${record.restoreJobId} (${status}${job.PercentDone ? `, ${job.PercentDone} done` : ""})`,
      };
    if (!move)
      return {
        state: "pending",
        reason: `the AWS Backup restore job ${record.restoreJobId} completed: the home's files are in a new aws-backup-restore_<time> directory off the file system root, untouched`,
      };
    const [lab, env] = move.environment.split("/") as [string, string];
    const home = this.byKey.get(keys.home(lab, env)) as
      ObservedResource<"access-point"> | undefined;
    if (!home)
      return {
        state: "failed",
        reason: `${move.environment} has no home access point on AWS: whose files the restore moves is not known`,
      };
    const done = record as RestoreJobRecord;
    const step = await followRestoreMove(
      {
        restoreJobId: done.restoreJobId,
        createdAt: (job.CreationDate ?? new Date(done.startedAt)).toISOString(),
        recoveryPointArn,
        fromPath,
        toPath,
        // The move names its objects, access point and task by this: each attempt's are its own.
        token: restoreToken(recoveryPointArn, toPath, attempt),
      },
      done.move,
      {
        ...move,
        owner: home.spec.posixUser,
        taskDefinitionKey: keys.taskDefinition(lab, env),
        serviceKey: keys.service(lab, env),
      },
      {
        config: this.config,
        clients: this.clients,
        objects: this.objects,
        byKey: this.byKey,
        now: this.now,
      },
      async (m) => remember({ ...done, move: m }),
    );
    // A move task that was started and failed is over: the attempt is, too (its files stay put).
    return step.state === "failed" && done.move ? { ...step, final: true } : step;
  }

  /** Starts a restore job of the home, or says why it cannot be: no role, or no recovery point any more. */
  private async startJob(a: {
    recoveryPointArn: string;
    fromPath: string;
    token: string;
  }): Promise<{ restoreJobId: string } | Extract<HomeRestoreStep, { state: "failed" }>> {
    const { backupRoleArn, fileSystemId } = this.config;
    if (backupRoleArn === undefined)
      return {
        state: "failed",
        reason:
          "restoring a home needs the backup role (aws.backupRoleArn in labenv.yaml, an output of infra/)",
      };
    try {
      return {
        restoreJobId: await startHomeRestoreJob(this.clients, {
          recoveryPointArn: a.recoveryPointArn,
          backupRoleArn,
          fileSystemId,
          path: a.fromPath,
          token: a.token,
        }),
      };
    } catch (e) {
      if (!(e instanceof ResourceNotFoundException)) throw e;
      return {
        state: "failed",
        reason: `the recovery point ${a.recoveryPointArn} is not in AWS Backup any more (${e.message}): the snapshot's home cannot be restored from it`,
        final: true,
        mendable: false,
      };
    }
  }

  /** On AWS a home is restored across runs only: restoreHomeStep. */
  async restoreHome(): Promise<RestoredHome> {
    throw new LabenvError("config", "on AWS a home is restored across runs (restoreHomeStep)", {
      hint: "see docs/snapshots.md, The home's restore on AWS",
    });
  }

  async scratchContainer(): Promise<{ problem: string }> {
    return {
      problem:
        "on AWS a drill runs through its drill runner (drill-runner.ts), not the snapshot sources",
    };
  }

  async scratchHome(): Promise<{ problem: string }> {
    return {
      problem:
        "on AWS a drill runs through its drill runner (drill-runner.ts), not the snapshot sources",
    };
  }
}

/**
 * An item-level AWS Backup restore job of one path into the same file system (AWS puts it in a
 * new `aws-backup-restore_<time>` directory off the root, never in place), idempotent by `token`.
 */
export async function startHomeRestoreJob(
  clients: Pick<AwsClients, "backup">,
  a: {
    recoveryPointArn: string;
    backupRoleArn: string;
    fileSystemId: string;
    path: string;
    token: string;
  },
): Promise<string> {
  const started = await clients.backup.send(
    new StartRestoreJobCommand({
      RecoveryPointArn: a.recoveryPointArn,
      IamRoleArn: a.backupRoleArn,
      ResourceType: "EFS",
      IdempotencyToken: a.token,
      Metadata: {
        "file-system-id": a.fileSystemId,
        newFileSystem: "false",
        ItemsToRestore: JSON.stringify([a.path]),
      },
    }),
  );
  return started.RestoreJobId ?? "";
}

/** The Jupyter container's command in the inventory task: the agent, over the mounted home. */
export function inventoryCommand(lab: string, env: string, name: string): string[] {
  return [
    "python3",
    AGENT_PATH,
    "--home-inventory",
    HOME_PATH,
    "--lab",
    lab,
    "--environment",
    env,
    "--snapshot",
    name,
    "--s3-key",
    inventoryKey(`${lab}/${env}/${name}`),
  ];
}
