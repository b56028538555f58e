import type { Action } from "../../../core/model/plan.js";
import { TAG, type ObservedResource, type ServiceSpec } from "../../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../../ports/provider.js";
import { arn, awsError, checkTags, nextId, type SandboxAccount } from "../sandbox-account.js";
import { owned, type SandboxDriver } from "./sandbox-driver.js";
import type { SandboxStorage } from "../sandbox-storage.js";
import { startContainer } from "../sandbox-start.js";

/** ECS CreateService / UpdateService: one Jupyter task when desiredCount is 1, its volume restored from the latest snapshot. */
function putService(
  account: SandboxAccount,
  action: Action,
  resolve: ResolveId,
  now: Date,
  storage: SandboxStorage | undefined,
): AppliedResource {
  const spec = action.desired!.spec as ServiceSpec;
  const tdArn = resolve(spec.taskDefinition);
  if (!tdArn || !account.taskDefinitions.some((t) => t.arn === tdArn && t.status === "ACTIVE"))
    throw awsError(
      "ClientException",
      `TaskDefinition not found or inactive: ${spec.taskDefinition}`,
    );
  checkTags(action.desired!.tags);
  const lb = spec.loadBalancer;
  const targetGroupArn = lb ? resolve(lb.targetGroup) : undefined;
  if (lb && !(account.targetGroups ?? []).some((g) => g.arn === targetGroupArn))
    throw awsError("ClientException", `Target group ${lb.targetGroup} does not exist`);
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
          ...(spec.volume.fromSnapshot
            ? { snapshotId: fromSnapshotId(account, spec, resolve) }
            : {}),
        },
      },
    ],
    ...(lb
      ? {
          loadBalancers: [
            { targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort },
          ],
        }
      : {}),
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
    (t) => t.serviceArn === service.arn && t.lastStatus === "RUNNING",
  );
  if (spec.desiredCount === 0 || replace) for (const t of running) stopTask(account, t, now);
  if (spec.desiredCount === 1 && (replace || running.length === 0))
    startTask(account, service.arn, tdArn, spec, now, storage);
  return { key: action.key, id: service.arn };
}

function deleteService(account: SandboxAccount, action: Action, now: Date): AppliedResource {
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

function startTask(
  account: SandboxAccount,
  serviceArn: string,
  tdArn: string,
  spec: ServiceSpec,
  now: Date,
  storage: SandboxStorage | undefined,
): void {
  const env = account.services.find((s) => s.arn === serviceArn)?.tags[TAG.environment];
  // A volume restored from a named snapshot (a restore), else from the environment's latest.
  const service = account.services.find((s) => s.arn === serviceArn);
  const named = (
    service?.body as { volumeConfigurations?: { managedEBSVolume: { snapshotId?: string } }[] }
  )?.volumeConfigurations?.[0]?.managedEBSVolume.snapshotId;
  const latest = named
    ? account.snapshots.find((s) => s.id === named)
    : account.snapshots
        .filter((s) => s.tags[TAG.environment] === env)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .pop();
  const volumeId = nextId(account, "vol-", 17);
  account.volumes.push({
    id: volumeId,
    sizeGiB: spec.volume.sizeGiB,
    state: "in-use",
    ...(latest ? { fromSnapshot: latest.id } : {}),
    ...(latest && named ? { restored: true } : {}),
  });
  account.tasks.push({
    arn: arn(account, "ecs", `task/${account.cluster}/${nextId(account, "", 32)}`),
    serviceArn,
    taskDefinitionArn: tdArn,
    lastStatus: "RUNNING",
    volumeId,
    startedAt: now.toISOString(),
  });
  if (storage) startContainer(account, storage, tdArn);
}

function stopTask(account: SandboxAccount, task: SandboxAccount["tasks"][number], now: Date): void {
  task.lastStatus = "STOPPED";
  task.stoppedAt = now.toISOString();
  const v = account.volumes.find((x) => x.id === task.volumeId);
  if (v) v.state = "deleted";
}

function observe(account: SandboxAccount): ObservedResource<"service">[] {
  const keyOfTd = new Map(
    account.taskDefinitions.map((t) => [t.arn, t.tags[TAG.resource] ?? t.arn]),
  );
  const keyOfTg = new Map(
    (account.targetGroups ?? []).map((g) => [g.arn, g.tags[TAG.resource] ?? g.arn]),
  );
  const out: ObservedResource<"service">[] = [];
  for (const s of account.services.filter((x) => x.status === "ACTIVE" && x.tags[TAG.resource])) {
    const b = s.body as {
      networkConfiguration: {
        awsvpcConfiguration: { subnets: string[]; securityGroups: string[] };
      };
      volumeConfigurations: { managedEBSVolume: { sizeInGiB: number; snapshotId?: string } }[];
      loadBalancers?: { targetGroupArn: string; containerName: string; containerPort: number }[];
    };
    const lb = b.loadBalancers?.[0];
    const snapshotId = b.volumeConfigurations[0]!.managedEBSVolume.snapshotId;
    const spec: ServiceSpec = {
      name: s.name,
      taskDefinition: keyOfTd.get(s.taskDefinitionArn) ?? s.taskDefinitionArn,
      desiredCount: s.desiredCount === 1 ? 1 : 0,
      volume: {
        sizeGiB: b.volumeConfigurations[0]!.managedEBSVolume.sizeInGiB,
        volumeType: "gp3",
        encrypted: true,
        ...(snapshotId ? { fromSnapshot: snapshotId } : {}),
      },
      subnets: [...b.networkConfiguration.awsvpcConfiguration.subnets].sort(),
      securityGroups: [...b.networkConfiguration.awsvpcConfiguration.securityGroups].sort(),
      ...(lb
        ? {
            loadBalancer: {
              targetGroup: keyOfTg.get(lb.targetGroupArn) ?? lb.targetGroupArn,
              containerName: lb.containerName,
              containerPort: lb.containerPort,
            },
          }
        : {}),
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

/**
 * ECS services: one Jupyter task per environment while it is wanted running. With `storage`, a
 * task's start runs the image's start hook on its home (see sandbox-start.ts).
 */
export function serviceDriver(storage?: SandboxStorage): SandboxDriver<"service"> {
  return {
    kind: "service",
    observe,
    apply: (account, action, resolve, now) => putService(account, action, resolve, now, storage),
    remove: deleteService,
  };
}

/** The EBS snapshot a volume is created from: an id, or the key of a snapshot taken earlier. */
function fromSnapshotId(account: SandboxAccount, spec: ServiceSpec, resolve: ResolveId): string {
  const from = spec.volume.fromSnapshot!;
  const id = from.startsWith("snap-") ? from : resolve(from);
  if (!id || !account.snapshots.some((s) => s.id === id))
    throw awsError("InvalidSnapshot.NotFound", `The snapshot '${from}' does not exist.`);
  return id;
}
