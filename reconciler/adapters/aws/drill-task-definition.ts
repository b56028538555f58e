import type {
  KeyValuePair,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from "@aws-sdk/client-ecs";
import { createHash } from "node:crypto";
import { oneOffTags } from "./one-off-task.js";
import {
  JUPYTER_CONTAINER,
  JUPYTER_PATH,
  JUPYTER_VOLUME,
  naming,
} from "./task-definition-shape.js";

/**
 * Drill task definitions are a family of their own: not `labenv-…` (observe would take them
 * for an environment's), so a drill never shows in a plan. infra/ lets the reconciler run only these.
 */
export const DRILL_FAMILY_PREFIX = "labenvdrill-";
const FAMILY_MAX = 255;

/** `labenvdrill-<lab>-<env>`, or by hash when longer than ECS allows. */
export function drillFamily(environment: string): string {
  const plain = `${DRILL_FAMILY_PREFIX}${environment.replace("/", "-")}`;
  if (plain.length <= FAMILY_MAX) return plain;
  return `${DRILL_FAMILY_PREFIX}${createHash("sha256").update(environment).digest("hex").slice(0, 24)}`;
}

/**
 * A drill's task definition, made from the environment's registered one: the same task role
 * (it may write the environment's observations), execution role, size, environment variables
 * and log group, with the snapshot's image by digest and `/opt/jupyter` configured at launch —
 * and no home, no datasets and no authorizer: a drill reads no researcher's files and serves no one.
 */
export function drillTaskDefinitionInput(
  source: TaskDefinition,
  environment: string,
  image: string,
): RegisterTaskDefinitionCommandInput {
  const jupyter = source.containerDefinitions?.find((c) => c.name === JUPYTER_CONTAINER);
  const env = Object.fromEntries(
    (jupyter?.environment ?? []).map((p) => [p.name ?? "", p.value ?? ""] as const),
  );
  const renamed = naming(env, jupyter?.image ?? "", image);
  const pairs: KeyValuePair[] = Object.entries(renamed)
    .filter(([name]) => name !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
  return {
    family: drillFamily(environment),
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: source.cpu,
    memory: source.memory,
    ...(source.taskRoleArn && { taskRoleArn: source.taskRoleArn }),
    ...(source.executionRoleArn && { executionRoleArn: source.executionRoleArn }),
    containerDefinitions: [
      {
        name: JUPYTER_CONTAINER,
        image,
        essential: true,
        // moto's RunTask needs a container limit; Fargate the task's.
        memory: Number(source.memory ?? jupyter?.memory ?? 512),
        environment: pairs,
        mountPoints: [
          { sourceVolume: JUPYTER_VOLUME, containerPath: JUPYTER_PATH, readOnly: false },
        ],
        ...(jupyter?.logConfiguration && { logConfiguration: jupyter.logConfiguration }),
      },
    ],
    volumes: [{ name: JUPYTER_VOLUME, configuredAtLaunch: true }],
    tags: oneOffTags(environment, "drill"),
  };
}
