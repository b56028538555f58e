import { DescribeRestoreJobCommand } from "@aws-sdk/client-backup";
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type ContainerDefinition,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { keys } from "../../core/desire/names.js";
import { observationPrefixOf } from "../../core/kinds/task-role.js";
import type { Observation } from "../../core/model/documents.js";
import type { ObservedResource } from "../../core/model/resources.js";
import type { DrillHomeRequest, DrillRunner, DrillTimePart } from "../../core/snapshots/drill.js";
import type { HomeRestoreStep, StoredFileSum } from "../../ports/snapshot-sources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { startHomeRestoreJob } from "./aws-snapshot-sources.js";
import {
  followRestoreMove,
  type CompletedRestoreJob,
  type RestoreMoveRecord,
} from "./home-restore-move.js";
import { clientToken } from "./client-token.js";
import {
  AGENT_PATH,
  followOneOffTask,
  readOneOffRecord,
  type OneOffTask,
  type OneOffTaskRecord,
  type OneOffTaskState,
} from "./one-off-task.js";
import { drillTaskDefinitionInput } from "./drill-task-definition.js";
import { JUPYTER_CONTAINER } from "./task-definition-shape.js";

/** What a drill remembers between runs about its throw-away task (followed as every one-off task is). */
export interface DrillTaskRecord extends OneOffTaskRecord {
  image: string;
  volumeSnapshotId: string | null;
  /** Where the task's agent writes its observation (under the environment's own observation prefix). */
  observationKey: string;
  /** When it ran (ECS's times, `reported`, else labenv's), kept once its observation was read. */
  ran?: { from: string; to: string; reported: boolean };
}

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

export const drillTaskObjects = {
  task: (environment: string) => `drills/${environment}/task.json`,
  home: (environment: string) => `drills/${environment}/home.json`,
  /** A restore job an earlier drill stopped waiting for (DRILL_RESTORE_JOB_MAX_HOURS), until its copy is removed. */
  abandoned: (environment: string) => `drills/${environment}/abandoned-restore.json`,
  /** Under `observations/<lab>/<env>/`, the only prefix the environment's task role may write. */
  observation: (environment: string, startedAt: string) => {
    const [lab, env] = environment.split("/") as [string, string];
    return `${observationPrefixOf(lab, env)}drills/${startedAt.replaceAll(":", "")}.json`;
  },
};

export interface AwsDrillRunnerOptions {
  /** How long one call waits for the task to stop before a later run follows it (default 0). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The packages half of a restore drill on AWS: a one-off Fargate task of the snapshot's image by
 * digest (a drill task definition made from the environment's own, without its home or datasets),
 * its `/opt/jupyter` an ECS-managed EBS volume created from the snapshot's EBS snapshot (deleted
 * with the task), running the agent once; what the agent writes is the container's observation.
 * Followed across runs (followOneOffTask); one still running past its bound is stopped. The home
 * half: scratchHome. What a drill remembers between runs is forgotten once it is recorded.
 */
export class AwsDrillRunner implements DrillRunner {
  private readonly byKey: ReadonlyMap<string, ObservedResource>;

  constructor(
    private readonly config: AwsProviderConfig,
    private readonly clients: Pick<AwsClients, "ecs" | "efs" | "backup">,
    private readonly objects: ObjectStore,
    observed: readonly ObservedResource[],
    private readonly now: () => Date,
    private readonly options: AwsDrillRunnerOptions = {},
  ) {
    this.byKey = new Map(observed.map((o) => [o.key, o]));
  }

  async scratchContainer(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
  ): Promise<
    | { observation: Observation; startedAt: Date; stoppedAt?: Date; reported: boolean }
    | { problem: string }
    | { pending: string }
  > {
    const recordKey = drillTaskObjects.task(environment);
    const record = await readDrillTask(this.objects, environment);
    const step = await followOneOffTask<DrillTaskRecord, Uint8Array>(
      {
        purpose: "drill",
        output: (r) => r.observationKey,
        record:
          record?.image === image && record.volumeSnapshotId === (volumeSnapshotId ?? null)
            ? record
            : undefined,
        prepare: (_attempt, at) => this.prepare(environment, image, volumeSnapshotId, at),
        remember: async (r) => {
          await this.objects.put(recordKey, `${JSON.stringify(r, null, 2)}\n`, "application/json");
        },
        read: (r) => this.objects.get(r.observationKey),
        wait: {
          ms: this.options.waitMs ?? 0,
          ...(this.options.pollMs !== undefined && { pollMs: this.options.pollMs }),
          ...(this.options.sleep && { sleep: this.options.sleep }),
        },
      },
      this.config,
      this.clients,
      this.now,
    );
    if (step.state === "started" || step.state === "running")
      return {
        pending: `waiting for the drill task ${step.record.taskArn} (${step.state === "running" ? step.status : "just started"}); a later run goes on`,
      };
    if (step.state === "pending") return { pending: step.reason };
    if (step.state === "failed") {
      await this.forget(recordKey);
      return { problem: step.reason };
    }
    const observation = observationOf(step.output, environment);
    if (!observation) {
      await this.forget(recordKey);
      return {
        problem: `the drill task ${step.record.taskArn} wrote ${step.record.observationKey}, and it is not an observation of ${environment}`,
      };
    }
    // When it ran, kept the first time it is read: ECS forgets a stopped task within hours, and
    // the home half may take longer.
    let ran = step.record.ran;
    if (!ran) {
      ran = ranFor(step.record, step.task, this.now());
      await this.objects.put(
        recordKey,
        `${JSON.stringify({ ...step.record, ran }, null, 2)}\n`,
        "application/json",
      );
    }
    return {
      observation,
      startedAt: new Date(ran.from),
      stoppedAt: new Date(ran.to),
      reported: ran.reported,
    };
  }

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

  /** The drill was recorded: its task and its home half are forgotten, the next drill starts anew. */
  async finished(environment: string): Promise<void> {
    await this.forget(drillTaskObjects.task(environment));
    await this.forget(drillTaskObjects.home(environment));
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

  /** The drill task of this attempt: a drill task definition of the snapshot's image, /opt/jupyter from its EBS snapshot. */
  private async prepare(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
    at: Date,
  ): Promise<
    | { task: OneOffTask; remember: Omit<DrillTaskRecord, keyof OneOffTaskRecord> }
    | { failed: string }
  > {
    const [lab, env] = environment.split("/") as [string, string];
    const taskDefinition = this.byKey.get(keys.taskDefinition(lab, env));
    const service = this.byKey.get(keys.service(lab, env)) as
      ObservedResource<"service"> | undefined;
    if (!taskDefinition || !service)
      return {
        failed: `${environment} has no ${taskDefinition ? "service" : "task definition"} on AWS to drill from (its network, task role and volume size come from them)`,
      };
    if (this.config.ebsRoleArn === undefined)
      return {
        failed:
          "a drill task's /opt/jupyter volume needs the ECS infrastructure role: set aws.infrastructureRoleArn in labenv.yaml (an output of infra/)",
      };
    const source = (
      await this.clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinition.id }),
      )
    ).taskDefinition;
    if (!source) return { failed: `ECS no longer knows ${taskDefinition.id}` };
    const drillDefinition = await this.drillTaskDefinition(
      drillTaskDefinitionInput(source, environment, image),
    );
    const startedAt = at.toISOString();
    const observationKey = drillTaskObjects.observation(environment, startedAt);
    return {
      task: {
        environment,
        purpose: "drill",
        token: `${image}#${volumeSnapshotId}#${startedAt}`,
        taskDefinitionArn: drillDefinition,
        service: service.spec,
        command: drillCommand(lab, env, observationKey),
        ...(volumeSnapshotId !== undefined && { volumeSnapshotId }),
        // The image's own interval would make the agent observe forever: once is a drill.
        containerEnvironment: { LABENV_AGENT_INTERVAL_MINUTES: "" },
      },
      remember: { image, volumeSnapshotId: volumeSnapshotId ?? null, observationKey },
    };
  }

  /** The drill family's latest revision when it already runs this image, else a new revision. */
  private async drillTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<string> {
    const latest = await this.clients.ecs
      .send(new DescribeTaskDefinitionCommand({ taskDefinition: input.family }))
      .then((o) => o.taskDefinition)
      .catch((e: unknown): TaskDefinition | undefined => {
        // ECS answers a family it has never seen with a ClientException; anything else is an error.
        if ((e as { name?: string }).name === "ClientException") return undefined;
        throw e;
      });
    if (
      latest?.taskDefinitionArn &&
      latest.taskRoleArn === input.taskRoleArn &&
      latest.executionRoleArn === input.executionRoleArn &&
      sameContainer(latest.containerDefinitions, input.containerDefinitions)
    )
      return latest.taskDefinitionArn;
    const out = await this.clients.ecs.send(new RegisterTaskDefinitionCommand(input));
    return out.taskDefinition!.taskDefinitionArn!;
  }

  private async forget(key: string): Promise<void> {
    await this.objects.put(key, "{}\n", "application/json");
  }
}

/** The drill task an earlier run started and remembered, or undefined (none, or forgotten). */
export async function readDrillTask(
  objects: ObjectStore,
  environment: string,
): Promise<DrillTaskRecord | undefined> {
  return readOneOffRecord<DrillTaskRecord>(
    objects,
    drillTaskObjects.task(environment),
    (r) => typeof r.observationKey === "string" && typeof r.image === "string",
  );
}

/** Whether a drill of the environment is under way: its task was started by an earlier run and not forgotten. */
export async function drillInFlight(objects: ObjectStore, environment: string): Promise<boolean> {
  return (await readDrillTask(objects, environment)) !== undefined;
}

/** What a drill task's agent wrote, when it is an observation of the environment. */
function observationOf(body: Uint8Array, environment: string): Observation | undefined {
  const [lab, env] = environment.split("/");
  try {
    const o = JSON.parse(Buffer.from(body).toString("utf8")) as Observation;
    return o?.kind === "Observation" &&
      o.metadata?.lab === lab &&
      o.metadata?.environment === env &&
      Array.isArray(o.spec?.packages)
      ? o
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a one-off task ran, as ECS reports it (created, so its volume from the snapshot and its
 * image pull count, to stopped), else by labenv's clock (from when it started it to now, when a
 * run found it stopped); `reported` when both ends are ECS's.
 */
function ranFor(
  record: OneOffTaskRecord,
  task: OneOffTaskState | undefined,
  now: Date,
): NonNullable<DrillTaskRecord["ran"]> {
  const from = task?.createdAt ?? task?.startedAt;
  return {
    from: (from ?? new Date(record.startedAt)).toISOString(),
    to: (task?.stoppedAt ?? now).toISOString(),
    reported: from !== undefined && task?.stoppedAt !== undefined,
  };
}

/** The Jupyter container's command in a drill task: the agent once, its observation to `key`. */
export function drillCommand(lab: string, env: string, key: string): string[] {
  return [
    "python3",
    AGENT_PATH,
    "--lab",
    lab,
    "--environment",
    env,
    "--s3-key",
    key,
    "--output",
    "/dev/null",
  ];
}

function sameContainer(
  a: ContainerDefinition[] | undefined,
  b: ContainerDefinition[] | undefined,
): boolean {
  const jupyter = (c: ContainerDefinition[] | undefined) =>
    JSON.stringify(
      c
        ?.filter((x) => x.name === JUPYTER_CONTAINER)
        .map((x) => [x.image, x.environment?.map((e) => [e.name, e.value]), x.logConfiguration]),
    );
  return a !== undefined && jupyter(a) === jupyter(b);
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
