import { DescribeRestoreJobCommand } from "@aws-sdk/client-backup";
import { keys } from "../../core/desire/names.js";
import type { ObservedResource } from "../../core/model/resources.js";
import type { DrillHomeRequest, DrillTimePart } from "../../core/snapshots/drill.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { HomeRestoreStep, StoredFileSum } from "../../ports/snapshot-sources.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { startHomeRestoreJob } from "./aws-snapshot-sources.js";
import { clientToken } from "./client-token.js";
import { drillTaskObjects } from "./drill-objects.js";
import {
  followRestoreMove,
  type CompletedRestoreJob,
  type RestoreMoveRecord,
} from "./home-restore-move.js";

/** What a drill remembers between runs about its home half: the restore job, then the check task. */
export interface DrillHomeRecord {
  restoreJobId: string;
  /** When the drill's home half began: with the recovery point, the job's idempotency token. */
  startedAt: string;
  recoveryPointArn: string;
  path: string;
  check?: RestoreMoveRecord;
}

/** A drill's restore job not completed after this long: the drill stops waiting and fails. */
export const DRILL_RESTORE_JOB_MAX_HOURS = 6;

/** A drill's restore job that it stopped waiting for: AWS Backup cannot stop it. */
interface AbandonedRestore {
  restoreJobId: string;
  createdAt: string;
  recoveryPointArn: string;
  path: string;
  /** The drill's token: the check task that removes its copy is made of it. */
  token: string;
  check?: RestoreMoveRecord;
}

/**
 * The home half of a restore drill on AWS, across runs: the drill's own AWS Backup restore job
 * (bounded: DRILL_RESTORE_JOB_MAX_HOURS), then a check task of the snapshot's image that sums the
 * restored files and removes them (home-restore-move.ts); an earlier drill's job it stopped
 * waiting for is cleared first. Timed from what AWS reports.
 */
export class DrillHome {
  constructor(
    private readonly config: AwsProviderConfig,
    private readonly clients: Pick<AwsClients, "ecs" | "efs" | "backup">,
    private readonly objects: ObjectStore,
    private readonly byKey: ReadonlyMap<string, ObservedResource>,
    private readonly now: () => Date,
  ) {}

  /**
   * The home half, across runs: an item-level AWS Backup restore job of the home's path (its own
   * idempotency token per drill), then, once it completed, a check task of the snapshot's image
   * with infra/'s restore-move role through an access point on the file system root made for
   * this drill (deleted after): the agent's `--restore-check` finds the job's own
   * `aws-backup-restore_*` directory, sums every file against the manifest's, reports, and
   * removes that directory. It never writes to the live home.
   */
  async scratchHome(
    recoveryPointArn: string,
    path: string,
    request: DrillHomeRequest,
  ): Promise<
    | { files: StoredFileSum[]; directory: string; time: DrillTimePart[] }
    | { problem: string }
    | { pending: string }
  > {
    const key = drillTaskObjects.home(request.environment);
    let record = await this.readJson<DrillHomeRecord>(
      key,
      (r) => typeof r.restoreJobId === "string",
    );
    if (!record || record.recoveryPointArn !== recoveryPointArn || record.path !== path) {
      const { backupRoleArn, fileSystemId, restoreMoveRoleArn } = this.config;
      // Both before the job: a restored copy nothing could check and remove is never left behind.
      if (backupRoleArn === undefined || restoreMoveRoleArn === undefined)
        return {
          problem:
            backupRoleArn === undefined
              ? "drilling a home needs the backup role (aws.backupRoleArn in labenv.yaml, an output of infra/)"
              : "drilling a home needs infra/'s restore-move role for its check task (aws.restoreMoveRoleArn in labenv.yaml, LABENV_RESTORE_MOVE_ROLE_ARN in the Lambda)",
        };
      // An earlier drill's job that it stopped waiting for: its copy is removed before a new one.
      const earlier = await this.clearAbandoned(request);
      if (earlier) return earlier;
      const startedAt = this.now().toISOString();
      const restoreJobId = await startHomeRestoreJob(this.clients, {
        recoveryPointArn,
        backupRoleArn,
        fileSystemId,
        path,
        token: drillToken(path, recoveryPointArn, startedAt),
      });
      record = { restoreJobId, startedAt, recoveryPointArn, path };
      await this.objects.put(key, `${JSON.stringify(record, null, 2)}\n`, "application/json");
      return {
        pending: `started the AWS Backup restore job ${restoreJobId} of ${path} from ${recoveryPointArn} for the drill`,
      };
    }
    const job = await this.clients.backup.send(
      new DescribeRestoreJobCommand({ RestoreJobId: record.restoreJobId }),
    );
    const status = job.Status ?? "UNKNOWN";
    if (status === "ABORTED" || status === "FAILED") {
      await this.forget(key);
      return {
        problem: `the drill's AWS Backup restore job ${record.restoreJobId} ended ${status}${job.StatusMessage ? `: ${job.StatusMessage}` : ""}`,
      };
    }
    const createdAt = job.CreationDate ?? new Date(record.startedAt);
    if (status !== "COMPLETED") {
      const progress = `${status}${job.PercentDone ? `, ${job.PercentDone} done` : ""}`;
      if (this.now().getTime() - createdAt.getTime() <= DRILL_RESTORE_JOB_MAX_HOURS * 3_600_000)
        return {
          pending: `waiting for the drill's AWS Backup restore job ${record.restoreJobId} (${progress})`,
        };
      // AWS Backup cannot stop a restore job: the next drill removes what it restores, first.
      const abandoned: AbandonedRestore = {
        restoreJobId: record.restoreJobId,
        createdAt: createdAt.toISOString(),
        recoveryPointArn,
        path,
        token: drillToken(path, recoveryPointArn, record.startedAt),
      };
      await this.objects.put(
        drillTaskObjects.abandoned(request.environment),
        `${JSON.stringify(abandoned, null, 2)}\n`,
        "application/json",
      );
      await this.forget(key);
      return {
        problem: `the drill's AWS Backup restore job ${record.restoreJobId} had not completed in ${DRILL_RESTORE_JOB_MAX_HOURS} hours (${progress}): the drill stopped waiting for it. AWS Backup cannot stop a restore job, so the next drill of ${request.environment} first removes what it restored, once it has ended`,
      };
    }
    const current = record;
    const step = await this.check(
      request,
      {
        restoreJobId: current.restoreJobId,
        createdAt: createdAt.toISOString(),
        ...(job.CompletionDate && { completedAt: job.CompletionDate.toISOString() }),
        recoveryPointArn,
        fromPath: path,
        toPath: path,
      },
      current.check,
      drillToken(path, recoveryPointArn, current.startedAt),
      async (check) => {
        await this.objects.put(
          key,
          `${JSON.stringify({ ...current, check }, null, 2)}\n`,
          "application/json",
        );
      },
    );
    if ("missing" in step) return { problem: step.missing };
    if (step.state === "pending") return { pending: step.reason };
    await this.forget(key);
    if (step.state === "failed") return { problem: step.reason };
    // What the restore took, as AWS reports it: the job from its creation to its completion,
    // then the check task; never the waits between the runs that followed them.
    const jobEnd = job.CompletionDate ?? dateOr(current.check?.startedAt, this.now());
    const checkFrom = step.task?.startedAt ?? dateOr(current.check?.startedAt, this.now());
    const checkTo = step.task?.stoppedAt ?? this.now();
    return {
      files: step.home.files,
      directory: step.home.restoreDirectory,
      time: [
        {
          part: "restore job",
          seconds: secondsBetween(createdAt, jobEnd),
          reported: job.CreationDate !== undefined && job.CompletionDate !== undefined,
        },
        {
          part: "check task",
          seconds: secondsBetween(checkFrom, checkTo),
          reported: step.task?.startedAt !== undefined && step.task.stoppedAt !== undefined,
        },
      ],
    };
  }

  /** The check task of a completed restore job (the drill's, or one an earlier drill gave up on). */
  private async check(
    request: DrillHomeRequest,
    job: CompletedRestoreJob,
    record: RestoreMoveRecord | undefined,
    token: string,
    remember: (r: RestoreMoveRecord) => Promise<void>,
  ): Promise<HomeRestoreStep | { missing: string }> {
    const [lab, env] = request.environment.split("/") as [string, string];
    const home = this.byKey.get(keys.home(lab, env)) as
      ObservedResource<"access-point"> | undefined;
    if (!home)
      return {
        missing: `${request.environment} has no home access point on AWS: whose files the drill checks is not known`,
      };
    return followRestoreMove(
      job,
      record,
      {
        environment: request.environment,
        snapshot: request.snapshot,
        image: request.image,
        files: [...request.files],
        owner: home.spec.posixUser,
        taskDefinitionKey: keys.taskDefinition(lab, env),
        serviceKey: keys.service(lab, env),
        check: { token },
      },
      {
        config: this.config,
        clients: this.clients,
        objects: this.objects,
        byKey: this.byKey,
        now: this.now,
      },
      remember,
    );
  }

  /**
   * An earlier drill's restore job that it stopped waiting for: while it runs no second restore
   * of the home is started beside it (the drill fails saying so); once it completed, its check
   * task removes what it restored; once it ended otherwise, nothing of it is left to remove.
   * Undefined when nothing is in the way.
   */
  private async clearAbandoned(
    request: DrillHomeRequest,
  ): Promise<{ problem: string } | { pending: string } | undefined> {
    const key = drillTaskObjects.abandoned(request.environment);
    const left = await this.readJson<AbandonedRestore>(
      key,
      (r) => typeof r.restoreJobId === "string" && typeof r.token === "string",
    );
    if (!left) return undefined;
    const job = await this.clients.backup.send(
      new DescribeRestoreJobCommand({ RestoreJobId: left.restoreJobId }),
    );
    const status = job.Status ?? "UNKNOWN";
    const what = `the AWS Backup restore job ${left.restoreJobId} that an earlier drill stopped waiting for`;
    if (status === "ABORTED" || status === "FAILED") {
      await this.forget(key);
      return undefined;
    }
    if (status !== "COMPLETED")
      return {
        problem: `${what} still runs (${status}): no second restore of ${left.path} is started beside it; a later drill goes on once it has ended`,
      };
    const step = await this.check(
      request,
      {
        restoreJobId: left.restoreJobId,
        createdAt: left.createdAt,
        // Only its own copy: a directory made after it completed is a later restore's.
        ...(job.CompletionDate && { completedAt: job.CompletionDate.toISOString() }),
        recoveryPointArn: left.recoveryPointArn,
        fromPath: left.path,
        toPath: left.path,
      },
      left.check,
      left.token,
      async (check) => {
        await this.objects.put(
          key,
          `${JSON.stringify({ ...left, check }, null, 2)}\n`,
          "application/json",
        );
      },
    );
    if ("missing" in step) return { problem: step.missing };
    if (step.state === "pending")
      return { pending: `removing what ${what} restored: ${step.reason}` };
    await this.forget(key);
    if (step.state === "failed")
      return { problem: `what ${what} restored could not be removed: ${step.reason}` };
    return undefined;
  }

  private async readJson<T>(
    key: string,
    valid: (r: Partial<T>) => boolean,
  ): Promise<T | undefined> {
    const body = await this.objects.get(key);
    if (!body) return undefined;
    try {
      const r = JSON.parse(Buffer.from(body).toString("utf8")) as Partial<T>;
      return valid(r) ? (r as T) : undefined;
    } catch {
      return undefined;
    }
  }

  private async forget(key: string): Promise<void> {
    await forgetDrillObject(this.objects, key);
  }
}

/** What a drill remembered is forgotten as `{}` (the object stays; no delete is granted). */
export async function forgetDrillObject(objects: ObjectStore, key: string): Promise<void> {
  await objects.put(key, "{}\n", "application/json");
}

function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / 1000;
}

function dateOr(iso: string | undefined, fallback: Date): Date {
  return iso ? new Date(iso) : fallback;
}

/** A drill's own restore: a new job and access point per drill, never the restore step's. */
function drillToken(path: string, recoveryPointArn: string, startedAt: string): string {
  return clientToken(`drill:${path}`, `${recoveryPointArn}#${startedAt}`);
}
