import { paginateGetResources } from "@aws-sdk/client-resource-groups-tagging-api";
import { TAG } from "../../core/model/resources.js";
import { fromUpperTags } from "./labenv-tags.js";
import type { DriverContext } from "./resource-driver.js";

export interface TaggedResource {
  arn: string;
  tags: Record<string, string>;
}

/**
 * Resources of one type carrying `labenv:resource` (= `key` when given),
 * through the Resource Groups Tagging API: one paginated call whatever the
 * service. Always names the resource type: moto's implementation fails on
 * untagged ECS clusters when no type filter is given.
 */
export async function findTagged(
  ctx: DriverContext,
  resourceType: string,
  key?: string,
): Promise<TaggedResource[]> {
  const found: TaggedResource[] = [];
  const pages = paginateGetResources(
    { client: ctx.clients.tagging },
    {
      ResourceTypeFilters: [resourceType],
      TagFilters: [{ Key: TAG.resource, ...(key !== undefined && { Values: [key] }) }],
      ResourcesPerPage: 100,
    },
  );
  for await (const page of pages) {
    for (const mapping of page.ResourceTagMappingList ?? []) {
      if (mapping.ResourceARN !== undefined)
        found.push({ arn: mapping.ResourceARN, tags: fromUpperTags(mapping.Tags) });
    }
  }
  return found;
}
