import { randomUUID } from "node:crypto";
import type { Repository } from "../core/model/documents.js";
import type { Plan } from "../core/model/plan.js";
import type { ObjectStore } from "../ports/object-store.js";
import type { Provider } from "../ports/provider.js";
import type { StateStore } from "../ports/state-store.js";
import { foreignRepositoryRefusal, readLambdaEnv, runtimeSettings } from "./lambda-env.js";
import type { DrillEvent, DrillRunSummary } from "./drill-run.js";

/** What invokes the reconciler: the GitHub App after a merge, the schedule, or an ECS task state change. */
export type ReconcilerEvent =
  | { source: "labenv.github-app"; commit: string; repository?: string; installationId?: number }
  | { source: "aws.events" | "aws.ecs"; "detail-type"?: string }
  | DrillEvent;

// What a reconcile needs (the AWS SDK clients, GitHub, the reconcile loop) is
// loaded by the first invocation, not at import: a cold start that only
// refuses pays for none of it, and the import stays short.
const loadReconcile = async () => {
  const [openIndex, embedded, loop, validator, aws, source, copies] = await Promise.all([
    import("../adapters/package-index/open-index.js"),
    import("../core/lock/embedded-index-from-files.js"),
    import("../core/reconcile/reconcile.js"),
    import("../core/validate/schema-validator.js"),
    import("./aws-context.js"),
    import("./repository-source.js"),
    import("../core/shares/snapshot-share-copies.js"),
  ]);
  return {
    ...openIndex,
    ...embedded,
    ...loop,
    ...aws,
    readRepository: source.readRepository,
    readShareCopies: copies.readShareCopies,
    check: validator.createSchemaValidator(),
  };
};
let loaded: ReturnType<typeof loadReconcile> | undefined;

/**
 * The reconciler Lambda: reads the repository at the commit (or the default
 * branch), reconciles it into the AWS account with the DynamoDB lease, and
 * returns the outcome. A refusal is an answer, not an error; a failure throws
 * so Lambda retries and finally dead-letters it.
 */
type LambdaContext = { awsRequestId?: string; getRemainingTimeInMillis?: () => number };
export function handler(event: DrillEvent, context?: LambdaContext): Promise<DrillRunSummary>;
export function handler(
  event: Exclude<ReconcilerEvent, DrillEvent>,
  context?: LambdaContext,
): ReturnType<typeof reconcileHandler>;
export async function handler(event: ReconcilerEvent, context?: LambdaContext) {
  // The drill schedule: restore drills only (nothing applied, no lease).
  if (event.source === "labenv.drill") {
    const { drillRun } = await import("./drill-run.js");
    return drillRun(readLambdaEnv(process.env), event, context?.getRemainingTimeInMillis?.());
  }
  return reconcileHandler(event, context);
}

async function reconcileHandler(
  event: Exclude<ReconcilerEvent, DrillEvent>,
  context?: LambdaContext,
) {
  const env = readLambdaEnv(process.env);
  const want =
    event.source === "labenv.github-app"
      ? {
          commit: event.commit,
          ...(event.repository ? { repository: event.repository } : {}),
          ...(event.installationId ? { installationId: event.installationId } : {}),
        }
      : {};
  const foreign = foreignRepositoryRefusal(env, want);
  if (foreign)
    return {
      outcome: "refused" as const,
      stage: "source",
      reason: foreign,
      commit: event.source === "labenv.github-app" ? event.commit : "",
      applied: 0,
      plan: undefined,
    };
  const {
    awsSnapshotSources,
    readShareCopies,
    readRepository,
    awsContext,
    reconcile,
    remoteIndexForChecks,
    indexForChecks,
    fromFiles,
    check,
  } = await (loaded ??= loadReconcile().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  }));
  const repo = await readRepository(env, want);
  const { provider, state, objects } = awsContext(env);
  const now = () => new Date();
  const startedAt = now();
  // Shares of a snapshot open the copies restored for them (none yet on AWS: see docs/shares.md).
  const shareCopies = objects ? await readShareCopies(objects) : new Map<string, string>();
  const runId = context?.awsRequestId ?? randomUUID();
  const result = await reconcile(
    {
      files: repo.files,
      commit: repo.commit,
      today: now().toISOString().slice(0, 10),
      index: async (repository) =>
        (await remoteIndexForChecks(repository)) ??
        indexForChecks(repository, fromFiles(repo.files)),
      mode: "apply",
      runtime: {
        ...runtimeSettings(env),
        ...(shareCopies.size > 0 ? { shareCopies } : {}),
      },
      // An environment restored from a snapshot runs its image and volume, from its manifest.
      ...(objects
        ? { restorePins: (repository) => restorePinsFromManifests(repository, objects) }
        : {}),
      trigger:
        event.source === "labenv.github-app" ? "merge" : (event["detail-type"] ?? event.source),
    },
    {
      provider,
      state,
      check,
      now,
      runId,
      owner: `lambda:${context?.awsRequestId ?? "local"}`,
      isAncestor: repo.isAncestor,
    },
  );
  // Scheduled snapshots the plan pruned are recorded as pruned (when every part is gone).
  const prunes =
    objects && result.plan && result.applied > 0
      ? await recordPrunesAfter(result.plan, provider, objects, now())
      : [];
  const summary = {
    outcome: result.outcome,
    stage: result.stage,
    reason: result.reason,
    commit: repo.commit,
    applied: result.applied,
    plan: result.plan
      ? {
          digest: result.plan.digest,
          summary: result.plan.summary,
          changes: result.plan.stages
            .flatMap((st) => st.actions)
            .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped")
            .map((a) => a.reason),
          // What findings held back (left exactly as it runs), and why.
          ...(result.plan.heldBack ? { heldBack: result.plan.heldBack } : {}),
        }
      : undefined,
  };
  const dashboard =
    objects &&
    result.repository &&
    (result.outcome === "applied" || result.outcome === "no-changes")
      ? await publishAfterRun(result.repository, repo.commit, { provider, state, objects }, now())
      : undefined;
  if (dashboard) Object.assign(summary, { dashboard });
  if (prunes.length > 0) Object.assign(summary, { pruned: prunes.map((p) => p.id) });
  // Manifests locked as their retention asks (S3 Object Lock), or the bucket's lack of it said.
  if (objects && result.repository && result.outcome !== "refused")
    Object.assign(summary, {
      manifestLocks: await lockManifestsAfter(result.repository, objects, now()),
    });
  // Then, as `labenv reconcile` ends: snapshots captured (manifest, then record), restores
  // completed, shares' copies restored, renewal pull requests and succession steps.
  if (result.repository && (result.outcome === "applied" || result.outcome === "no-changes")) {
    const [
      { afterRun },
      { lambdaGitHost },
      { captureAfterRun },
      { restoreAfterRun, shareCopiesAfterRun },
    ] = await Promise.all([
      import("./after-run.js"),
      import("./lambda-git-host.js"),
      import("./capture-after-run.js"),
      import("./restore-after-run.js"),
    ]);
    const store = objects;
    const captured = store
      ? await captureAfterRun(
          result.repository,
          {
            commit: repo.commit,
            today: now().toISOString().slice(0, 10),
            baseBranch: result.repository.config?.doc.spec.git?.defaultBranch ?? "main",
          },
          {
            provider,
            objects: store,
            sources: (observed) => awsSnapshotSources(env, store, observed, now),
            gitHost: () => lambdaGitHost(env),
            now,
          },
        )
      : undefined;
    if (captured) Object.assign(summary, { captured });
    // Each restore takes its next step (the home's restore job, its move task, the record).
    const restores = store
      ? await restoreAfterRun(result.repository, startedAt, {
          provider,
          objects: store,
          sources: (observed) => awsSnapshotSources(env, store, observed, now),
          now,
        })
      : undefined;
    if (restores) Object.assign(summary, { restores });
    const copies = store
      ? await shareCopiesAfterRun(result.repository, now().toISOString().slice(0, 10), {
          provider,
          objects: store,
          sources: (observed) => awsSnapshotSources(env, store, observed, now),
          now,
        })
      : undefined;
    if (copies) Object.assign(summary, { shareCopies: copies });
    Object.assign(
      summary,
      await afterRun(
        result.repository,
        {
          commit: repo.commit,
          run: runId,
          today: now().toISOString().slice(0, 10),
          baseBranch: result.repository.config?.doc.spec.git?.defaultBranch ?? "main",
        },
        {
          provider,
          state,
          ...(objects ? { objects } : {}),
          gitHost: () => lambdaGitHost(env),
          // Succession snapshots are captured as the CLI captures them on AWS.
          snapshotSources: async (store) =>
            awsSnapshotSources(env, store, (await provider.observe()).resources, now),
          now,
        },
      ),
    );
  }
  if (result.outcome === "failed")
    throw Object.assign(new Error(`reconcile failed at ${result.stage}: ${result.reason}`), {
      summary,
    });
  return summary;
}

/** Each restoring environment's image and volume, read from its snapshot's manifest (none: nothing read). */
async function restorePinsFromManifests(repository: Repository, objects: ObjectStore) {
  if (![...repository.environments.values()].some((e) => e.doc.spec.restoreFrom)) return undefined;
  const { manifestsFor, restorePinsFor } = await import("../core/snapshots/restore.js");
  return restorePinsFor(repository, await manifestsFor(repository, objects));
}

/**
 * Scheduled snapshots whose prune deletes the plan held are recorded as pruned in the object
 * store once none of their parts is held any more (an observe confirms it); a plan with no prune
 * reads nothing.
 */
async function recordPrunesAfter(
  plan: Plan,
  provider: Provider,
  objects: ObjectStore,
  now: Date,
): Promise<{ id: string }[]> {
  const actions = plan.stages.flatMap((s) => s.actions);
  const deletes = actions.filter((a) => a.outcome === "delete" && a.observed);
  if (deletes.length === 0) return [];
  const [{ recordPrunes }, { scheduledIdOf }] = await Promise.all([
    import("../core/snapshots/prune-record.js"),
    import("../core/snapshots/prune-plan.js"),
  ]);
  if (!deletes.some((a) => scheduledIdOf(a.observed!) !== undefined)) return [];
  return recordPrunes(objects, actions, (await provider.observe()).resources, now);
}

/** Manifest locks after a run; a failure is reported in the summary, the run's changes stand. */
async function lockManifestsAfter(repository: Repository, objects: ObjectStore, now: Date) {
  try {
    const { lockManifests } = await import("../core/snapshots/lock-manifests.js");
    const locks = await lockManifests(objects, repository, now.toISOString().slice(0, 10), {
      apply: true,
    });
    if (!locks) return undefined;
    if (!locks.enabled) return { warning: locks.warning };
    return {
      locked: locks.results.filter((r) => !r.error).length,
      changed: locks.results.filter((r) => r.change.retention || r.change.legalHold !== undefined)
        .length,
      failed: locks.results.filter((r) => r.error).map((r) => `${r.wanted.id}: ${r.error}`),
    };
  } catch (e) {
    return { failed: [(e as Error).message] };
  }
}

/**
 * The dashboard after a run, when labenv.yaml says `dashboard.publish`: written to the object
 * bucket for the dashboard function to serve. Main's history is not read here (the repository
 * comes through GitHub's API, not a checkout), so the pages say history is not available. A
 * failure to publish is reported in the summary; the run's changes stand.
 */
async function publishAfterRun(
  repository: Repository,
  commit: string,
  ports: { provider: Provider; state: StateStore; objects: ObjectStore },
  now: Date,
): Promise<{ written: number; sites: number } | { failed: string } | undefined> {
  const config = repository.config?.doc.spec;
  if (!config?.dashboard?.publish) return undefined;
  try {
    const { publishDashboard } = await import("../cli/publish-dashboard.js");
    const r = await publishDashboard({ repository, config, commit, ...ports }, now);
    return { written: r.written, sites: r.sites.length };
  } catch (e) {
    return { failed: (e as Error).message };
  }
}
