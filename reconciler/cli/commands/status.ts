import type { Command } from "commander";
import { LabenvError } from "../../core/errors.js";
import type { ObservedResource } from "../../core/model/resources.js";
import { drillTimeSentence, latestDrill } from "../../core/snapshots/drill.js";
import { latestRestore, restoredHomePhrase } from "../../core/snapshots/restore.js";
import { latestVerification } from "../../core/snapshots/verification.js";
import { capturedSnapshotIds } from "../../core/snapshots/verify-due.js";
import type { CliIO } from "../io.js";
import { openContext } from "../context.js";
import { markAbandoned } from "../../core/reconcile/lease.js";

/** `labenv status [env]`: what runs, what was last applied from which commit, and the run history. */
export function registerStatus(program: Command, io: CliIO): void {
  program
    .command("status")
    .description("show what runs, what was last applied from which commit, and recent runs")
    .argument("[environment]", "lab/env (default: all)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--runs <n>", "how many recent runs to show", "10")
    .option("--json", "print as JSON")
    .action(async (env: string | undefined, o: { repo: string; runs: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const [observed, applied, recorded, lease] = await Promise.all([
        ctx.provider.observe(),
        ctx.state.listApplied(),
        ctx.state.listRuns(Number(o.runs) || 10),
        ctx.state.readLease(),
      ]);
      // A run still "running" without a live lease was killed or crashed: show it as abandoned.
      const runs = markAbandoned(recorded, lease, io.now());
      if (
        env &&
        !applied.some((a) => a.environment === env) &&
        !observed.resources.some((r) => r.environment === env)
      ) {
        throw new LabenvError("usage", `${env} has never been applied`, {
          hint: `applied: ${applied.map((a) => a.environment).join(", ") || "none yet (run labenv reconcile)"}`,
        });
      }
      const drills = new Map<string, Awaited<ReturnType<typeof latestDrill>>>();
      for (const a of applied.filter((x) => !env || x.environment === env))
        drills.set(a.environment, await latestDrill(ctx.objects, a.environment));
      // The last restore from a snapshot (`restoreFrom`), measured: what came back and how fast.
      const restores = new Map<string, Awaited<ReturnType<typeof latestRestore>>>();
      for (const a of applied.filter((x) => !env || x.environment === env))
        restores.set(a.environment, await latestRestore(ctx.objects, a.environment));
      // The last verify of each captured snapshot: a failed one is named here until proved again.
      const captured = await capturedSnapshotIds(ctx.objects);
      const verified = new Map<string, VerificationSummary>();
      for (const a of applied.filter((x) => !env || x.environment === env)) {
        const summary: VerificationSummary = {
          snapshots: 0,
          intact: 0,
          never: 0,
          failed: [],
          unreadable: [],
        };
        for (const id of captured.filter((c) => c.startsWith(`${a.environment}/`))) {
          summary.snapshots += 1;
          const v = await latestVerification(ctx.objects, id);
          if (!v) summary.never += 1;
          else if ("problem" in v) summary.unreadable.push({ id, problem: v.problem });
          else if (!v.record.ok)
            summary.failed.push({
              id,
              verifiedAt: v.record.verifiedAt,
              findings: v.record.findings.length,
            });
          else {
            summary.intact += 1;
            if (!summary.lastAt || v.record.verifiedAt > summary.lastAt)
              summary.lastAt = v.record.verifiedAt;
          }
        }
        verified.set(a.environment, summary);
      }
      const rows = applied
        .filter((a) => !env || a.environment === env)
        .map((a) => {
          const drill = drills.get(a.environment);
          const mine = observed.resources.filter((r) => r.environment === a.environment);
          const service = mine.find((r) => r.kind === "service") as
            ObservedResource<"service"> | undefined;
          const td = mine.find((r) => r.kind === "task-definition") as
            ObservedResource<"task-definition"> | undefined;
          return {
            environment: a.environment,
            running: service
              ? `${service.runningCount ?? 0}/${service.spec.desiredCount}`
              : "missing",
            // The image by digest: an environment's own build resolves to what was pushed.
            image:
              mine.find((r) => r.kind === "image-build" && r.key === td?.spec.image)?.id ??
              td?.spec.image ??
              "",
            commit: a.commit,
            appliedAt: a.appliedAt,
            lockDigest: a.lockDigest,
            snapshots: mine.filter((r) => r.kind === "ebs-snapshot").map((r) => r.id),
            monthlyCostUsd: a.monthlyCostUsd ?? null,
            // The last restore drill (`labenv drill`): a backup nobody restored is a hope.
            lastDrill: !drill
              ? null
              : "problem" in drill
                ? { problem: drill.problem }
                : {
                    at: drill.record.startedAt,
                    snapshot: drill.record.snapshot,
                    ok: drill.record.ok,
                    // A partial drill (a step not drilled on this provider) is never a full pass.
                    complete: drill.record.complete,
                    notDrilled: drill.record.steps.filter((s) => s.notDrilled).map((s) => s.step),
                    seconds: drill.record.seconds,
                    // What those seconds are made of (the task, restore job, check task, checks).
                    time: drill.record.time ?? null,
                  },
            snapshotVerification: verified.get(a.environment)!,
            lastRestore: restoreRow(restores.get(a.environment)),
          };
        });
      // What the last finished reconcile held back (left as it runs, or not created) and why.
      const last = runs.find((r) => r.outcome === "succeeded" || r.outcome === "no-changes");
      const heldBack = (last?.heldBack ?? []).filter((h) => !env || h.environment === env);
      if (o.json)
        return io.out(
          JSON.stringify(
            {
              provider: ctx.provider.label,
              environments: rows,
              heldBack: last
                ? { runId: last.id, commit: last.commit, environments: heldBack }
                : null,
              runs,
            },
            null,
            2,
          ),
        );
      io.out(`provider: ${ctx.provider.label}`);
      for (const r of rows) {
        io.out(
          `${r.environment.padEnd(40)} tasks ${r.running.padEnd(8)} applied ${r.commit.slice(0, 12)} at ${r.appliedAt}`,
        );
        io.out(
          `${"".padEnd(40)} image ${r.image.replace(/@sha256:([a-f0-9]{12})[a-f0-9]+/, "@sha256:$1…")}  lock ${r.lockDigest.slice(7, 19)}…  snapshots ${r.snapshots.length}`,
        );
        io.out(
          `${"".padEnd(40)} last drill ${
            !r.lastDrill
              ? "never (labenv drill)"
              : "problem" in r.lastDrill
                ? `unreadable: ${r.lastDrill.problem}`
                : `${!r.lastDrill.ok ? "✖ FAILED" : r.lastDrill.complete ? "✓" : `◐ partly (${r.lastDrill.notDrilled.join(", ")} not drilled)`} ${r.lastDrill.at} from ${r.lastDrill.snapshot} in ${drillTimeSentence({ seconds: r.lastDrill.seconds, ...(r.lastDrill.time ? { time: r.lastDrill.time } : {}) })}`
          }`,
        );
        const rr = r.lastRestore;
        const restoredHome = restores.get(r.environment)?.home;
        const attempt = rr && rr.attempt > 1 ? ` (attempt ${rr.attempt})` : "";
        if (rr?.failure)
          io.out(
            `${"".padEnd(40)} restore ✖ FAILED${attempt} ${rr.finishedAt} from ${rr.snapshot}: ${rr.failure.reason} (${rr.failure.mendable ? `raise restoreFrom.attempt to ${rr.attempt + 1} to retry` : "a retry cannot mend this"})`,
          );
        else if (rr)
          io.out(
            `${"".padEnd(40)} restored ${rr.ok ? "✓" : "✖"}${attempt} ${rr.finishedAt} from ${rr.snapshot}: ${rr.packages} packages match${restoredHome ? restoredHomePhrase(restoredHome) : ""}, in ${rr.seconds.toFixed(1)} s${rr.keptAside ? (rr.replaced ? `; overwrite: ${rr.replaced} replaced, the replaced versions kept in ${rr.keptAside}/` : "; overwrite: nothing was replaced") : ""}`,
          );
        const v = r.snapshotVerification;
        if (v.snapshots > 0)
          io.out(
            `${"".padEnd(40)} verified ${v.intact}/${v.snapshots} snapshots intact${v.lastAt ? ` (last ${v.lastAt})` : ""}${v.never > 0 ? `, ${v.never} never verified` : ""}`,
          );
        for (const f of v.failed)
          io.out(
            `${"".padEnd(40)} ✖ FAILED verification ${f.id} at ${f.verifiedAt}: ${f.findings} ${f.findings === 1 ? "problem" : "problems"} (labenv snapshot show ${f.id})`,
          );
        for (const u of v.unreadable)
          io.out(`${"".padEnd(40)} ✖ verification of ${u.id} unreadable: ${u.problem}`);
      }
      if (last && heldBack.length > 0) {
        io.out(
          `\nheld back by the last reconcile (${last.commit.slice(0, 12)} at ${last.startedAt}): fix the findings, the next reconcile applies them`,
        );
        for (const h of heldBack)
          io.out(
            `  ✖ ${h.environment} (${h.kept > 0 ? "left as it runs" : "not created"}): ${h.reasons[0]}${h.findings > 1 ? ` (+${h.findings - 1} more)` : ""}`,
          );
      }
      io.out("\nrecent runs:");
      for (const r of runs) {
        io.out(
          `  ${r.startedAt}  ${r.outcome.padEnd(10)} ${r.commit.slice(0, 12)}  ${r.trigger}${r.error ? `  ${r.error.stage}: ${r.error.message}` : ""}`,
        );
      }
    });
}

/** An environment's captured snapshots by their last verify. */
interface VerificationSummary {
  snapshots: number;
  intact: number;
  never: number;
  failed: { id: string; verifiedAt: string; findings: number }[];
  unreadable: { id: string; problem: string }[];
  /** The newest passing verify. */
  lastAt?: string;
}

/** The row `labenv status` shows for an environment's last restore. */
function restoreRow(r: Awaited<ReturnType<typeof latestRestore>>) {
  if (!r) return null;
  return {
    snapshot: r.snapshot,
    attempt: r.attempt ?? 1,
    ...(r.failure ? { failure: r.failure } : {}),
    ok: r.ok,
    finishedAt: r.finishedAt,
    seconds: r.seconds,
    packages: `${r.packages.matched}/${r.packages.total}`,
    ...(r.home ? { home: `${r.home.identical}/${r.home.files}`, placed: r.home.placed } : {}),
    // restoreFrom.overwrite: how many of the home's files were replaced, and where they are kept.
    ...(r.home?.keptAside
      ? { replaced: r.home.replaced?.length ?? 0, keptAside: `${r.home.path}/${r.home.keptAside}` }
      : {}),
  };
}
