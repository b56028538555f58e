import { DescribeRestoreJobCommand } from "@aws-sdk/client-backup";
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { keys } from "../../core/desire/names.js";
import { observationPrefixOf } from "../../core/kinds/task-role.js";
import type { Observation } from "../../core/model/documents.js";
import type { ObservedResource } from "../../core/model/resources.js";
import { TAG } from "../../core/model/tags.js";
import type { DrillHomeRequest, DrillRunner } from "../../core/snapshots/drill.js";
import type { StoredFileSum } from "../../ports/snapshot-sources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { startHomeRestoreJob } from "./aws-snapshot-sources.js";
import { followRestoreMove, type RestoreMoveRecord } from "./home-restore-move.js";
import { clientToken } from "./client-token.js";
import { PROVIDER_TAG } from "./labenv-tags.js";
import { AGENT_PATH, describeOneOffTask } from "./one-off-task.js";
import { networkConfiguration } from "./service-shape.js";
import { drillTaskDefinitionInput, DRILL_PURPOSE } from "./drill-task-definition.js";
import { JUPYTER_CONTAINER, JUPYTER_VOLUME } from "./task-definition-shape.js";

/** A drill task not stopped after this long is stopped (StopTask) and the drill fails. */
export const DRILL_TASK_MAX_MINUTES = 30;

/** What a drill remembers between runs about its throw-away task. */
export interface DrillTaskRecord {
  taskArn: string;
  startedAt: string;
  image: string;
  volumeSnapshotId: string | null;
  /** Where the task's agent writes its observation (under the environment's own observation prefix). */
  observationKey: string;
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

export const drillTaskObjects = {
  task: (environment: string) => `drills/${environment}/task.json`,
  home: (environment: string) => `drills/${environment}/home.json`,
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
 * Followed across runs; a task still running after DRILL_TASK_MAX_MINUTES is stopped. The home
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
    | { observation: Observation; startedAt: Date; stoppedAt?: Date }
    | { problem: string }
    | { pending: string }
  > {
    const recordKey = drillTaskObjects.task(environment);
    let record = await this.readRecord(recordKey);
    if (
      !record ||
      record.image !== image ||
      record.volumeSnapshotId !== (volumeSnapshotId ?? null)
    ) {
      const started = await this.start(environment, image, volumeSnapshotId);
      if ("problem" in started) return started;
      record = started.record;
      await this.objects.put(recordKey, `${JSON.stringify(record, null, 2)}\n`, "application/json");
    }
    const waitUntil = this.now().getTime() + (this.options.waitMs ?? 0);
    for (;;) {
      const task = await describeOneOffTask(record.taskArn, this.config, this.clients);
      if (!task || task.lastStatus === "STOPPED")
        return this.finish(environment, record, task, await this.stoppedAt(record.taskArn));
      const minutes = (this.now().getTime() - Date.parse(record.startedAt)) / 60_000;
      if (minutes > DRILL_TASK_MAX_MINUTES) {
        await this.clients.ecs.send(
          new StopTaskCommand({
            cluster: this.config.cluster,
            task: record.taskArn,
            reason: `labenv drill: not stopped in ${DRILL_TASK_MAX_MINUTES} minutes`,
          }),
        );
        await this.forget(recordKey);
        return {
          problem: `the drill task ${record.taskArn} had not stopped in ${DRILL_TASK_MAX_MINUTES} minutes (${task.lastStatus}); it was stopped`,
        };
      }
      if (this.now().getTime() >= waitUntil)
        return {
          pending: `waiting for the drill task ${record.taskArn} (${task.lastStatus}); a later run goes on`,
        };
      await (this.options.sleep ?? delay)(this.options.pollMs ?? 5_000);
    }
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
    { files: StoredFileSum[]; directory: string } | { problem: string } | { pending: string }
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
    if (status !== "COMPLETED")
      return {
        pending: `waiting for the drill's AWS Backup restore job ${record.restoreJobId} (${status}${job.PercentDone ? `, ${job.PercentDone} done` : ""})`,
      };
    const [lab, env] = request.environment.split("/") as [string, string];
    const home = this.byKey.get(keys.home(lab, env)) as
      ObservedResource<"access-point"> | undefined;
    if (!home)
      return {
        problem: `${request.environment} has no home access point on AWS: whose files the drill checks is not known`,
      };
    const current = record;
    const step = await followRestoreMove(
      {
        restoreJobId: current.restoreJobId,
        createdAt: (job.CreationDate ?? new Date(current.startedAt)).toISOString(),
        recoveryPointArn,
        fromPath: path,
        toPath: path,
      },
      current.check,
      {
        environment: request.environment,
        snapshot: request.snapshot,
        image: request.image,
        files: [...request.files],
        owner: home.spec.posixUser,
        taskDefinitionKey: keys.taskDefinition(lab, env),
        serviceKey: keys.service(lab, env),
        check: { token: drillToken(path, recoveryPointArn, current.startedAt) },
      },
      {
        config: this.config,
        clients: this.clients,
        objects: this.objects,
        byKey: this.byKey,
        now: this.now,
      },
      async (check) => {
        await this.objects.put(
          key,
          `${JSON.stringify({ ...current, check }, null, 2)}\n`,
          "application/json",
        );
      },
    );
    if (step.state === "pending") return { pending: step.reason };
    await this.forget(key);
    if (step.state === "failed") return { problem: step.reason };
    return { files: step.home.files, directory: step.home.restoreDirectory };
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

  private async start(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
  ): Promise<{ record: DrillTaskRecord } | { problem: string }> {
    const [lab, env] = environment.split("/") as [string, string];
    const taskDefinition = this.byKey.get(keys.taskDefinition(lab, env));
    const service = this.byKey.get(keys.service(lab, env)) as
      ObservedResource<"service"> | undefined;
    if (!taskDefinition || !service)
      return {
        problem: `${environment} has no ${taskDefinition ? "service" : "task definition"} on AWS to drill from (its network, task role and volume size come from them)`,
      };
    if (this.config.ebsRoleArn === undefined)
      return {
        problem:
          "a drill task's /opt/jupyter volume needs the ECS infrastructure role: set aws.infrastructureRoleArn in labenv.yaml (an output of infra/)",
      };
    const source = (
      await this.clients.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinition.id }),
      )
    ).taskDefinition;
    if (!source) return { problem: `ECS no longer knows ${taskDefinition.id}` };
    const drillDefinition = await this.drillTaskDefinition(
      drillTaskDefinitionInput(source, environment, image),
    );
    const startedAt = this.now().toISOString();
    const observationKey = drillTaskObjects.observation(environment, startedAt);
    const tags = [
      { key: TAG.lab, value: lab },
      { key: TAG.environment, value: environment },
      { key: PROVIDER_TAG.purpose, value: DRILL_PURPOSE },
    ];
    const { volume } = service.spec;
    const out = await this.clients.ecs.send(
      new RunTaskCommand({
        cluster: this.config.cluster,
        taskDefinition: drillDefinition,
        launchType: "FARGATE",
        count: 1,
        clientToken: clientToken(
          `drill:${environment}`,
          `${image}#${volumeSnapshotId}#${startedAt}`,
        ),
        startedBy: "labenv-drill",
        networkConfiguration: networkConfiguration(service.spec, this.config),
        overrides: {
          containerOverrides: [
            {
              name: JUPYTER_CONTAINER,
              command: drillCommand(lab, env, observationKey),
              // The image's own interval would make the agent observe forever: once is a drill.
              environment: [{ name: "LABENV_AGENT_INTERVAL_MINUTES", value: "" }],
            },
          ],
        },
        volumeConfigurations: [
          {
            name: JUPYTER_VOLUME,
            managedEBSVolume: {
              sizeInGiB: volume.sizeGiB,
              volumeType: volume.volumeType,
              encrypted: volume.encrypted,
              ...(volumeSnapshotId !== undefined && { snapshotId: volumeSnapshotId }),
              roleArn: this.config.ebsRoleArn,
              terminationPolicy: { deleteOnTermination: true },
              tagSpecifications: [{ resourceType: "volume", tags, propagateTags: "NONE" }],
            },
          },
        ],
        tags,
      }),
    );
    const taskArn = out.tasks?.[0]?.taskArn;
    if (taskArn === undefined) {
      const why = (out.failures ?? []).map((f) => `${f.arn ?? ""} ${f.reason ?? ""}`.trim());
      return {
        problem: `ECS started no drill task for ${environment}${why.length > 0 ? `: ${why.join("; ")}` : ""}`,
      };
    }
    return {
      record: {
        taskArn,
        startedAt,
        image,
        volumeSnapshotId: volumeSnapshotId ?? null,
        observationKey,
      },
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

  /** The task stopped (or ECS forgot it): what its agent wrote is the container's observation. */
  private async finish(
    environment: string,
    record: DrillTaskRecord,
    task: Awaited<ReturnType<typeof describeOneOffTask>>,
    stoppedAt: Date | undefined,
  ): Promise<
    { observation: Observation; startedAt: Date; stoppedAt?: Date } | { problem: string }
  > {
    const body = await this.objects.get(record.observationKey);
    const [lab, env] = environment.split("/");
    let observation: Observation | undefined;
    try {
      observation = body && (JSON.parse(Buffer.from(body).toString("utf8")) as Observation);
    } catch {
      observation = undefined;
    }
    if (
      observation?.kind === "Observation" &&
      observation.metadata?.lab === lab &&
      observation.metadata?.environment === env &&
      Array.isArray(observation.spec?.packages)
    )
      return {
        observation,
        startedAt: new Date(record.startedAt),
        ...(stoppedAt ? { stoppedAt } : {}),
      };
    await this.forget(drillTaskObjects.task(environment));
    const stopped = task
      ? `stopped${[task.stoppedReason, task.exitCode !== undefined ? `its ${JUPYTER_CONTAINER} container exited ${task.exitCode}` : "", task.containerReason].filter(Boolean).join("; ").replace(/^/, ": ")}`
      : "is no longer known to ECS";
    return {
      problem: `the drill task ${record.taskArn} ${stopped}, ${body ? `and ${record.observationKey} is not an observation of ${environment}` : `without writing ${record.observationKey}`} (its output is in the environment's log group, stream prefix ${JUPYTER_CONTAINER})`,
    };
  }

  /** When ECS says the task stopped: the drill's time ends there, not when a later run reads it. */
  private async stoppedAt(taskArn: string): Promise<Date | undefined> {
    const out = await this.clients.ecs.send(
      new DescribeTasksCommand({ cluster: this.config.cluster, tasks: [taskArn] }),
    );
    return out.tasks?.find((t) => t.taskArn === taskArn)?.stoppedAt;
  }

  private async forget(key: string): Promise<void> {
    await this.objects.put(key, "{}\n", "application/json");
  }

  private async readRecord(key: string): Promise<DrillTaskRecord | undefined> {
    const body = await this.objects.get(key);
    if (!body) return undefined;
    try {
      const r = JSON.parse(Buffer.from(body).toString("utf8")) as Partial<DrillTaskRecord>;
      return typeof r.taskArn === "string" &&
        typeof r.startedAt === "string" &&
        typeof r.observationKey === "string"
        ? (r as DrillTaskRecord)
        : undefined;
    } catch {
      return undefined;
    }
  }
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

/** A drill's own restore: a new job and access point per drill, never the restore step's. */
function drillToken(path: string, recoveryPointArn: string, startedAt: string): string {
  return clientToken(`drill:${path}`, `${recoveryPointArn}#${startedAt}`);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
