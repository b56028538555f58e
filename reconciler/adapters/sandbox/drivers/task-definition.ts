import type { Action } from "../../../core/model/plan.js";
import {
  TAG,
  type ObservedResource,
  type TaskDefinitionSpec,
} from "../../../core/model/resources.js";
import { allowedMemory, isFargateSize } from "../../../core/validate/fargate.js";
import { AUTHORIZER, CONTAINER } from "../../../core/desire/names.js";
import { jupyterCommand } from "../../../core/access/task-access.js";
import { isImageBuildKey } from "../../../core/kinds/image-build.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, type SandboxAccount } from "../sandbox-account.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";

/** The sandbox's own record of an image named by digest in the spec (not a labenv: tag, so never compared). */
const IMAGE_AS_NAMED = "sandbox:image";

/** ECS RegisterTaskDefinition: a new revision of the family; the previous one is deregistered. */
function registerTaskDefinition(
  account: SandboxAccount,
  action: Action,
  resolve: ResolveId,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as TaskDefinitionSpec;
  if (!isFargateSize(spec.cpu, spec.memory)) {
    throw awsError(
      "ClientException",
      `No Fargate configuration exists for given values: ${spec.cpu} CPU, ${spec.memory} memory (allowed with ${spec.cpu}: ${allowedMemory(spec.cpu)})`,
    );
  }
  if (!/^[a-zA-Z0-9_-]{1,255}$/.test(spec.family))
    throw awsError("ClientException", `Family contains invalid characters: ${spec.family}`);
  checkTags(action.desired!.tags);
  const home = resolve(spec.homeAccessPoint);
  if (!home)
    throw awsError("ClientException", `access point ${spec.homeAccessPoint} does not exist`);
  const image = isImageBuildKey(spec.image) ? resolve(spec.image) : spec.image;
  if (
    !image ||
    (isImageBuildKey(spec.image) && !(account.images ?? []).some((i) => i.id === image))
  )
    throw awsError("ClientException", `the image of ${spec.image} has not been pushed`);
  const latest = account.taskDefinitions
    .filter((t) => t.family === spec.family)
    .reduce((m, t) => Math.max(m, t.revision), 0);
  // As on AWS, a revision is the same only when it mounts the access points the keys resolve to now (a replaced one has a new id).
  const mounts = [home, ...spec.datasets.map((d) => resolve(d.accessPoint))];
  const already = account.taskDefinitions.find(
    (t) =>
      t.family === spec.family &&
      t.status === "ACTIVE" &&
      t.tags[TAG.specHash] === action.desired!.specHash &&
      sameValues(mountedAccessPoints(t.body), mounts),
  );
  if (already) return { key: action.key, id: already.arn };
  for (const t of account.taskDefinitions) if (t.family === spec.family) t.status = "INACTIVE";
  const revision = latest + 1;
  const body = {
    family: spec.family,
    cpu: String(spec.cpu),
    memory: String(spec.memory),
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    compatibilities: ["EC2", "FARGATE"],
    registeredAt: now.toISOString(),
    requiresAttributes: [{ name: "com.amazonaws.ecs.capability.task-eni" }],
    ...(spec.taskRoleArn ? { taskRoleArn: spec.taskRoleArn } : {}),
    ...(spec.executionRoleArn ? { executionRoleArn: spec.executionRoleArn } : {}),
    containerDefinitions: [
      {
        name: CONTAINER.name,
        image,
        essential: true,
        cpu: 0,
        memory: spec.memory,
        portMappings: [
          { containerPort: CONTAINER.port, hostPort: CONTAINER.port, protocol: "tcp" },
        ],
        // LABENV_IMAGE names the image the task runs: resolved like `image`.
        environment: Object.entries(spec.environment).map(([name, value]) => ({
          name,
          value: value === spec.image ? image : value,
        })),
        mountPoints: [
          { sourceVolume: "home", containerPath: CONTAINER.homePath, readOnly: false },
          { sourceVolume: "jupyter", containerPath: CONTAINER.packagesPath, readOnly: false },
          ...spec.datasets.map((d, i) => ({
            sourceVolume: `dataset-${i}`,
            containerPath: d.path,
            readOnly: d.readOnly,
          })),
        ],
        ...(spec.logGroup
          ? {
              logConfiguration: {
                logDriver: "awslogs",
                options: { "awslogs-group": spec.logGroup, "awslogs-stream-prefix": spec.family },
              },
            }
          : {}),
        ...(spec.access ? { command: jupyterCommand(spec.access.basePath) } : {}),
      },
      ...(spec.access
        ? [
            {
              name: AUTHORIZER.name,
              image: spec.access.authorizerImage,
              essential: true,
              cpu: 0,
              memory: 128,
              portMappings: [
                { containerPort: AUTHORIZER.port, hostPort: AUTHORIZER.port, protocol: "tcp" },
              ],
              environment: Object.entries(spec.access.authorizerEnvironment).map(
                ([name, value]) => ({ name, value }),
              ),
              mountPoints: [],
            },
          ]
        : []),
    ],
    volumes: [
      {
        name: "home",
        efsVolumeConfiguration: {
          fileSystemId: account.fileSystemId,
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: home, iam: "ENABLED" },
        },
      },
      { name: "jupyter", configuredAtLaunch: true },
      ...spec.datasets.map((d, i) => ({
        name: `dataset-${i}`,
        efsVolumeConfiguration: {
          fileSystemId: account.fileSystemId,
          transitEncryption: "ENABLED",
          authorizationConfig: { accessPointId: resolve(d.accessPoint), iam: "ENABLED" },
        },
      })),
    ],
  };
  const taskArn = arn(account, "ecs", `task-definition/${spec.family}:${revision}`);
  account.taskDefinitions.push({
    arn: taskArn,
    family: spec.family,
    revision,
    status: "ACTIVE",
    body,
    // An image named by digest (a restore runs the snapshot's) is remembered as named, as the AWS
    // driver remembers the spec it registered: it never reads back as another environment's build.
    tags: {
      ...action.desired!.tags,
      ...(isImageBuildKey(spec.image) ? {} : { [IMAGE_AS_NAMED]: spec.image }),
    },
  });
  return { key: action.key, id: taskArn };
}

/** The access point ids a registered revision mounts, home first, then each dataset volume in order. */
function mountedAccessPoints(body: Record<string, unknown>): (string | undefined)[] {
  const volumes = (body.volumes ?? []) as {
    efsVolumeConfiguration?: { authorizationConfig?: { accessPointId?: string } };
  }[];
  return volumes
    .filter((v) => v.efsVolumeConfiguration !== undefined)
    .map((v) => v.efsVolumeConfiguration?.authorizationConfig?.accessPointId);
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function deregisterTaskDefinitions(
  account: SandboxAccount,
  action: Action,
  _now: Date,
): AppliedResource {
  const family = (action.observed!.spec as TaskDefinitionSpec).family;
  for (const t of account.taskDefinitions) if (t.family === family) t.status = "INACTIVE";
  return { key: action.key, id: action.observed!.id };
}

/** Reads ECS back into specs; what ECS fills in by itself (revision, registeredAt, compatibilities…) is dropped. */
function observe(account: SandboxAccount): ObservedResource<"task-definition">[] {
  // Only live access points map back to their key, as on AWS: a revision that still mounts a retired one shows its id (drift).
  const keyOfAccessPoint = new Map(
    account.accessPoints
      .filter((a) => !a.tags[TAG.retired])
      .map((a) => [a.id, a.tags[TAG.resource] ?? a.id]),
  );
  const keyOfImage = new Map(
    (account.images ?? []).flatMap((i) =>
      i.tags[TAG.resource] ? [[i.id, i.tags[TAG.resource]] as const] : [],
    ),
  );
  const out: ObservedResource<"task-definition">[] = [];
  for (const t of account.taskDefinitions.filter(
    (x) => x.status === "ACTIVE" && x.tags[TAG.resource],
  )) {
    const b = t.body as {
      cpu: string;
      memory: string;
      taskRoleArn?: string;
      executionRoleArn?: string;
      containerDefinitions: {
        image: string;
        environment: { name: string; value: string }[];
        mountPoints: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
        logConfiguration?: { options: Record<string, string> };
      }[];
      volumes: {
        name: string;
        efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
      }[];
    };
    const c = b.containerDefinitions[0]!;
    const authorizer = (
      b.containerDefinitions as {
        name?: string;
        image: string;
        environment: { name: string; value: string }[];
      }[]
    ).find((x) => x.name === AUTHORIZER.name);
    const authorizerEnv = Object.fromEntries(
      (authorizer?.environment ?? [])
        .map((e) => [e.name, e.value])
        .sort(([x], [y]) => x!.localeCompare(y!)),
    ) as Record<string, string>;
    const apOf = (volume: string) => {
      const id =
        b.volumes.find((v) => v.name === volume)?.efsVolumeConfiguration?.authorizationConfig
          .accessPointId ?? "";
      return keyOfAccessPoint.get(id) ?? id;
    };
    const image = t.tags[IMAGE_AS_NAMED] ?? keyOfImage.get(c.image) ?? c.image;
    const spec: TaskDefinitionSpec = {
      family: t.family,
      cpu: Number(b.cpu),
      memory: Number(b.memory),
      image,
      homeAccessPoint: apOf("home"),
      datasets: c.mountPoints
        .filter((m) => m.sourceVolume.startsWith("dataset-"))
        .map((m) => ({
          accessPoint: apOf(m.sourceVolume),
          path: m.containerPath,
          readOnly: m.readOnly,
        }))
        .sort((x, y) => x.path.localeCompare(y.path)),
      environment: Object.fromEntries(
        c.environment
          .map((e) => [e.name, e.value === c.image ? image : e.value])
          .sort(([x], [y]) => x!.localeCompare(y!)),
      ),
      ...(b.taskRoleArn ? { taskRoleArn: b.taskRoleArn } : {}),
      ...(b.executionRoleArn ? { executionRoleArn: b.executionRoleArn } : {}),
      ...(c.logConfiguration ? { logGroup: c.logConfiguration.options["awslogs-group"]! } : {}),
      ...(authorizer
        ? {
            access: {
              basePath: authorizerEnv.LABENV_BASE_PATH ?? "",
              authorizerImage: authorizer.image,
              authorizerEnvironment: authorizerEnv,
            },
          }
        : {}),
    };
    out.push({
      kind: "task-definition",
      key: t.tags[TAG.resource]!,
      environment: t.tags[TAG.environment] ?? "",
      id: t.arn,
      spec,
      tags: owned(t.tags),
      status: t.status,
    });
  }
  return out;
}

/** ECS task definitions: one family per environment, a new revision per change. */
export const taskDefinitionDriver: SandboxDriver<"task-definition"> = {
  kind: "task-definition",
  observe,
  apply: registerTaskDefinition,
  remove: deregisterTaskDefinitions,
};
