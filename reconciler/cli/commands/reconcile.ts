import { remoteIndexForChecks } from "../../adapters/package-index/open-index.js";
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { LabenvError } from "../../core/errors.js";
import type { Plan } from "../../core/model/plan.js";
import { reconcile, type ReconcileResult } from "../../core/reconcile/reconcile.js";
import type { CliIO } from "../io.js";
import { gitIsAncestor } from "../../adapters/git/is-ancestor.js";
import { holderIsDeadOnThisHost } from "../lease-holder.js";
import { openContext, type RunContext } from "../context.js";
import { runDriftAfterReconcile } from "../drift-loop.js";
import { renderDriftRun } from "../../core/drift/render-drift-run.js";
import type { DriftRunResult } from "../../core/drift/run-drift.js";
import { renderDiagnostics } from "../render/diagnostics.js";
import { renderPlan } from "../render/plan.js";
import { SandboxProvider } from "../../adapters/sandbox/sandbox-provider.js";
import type { CaptureResult } from "../../core/snapshots/capture.js";
import { recordPrunes, type PruneRecord } from "../../core/snapshots/prune-record.js";
import {
  lockManifests,
  renderManifestLocks,
  type ManifestLocks,
} from "../../core/snapshots/lock-manifests.js";
import { slotOf } from "../../core/snapshots/schedule.js";
import { passedVerifications } from "../../core/snapshots/verification.js";
import {
  captureForContext,
  openSnapshotSources,
  renderCapture,
  renderRestores,
  restoreForContext,
} from "../snapshot-sources.js";
import {
  doneRestores,
  previousAttempts,
  manifestsFor,
  restorePinsFor,
  unstartableRestores,
  type RestoreResult,
} from "../../core/snapshots/restore.js";
import type { SuccessionStatus } from "../../core/successions/run-successions.js";
import { renderSuccessions, successionsForContext } from "../succession-run.js";
import type { RenewalProposal } from "../../core/shares/propose-renewals.js";
import { renderRenewals, renewalsForContext } from "../share-renewals.js";
import { publishDashboard, type PublishResult } from "../publish-dashboard.js";
import { withCloneSnapshots } from "../../core/shares/clone-shares.js";
import { recordsForContext, renderRecords } from "../snapshot-records.js";
import { renderShareCopies, shareCopiesForContext } from "../share-copies.js";
import { readShareCopies, type ShareCopyResult } from "../../core/shares/snapshot-share-copies.js";
import type { RecordProposal } from "../../core/snapshots/propose-records.js";

type Mode = "plan" | "apply" | "reconcile";

/** `labenv plan`, `labenv apply` and `labenv reconcile`: one runbook, stopping at different stages. */
export function registerReconcile(program: Command, io: CliIO): void {
  for (const mode of ["plan", "apply", "reconcile"] as Mode[]) {
    const c = program
      .command(mode)
      .option("--repo <dir>", "repository directory", ".")
      .option("--json", "print the result as JSON")
      .option("-v, --verbose", "list unchanged resources too");
    if (mode === "plan")
      c.description(
        "show what would change and why, with the monthly cost delta; changes nothing",
      ).option("--out <file>", "save the plan, to apply exactly it later");
    if (mode === "apply")
      c.description(
        "apply the plan (or exactly a saved plan with --plan): running it again changes nothing",
      ).option(
        "--plan <file>",
        "a plan saved by `labenv plan --out`; refuse if what would be applied differs",
      );
    if (mode === "reconcile")
      c.description(
        "the full loop: load, validate, lock check, desire, observe, plan, apply, record",
      );
    c.action(
      async (o: {
        repo: string;
        json?: boolean;
        verbose?: boolean;
        out?: string;
        plan?: string;
      }) => {
        const ctx = openContext(o.repo, io.now);
        const startedAt = io.now();
        // Environments restored from a snapshot run its image and volume (read from its manifest).
        const manifests = await manifestsFor(ctx.repository, ctx.objects);
        const restorePins = restorePinsFor(ctx.repository, manifests);
        // Read-only shares of a snapshot open the copies restored for them.
        const shareCopies = await readShareCopies(ctx.objects);
        const expectDigest = o.plan ? readPlanDigest(o.plan) : undefined;
        // Each environment's last verified scheduled snapshot is never pruned.
        const verified = await passedVerifications(ctx.objects, (id) =>
          Boolean(slotOf(id.split("/")[2] ?? "")),
        );
        if (!o.json)
          io.err(`labenv ${mode}: ${ctx.provider.label}, commit ${ctx.commit.slice(0, 12)}`);
        const result = await reconcile(
          {
            files: ctx.files,
            commit: ctx.commit,
            today: io.today(),
            // Before applying, a remote index is asked for every locked release; a plan stays offline.
            index: async (repository) =>
              mode === "plan"
                ? ctx.checkIndex
                : ((await remoteIndexForChecks(repository)) ?? ctx.checkIndex),
            mode: mode === "plan" ? "plan" : "apply",
            trigger: `cli ${mode}`,
            snapshots: { verified },
            restoresDone: await doneRestores(ctx.objects, ctx.repository),
            restoresPrevious: await previousAttempts(ctx.objects, ctx.repository),
            ...(restorePins.size > 0 || shareCopies.size > 0
              ? {
                  runtime: {
                    ...(restorePins.size > 0 ? { restorePins } : {}),
                    ...(shareCopies.size > 0 ? { shareCopies } : {}),
                  },
                }
              : {}),
            ...(expectDigest ? { expectDigest } : {}),
          },
          {
            provider: ctx.provider,
            state: ctx.state,
            check: ctx.check,
            now: io.now,
            runId: ctx.runId,
            owner: ctx.owner,
            isAncestor: gitIsAncestor(ctx.dir),
            holderIsDead: holderIsDeadOnThisHost,
            // The plan says whether this provider's restorer can restore over a home (restoreFrom.overwrite).
            ...(ctx.provider instanceof SandboxProvider || ctx.aws
              ? { restorer: await openSnapshotSources(ctx, io.now) }
              : {}),
            progress: o.json
              ? undefined
              : ({ action, index, total, error }) =>
                  io.err(
                    `  [${index + 1}/${total}] ${error ? "✖" : "✓"} ${action.outcome} ${action.key}${error ? `: ${error.message}` : ""}`,
                  ),
          },
        );
        if (o.out && result.plan) writeFileSync(o.out, `${JSON.stringify(result.plan, null, 2)}\n`);
        // Scheduled snapshots whose parts the plan pruned are recorded as pruned (their manifest stays).
        const prunes =
          mode !== "plan" && result.plan && result.applied > 0
            ? await recordPrunes(
                ctx.objects,
                result.plan.stages.flatMap((s) => s.actions),
                (await ctx.provider.observe()).resources,
                io.now(),
              )
            : [];
        // Then snapshots whose parts were taken get their manifest (objects first, manifest last).
        const snapshots =
          mode !== "plan" &&
          (ctx.provider instanceof SandboxProvider || ctx.aws) &&
          (result.outcome === "applied" || result.outcome === "no-changes")
            ? // Clone shares' snapshots are captured like Snapshot documents.
              await captureForContext(
                // (ctx's index getters are not read: an unusable index must not stop capture)
                Object.assign(Object.create(ctx) as RunContext, {
                  repository: withCloneSnapshots(ctx.repository, io.today()),
                }),
                io.now,
              )
            : undefined;
        // Manifests are locked as their retention asks (S3 Object Lock; a plan only says what it would do).
        const locks =
          result.outcome !== "refused" || mode === "plan"
            ? await manifestLockStep(ctx, io.today(), mode !== "plan")
            : undefined;
        // Captured snapshots' records go to git through labenv's own pull request (manifest first).
        const records = snapshots ? await recordsForContext(ctx, io.now) : undefined;
        // Shares of a captured snapshot get their copy (the next reconcile grants it).
        const copies =
          snapshots && [...ctx.repository.shares.values()].some((s) => s.doc.spec.snapshot)
            ? await shareCopiesForContext(ctx, io.now, io.today())
            : undefined;
        const restores = snapshots
          ? await restoreForContext(ctx, io.now, manifests, startedAt)
          : mode === "plan"
            ? unstartableRestores(ctx.repository, manifests)
            : undefined;
        // Due successions go on from their last recorded step (their snapshots were taken above).
        const successions =
          mode !== "plan" &&
          (result.outcome === "applied" || result.outcome === "no-changes") &&
          ctx.repository.successions.size > 0
            ? await successionsForContext(ctx, io.now, io.today())
            : undefined;
        // Shares ending within a week get a pull request proposing renewal (found by its branch).
        const renewals =
          mode !== "plan" && (result.outcome === "applied" || result.outcome === "no-changes")
            ? await renewalsForContext(ctx, io.now, io.today())
            : undefined;
        // The loop ends with drift: what runs is compared with the locks and each environment's policy applied.
        const drift =
          mode === "reconcile" && (result.outcome === "applied" || result.outcome === "no-changes")
            ? await driftStep(ctx, io)
            : undefined;
        // Last, the dashboard shows what this run left (labenv.yaml `dashboard.publish`).
        const dashboard =
          mode === "reconcile" &&
          ctx.config.dashboard?.publish &&
          (result.outcome === "applied" || result.outcome === "no-changes")
            ? await dashboardStep(ctx, io.now())
            : undefined;
        report(io, mode, result, o, {
          drift,
          snapshots,
          prunes,
          records,
          restores,
          copies,
          successions,
          renewals,
          dashboard,
          locks,
        });
      },
    );
  }
}

/** The drift result, or why drift was skipped (it needs a git host: a git repository, or GitHub with a token). */
async function driftStep(ctx: RunContext, io: CliIO): Promise<unknown> {
  try {
    return await runDriftAfterReconcile(ctx, io, { json: true });
  } catch (e) {
    if (!(e instanceof LabenvError) || (e.code !== "git" && e.code !== "config")) throw e;
    return { skipped: `${e.message}${e.hint ? ` (${e.hint})` : ""}` };
  }
}

/** Manifest locks, or why they could not be read (a run's changes stand either way). */
async function manifestLockStep(
  ctx: RunContext,
  today: string,
  apply: boolean,
): Promise<ManifestLocks | { failed: string } | undefined> {
  try {
    return await lockManifests(ctx.objects, ctx.repository, today, { apply });
  } catch (e) {
    return { failed: (e as Error).message };
  }
}

/** The published sites, or why publishing failed: the run's changes stand either way. */
async function dashboardStep(
  ctx: RunContext,
  now: Date,
): Promise<PublishResult | { failed: string }> {
  try {
    return await publishDashboard(ctx, now);
  } catch (e) {
    return { failed: (e as Error).message };
  }
}

function readPlanDigest(file: string): string {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as Plan).digest;
  } catch (e) {
    throw new LabenvError("usage", `${file} is not a plan saved by \`labenv plan --out\``, {
      cause: e,
    });
  }
}

function report(
  io: CliIO,
  mode: Mode,
  r: ReconcileResult,
  o: { json?: boolean; verbose?: boolean },
  after: {
    drift?: unknown;
    snapshots?: CaptureResult[] | undefined;
    prunes?: PruneRecord[];
    records?: RecordProposal[] | { skipped: string } | undefined;
    restores?: RestoreResult[] | undefined;
    copies?: ShareCopyResult[] | undefined;
    successions?: SuccessionStatus[] | undefined;
    renewals?: RenewalProposal[] | { skipped: string } | undefined;
    dashboard?: PublishResult | { failed: string } | undefined;
    locks?: ManifestLocks | { failed: string } | undefined;
  },
): void {
  const {
    drift,
    snapshots,
    prunes,
    records,
    restores,
    copies,
    successions,
    renewals,
    dashboard,
    locks,
  } = after;
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          outcome: r.outcome,
          stage: r.stage,
          reason: r.reason,
          applied: r.applied,
          plan: r.plan,
          diagnostics: r.diagnostics,
          ...(r.idle?.some((i) => i.action === "park" || i.action === "parked")
            ? { idle: r.idle.filter((i) => i.action === "park" || i.action === "parked") }
            : {}),
          ...(snapshots ? { snapshots } : {}),
          ...(prunes && prunes.length > 0 ? { prunes } : {}),
          ...(records ? { records } : {}),
          ...(restores && restores.length > 0 ? { restores } : {}),
          ...(copies && copies.length > 0 ? { shareCopies: copies } : {}),
          ...(successions ? { successions } : {}),
          ...(renewals ? { renewals } : {}),
          ...(drift ? { drift } : {}),
          ...(dashboard ? { dashboard } : {}),
          ...(locks ? { manifestLocks: locks } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    if (r.diagnostics.length > 0 && (r.outcome === "refused" || r.plan?.heldBack))
      io.out(renderDiagnostics(r.diagnostics));
    if (r.plan && (mode === "plan" || r.outcome !== "refused"))
      io.out(renderPlan(r.plan, { verbose: o.verbose ?? false }));
    const verdict: Record<ReconcileResult["outcome"], string> = {
      planned: "plan only: nothing was changed",
      "no-changes": "✓ no changes: everything matches git",
      applied: `✓ applied ${r.applied} changes`,
      refused: `✖ refused at ${r.stage}: ${r.reason}`,
      failed: `✖ failed at ${r.stage} after ${r.applied} changes: ${r.reason} (safe to run again: it converges)`,
    };
    for (const i of r.idle ?? [])
      if (i.action === "park" || i.action === "parked")
        io.out(
          `${i.action === "park" ? "⏸ parked" : "⏸ stays parked"} ${i.environment}: ${i.reason}${i.action === "park" ? "; opening its address starts it again" : ""}`,
        );
    io.out(verdict[r.outcome]);
    if (r.plan?.heldBack)
      io.out(
        `✖ held back ${r.plan.heldBack.length} ${r.plan.heldBack.length === 1 ? "environment" : "environments"} (${r.plan.heldBack.map((h) => h.environment).join(", ")}): fix the findings above; everything else ${mode === "plan" ? "is planned" : "was applied"}`,
      );
    if (snapshots && snapshots.length > 0) io.out(renderCapture(snapshots));
    if (prunes && prunes.length > 0)
      io.out(["pruned:", ...prunes.map((p) => `  ✓ pruned     ${p.id}: ${p.reason}`)].join("\n"));
    if (locks)
      io.out(
        "failed" in locks
          ? `manifest locks: ✖ ${locks.failed}`
          : renderManifestLocks(locks, mode !== "plan"),
      );
    if (records) io.out(renderRecords(records));
    if (restores && restores.length > 0) io.out(renderRestores(restores));
    if (copies && copies.length > 0) io.out(renderShareCopies(copies));
    if (successions) io.out(renderSuccessions(successions));
    if (renewals) io.out(renderRenewals(renewals));
    if (drift)
      io.out(
        (drift as { skipped?: string }).skipped
          ? `drift: skipped — ${(drift as { skipped: string }).skipped}`
          : renderDriftRun(drift as DriftRunResult),
      );
    if (dashboard) io.out(renderPublished(dashboard));
  }
  // Findings that hold back an environment are findings: exit 1, though the rest was applied.
  io.exit(
    r.outcome === "refused" ||
      r.outcome === "failed" ||
      r.plan?.heldBack ||
      snapshots?.some((s) => s.outcome === "failed") ||
      restores?.some((s) => s.outcome === "failed" || (s.outcome === "restored" && !s.record.ok)) ||
      successions?.some((s) => s.stage === "failed") ||
      (Array.isArray(renewals) && renewals.some((p) => p.outcome === "failed")) ||
      (Array.isArray(records) && records.some((p) => p.outcome === "failed"))
      ? 1
      : 0,
  );
}

function renderPublished(d: PublishResult | { failed: string }): string {
  if ("failed" in d) return `⚠ dashboard not published: ${d.failed} (the run's changes stand)`;
  const files = d.sites.reduce((n, s) => n + s.files, 0);
  return `✓ dashboard published for the fleet and ${d.sites.length - 1} labs: ${d.written} of ${files} files changed (object store, dashboard/)`;
}
