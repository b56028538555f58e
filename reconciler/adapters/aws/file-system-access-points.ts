import { paginateDescribeAccessPoints, type AccessPointDescription } from "@aws-sdk/client-efs";
import type { DriverContext, ObserveContext } from "./resource-driver.js";

/** Every access point of the file system, following every page of DescribeAccessPoints. */
export async function listAccessPoints(ctx: DriverContext): Promise<AccessPointDescription[]> {
  const out: AccessPointDescription[] = [];
  const pages = paginateDescribeAccessPoints(
    { client: ctx.clients.efs },
    { FileSystemId: ctx.config.fileSystemId },
  );
  for await (const page of pages) out.push(...(page.AccessPoints ?? []));
  return out;
}

/**
 * The file system's access points for one observe pass: homes, datasets and shares' access
 * points are all EFS access points, listed once and read by each kind's driver.
 */
export function observedAccessPoints(ctx: ObserveContext): Promise<AccessPointDescription[]> {
  return ctx.accessPoints?.() ?? listAccessPoints(ctx);
}
