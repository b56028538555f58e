import type { Action } from "../../core/model/plan.js";
import type {
  ObservedResource,
  ServiceSpec,
  TaskDefinitionSpec,
} from "../../core/model/resources.js";
import { TAG } from "../../core/model/resources.js";
import { allowedMemory, isFargateSize } from "../../core/validate/fargate.js";
import { CONTAINER } from "../../core/desire/names.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "./sandbox-account.js";
import { owned } from "./sandbox-storage.js";

/** ECS RegisterTaskDefinition: a new revision of the family; the previous one is deregistered. */
export function registerTaskDefinition(
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
  const latest = account.taskDefinitions
    .filter((t) => t.family === spec.family)
    .reduce((m, t) => Math.max(m, t.revision), 0);
  const already = account.taskDefinitions.find(
    (t) =>
      t.family === spec.family &&
      t.status === "ACTIVE" &&
      t.tags[TAG.specHash] === action.desired!.specHash,
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
        image: spec.image,
        essential: true,
        cpu: 0,
        memory: spec.memory,
        portMappings: [
          { containerPort: CONTAINER.port, hostPort: CONTAINER.port, protocol: "tcp" },
        ],
        environment: Object.entries(spec.environment).map(([name, value]) => ({ name, value })),
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
      },
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
    tags: { ...action.desired!.tags },
  });
  return { key: action.key, id: taskArn };
}

/** ECS CreateService / UpdateService: one Jupyter task when desiredCount is 1, its volume restored from the latest snapshot. */
export function putService(
  account: SandboxAccount,
  action: Action,
  resolve: ResolveId,
  now: Date,
): AppliedResource {
  const spec = action.desired!.spec as ServiceSpec;
  const tdArn = resolve(spec.taskDefinition);
  if (!tdArn || !account.taskDefinitions.some((t) => t.arn === tdArn && t.status === "ACTIVE"))
    throw awsError(
      "ClientException",
      `TaskDefinition not found or inactive: ${spec.taskDefinition}`,
    );
  checkTags(action.desired!.tags);
  let service = account.services.find((s) => s.name === spec.name && s.status === "ACTIVE");
  const body = {
    launchType: "FARGATE",
    schedulingStrategy: "REPLICA",
    platformVersion: "LATEST",
    deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0 },
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: spec.subnets,
        securityGroups: spec.securityGroups,
        assignPublicIp: "DISABLED",
      },
    },
    volumeConfigurations: [
      {
        name: "jupyter",
        managedEBSVolume: {
          sizeInGiB: spec.volume.sizeGiB,
          volumeType: spec.volume.volumeType,
          encrypted: spec.volume.encrypted,
        },
      },
    ],
  };
  if (!service) {
    service = {
      arn: arn(account, "ecs", `service/${account.cluster}/${spec.name}`),
      name: spec.name,
      status: "ACTIVE",
      taskDefinitionArn: tdArn,
      desiredCount: spec.desiredCount,
      body,
      tags: { ...action.desired!.tags },
    };
    account.services.push(service);
  }
  // `replace` (drift revert) forces a new task, like UpdateService with forceNewDeployment.
  const replace =
    action.outcome === "replace" ||
    service.taskDefinitionArn !== tdArn ||
    JSON.stringify(service.body) !== JSON.stringify(body);
  Object.assign(service, {
    taskDefinitionArn: tdArn,
    desiredCount: spec.desiredCount,
    body,
    tags: { ...action.desired!.tags },
  });
  const running = account.tasks.filter(
    (t) => t.serviceArn === service!.arn && t.lastStatus === "RUNNING",
  );
  if (spec.desiredCount === 0 || replace) for (const t of running) stopTask(account, t, now);
  if (spec.desiredCount === 1 && (replace || running.length === 0))
    startTask(account, service.arn, tdArn, spec, now);
  return { key: action.key, id: service.arn };
}

export function deleteService(account: SandboxAccount, action: Action, now: Date): AppliedResource {
  const s = account.services.find((x) => x.arn === action.observed!.id && x.status === "ACTIVE");
  if (s) {
    for (const t of account.tasks.filter(
      (t) => t.serviceArn === s.arn && t.lastStatus === "RUNNING",
    ))
      stopTask(account, t, now);
    s.desiredCount = 0;
    s.status = "INACTIVE";
  }
  return { key: action.key, id: action.observed!.id };
}

export function deregisterTaskDefinitions(
  account: SandboxAccount,
  action: Action,
): AppliedResource {
  const family = (action.observed!.spec as TaskDefinitionSpec).family;
  for (const t of account.taskDefinitions) if (t.family === family) t.status = "INACTIVE";
  return { key: action.key, id: action.observed!.id };
}

function startTask(
  account: SandboxAccount,
  serviceArn: string,
  tdArn: string,
  spec: ServiceSpec,
  now: Date,
): void {
  const env = account.services.find((s) => s.arn === serviceArn)?.tags[TAG.environment];
  const latest = account.snapshots
    .filter((s) => s.tags[TAG.environment] === env)
    .sort((a, b) => a.startTime.localeCompare(b.startTime))
    .pop();
  const volumeId = nextId(account, "vol-", 17);
  account.volumes.push({
    id: volumeId,
    sizeGiB: spec.volume.sizeGiB,
    state: "in-use",
    ...(latest ? { fromSnapshot: latest.id } : {}),
  });
  account.tasks.push({
    arn: arn(account, "ecs", `task/${account.cluster}/${nextId(account, "", 32)}`),
    serviceArn,
    taskDefinitionArn: tdArn,
    lastStatus: "RUNNING",
    volumeId,
    startedAt: now.toISOString(),
  });
}

function stopTask(account: SandboxAccount, task: SandboxAccount["tasks"][number], now: Date): void {
  task.lastStatus = "STOPPED";
  task.stoppedAt = now.toISOString();
  const v = account.volumes.find((x) => x.id === task.volumeId);
  if (v) v.state = "deleted";
}

/** Reads ECS back into specs; what ECS fills in by itself (revision, registeredAt, compatibilities…) is dropped. */
export function observeEcs(account: SandboxAccount): ObservedResource[] {
  const keyOfAccessPoint = new Map(
    account.accessPoints.map((a) => [a.id, a.tags[TAG.resource] ?? a.id]),
  );
  const keyOfTd = new Map(
    account.taskDefinitions.map((t) => [t.arn, t.tags[TAG.resource] ?? t.arn]),
  );
  const out: ObservedResource[] = [];
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
    const apOf = (volume: string) =>
      keyOfAccessPoint.get(
        b.volumes.find((v) => v.name === volume)?.efsVolumeConfiguration?.authorizationConfig
          .accessPointId ?? "",
      ) ?? "";
    const spec: TaskDefinitionSpec = {
      family: t.family,
      cpu: Number(b.cpu),
      memory: Number(b.memory),
      image: c.image,
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
        c.environment.map((e) => [e.name, e.value]).sort(([x], [y]) => x!.localeCompare(y!)),
      ),
      ...(b.taskRoleArn ? { taskRoleArn: b.taskRoleArn } : {}),
      ...(b.executionRoleArn ? { executionRoleArn: b.executionRoleArn } : {}),
      ...(c.logConfiguration ? { logGroup: c.logConfiguration.options["awslogs-group"]! } : {}),
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
  for (const s of account.services.filter((x) => x.status === "ACTIVE" && x.tags[TAG.resource])) {
    const b = s.body as {
      networkConfiguration: {
        awsvpcConfiguration: { subnets: string[]; securityGroups: string[] };
      };
      volumeConfigurations: { managedEBSVolume: { sizeInGiB: number } }[];
    };
    const spec: ServiceSpec = {
      name: s.name,
      taskDefinition: keyOfTd.get(s.taskDefinitionArn) ?? s.taskDefinitionArn,
      desiredCount: s.desiredCount === 1 ? 1 : 0,
      volume: {
        sizeGiB: b.volumeConfigurations[0]!.managedEBSVolume.sizeInGiB,
        volumeType: "gp3",
        encrypted: true,
      },
      subnets: [...b.networkConfiguration.awsvpcConfiguration.subnets].sort(),
      securityGroups: [...b.networkConfiguration.awsvpcConfiguration.securityGroups].sort(),
    };
    const runningCount = account.tasks.filter(
      (t) => t.serviceArn === s.arn && t.lastStatus === "RUNNING",
    ).length;
    out.push({
      kind: "service",
      key: s.tags[TAG.resource]!,
      environment: s.tags[TAG.environment] ?? "",
      id: s.arn,
      spec,
      tags: owned(s.tags),
      status: s.status,
      runningCount,
    });
  }
  return out;
}
