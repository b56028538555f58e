import {
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { inBatches, mapConcurrently } from "./concurrency.js";
import { fromUpperTags } from "./labenv-tags.js";

/** DescribeTags takes at most 20 ARNs per call. */
export const DESCRIBE_TAGS_BATCH = 20;

/** The tags of each load balancer resource (target group, rule) by ARN. */
export async function loadBalancerTags(
  elbv2: ElasticLoadBalancingV2Client,
  arns: readonly string[],
  concurrency: number,
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  const pages = await mapConcurrently(inBatches(arns, DESCRIBE_TAGS_BATCH), concurrency, (batch) =>
    elbv2.send(new DescribeTagsCommand({ ResourceArns: batch })),
  );
  for (const page of pages)
    for (const d of page.TagDescriptions ?? [])
      if (d.ResourceArn) out.set(d.ResourceArn, fromUpperTags(d.Tags));
  return out;
}

/** Whether an ELBv2 error says the target group or rule does not exist. */
export function isLoadBalancerNotFound(e: unknown): boolean {
  return (
    e instanceof Error &&
    (e.name === "TargetGroupNotFoundException" ||
      e.name === "TargetGroupNotFound" ||
      e.name === "RuleNotFoundException" ||
      e.name === "RuleNotFound")
  );
}
