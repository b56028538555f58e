import {
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  paginateListTaskDefinitions,
  paginateListTasks,
  type ECSClient,
  type TaskDefinition,
} from "@aws-sdk/client-ecs";
import type { ObservedResource, TaskDefinitionSpec } from "../../core/model/resources.js";
import { isMissingTaskDefinition } from "./aws-failure.js";
import { mapConcurrently } from "./concurrency.js";
import { TAG } from "../../core/model/tags.js";
import { fromLowerTags, identityOf, ownedTags, PROVIDER_TAG } from "./labenv-tags.js";
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

/** Whose one-off revisions these are: what labenv tagged them with when it registered them. */
export interface OneOffRevisionOwner {
  environment: string;
  /** Their `labenv:purpose` (a drill's, a restore's move or a drill's check). */
  purpose: string;
}

/**
 * Deregisters the ACTIVE revisions of one of labenv's one-off families once its task was read
 * back, so years of drills and restores leave no pile of revisions: only revisions of exactly
 * `family` that labenv registered for `owner` (their `labenv:environment` and `labenv:purpose`
 * tags), never one a task not yet stopped in the cluster uses. Returns the ARNs deregistered.
 */
export async function retireOneOffRevisions(
  ecs: ECSClient,
  cluster: string,
  family: string,
  owner: OneOffRevisionOwner,
): Promise<string[]> {
  const active: string[] = [];
  const pages = paginateListTaskDefinitions(
    { client: ecs },
    { familyPrefix: family, status: "ACTIVE", maxResults: 100 },
  );
  for await (const page of pages)
    active.push(...(page.taskDefinitionArns ?? []).filter((arn) => familyOf(arn) === family));
  if (active.length === 0) return [];
  const inUse = await revisionsInUse(ecs, cluster, family);
  const retired: string[] = [];
  for (const arn of active.filter((a) => !inUse.has(a))) {
    const tags = await revisionTags(ecs, arn);
    if (
      tags?.[TAG.environment] !== owner.environment ||
      tags[PROVIDER_TAG.purpose] !== owner.purpose
    )
      continue;
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
    retired.push(arn);
  }
  return retired;
}

/** The revisions of `family` that a task of the cluster not yet stopped runs. */
async function revisionsInUse(ecs: ECSClient, cluster: string, family: string) {
  const inUse = new Set<string>();
  const pages = paginateListTasks(
    { client: ecs },
    { cluster, family, desiredStatus: "RUNNING", maxResults: 100 },
  );
  for await (const page of pages) {
    const tasks = page.taskArns ?? [];
    if (tasks.length === 0) continue;
    const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks }));
    for (const t of described.tasks ?? [])
      if (t.lastStatus !== "STOPPED" && t.taskDefinitionArn) inUse.add(t.taskDefinitionArn);
  }
  return inUse;
}

/** A revision's tags, or undefined when it is gone or no longer ACTIVE. */
async function revisionTags(
  ecs: ECSClient,
  arn: string,
): Promise<Record<string, string> | undefined> {
  try {
    const out = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ["TAGS"] }),
    );
    return out.taskDefinition?.status === "ACTIVE" ? fromLowerTags(out.tags) : undefined;
  } catch (e) {
    if (isMissingTaskDefinition(e)) return undefined;
    throw e;
  }
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
