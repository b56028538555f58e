import { drillInFlight } from "../adapters/aws/drill-runner.js";
import { createSchemaValidator } from "../core/validate/schema-validator.js";
import { loadRepository } from "../core/load/load-repository.js";
import { drillDue, renderDueDrills, type DueDrills } from "../core/snapshots/drill-due.js";
import { DEFAULT_DRILL_MAX_PER_RUN, DRILL_BUDGET_MS } from "../core/snapshots/drill-schedule.js";
import { LabenvError } from "../core/errors.js";
import { awsContext, awsDrillRunner, awsSnapshotSources } from "./aws-context.js";
import type { LambdaEnv } from "./lambda-env.js";
import { readRepository } from "./repository-source.js";

/** What the drill schedule sends the reconciler Lambda (infra/: the rule's input). */
export interface DrillEvent {
  source: "labenv.drill";
  /** At most this many environments a run (default DEFAULT_DRILL_MAX_PER_RUN). */
  maxPerRun?: number;
}

export type DrillRunSummary = DueDrills & { commit: string };

/** What the drills leave of the Lambda's time (the comparison and the record after the last wait). */
export const DRILL_MARGIN_MS = 60_000;

/**
 * The reconciler Lambda in drill mode: restore drills of the environments on main's default
 * branch, at most `maxPerRun`, longest undrilled first, within the Lambda's time. Applies
 * nothing and takes no lease: a drill's task definition and task are its own.
 */
export async function drillRun(
  env: LambdaEnv,
  event: DrillEvent,
  remainingMs?: number,
): Promise<DrillRunSummary> {
  const repo = await readRepository(env, {});
  const { repository } = loadRepository(repo.files, createSchemaValidator());
  const { provider, objects } = awsContext(env);
  if (!objects)
    throw new LabenvError("config", "drills need the object store (manifests, drill records)", {
      hint: "set LABENV_OBJECT_BUCKET",
    });
  const now = () => new Date();
  const observed = (await provider.observe()).resources;
  const budget =
    remainingMs === undefined
      ? DRILL_BUDGET_MS
      : Math.max(0, Math.min(DRILL_BUDGET_MS, remainingMs - DRILL_MARGIN_MS));
  const result = await drillDue(
    repository,
    {
      objects,
      sources: awsSnapshotSources(env, objects, observed, now),
      runner: (waitMs) => awsDrillRunner(env, objects, observed, now, { waitMs }),
      inFlight: (environment) => drillInFlight(objects, environment),
      now,
    },
    {
      maxPerRun: event.maxPerRun ?? DEFAULT_DRILL_MAX_PER_RUN,
      deadline: new Date(now().getTime() + budget),
    },
  );
  const lines = renderDueDrills(result);
  if (result.drilled.some((d) => !d.ok)) console.error(lines.join("\n"));
  else if (lines.length > 0) console.log(lines.join("\n"));
  return { commit: repo.commit, ...result };
}
