import { homeOverwrites, withHomeOverwrites } from "../snapshots/home-overwrite.js";
import { restoreRetries, withRestoreRetries } from "../snapshots/restore-attempt.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Plan } from "../model/plan.js";
import { changingActions } from "../model/plan.js";
import type { Repository } from "../model/documents.js";
import type { DesiredState, ObservedState } from "../model/resources.js";
import type { RepoFile } from "../load/load-repository.js";
import { desire, type RuntimeSettings } from "../desire/desire.js";
import type { PackageIndexData } from "../lock/package-index.js";
import { plan as makePlan } from "../plan/plan.js";
import { validateFiles } from "../validate/validate.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import { lockRules, packsImmutable } from "../validate/rules/lock-rules.js";
import type { Provider } from "../../ports/provider.js";
import type { RunRecord, StateStore } from "../../ports/state-store.js";
import type { HomeRestorer } from "../../ports/snapshot-sources.js";
import { applyPlan, type ApplyProgress } from "./apply-plan.js";
import { recordApplied } from "./record.js";
import { takeLease, type HeldLease, type LeaseDeps } from "./lease.js";
import { lastAppliedRun, olderCommitRefusal, type IsAncestor } from "./commit-order.js";
import { heldBack, isolate, plannable, withHeldBack, type Isolation } from "./hold-back.js";
import { embeddedIndexPath, environmentKeysOf } from "../validate/units.js";
import { LabenvError } from "../errors.js";
import { homeOwnersOf, keepHomeOwners } from "../desire/home-owners.js";
import { keepRulePriorities } from "../desire/keep-rule-priorities.js";
import { shareEventsOf } from "../shares/share-events.js";
import { planPrunes, type PruneFacts } from "../snapshots/prune-plan.js";
import { dueScheduledSnapshots } from "../snapshots/schedule.js";
import { restoreSources, withRestoreSources } from "../snapshots/restore-source.js";
import { planTiering } from "../snapshots/tiering.js";
import { idleStage, recordIdle } from "./idle-stage.js";
import type { IdleOutcome } from "../access/usage.js";

export type ReconcileStage =
  | "load"
  | "validate"
  | "lock-check"
  | "idle"
  | "desire"
  | "lease"
  | "order"
  | "observe"
  | "plan"
  | "apply"
  | "record";

export interface ReconcileInput {
  files: readonly RepoFile[];
  commit: string;
  today: string;
  /** Restores already done (`lab/env from lab/env/name`): their overwrite is not planned again. */
  restoresDone?: ReadonlySet<string>;
  /** With `restoresDone`: what the attempt before each raised `restoreFrom.attempt` left, for the plan. */
  restoresPrevious?: ReadonlyMap<string, string>;
  /**
   * The package index for lock checks, given the loaded repository: the
   * embedded file, or what a remote index answered for the locked releases;
   * undefined when a remote index is not asked (what needs the index is then
   * not judged).
   */
  index: (
    repository: Repository,
  ) => PackageIndexData | undefined | Promise<PackageIndexData | undefined>;
  /** `plan` stops after planning: a dry run is "compute the plan and stop". */
  mode: "plan" | "apply";
  trigger: string;
  /** Apply only if the plan's digest is this one (an approved or saved plan). */
  expectDigest?: string;
  /** Subnets, security groups and roles from the runtime (infra/ outputs). */
  runtime?: RuntimeSettings;
  /** What pruning scheduled snapshots needs from the object store (which last verified). */
  snapshots?: PruneFacts;
  /**
   * The image and volume of each environment restored from a snapshot, read from its manifest
   * once the repository is loaded (the Lambda; the CLI gives `runtime.restorePins`).
   */
  restorePins?: (repository: Repository) => Promise<RuntimeSettings["restorePins"]>;
}

export interface ReconcileDeps extends LeaseDeps {
  provider: Provider;
  state: StateStore;
  check: SchemaCheck;
  now: () => Date;
  runId: string;
  owner: string;
  /** The lease's time to live (default two minutes); it is renewed every third of it while the run works. */
  leaseTtlMs?: number;
  progress?: ApplyProgress;
  /** Tells whether a commit is an ancestor of another (git): an older commit than the last applied one is refused. */
  isAncestor?: IsAncestor;
  /** The provider's home restorer: whether it can restore over a home (`restoreFrom.overwrite`) is said in the plan. */
  restorer?: Pick<HomeRestorer, "overwrites">;
}

export interface ReconcileResult {
  outcome: "planned" | "no-changes" | "applied" | "refused" | "failed";
  stage?: ReconcileStage;
  reason?: string;
  diagnostics: Diagnostic[];
  plan?: Plan;
  repository?: Repository;
  applied: number;
  /** Idle shutdown's decisions (environments parked now or before, and why). */
  idle?: IdleOutcome[];
}

/** How many recent runs are read to find the last applied commit. */
const RUNS_TO_SCAN = 50;

/** The runbook: load → validate → lock check → idle → desire → lease → order → observe → plan → apply → record. */
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
  const validated = validateFiles(input.files, deps.check, { today: input.today }, [
    packsImmutable,
  ]);
  const { repository } = validated;
  const index = await indexOrProblem(input, repository);
  const diagnostics = [
    ...validated.diagnostics,
    ...("problem" in index
      ? [index.problem]
      : lockRules(() => index.data).check(repository, { today: input.today })),
  ];
  // Each finding holds back only what depends on it (its environment, its lab, its pack's
  // environments, every environment for the index); labenv.yaml holds back everything.
  const isolation = isolate(repository, diagnostics);
  if (isolation.everything.length > 0)
    return fail(
      "refused",
      "validate",
      `labenv.yaml has ${isolation.everything.length} errors: nothing is applied`,
      { diagnostics, repository },
    );
  // One moment for the whole run: the scheduled snapshot due and the prunes are decided at it.
  // Schedules are kept only where their keep policies can prune (else they would pile up).
  const at = deps.now();
  // Idle shutdown: an environment idle for its idleShutdownMinutes is parked (zero tasks, its
  // volume snapshotted first as for any stop) until its owner opens its address again.
  const idle = await idleStage(isolation.repository, deps);
  const desired = desire(
    isolation.repository,
    {
      ...input.runtime,
      ...(input.restorePins ? { restorePins: await input.restorePins(isolation.repository) } : {}),
      ...(repository.successions.size > 0 ? { handedOver: await handedOverOf(deps.state) } : {}),
      imageBuilds: deps.provider.buildsImages ?? false,
      parked: idle.parked,
      measuredHoursPerWeek: idle.measuredHoursPerWeek,
    },
    { today: input.today, ...(deps.provider.prunesSnapshots ? { now: at } : {}) },
  );
  if (desired.problems.length > 0)
    return fail("refused", "desire", desired.problems.join("; "), { repository });
  if (input.mode === "plan") {
    // A dry run only reads: it takes no lease.
    const runs = await deps.state.listRuns(RUNS_TO_SCAN);
    const { plan } = await observeAndPlan(
      input,
      deps,
      desired.state,
      repository,
      runs,
      isolation,
      at,
    );
    return { outcome: "planned", diagnostics, plan, repository, applied: 0, idle: idle.outcomes };
  }
  // The lease comes before observing: the plan must be computed from a world
  // no other reconcile can change until this one has applied it.
  const startedAt = deps.now().toISOString();
  const lease = await takeLease(deps);
  if ("refused" in lease)
    return fail("refused", "lease", lease.refused, { diagnostics, repository });
  try {
    const result = await applyUnderLease(
      input,
      deps,
      desired.state,
      repository,
      diagnostics,
      startedAt,
      lease.held,
      isolation,
      at,
    );
    // A parking is kept even when the apply failed, so the next run stops it again.
    if (result.outcome !== "refused" && !lease.held.lost()) await recordIdle(deps.state, idle);
    return { ...result, idle: idle.outcomes };
  } finally {
    await lease.held.release();
  }
}

async function observeAndPlan(
  input: ReconcileInput,
  deps: ReconcileDeps,
  wanted: DesiredState,
  repository: Repository,
  runs: readonly RunRecord[],
  isolation: Isolation,
  at: Date,
): Promise<{ observed: ObservedState; plan: Plan; desired: DesiredState }> {
  const observed = await deps.provider.observe();
  const records = await deps.state.listApplied();
  // Every existing home keeps the identity it was created with (an owner change never re-owns it).
  // Rules keep their priorities and avoid those of rules labenv does not own on the listener.
  const desired = keepRulePriorities(
    keepHomeOwners(wanted, homeOwnersOf(observed.resources, records)),
    observed,
  );
  // What is held back is not planned at all: it stays exactly as it runs.
  const environmentKeys = environmentKeysOf(repository);
  const planned = plannable(observed, desired, isolation, environmentKeys);
  const applied = records.filter((a) => isolation.heldBy(a.environment).length === 0);
  // Scheduled snapshots past their keep policy are pruned, in the plan, where the provider can.
  const prunes = deps.provider.prunesSnapshots
    ? planPrunes(
        isolation.repository,
        planned.resources,
        input.today,
        input.snapshots,
        new Set(dueScheduledSnapshots(isolation.repository, at).keys()),
      ).prune
    : undefined;
  // Volume snapshots past their archiveAfterDays go to the EBS archive tier, one a restore needs
  // comes back first (hours), and home recovery points get their move to cold storage — where
  // the provider reports tiers.
  const tiering = input.today
    ? planTiering(isolation.repository, planned.resources, desired, input.today)
    : undefined;
  const plan = makePlan(desired, planned, {
    ...deleteCap(repository, runs),
    ...(prunes && prunes.size > 0 ? { prune: prunes } : {}),
    ...(tiering &&
    (tiering.moves.size > 0 || tiering.waiting.size > 0 || tiering.lifecycles.size > 0)
      ? { tiering }
      : {}),
    commit: input.commit,
    costsBefore: Object.fromEntries(applied.map((a) => [a.environment, a.monthlyCostUsd ?? 0])),
  });
  return {
    observed,
    desired,
    // A restore over a home's files is destructive: the plan says so, and binds it in its digest.
    // Where each restore to come is stored, and what it waits for (hours from a cold tier).
    plan: withRestoreSources(
      withRestoreRetries(
        withHomeOverwrites(
          withHeldBack(plan, heldBack(environmentKeys, isolation, observed)),
          homeOverwrites(isolation.repository, {
            ...(input.restoresDone ? { done: input.restoresDone } : {}),
            ...(deps.restorer ? { restorer: deps.restorer } : {}),
          }),
        ),
        // A retry is shown until its attempt is recorded (known only where the records are read).
        input.restoresDone
          ? restoreRetries(isolation.repository, {
              done: input.restoresDone,
              ...(input.restoresPrevious ? { previous: input.restoresPrevious } : {}),
            })
          : [],
      ),
      input.restoresDone && input.today
        ? restoreSources(isolation.repository, planned.resources, input.today, input.restoresDone)
        : [],
    ),
  };
}

/**
 * The package index for lock checks, or the finding that it is unusable (missing, unreadable,
 * not an index): that holds back every environment, since every lock is checked against it.
 */
async function indexOrProblem(
  input: ReconcileInput,
  repository: Repository,
): Promise<{ data: PackageIndexData | undefined } | { problem: Diagnostic }> {
  try {
    return { data: await input.index(repository) };
  } catch (e) {
    if (!(e instanceof LabenvError) || e.code !== "config") throw e;
    return {
      problem: {
        file: embeddedIndexPath(repository) ?? repository.config?.file ?? "labenv.yaml",
        line: 1,
        column: 1,
        severity: "error",
        code: "package-index",
        message: e.message,
        ...(e.hint ? { hint: e.hint } : {}),
      },
    };
  }
}

/** `plan.maxDeletes` as this commit says (default 5). */
function commitCap(repository: Repository): number {
  return repository.config?.doc.spec.plan?.maxDeletes ?? 5;
}

/**
 * The deletion cap is read from the base — the last applied commit — so a
 * commit cannot raise its own cap: the lower of the two holds. A raise takes
 * effect once it was applied on its own.
 */
function deleteCap(
  repository: Repository,
  runs: readonly RunRecord[],
): { maxDeletes: number; capFrom?: string } {
  const own = commitCap(repository);
  const last = lastAppliedRun(runs);
  if (last?.maxDeletes === undefined || last.maxDeletes >= own) return { maxDeletes: own };
  return {
    maxDeletes: last.maxDeletes,
    capFrom: `as last applied at ${last.commit.slice(0, 12)}: a commit cannot raise its own cap to ${own}; merge the raise on its own first, then the deletions`,
  };
}

/** Observe, plan, apply and record, holding the lease. */
async function applyUnderLease(
  input: ReconcileInput,
  deps: ReconcileDeps,
  wanted: DesiredState,
  repository: Repository,
  diagnostics: Diagnostic[],
  startedAt: string,
  lease: HeldLease,
  isolation: Isolation,
  at: Date,
): Promise<ReconcileResult> {
  const runs = await deps.state.listRuns(RUNS_TO_SCAN);
  const older = await olderCommitRefusal(input.commit, runs, deps.isAncestor);
  if (older) {
    await deps.state.putRun({
      id: deps.runId,
      startedAt,
      finishedAt: deps.now().toISOString(),
      commit: input.commit,
      trigger: input.trigger,
      outcome: "refused",
      summary: {},
      error: { stage: "order", message: older },
    });
    return {
      outcome: "refused",
      stage: "order",
      reason: older,
      diagnostics,
      repository,
      applied: 0,
    };
  }
  const { observed, plan, desired } = await observeAndPlan(
    input,
    deps,
    wanted,
    repository,
    runs,
    isolation,
    at,
  );
  const base = { diagnostics, plan, repository, applied: 0 };
  const held = (environment: string) => isolation.heldBy(environment).length > 0;
  const fail = (stage: ReconcileStage, reason: string): ReconcileResult => ({
    ...base,
    outcome: "refused",
    stage,
    reason,
  });
  if (plan.blocked) return fail("plan", plan.blocked);
  if (input.expectDigest && input.expectDigest !== plan.digest) {
    return fail(
      "plan",
      `the plan changed since it was approved (expected ${input.expectDigest.slice(0, 19)}…, now ${plan.digest.slice(0, 19)}…): plan again`,
    );
  }
  const run: RunRecord = {
    id: deps.runId,
    startedAt,
    commit: input.commit,
    trigger: input.trigger,
    outcome: "running",
    summary: plan.summary,
    maxDeletes: commitCap(repository),
    ...(plan.heldBack ? { heldBack: plan.heldBack } : {}),
  };
  if (changingActions(plan).length === 0) {
    await recordApplied(deps.state, desired, observed, plan, [], input.commit, deps.now(), {
      held,
    });
    await deps.state.putRun({
      ...run,
      outcome: "no-changes",
      finishedAt: deps.now().toISOString(),
    });
    return { outcome: "no-changes", ...base };
  }
  await deps.state.putRun(run);
  const result = await applyPlan(plan, observed, deps.provider, deps.progress, lease.lost);
  // Each confirmed grant and revoke is history, kept even if the lease was lost meanwhile: the
  // next run sees the access point as it is and would never record it.
  for (const event of shareEventsOf(result.applied, deps.now(), input.commit, deps.runId))
    await deps.state.putShareEvent(event);
  // Without the lease, records are left to whoever holds it now (the next run observes the truth).
  if (!lease.lost())
    await recordApplied(
      deps.state,
      desired,
      observed,
      plan,
      result.applied,
      input.commit,
      deps.now(),
      { held, ...(result.failed ? { failedEnvironment: result.failed.action.environment } : {}) },
    );
  // A failed image build fails only its environment, which keeps running as it was.
  const builds = (result.failedBuilds ?? []).map(
    (f) =>
      `${f.action.environment} was not applied (its task runs on unchanged): ${f.error.message}`,
  );
  if (result.failed) {
    const stage = result.failed.error.code === "lease" ? "lease" : "apply";
    // Each failure left out only what depends on it; everything else was applied.
    const failures = (result.failures ?? []).map((f) => {
      const doing = `${f.action.outcome} ${f.action.key} failed: `;
      return f.error.message.startsWith(doing) ? f.error.message : `${doing}${f.error.message}`;
    });
    const leftOut = result.leftOut?.length ?? 0;
    const reason = [
      ...(stage === "lease"
        ? [
            `${result.failed.error.message}: stopped before ${result.failed.action.outcome} ${result.failed.action.key}`,
          ]
        : []),
      ...failures,
      ...builds,
      ...(leftOut > 0
        ? [`${leftOut} dependent action${leftOut === 1 ? "" : "s"} left out (safe to run again)`]
        : []),
    ].join("; ");
    await deps.state.putRun({
      ...run,
      outcome: "failed",
      finishedAt: deps.now().toISOString(),
      error: { stage, message: reason },
    });
    return { ...base, outcome: "failed", stage, reason, applied: result.applied.length };
  }
  if (builds.length > 0) {
    const reason = builds.join("; ");
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
}

/** What each started succession recorded handing over (a predecessor's read access covers these). */
async function handedOverOf(state: ReconcileDeps["state"]): Promise<Map<string, string[]>> {
  return new Map((await state.listSuccessions()).map((r) => [r.succession, r.environments]));
}
