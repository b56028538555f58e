import {
  DescribeTasksCommand,
  RunTaskCommand,
  type RunTaskCommandInput,
  type Task,
} from "@aws-sdk/client-ecs";
import { LabenvError } from "../../core/errors.js";
import { TAG } from "../../core/model/tags.js";
import type { ServiceSpec } from "../../core/model/resources.js";
import type { AwsClients } from "./aws-clients.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { clientToken } from "./client-token.js";
import { PROVIDER_TAG } from "./labenv-tags.js";
import { JUPYTER_CONTAINER, JUPYTER_VOLUME } from "./task-definition-shape.js";

/** Where every labenv image has its agent (build-context.ts puts it there). */
export const AGENT_PATH = "/opt/labenv/agent/observe.py";

/** What a one-off task of an environment's own task definition is for (its `labenv:purpose` tag). */
export type OneOffPurpose = "home-inventory" | "restore-move";

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
  return {
    cluster: config.cluster,
    taskDefinition: task.taskDefinitionArn,
    launchType: "FARGATE",
    count: 1,
    clientToken: clientToken(`${task.purpose}:${task.environment}`, task.token),
    startedBy: `labenv-${task.purpose}`,
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: task.service.subnets.length > 0 ? task.service.subnets : config.subnets,
        securityGroups:
          task.service.securityGroups.length > 0
            ? task.service.securityGroups
            : config.securityGroups,
        assignPublicIp: "DISABLED",
      },
    },
    overrides: { containerOverrides: [{ name: JUPYTER_CONTAINER, command: task.command }] },
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
  };
}

/** One line naming a stopped task and why it stopped, for a capture or restore that failed. */
export function stoppedTaskSentence(
  purpose: OneOffPurpose | "restore-check",
  arn: string,
  s: OneOffTaskState,
): string {
  const exit =
    s.exitCode !== undefined ? `its ${JUPYTER_CONTAINER} container exited ${s.exitCode}` : "";
  const why = [s.stoppedReason, exit, s.containerReason].filter(Boolean).join("; ");
  return `the ${purpose} task ${arn} (${s.family}) stopped${why ? `: ${why}` : ""} (its output is in the environment's log group, stream prefix ${JUPYTER_CONTAINER})`;
}
