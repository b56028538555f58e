import type { Diagnostic } from "../model/diagnostic.js";
import { hasErrors } from "../model/diagnostic.js";
import type { Plan } from "../model/plan.js";
import { changingActions } from "../model/plan.js";
import type { Repository } from "../model/documents.js";
import type { RepoFile } from "../load/load-repository.js";
import { desire, type RuntimeSettings } from "../desire/desire.js";
import type { PackageIndexData } from "../lock/package-index.js";
import { plan as makePlan } from "../plan/plan.js";
import { validateFiles } from "../validate/validate.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import { lockRules, packsImmutable } from "../validate/rules/lock-rules.js";
import type { Provider } from "../../ports/provider.js";
import type { RunRecord, StateStore } from "../../ports/state-store.js";
import { applyPlan, type ApplyProgress } from "./apply-plan.js";
import { recordApplied } from "./record.js";

export type ReconcileStage =
  "load" | "validate" | "lock-check" | "desire" | "observe" | "plan" | "lease" | "apply" | "record";

export interface ReconcileInput {
  files: readonly RepoFile[];
  commit: string;
  today: string;
  /** The package index for lock checks, given the loaded repository; undefined for a remote index (the dependency walk is skipped). */
  index: (repository: Repository) => PackageIndexData | undefined;
  /** `plan` stops after planning: a dry run is "compute the plan and stop". */
  mode: "plan" | "apply";
  trigger: string;
  /** Apply only if the plan's digest is this one (an approved or saved plan). */
  expectDigest?: string;
  /** Subnets, security groups and roles from the runtime (infra/ outputs). */
  runtime?: RuntimeSettings;
}

export interface ReconcileDeps {
  provider: Provider;
  state: StateStore;
  check: SchemaCheck;
  now: () => Date;
  runId: string;
  owner: string;
  leaseTtlMs?: number;
  progress?: ApplyProgress;
}

export interface ReconcileResult {
  outcome: "planned" | "no-changes" | "applied" | "refused" | "failed";
  stage?: ReconcileStage;
  reason?: string;
  diagnostics: Diagnostic[];
  plan?: Plan;
  repository?: Repository;
  applied: number;
}

/** The runbook: load → validate → lock check → desire → observe → plan → apply → record. */
export async function reconcile(
  input: ReconcileInput,
  deps: ReconcileDeps,
): Promise<ReconcileResult> {
  const fail = (
    outcome: "refused" | "failed",
    stage: ReconcileStage,
    reason: string,
    rest: Partial<ReconcileResult> = {},
  ): ReconcileResult => ({ outcome, stage, reason, diagnostics: [], applied: 0, ...rest });
  const { repository, diagnostics } = validateFiles(
    input.files,
    deps.check,
    { today: input.today },
    [packsImmutable],
  );
  if (hasErrors(diagnostics))
    return fail(
      "refused",
      "validate",
      `validation failed with ${diagnostics.filter((d) => d.severity === "error").length} errors: nothing is applied`,
      { diagnostics, repository },
    );
  const stale = lockRules(input.index).check(repository, { today: input.today });
  if (stale.length > 0)
    return fail(
      "refused",
      "lock-check",
      `${stale.length} locks are missing or stale: run \`labenv lock\` and commit`,
      { diagnostics: stale, repository },
    );
  const desired = desire(repository, input.runtime ?? {});
  if (desired.problems.length > 0)
    return fail("refused", "desire", desired.problems.join("; "), { repository });
  const observed = await deps.provider.observe();
  const applied = await deps.state.listApplied();
  const plan = makePlan(desired.state, observed, {
    maxDeletes: repository.config?.doc.spec.plan?.maxDeletes ?? 5,
    commit: input.commit,
    costsBefore: Object.fromEntries(applied.map((a) => [a.environment, a.monthlyCostUsd ?? 0])),
  });
  const base = { diagnostics, plan, repository, applied: 0 };
  if (input.mode === "plan") return { outcome: "planned", ...base };
  if (plan.blocked) return fail("refused", "plan", plan.blocked, base);
  if (input.expectDigest && input.expectDigest !== plan.digest) {
    return fail(
      "refused",
      "plan",
      `the plan changed since it was approved (expected ${input.expectDigest.slice(0, 19)}…, now ${plan.digest.slice(0, 19)}…): plan again`,
      base,
    );
  }
  const startedAt = deps.now().toISOString();
  const lease = await deps.state.acquireLease(
    deps.owner,
    deps.leaseTtlMs ?? 15 * 60_000,
    deps.now(),
  );
  if (!lease.acquired)
    return fail(
      "refused",
      "lease",
      `another reconcile (${lease.heldBy}) holds the lease until ${lease.expiresAt}; try again later`,
      base,
    );
  const run: RunRecord = {
    id: deps.runId,
    startedAt,
    commit: input.commit,
    trigger: input.trigger,
    outcome: "running",
    summary: plan.summary,
  };
  try {
    if (changingActions(plan).length === 0) {
      await recordApplied(deps.state, desired.state, observed, plan, [], input.commit, deps.now());
      await deps.state.putRun({
        ...run,
        outcome: "no-changes",
        finishedAt: deps.now().toISOString(),
      });
      return { outcome: "no-changes", ...base };
    }
    await deps.state.putRun(run);
    const result = await applyPlan(plan, observed, deps.provider, deps.progress);
    await recordApplied(
      deps.state,
      desired.state,
      observed,
      plan,
      result.applied,
      input.commit,
      deps.now(),
      result.failed?.action.environment,
    );
    if (result.failed) {
      const reason = `${result.failed.action.outcome} ${result.failed.action.key} failed: ${result.failed.error.message}`;
      await deps.state.putRun({
        ...run,
        outcome: "failed",
        finishedAt: deps.now().toISOString(),
        error: { stage: "apply", message: reason },
      });
      return { ...base, outcome: "failed", stage: "apply", reason, applied: result.applied.length };
    }
    await deps.state.putRun({ ...run, outcome: "succeeded", finishedAt: deps.now().toISOString() });
    return { ...base, outcome: "applied", applied: result.applied.length };
  } finally {
    await deps.state.releaseLease(lease.lease);
  }
}
