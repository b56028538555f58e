import {
  DescribeTaskDefinitionCommand,
  paginateListTaskDefinitions,
  type ECSClient,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { ObservedResource, TaskDefinitionSpec } from "../../core/model/resources.js";
import { isMissingTaskDefinition } from "./aws-failure.js";
import { mapConcurrently } from "./concurrency.js";
import { fromLowerTags, identityOf, ownedTags } from "./labenv-tags.js";
import type { ObserveContext } from "./resource-driver.js";
import type { RememberedRevision } from "./task-definition-spec-cache.js";
import { FAMILY_PREFIX, naming, taskDefinitionSpecOf } from "./task-definition-shape.js";

const REVISION_ARN = /:task-definition\/([^:/]+):(\d+)$/;

/**
 * The ARN of the latest ACTIVE revision of every labenv family, which is what
 * `DescribeTaskDefinition(family)` would describe: the highest revision among
 * the region's ACTIVE ones (`ListTaskDefinitions`, 100 a page; ECS cannot
 * filter by family prefix here, so other families' ARNs are listed and
 * dropped without being described).
 */
export async function latestRevisionArns(ecs: ECSClient): Promise<ActiveRevisions> {
  const latest = new Map<string, { arn: string; revision: number }>();
  const older = new Map<string, string[]>();
  const pages = paginateListTaskDefinitions({ client: ecs }, { status: "ACTIVE", maxResults: 100 });
  for await (const page of pages) {
    for (const arn of page.taskDefinitionArns ?? []) {
      const [, family, revision] = REVISION_ARN.exec(arn) ?? [];
      if (family === undefined || !family.startsWith(FAMILY_PREFIX)) continue;
      const seen = latest.get(family);
      if (seen === undefined || Number(revision) > seen.revision) {
        latest.set(family, { arn, revision: Number(revision) });
        if (seen !== undefined) older.set(family, [...(older.get(family) ?? []), seen.arn]);
      } else older.set(family, [...(older.get(family) ?? []), arn]);
    }
  }
  const revisionOf = (arn: string) => Number(REVISION_ARN.exec(arn)?.[2] ?? 0);
  for (const arns of older.values()) arns.sort((a, b) => revisionOf(b) - revisionOf(a));
  return {
    latest: [...latest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r.arn),
    older,
  };
}

/** The latest ACTIVE revision of each labenv family, and the family's other ACTIVE revisions. */
export interface ActiveRevisions {
  latest: string[];
  /** By family name: the ACTIVE revisions older than the latest, newest first. */
  older: Map<string, string[]>;
}

/** The family name in a revision ARN. */
export function familyOf(arn: string): string | undefined {
  return REVISION_ARN.exec(arn)?.[1];
}

/**
 * Each revision as observe needs it: from the cache when it remembers the ARN,
 * otherwise described (with tags, `describeConcurrency` at a time) and then
 * remembered. A revision that is gone or no longer ACTIVE by the time it is
 * described is left out, and not remembered.
 */
export async function readRevisions(
  ctx: ObserveContext,
  arns: readonly string[],
): Promise<Map<string, RememberedRevision>> {
  const cache = ctx.taskDefinitionSpecs;
  const revisions =
    cache === undefined ? new Map<string, RememberedRevision>() : await cache.get(arns);
  const missing = arns.filter((arn) => !revisions.has(arn));
  const described = new Map<string, RememberedRevision>();
  await mapConcurrently(missing, ctx.config.describeConcurrency ?? 8, async (arn) => {
    const revision = await describeRevision(ctx.clients.ecs, arn);
    if (revision !== undefined) described.set(arn, revision);
  });
  if (cache !== undefined && described.size > 0) await cache.put(described);
  for (const [arn, revision] of described) revisions.set(arn, revision);
  return revisions;
}

async function describeRevision(
  ecs: ECSClient,
  arn: string,
): Promise<RememberedRevision | undefined> {
  try {
    const out = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ["TAGS"] }),
    );
    if (out.taskDefinition?.status !== "ACTIVE") return undefined;
    return rememberedRevisionOf(out.taskDefinition, fromLowerTags(out.tags));
  } catch (e) {
    if (isMissingTaskDefinition(e)) return undefined;
    throw e;
  }
}

/** What is remembered of a described revision: its spec with access point ids left as ids, and its contract tags. */
export function rememberedRevisionOf(
  td: TaskDefinition,
  tags: Record<string, string>,
): RememberedRevision {
  return { spec: taskDefinitionSpecOf(td, () => undefined), tags: ownedTags(tags) };
}

/** The observed task definition for a revision, access point ids mapped to this observe's keys; nothing when labenv does not own it. */
export function observedRevision(
  arn: string,
  revision: RememberedRevision,
  keyOf: (id: string) => string | undefined,
): ObservedResource<"task-definition"> | undefined {
  const identity = identityOf(revision.tags);
  if (identity === undefined) return undefined;
  return {
    kind: "task-definition",
    ...identity,
    id: arn,
    spec: withAccessPointKeys(revision.spec, keyOf),
    tags: { ...revision.tags },
    status: "ACTIVE",
  };
}

function withAccessPointKeys(
  spec: TaskDefinitionSpec,
  keyOf: (id: string) => string | undefined,
): TaskDefinitionSpec {
  const key = (id: string) => keyOf(id) ?? id;
  return {
    ...spec,
    image: key(spec.image),
    homeAccessPoint: key(spec.homeAccessPoint),
    datasets: spec.datasets.map((d) => ({ ...d, accessPoint: key(d.accessPoint) })),
    environment: naming(spec.environment, spec.image, key(spec.image)),
  };
}
