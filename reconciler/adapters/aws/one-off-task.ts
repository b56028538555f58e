import {
  DescribeTasksCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RunTaskCommandInput,
  type Task,
} from "@aws-sdk/client-ecs";
import { LabenvError } from "../../core/errors.js";
import { TAG } from "../../core/model/tags.js";
import type { ServiceSpec } from "../../core/model/resources.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { clientToken } from "./client-token.js";
import { PROVIDER_TAG } from "./labenv-tags.js";
import { networkConfiguration } from "./service-shape.js";
import { JUPYTER_CONTAINER, JUPYTER_VOLUME } from "./task-definition-shape.js";

/** Where every labenv image has its agent (build-context.ts puts it there). */
export const AGENT_PATH = "/opt/labenv/agent/observe.py";

/**
 * What a one-off task is for (its `labenv:purpose` tag, which infra/ lets the reconciler stop):
 * a capture's home inventory, a restore's move, a drill's check of its restored home, a drill's
 * throw-away container.
 */
export type OneOffPurpose = "home-inventory" | "restore-move" | "restore-check" | "drill";

/**
 * Per purpose: how many tasks ECS lost (stopped or forgotten without writing their output) are
 * started before the work fails, and how long one may run before it is stopped (StopTask) and the
 * work fails.
 */
export const ONE_OFF_BOUNDS: Readonly<
  Record<OneOffPurpose, { attempts: number; minutes: number }>
> = {
  "home-inventory": { attempts: 3, minutes: 6 * 60 },
  "restore-move": { attempts: 3, minutes: 6 * 60 },
  // Reads and sums the restored copy and removes it, writing nothing elsewhere: no copy to make.
  "restore-check": { attempts: 3, minutes: 2 * 60 },
  drill: { attempts: 3, minutes: 30 },
};

/** The tags of every one-off task and what it makes (`labenv:purpose` says what for). */
export function oneOffTags(environment: string, purpose: OneOffPurpose) {
  const [lab] = environment.split("/");
  return [
    { key: TAG.lab, value: lab ?? "" },
    { key: TAG.environment, value: environment },
    { key: PROVIDER_TAG.purpose, value: purpose },
  ];
}

export interface OneOffTask {
  /** `lab/env`. */
  environment: string;
  purpose: OneOffPurpose;
  /** What makes this run unique (the snapshot and attempt): the RunTask client token is made of it. */
  token: string;
  /** The task definition (ARN): the environment's own (its image by digest, its home access point, its task role), or one made for the task. */
  taskDefinitionArn: string;
  /** The environment's service: its network and its /opt/jupyter volume's size and type. */
  service: ServiceSpec;
  /** The Jupyter container's command: the agent in one of its one-off modes. */
  command: string[];
  /** /opt/jupyter from this EBS snapshot (the capture's), else a fresh volume like the service's. */
  volumeSnapshotId?: string;
  /** False: the task definition has no /opt/jupyter volume to configure (the restore move's own). */
  jupyterVolume?: false;
  /** The Jupyter container's environment variables set over the task definition's (ECS overrides). */
  containerEnvironment?: Record<string, string>;
}

/**
 * RunTask of the environment's own task definition with the Jupyter container's command
 * replaced: the image by digest, the home access point mounted as in Jupyter, the lab's task
 * role (which may write only under `observations/<lab>/`). Idempotent by its client token: a
 * run that died after starting it starts no second task.
 */
export function runTaskInput(
  task: OneOffTask,
  config: Pick<AwsProviderConfig, "cluster" | "subnets" | "securityGroups" | "ebsRoleArn">,
): RunTaskCommandInput {
  if (config.ebsRoleArn === undefined && task.jupyterVolume !== false)
    throw new LabenvError(
      "config",
      `a ${task.purpose} task of ${task.environment} needs the ECS infrastructure role for its /opt/jupyter volume`,
      { hint: "set aws.infrastructureRoleArn in labenv.yaml (an output of infra/)" },
    );
  const tags = oneOffTags(task.environment, task.purpose);
  const { volume } = task.service;
  const environment = Object.entries(task.containerEnvironment ?? {}).map(([name, value]) => ({
    name,
    value,
  }));
  return {
    cluster: config.cluster,
    taskDefinition: task.taskDefinitionArn,
    launchType: "FARGATE",
    count: 1,
    clientToken: clientToken(`${task.purpose}:${task.environment}`, task.token),
    startedBy: `labenv-${task.purpose}`,
    networkConfiguration: networkConfiguration(task.service, config),
    overrides: {
      containerOverrides: [
        {
          name: JUPYTER_CONTAINER,
          command: task.command,
          ...(environment.length > 0 && { environment }),
        },
      ],
    },
    ...(task.jupyterVolume !== false && {
      volumeConfigurations: [
        {
          name: JUPYTER_VOLUME,
          managedEBSVolume: {
            sizeInGiB: volume.sizeGiB,
            volumeType: volume.volumeType,
            encrypted: volume.encrypted,
            ...(task.volumeSnapshotId !== undefined && { snapshotId: task.volumeSnapshotId }),
            roleArn: config.ebsRoleArn,
            terminationPolicy: { deleteOnTermination: true },
            tagSpecifications: [{ resourceType: "volume", tags, propagateTags: "NONE" }],
          },
        },
      ],
    }),
    tags,
  };
}

/** Starts the task (or finds the one this token started) and returns its ARN. */
export async function startOneOffTask(
  task: OneOffTask,
  config: AwsProviderConfig,
  clients: Pick<AwsClients, "ecs">,
): Promise<string> {
  const out = await clients.ecs.send(new RunTaskCommand(runTaskInput(task, config)));
  const arn = out.tasks?.[0]?.taskArn;
  if (arn === undefined) {
    const why = (out.failures ?? []).map((f) => `${f.arn ?? ""} ${f.reason ?? ""}`.trim());
    throw new LabenvError(
      "provider",
      `ECS started no ${task.purpose} task for ${task.environment}${why.length > 0 ? `: ${why.join("; ")}` : ""}`,
    );
  }
  return arn;
}

/** What a one-off task is now, as DescribeTasks says it; undefined when ECS no longer knows it. */
export interface OneOffTaskState {
  lastStatus: string;
  family: string;
  stoppedReason?: string;
  exitCode?: number;
  containerReason?: string;
  /** When ECS created the task (before its volume and image), when it ran, when it stopped. */
  createdAt?: Date;
  startedAt?: Date;
  stoppedAt?: Date;
}

export async function describeOneOffTask(
  arn: string,
  config: Pick<AwsProviderConfig, "cluster">,
  clients: Pick<AwsClients, "ecs">,
): Promise<OneOffTaskState | undefined> {
  const out = await clients.ecs.send(
    new DescribeTasksCommand({ cluster: config.cluster, tasks: [arn] }),
  );
  const t = out.tasks?.find((x) => x.taskArn === arn);
  return t ? stateOf(t) : undefined;
}

function stateOf(t: Task): OneOffTaskState {
  const c = t.containers?.find((x) => x.name === JUPYTER_CONTAINER);
  const family = (t.taskDefinitionArn ?? "").split("/").pop() ?? "";
  return {
    lastStatus: t.lastStatus ?? "UNKNOWN",
    family,
    ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
    ...(c?.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
    ...(c?.reason ? { containerReason: c.reason } : {}),
    ...(t.createdAt ? { createdAt: t.createdAt } : {}),
    ...(t.startedAt ? { startedAt: t.startedAt } : {}),
    ...(t.stoppedAt ? { stoppedAt: t.stoppedAt } : {}),
  };
}

/** One line naming a stopped task and why it stopped, for a capture or restore that failed. */
export function stoppedTaskSentence(purpose: string, arn: string, s: OneOffTaskState): string {
  const exit =
    s.exitCode !== undefined ? `its ${JUPYTER_CONTAINER} container exited ${s.exitCode}` : "";
  const why = [s.stoppedReason, exit, s.containerReason].filter(Boolean).join("; ");
  return `the ${purpose} task ${arn} (${s.family}) stopped${why ? `: ${why}` : ""} (its output is in the environment's log group, stream prefix ${JUPYTER_CONTAINER})`;
}

/** What every one-off task remembers between runs: which task, since when, which attempt. */
export interface OneOffTaskRecord {
  taskArn: string;
  startedAt: string;
  attempt: number;
}

/** A one-off task to follow across runs: how to start an attempt, where it writes, what is remembered. */
export interface OneOffFollow<R extends OneOffTaskRecord, T> {
  purpose: OneOffPurpose;
  /** What it writes when it is done (an object key, or the record's), named when it did not. */
  output: string | ((record: R) => string);
  /** What an earlier run remembered; undefined: start the first attempt. */
  record: R | undefined;
  /**
   * The task of attempt `attempt` (its token must differ per attempt) and what to remember with
   * it; `failed` or `pending` when it cannot be started (nothing was).
   */
  prepare(
    attempt: number,
    at: Date,
    previous: R | undefined,
  ): Promise<
    | { task: OneOffTask; remember: Omit<R, keyof OneOffTaskRecord> }
    | { failed: string }
    | { pending: string }
  >;
  remember(record: R): Promise<void>;
  /** What the task wrote, undefined while it has written nothing. */
  read(record: R): Promise<T | undefined>;
  /** How long this call waits for the task to stop before a later run follows it (default 0). */
  wait?: { ms: number; pollMs?: number; sleep?: (ms: number) => Promise<void> };
}

/** Where a followed one-off task is. */
export type OneOffProgress<R extends OneOffTaskRecord, T> =
  | { state: "started"; record: R }
  | { state: "running"; record: R; status: string }
  /** It stopped and wrote `output`; `task` is what ECS still says of it (its times among it). */
  | { state: "done"; record: R; output: T; task?: OneOffTaskState }
  | { state: "failed"; record?: R; reason: string }
  /** It could not be started yet (prepare said why); nothing runs. */
  | { state: "pending"; reason: string };

/**
 * A one-off task across reconciler runs, the same for every purpose: the first call starts it
 * (RunTask, idempotent by its token) and remembers it; later calls read its state. One still
 * running past its purpose's bound is stopped (StopTask) and the work fails; one that stopped or
 * that ECS no longer knows without writing its output is started again, up to its purpose's
 * attempts, when ECS lost it, and fails with why it stopped otherwise.
 */
export async function followOneOffTask<R extends OneOffTaskRecord, T>(
  f: OneOffFollow<R, T>,
  config: AwsProviderConfig,
  clients: Pick<AwsClients, "ecs">,
  now: () => Date,
): Promise<OneOffProgress<R, T>> {
  const name = f.purpose;
  const bounds = ONE_OFF_BOUNDS[f.purpose];
  const start = async (attempt: number, previous: R | undefined): Promise<OneOffProgress<R, T>> => {
    const at = now();
    const prepared = await f.prepare(attempt, at, previous);
    // A later attempt's record stays with its failure: what the earlier one made is cleaned up.
    if ("failed" in prepared)
      return { state: "failed", reason: prepared.failed, ...(previous && { record: previous }) };
    if ("pending" in prepared) return { state: "pending", reason: prepared.pending };
    const taskArn = await startOneOffTask(prepared.task, config, clients);
    const record = { ...prepared.remember, taskArn, startedAt: at.toISOString(), attempt } as R;
    await f.remember(record);
    return { state: "started", record };
  };
  const waitUntil = now().getTime() + (f.wait?.ms ?? 0);
  // A task just started is followed on in this call only when the call may wait.
  const started = async (attempt: number, previous: R | undefined) => {
    const s = await start(attempt, previous);
    return s.state === "started" && now().getTime() < waitUntil ? s.record : s;
  };
  let record: R | OneOffProgress<R, T> = f.record ?? (await started(1, undefined));
  for (;;) {
    if ("state" in record) return record;
    const task = await describeOneOffTask(record.taskArn, config, clients);
    if (task && task.lastStatus !== "STOPPED") {
      if (now().getTime() - Date.parse(record.startedAt) > bounds.minutes * 60_000) {
        const bound = boundSentence(bounds.minutes);
        await clients.ecs.send(
          new StopTaskCommand({
            cluster: config.cluster,
            task: record.taskArn,
            reason: `labenv: the ${name} task had not stopped in ${bound}`,
          }),
        );
        return {
          state: "failed",
          record,
          reason: `the ${name} task ${record.taskArn} had not stopped in ${bound} (${task.lastStatus}); it was stopped`,
        };
      }
      if (now().getTime() >= waitUntil)
        return { state: "running", record, status: task.lastStatus };
      await (f.wait?.sleep ?? delay)(f.wait?.pollMs ?? 5_000);
      continue;
    }
    const output = await f.read(record);
    const written = typeof f.output === "string" ? f.output : f.output(record);
    if (output !== undefined) return { state: "done", record, output, ...(task ? { task } : {}) };
    if (task)
      return {
        state: "failed",
        record,
        reason: `${stoppedTaskSentence(name, record.taskArn, task)}, without writing ${written}`,
      };
    if (record.attempt >= bounds.attempts)
      return {
        state: "failed",
        record,
        reason: `ECS lost the ${name} task ${record.taskArn} before it wrote ${written}, ${bounds.attempts} times`,
      };
    record = await started(record.attempt + 1, record);
  }
}

function boundSentence(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

/**
 * A one-off task's record as an earlier run wrote it, or undefined (none, forgotten as `{}`, or
 * not a record); `valid` checks what the caller keeps beside it. Records written before attempts
 * were counted are attempt 1.
 */
export async function readOneOffRecord<R extends OneOffTaskRecord>(
  objects: ObjectStore,
  key: string,
  valid: (r: Partial<R>) => boolean = () => true,
): Promise<R | undefined> {
  const body = await objects.get(key);
  if (!body) return undefined;
  try {
    const r = JSON.parse(Buffer.from(body).toString("utf8")) as Partial<R>;
    if (typeof r.taskArn !== "string" || typeof r.startedAt !== "string" || !valid(r))
      return undefined;
    return { ...r, attempt: typeof r.attempt === "number" ? r.attempt : 1 } as R;
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
