import type {
  KeyValuePair,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { DesiredResource, TaskDefinitionSpec } from "../../core/model/resources.js";
import { jupyterCommand } from "../../core/access/task-access.js";
import { AUTHORIZER } from "../../core/desire/names.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { toLowerTags } from "./labenv-tags.js";

/** Every Jupyter task definition labenv registers has a family starting with this (observe lists only these). */
export const FAMILY_PREFIX = "labenv-";
export const JUPYTER_CONTAINER = "jupyter";
export const JUPYTER_PORT = 8888;
export const HOME_VOLUME = "home";
export const HOME_PATH = "/home/jovyan";
/** The ECS-managed EBS volume configured at launch, where the kernels and packages live. */
export const JUPYTER_VOLUME = "jupyter";
export const JUPYTER_PATH = "/opt/jupyter";
const LOG_STREAM_PREFIX = "jupyter";
/** With researcher access, the authorizer's share of the task's memory (MiB), taken from Jupyter's hard limit. */
export const AUTHORIZER_MEMORY = 128;

/** Access point ids the spec's keys resolved to. */
export interface ResolvedAccessPoints {
  home: string;
  datasets: string[];
}

export function registerInput(
  desired: DesiredResource<"task-definition">,
  accessPoints: ResolvedAccessPoints,
  config: Pick<AwsProviderConfig, "fileSystemId" | "region">,
): RegisterTaskDefinitionCommandInput {
  const spec = desired.spec;
  const efs = (accessPointId: string) => ({
    fileSystemId: config.fileSystemId,
    transitEncryption: "ENABLED" as const,
    authorizationConfig: { accessPointId, iam: "ENABLED" as const },
  });
  const datasetVolume = (i: number) => `dataset-${i + 1}`;
  return {
    family: spec.family,
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: String(spec.cpu),
    memory: String(spec.memory),
    ...(spec.taskRoleArn !== undefined && { taskRoleArn: spec.taskRoleArn }),
    ...(spec.executionRoleArn !== undefined && { executionRoleArn: spec.executionRoleArn }),
    containerDefinitions: [
      {
        name: JUPYTER_CONTAINER,
        image: spec.image,
        essential: true,
        // Fargate needs only the task-level memory; the container limit is set too because moto's RunTask requires it.
        memory: spec.access ? spec.memory - AUTHORIZER_MEMORY : spec.memory,
        ...(spec.access && { command: jupyterCommand(spec.access.basePath) }),
        portMappings: [{ containerPort: JUPYTER_PORT, protocol: "tcp" }],
        environment: sortedPairs(spec.environment),
        mountPoints: [
          { sourceVolume: HOME_VOLUME, containerPath: HOME_PATH, readOnly: false },
          { sourceVolume: JUPYTER_VOLUME, containerPath: JUPYTER_PATH, readOnly: false },
          ...spec.datasets.map((d, i) => ({
            sourceVolume: datasetVolume(i),
            containerPath: d.path,
            readOnly: d.readOnly,
          })),
        ],
        ...(spec.logGroup !== undefined && {
          logConfiguration: {
            logDriver: "awslogs",
            options: {
              "awslogs-group": spec.logGroup,
              "awslogs-region": config.region,
              "awslogs-stream-prefix": LOG_STREAM_PREFIX,
            },
          },
        }),
      },
      ...(spec.access
        ? [
            {
              name: AUTHORIZER.name,
              image: spec.access.authorizerImage,
              essential: true,
              memory: AUTHORIZER_MEMORY,
              portMappings: [{ containerPort: AUTHORIZER.port, protocol: "tcp" as const }],
              environment: sortedPairs(spec.access.authorizerEnvironment),
              ...(spec.logGroup !== undefined && {
                logConfiguration: {
                  logDriver: "awslogs" as const,
                  options: {
                    "awslogs-group": spec.logGroup,
                    "awslogs-region": config.region,
                    "awslogs-stream-prefix": AUTHORIZER.name,
                  },
                },
              }),
            },
          ]
        : []),
    ],
    volumes: [
      { name: HOME_VOLUME, efsVolumeConfiguration: efs(accessPoints.home) },
      { name: JUPYTER_VOLUME, configuredAtLaunch: true },
      ...accessPoints.datasets.map((id, i) => ({
        name: datasetVolume(i),
        efsVolumeConfiguration: efs(id),
      })),
    ],
    tags: toLowerTags(desired.tags),
  };
}

/**
 * A registered task definition mapped back to the spec. Dropped as AWS's own:
 * ARN and revision, status, `requiresAttributes`, `compatibilities`,
 * `registeredAt`/`registeredBy`, container `cpu: 0`, `essential`, empty
 * `volumesFrom`/`systemControls`, the EFS `rootDirectory: "/"` default, the
 * awslogs region and stream prefix, and the order of environment variables.
 * Access point ids map back to resource keys through `keyOf`.
 */
export function taskDefinitionSpecOf(
  td: TaskDefinition,
  keyOf: (id: string) => string | undefined,
): TaskDefinitionSpec {
  const container =
    td.containerDefinitions?.find((c) => c.name === JUPYTER_CONTAINER) ??
    td.containerDefinitions?.[0];
  const volumes = new Map((td.volumes ?? []).map((v) => [v.name ?? "", v]));
  const accessPointKey = (volumeName: string | undefined): string => {
    const id =
      volumes.get(volumeName ?? "")?.efsVolumeConfiguration?.authorizationConfig?.accessPointId ??
      "";
    return keyOf(id) ?? id;
  };
  const datasets = (container?.mountPoints ?? [])
    .filter((m) => m.sourceVolume !== HOME_VOLUME && m.sourceVolume !== JUPYTER_VOLUME)
    .map((m) => ({
      accessPoint: accessPointKey(m.sourceVolume),
      path: m.containerPath ?? "",
      readOnly: m.readOnly ?? false,
    }));
  const logOptions =
    container?.logConfiguration?.logDriver === "awslogs"
      ? container.logConfiguration.options
      : undefined;
  const authorizer = td.containerDefinitions?.find((c) => c.name === AUTHORIZER.name);
  const authorizerEnv = environmentOf(authorizer?.environment);
  const image = keyOf(container?.image ?? "") ?? container?.image ?? "";
  return {
    family: td.family ?? "",
    cpu: Number(td.cpu ?? 0),
    memory: Number(td.memory ?? container?.memory ?? 0),
    image,
    homeAccessPoint: accessPointKey(HOME_VOLUME),
    datasets,
    environment: naming(environmentOf(container?.environment), container?.image ?? "", image),
    ...(td.taskRoleArn !== undefined && td.taskRoleArn !== "" && { taskRoleArn: td.taskRoleArn }),
    ...(td.executionRoleArn !== undefined &&
      td.executionRoleArn !== "" && { executionRoleArn: td.executionRoleArn }),
    ...(logOptions?.["awslogs-group"] !== undefined && { logGroup: logOptions["awslogs-group"] }),
    ...(authorizer !== undefined && {
      access: {
        basePath: authorizerEnv.LABENV_BASE_PATH ?? "",
        authorizerImage: authorizer.image ?? "",
        authorizerEnvironment: authorizerEnv,
      },
    }),
  };
}

function sortedPairs(env: Record<string, string>): KeyValuePair[] {
  return Object.entries(env)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}

/**
 * The environment with every value that names the image `from` naming `to` instead: the task's
 * `LABENV_IMAGE` is the image it runs, so it resolves (build key → digest) and maps back with it.
 */
export function naming(
  environment: Record<string, string>,
  from: string,
  to: string,
): Record<string, string> {
  if (from === to || from === "") return environment;
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, value === from ? to : value]),
  );
}

function environmentOf(pairs: KeyValuePair[] | undefined): Record<string, string> {
  const entries = (pairs ?? [])
    .filter((p) => p.name !== undefined)
    .map((p) => [p.name as string, p.value ?? ""] as const);
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
