import { DescribeVolumesCommand } from "@aws-sdk/client-ec2";
import { DescribeTasksCommand, ListTasksCommand } from "@aws-sdk/client-ecs";
import { LabenvError } from "../../core/errors.js";
import type { ResolveId } from "../../ports/provider.js";
import { PROVIDER_TAG } from "./labenv-tags.js";
import type { DriverContext } from "./resource-driver.js";

const EBS_ATTACHMENT = "AmazonElasticBlockStorage";

/**
 * The EBS volume mounted at /opt/jupyter in the service's running task. First
 * from the task's EBS attachment; else the newest volume ECS created with the
 * service's `labenv:service` tag (set through the service's volume tag
 * specification).
 */
export async function jupyterVolumeOf(
  ctx: DriverContext,
  serviceKey: string,
  resolve: ResolveId,
): Promise<string> {
  const serviceArn = resolve(serviceKey);
  if (serviceArn !== undefined) {
    const fromTask = await attachedVolume(ctx, serviceArn.slice(serviceArn.lastIndexOf("/") + 1));
    if (fromTask !== undefined) return fromTask;
  }
  const volumes = await ctx.clients.ec2.send(
    new DescribeVolumesCommand({
      Filters: [
        { Name: `tag:${PROVIDER_TAG.service}`, Values: [serviceKey] },
        { Name: "status", Values: ["in-use", "available"] },
      ],
    }),
  );
  const newest = [...(volumes.Volumes ?? [])].sort(
    (a, b) => (b.CreateTime?.getTime() ?? 0) - (a.CreateTime?.getTime() ?? 0),
  )[0];
  if (newest?.VolumeId !== undefined) return newest.VolumeId;
  throw new LabenvError(
    "provider",
    `no /opt/jupyter volume to snapshot for ${serviceKey}: no running task and no volume tagged ${PROVIDER_TAG.service}`,
    {
      hint: "Snapshot an environment while its task runs, before stopping it.",
    },
  );
}

async function attachedVolume(
  ctx: DriverContext,
  serviceName: string,
): Promise<string | undefined> {
  const cluster = ctx.config.cluster;
  const listed = await ctx.clients.ecs.send(
    new ListTasksCommand({ cluster, serviceName, desiredStatus: "RUNNING" }),
  );
  const taskArns = listed.taskArns ?? [];
  if (taskArns.length === 0) return undefined;
  const described = await ctx.clients.ecs.send(
    new DescribeTasksCommand({ cluster, tasks: taskArns }),
  );
  for (const task of described.tasks ?? []) {
    for (const attachment of task.attachments ?? []) {
      if (attachment.type !== EBS_ATTACHMENT) continue;
      const volumeId = attachment.details?.find((d) => d.name === "volumeId")?.value;
      if (volumeId !== undefined) return volumeId;
    }
  }
  return undefined;
}
