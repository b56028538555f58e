import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type ContainerDefinition,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import { keys } from "../../core/desire/names.js";
import type { Observation } from "../../core/model/documents.js";
import type { ObservedResource } from "../../core/model/resources.js";
import type { DrillHomeRequest, DrillRunner } from "../../core/snapshots/drill.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { DrillHome, forgetDrillObject } from "./drill-home.js";
import { drillTaskObjects } from "./drill-objects.js";
import {
  AGENT_PATH,
  followOneOffTask,
  readOneOffRecord,
  type OneOffTask,
  type OneOffTaskRecord,
  type OneOffTaskState,
} from "./one-off-task.js";
import { drillFamily, drillTaskDefinitionInput } from "./drill-task-definition.js";
import { retireOneOffRevisions } from "./task-definition-revisions.js";
import { JUPYTER_CONTAINER } from "./task-definition-shape.js";

export { drillTaskObjects } from "./drill-objects.js";

/** What a drill remembers between runs about its throw-away task (followed as every one-off task is). */
export interface DrillTaskRecord extends OneOffTaskRecord {
  image: string;
  volumeSnapshotId: string | null;
  /** Where the task's agent writes its observation (under the environment's own observation prefix). */
  observationKey: string;
  /** When it ran (ECS's times, `reported`, else labenv's), kept once its observation was read. */
  ran?: { from: string; to: string; reported: boolean };
}

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
    // The task was read back (or given up on): what labenv registered for it goes.
    await retireOneOffRevisions(this.clients.ecs, this.config.cluster, drillFamily(environment), {
      environment,
      purpose: "drill",
    });
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

  /** The home half, across runs: drill-home.ts. */
  async scratchHome(
    recoveryPointArn: string,
    path: string,
    request: DrillHomeRequest,
  ): ReturnType<DrillHome["scratchHome"]> {
    return new DrillHome(this.config, this.clients, this.objects, this.byKey, this.now).scratchHome(
      recoveryPointArn,
      path,
      request,
    );
  }

  /** The drill was recorded: its task and its home half are forgotten, the next drill starts anew. */
  async finished(environment: string): Promise<void> {
    await this.forget(drillTaskObjects.task(environment));
    await this.forget(drillTaskObjects.home(environment));
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
      latest.status === "ACTIVE" &&
      latest.taskRoleArn === input.taskRoleArn &&
      latest.executionRoleArn === input.executionRoleArn &&
      sameContainer(latest.containerDefinitions, input.containerDefinitions)
    )
      return latest.taskDefinitionArn;
    const out = await this.clients.ecs.send(new RegisterTaskDefinitionCommand(input));
    return out.taskDefinition!.taskDefinitionArn!;
  }

  private async forget(key: string): Promise<void> {
    await forgetDrillObject(this.objects, key);
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
