import {
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  paginateListTaskDefinitions,
  type DescribeTaskDefinitionCommandOutput,
} from "@aws-sdk/client-ecs";
import { isImageBuildKey } from "../../core/kinds/image-build.js";
import { LabenvError } from "../../core/errors.js";
import type { Action } from "../../core/model/plan.js";
import { TAG, type ObservedResource } from "../../core/model/resources.js";
import type { AppliedResource, ResolveId } from "../../ports/provider.js";
import { isMissingTaskDefinition } from "./aws-failure.js";
import { createOnce, withoutBlindRetry } from "./create-once.js";
import { fromLowerTags, staleTags, toLowerTags } from "./labenv-tags.js";
import { sameSpec } from "./same-spec.js";
import {
  desiredOf,
  resolveRequired,
  type DriverContext,
  type ObserveContext,
  type ResourceDriver,
} from "./resource-driver.js";
import type { RememberedRevision } from "./task-definition-spec-cache.js";
import {
  FAMILY_PREFIX,
  naming,
  registerInput,
  taskDefinitionSpecOf,
} from "./task-definition-shape.js";
import {
  familyOf,
  latestRevisionArns,
  observedRevision,
  readRevisions,
  rememberedRevisionOf,
} from "./task-definition-revisions.js";

/**
 * ECS task definitions, one family per environment. Revisions are immutable:
 * a changed spec registers a new revision; the latest ACTIVE revision of the
 * family is what observe reports. Given a cache, observe remembers each
 * described revision by ARN and describes only revisions it has not seen.
 * Deleting deregisters every ACTIVE revision (running tasks keep working on
 * INACTIVE ones).
 */
export const taskDefinitionDriver: ResourceDriver<"task-definition"> = {
  kind: "task-definition",

  async observe(ctx: ObserveContext): Promise<ObservedResource<"task-definition">[]> {
    const { latest, older } = await latestRevisionArns(ctx.clients.ecs);
    const below = latest.flatMap((arn) => older.get(familyOf(arn) ?? "")?.[0] ?? []);
    const revisions = await readRevisions(ctx, [...latest, ...below]);
    const observed = latest.flatMap((arn) => {
      const revision = revisions.get(arn);
      const seen = revision === undefined ? undefined : observedRevision(arn, revision, ctx.keyOf);
      return seen === undefined ? [] : [seen];
    });
    return withDuplicateRevisions(ctx, observed, older, revisions);
  },

  async apply(action: Action, resolve: ResolveId, ctx: DriverContext): Promise<AppliedResource> {
    if (action.outcome === "delete") return deregisterFamily(action, ctx);
    const desired = desiredOf(action, "task-definition");
    const family = desired.spec.family;
    if (!family.startsWith(FAMILY_PREFIX)) {
      throw new LabenvError(
        "plan",
        `task definition ${desired.key} has family ${family}; labenv families start with ${FAMILY_PREFIX}`,
      );
    }
    const neededBy = `task definition ${desired.key}`;
    const accessPoints = {
      home: resolveRequired(resolve, desired.spec.homeAccessPoint, neededBy),
      datasets: desired.spec.datasets.map((d) => resolveRequired(resolve, d.accessPoint, neededBy)),
    };
    // An environment's own image is a build key: the task runs what the build pushed, by digest.
    const image = isImageBuildKey(desired.spec.image)
      ? resolveRequired(resolve, desired.spec.image, neededBy)
      : desired.spec.image;
    const latest = await describeLatest(ctx, family);
    if (latest?.taskDefinition?.status === "ACTIVE") {
      const arn = latest.taskDefinition.taskDefinitionArn as string;
      const tags = fromLowerTags(latest.tags);
      const idToKey = new Map([
        [image, desired.spec.image],
        [accessPoints.home, desired.spec.homeAccessPoint],
        ...desired.spec.datasets.map(
          (d, i) => [accessPoints.datasets[i] as string, d.accessPoint] as const,
        ),
      ]);
      const live = taskDefinitionSpecOf(latest.taskDefinition, (id) => idToKey.get(id));
      if (sameSpec(live, desired.spec) && tags[TAG.specHash] === desired.specHash) {
        const stale = staleTags(tags, desired.tags);
        if (Object.keys(stale).length > 0)
          await ctx.clients.ecs.send(
            new TagResourceCommand({ resourceArn: arn, tags: toLowerTags(stale) }),
          );
        // What was just seen (and written) is what the next observe must report, whatever the cache remembered.
        await ctx.taskDefinitionSpecs?.put(
          new Map([[arn, rememberedRevisionOf(latest.taskDefinition, { ...tags, ...stale })]]),
        );
        return { key: desired.key, id: arn };
      }
    }
    // RegisterTaskDefinition takes no idempotency token: after a lost reply, look for the revision by its tags before registering again.
    const id = await createOnce(
      `register ${family}`,
      async () => {
        const registered = await ctx.clients.ecs.send(
          withoutBlindRetry(
            new RegisterTaskDefinitionCommand(
              registerInput(
                {
                  ...desired,
                  spec: {
                    ...desired.spec,
                    image,
                    environment: naming(desired.spec.environment, desired.spec.image, image),
                  },
                },
                accessPoints,
                ctx.config,
              ),
            ),
          ),
        );
        return registered.taskDefinition?.taskDefinitionArn as string;
      },
      async () => {
        const made = await describeLatest(ctx, family);
        const tags = fromLowerTags(made?.tags);
        return made?.taskDefinition?.status === "ACTIVE" &&
          tags[TAG.resource] === desired.key &&
          tags[TAG.specHash] === desired.specHash
          ? made.taskDefinition.taskDefinitionArn
          : undefined;
      },
    );
    return { key: desired.key, id };
  },
};

/**
 * Older ACTIVE revisions just below the latest that carry its key and spec hash are
 * duplicates (a RegisterTaskDefinition repeated after a lost reply registers the same
 * thing again, one revision after the other). The revision below each latest is read
 * with the latest ones (from the cache once described); deeper ones only while they
 * keep matching.
 */
async function withDuplicateRevisions(
  ctx: ObserveContext,
  observed: ObservedResource<"task-definition">[],
  older: Map<string, string[]>,
  revisions: Map<string, RememberedRevision>,
): Promise<ObservedResource<"task-definition">[]> {
  return Promise.all(
    observed.map(async (o) => {
      const duplicates: string[] = [];
      for (const arn of older.get(familyOf(o.id) ?? "") ?? []) {
        const revision = revisions.get(arn) ?? (await readRevisions(ctx, [arn])).get(arn);
        if (
          revision?.tags[TAG.resource] !== o.key ||
          revision.tags[TAG.specHash] !== o.tags[TAG.specHash]
        )
          break;
        duplicates.push(arn);
      }
      return duplicates.length === 0 ? o : { ...o, duplicates: duplicates.sort() };
    }),
  );
}

/** The latest ACTIVE revision of a family with its tags, or nothing when the family has none. */
async function describeLatest(
  ctx: DriverContext,
  family: string,
): Promise<DescribeTaskDefinitionCommandOutput | undefined> {
  try {
    return await ctx.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: family, include: ["TAGS"] }),
    );
  } catch (e) {
    if (isMissingTaskDefinition(e)) return undefined;
    throw e;
  }
}

async function deregisterFamily(action: Action, ctx: DriverContext): Promise<AppliedResource> {
  const family =
    action.observed?.kind === "task-definition"
      ? (action.observed as ObservedResource<"task-definition">).spec.family
      : undefined;
  if (family === undefined)
    throw new LabenvError(
      "plan",
      `delete task-definition ${action.key} carries no observed family`,
    );
  const active: string[] = [];
  const pages = paginateListTaskDefinitions(
    { client: ctx.clients.ecs },
    { familyPrefix: family, status: "ACTIVE", maxResults: 100 },
  );
  for await (const page of pages) active.push(...(page.taskDefinitionArns ?? []));
  for (const arn of active)
    await ctx.clients.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
  return { key: action.key, id: action.observed?.id ?? active[0] ?? "" };
}
