import type {
  NetworkConfiguration,
  Service,
  ServiceVolumeConfiguration,
} from "@aws-sdk/client-ecs";
import type { DesiredResource, ServiceSpec } from "../../core/model/resources.js";
import type { AwsProviderConfig } from "./aws-provider-config.js";
import { PROVIDER_TAG } from "./labenv-tags.js";
import { JUPYTER_VOLUME } from "./task-definition-shape.js";

export function networkConfiguration(
  spec: ServiceSpec,
  config: Pick<AwsProviderConfig, "subnets" | "securityGroups">,
): NetworkConfiguration {
  return {
    awsvpcConfiguration: {
      subnets: spec.subnets.length > 0 ? spec.subnets : config.subnets,
      securityGroups: spec.securityGroups.length > 0 ? spec.securityGroups : config.securityGroups,
      assignPublicIp: "DISABLED",
    },
  };
}

/** The /opt/jupyter volume ECS creates for each task, from a snapshot when the spec names one. */
export function volumeConfigurations(
  desired: DesiredResource<"service">,
  snapshotId: string | undefined,
  ebsRoleArn: string,
): ServiceVolumeConfiguration[] {
  const { volume } = desired.spec;
  const volumeTags = [
    { key: "labenv:lab", value: desired.tags["labenv:lab"] ?? "" },
    { key: "labenv:environment", value: desired.environment },
    { key: PROVIDER_TAG.service, value: desired.key },
  ];
  return [
    {
      name: JUPYTER_VOLUME,
      managedEBSVolume: {
        sizeInGiB: volume.sizeGiB,
        volumeType: volume.volumeType,
        encrypted: volume.encrypted,
        ...(snapshotId !== undefined && { snapshotId }),
        roleArn: ebsRoleArn,
        tagSpecifications: [{ resourceType: "volume", tags: volumeTags, propagateTags: "NONE" }],
      },
    },
  ];
}

/**
 * What the service's tags record about its volume. AWS reports the volume in
 * the primary deployment; moto drops `volumeConfigurations`, and then these
 * tags are the only record of it. `labenv:from-snapshot` is always written
 * (empty for none), so dropping the snapshot overwrites the old value.
 */
export function volumeTags(spec: ServiceSpec): Record<string, string> {
  const { sizeGiB, volumeType, encrypted, fromSnapshot } = spec.volume;
  return {
    [PROVIDER_TAG.volume]: `${sizeGiB}/${volumeType}/${encrypted ? "encrypted" : "unencrypted"}`,
    [PROVIDER_TAG.fromSnapshot]: fromSnapshot ?? "",
  };
}

/**
 * A described service mapped back to the spec. Dropped as AWS's own: ARNs,
 * deployments, events, registry lists, scheduling strategy,
 * the deployment controller, platform version, volume iops/throughput/
 * filesystem defaults and the EBS role. Ids map back to keys through `keyOf`.
 */
export function serviceSpecOf(
  service: Service,
  tags: Record<string, string>,
  keyOf: (id: string) => string | undefined,
): ServiceSpec {
  const vpc = service.networkConfiguration?.awsvpcConfiguration;
  const taskDefinition = service.taskDefinition ?? "";
  return {
    name: service.serviceName ?? "",
    taskDefinition: keyOf(taskDefinition) ?? taskDefinition,
    desiredCount: (service.desiredCount ?? 0) as 0 | 1,
    volume: volumeOf(service, tags, keyOf),
    subnets: [...(vpc?.subnets ?? [])],
    securityGroups: [...(vpc?.securityGroups ?? [])],
    ...loadBalancerOf(service, keyOf),
  };
}

/** The service's target group attachment (researcher access), mapped back to the target group's key. */
function loadBalancerOf(
  service: Service,
  keyOf: (id: string) => string | undefined,
): Pick<ServiceSpec, "loadBalancer"> {
  const lb = service.loadBalancers?.find((l) => l.targetGroupArn !== undefined);
  if (lb === undefined) return {};
  const arn = lb.targetGroupArn as string;
  return {
    loadBalancer: {
      targetGroup: keyOf(arn) ?? arn,
      containerName: lb.containerName ?? "",
      containerPort: lb.containerPort ?? 0,
    },
  };
}

function volumeOf(
  service: Service,
  tags: Record<string, string>,
  keyOf: (id: string) => string | undefined,
): ServiceSpec["volume"] {
  const deployment =
    service.deployments?.find((d) => d.status === "PRIMARY") ?? service.deployments?.[0];
  const ebs = deployment?.volumeConfigurations?.find(
    (v) => v.name === JUPYTER_VOLUME,
  )?.managedEBSVolume;
  if (ebs !== undefined) {
    const snapshot = ebs.snapshotId;
    return {
      sizeGiB: ebs.sizeInGiB ?? 0,
      volumeType: (ebs.volumeType ?? "gp3") as "gp3",
      encrypted: (ebs.encrypted ?? false) as true,
      ...(snapshot !== undefined &&
        snapshot !== "" && { fromSnapshot: keyOf(snapshot) ?? snapshot }),
    };
  }
  const [size, type, encryption] = (tags[PROVIDER_TAG.volume] ?? "0//").split("/");
  const fromSnapshot = tags[PROVIDER_TAG.fromSnapshot];
  return {
    sizeGiB: Number(size),
    volumeType: (type ?? "") as "gp3",
    encrypted: (encryption === "encrypted") as true,
    ...(fromSnapshot !== undefined && fromSnapshot !== "" && { fromSnapshot }),
  };
}
