import type { Command } from "commander";
import { withCloneSnapshots } from "../../core/shares/clone-shares.js";
import { LabenvError } from "../../core/errors.js";
import { listSnapshots, optionalKeptHot } from "../../core/snapshots/snapshot-list.js";
import { prunedIds } from "../../core/snapshots/prune-record.js";
import { decideRetention, keptHotBy, observedTiersOf } from "../../core/snapshots/retention.js";
import { verifySnapshot, type VerifyReport } from "../../core/snapshots/verify.js";
import {
  latestVerification,
  recordVerification,
  type VerificationRecord,
} from "../../core/snapshots/verification.js";
import {
  capturedSnapshotIds,
  renderDueVerifications,
  verifyDueSnapshots,
} from "../../core/snapshots/verify-due.js";
import {
  DEFAULT_VERIFY_EVERY_DAYS,
  DEFAULT_VERIFY_MAX_PER_RUN,
  VERIFY_BUDGET_MS,
} from "../../core/snapshots/verify-schedule.js";
import { slotOf } from "../../core/snapshots/schedule.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { exportRoCrate, parseSnapshotRef, readManifest } from "../snapshot-manifest.js";
import { captureForContext, openSnapshotSources, renderCapture } from "../snapshot-sources.js";

type Opts = { repo: string; json?: boolean };

/** `labenv snapshot list | show | verify | capture`. */
export function registerSnapshot(program: Command, io: CliIO): void {
  const snapshot = program
    .command("snapshot")
    .description("snapshots: what was captured, its manifest, proof of every checksum");
  snapshot
    .command("list")
    .description("every snapshot: captured, requested (and why it waits) or failed")
    .argument("[environment]", "only this lab/env")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (environment: string | undefined, o: Opts) => {
      const ctx = openContext(o.repo, io.now);
      const observed = await ctx.provider.observe();
      const rows = (
        await listSnapshots(
          // A clone share's snapshot is listed as its share's, while the share is in git.
          withCloneSnapshots(ctx.repository),
          observed.resources,
          ctx.objects,
          io.today(),
        )
      ).filter((r) => !environment || r.id.startsWith(`${environment}/`));
      if (o.json) return io.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return io.out("no snapshots");
      for (const r of rows) {
        const keep = `${r.tier ? `  ${r.tier}` : ""}${r.keepUntil ? `  keep until ${r.keepUntil}` : ""}${r.legalHold ? "  legal hold" : ""}`;
        io.out(
          r.state === "captured" || r.state === "kept" || r.state === "scheduled"
            ? `${r.state.padEnd(9)} ${r.id}  ${r.capturedAt}  ${r.files} files, ${r.bytes} bytes  ${r.digest!.slice(0, 19)}…${keep}${r.state === "kept" ? "  (its document left git; the data is kept)" : ""}${r.state === "scheduled" ? "  (kept by its keep policy)" : ""}`
            : `${r.state.padEnd(9)} ${r.id}: ${r.reason}${keep}`,
        );
      }
    });
  snapshot
    .command("show")
    .description("a snapshot's manifest: lock, image, volume snapshot, recovery point, every file")
    .argument("<snapshot>", "lab/env/name")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print the manifest as JSON")
    .action(async (id: string, o: Opts) => {
      const ctx = openContext(o.repo, io.now);
      const m = await readManifest(ctx.objects, id);
      if (o.json) return io.out(JSON.stringify(m, null, 2));
      io.out(
        `snapshot ${m.id} — captured ${m.capturedAt} at ${m.commit.slice(0, 12)} (${m.provider})`,
      );
      io.out(`  requested by ${m.request.requestedBy}: ${m.request.reason}`);
      io.out(`  lock         ${m.lock.file} ${m.lock.digest} (${m.lock.domainPack})`);
      if (m.image) io.out(`  image        ${m.image}`);
      if (m.volume) io.out(`  /opt/jupyter EBS snapshot ${m.volume.snapshotId}`);
      if (m.observation)
        io.out(
          `  observation  ${m.observation.packages} packages, observed ${m.observation.observedAt}`,
        );
      if (m.home) {
        io.out(`  home         ${m.home.path} in ${m.home.recoveryPointArn}`);
        io.out(`               ${m.home.fileCount} files, ${m.home.totalBytes} bytes`);
        for (const f of m.home.files.slice(0, 20))
          io.out(
            `               ${f.sha256.slice(0, 12)}  ${String(f.size).padStart(10)}  ${f.path}`,
          );
        if (m.home.files.length > 20)
          io.out(`               … and ${m.home.files.length - 20} more (--json lists all)`);
      }
      // Where AWS holds each part, when the provider reports it; labenv's schedule otherwise.
      const observed = (await ctx.provider.observe()).resources;
      const r = decideRetention(m.capturedAt, m.request.retention, io.today(), {
        ...optionalKeptHot(keptHotBy(ctx.repository, m.id)),
        parts: { volume: m.volume !== undefined, home: m.home !== undefined },
        observed: observedTiersOf(observed, m.id),
      });
      io.out(
        `  retention    ${r.tier} now (${r.tierFrom === "provider" ? "as AWS reports it" : "by labenv's schedule: the provider reports no storage tier for it"}); ${r.why}`,
      );
      io.out(`               ${r.tierWhy}`);
      io.out(`               a restore from here waits for ${r.restoreWait}`);
      // When it was last proved intact, and what was found: a failure is never shown as a pass.
      const v = await latestVerification(ctx.objects, m.id);
      if (!v) io.out("  verified     never (labenv snapshot verify, or the drift schedule)");
      else if ("problem" in v) io.out(`  verified     unreadable record: ${v.problem}`);
      else {
        const rec = v.record;
        io.out(
          rec.ok
            ? `  verified     ✓ ${rec.verifiedAt} by ${rec.by}: ${rec.checked.objects} objects and ${rec.checked.files} files match their checksums`
            : `  verified     ✖ FAILED ${rec.verifiedAt} by ${rec.by}: ${rec.findings.length} ${rec.findings.length === 1 ? "problem" : "problems"} (nothing was deleted or rewritten)`,
        );
        for (const f of rec.findings.slice(0, 20))
          io.out(
            `               ${f.object}: ${f.problem}${f.expected ? `, expected ${f.expected}` : ""}${f.actual ? `, found ${f.actual}` : ""}`,
          );
      }
    });
  snapshot
    .command("verify")
    .description(
      "re-read the manifest and every object and file it names; prove each checksum and keep the result (exit 1 on any finding)",
    )
    .argument("[snapshots...]", "lab/env/name (default: every captured snapshot)")
    .option(
      "--due",
      "only what the schedule verifies now: each snapshot at most once per snapshots.verifyEveryDays, oldest verification first, bounded as a drift run is",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (ids: string[], o: Opts & { due?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      if (o.due) {
        if (ids.length > 0)
          throw new LabenvError("usage", "--due chooses the snapshots itself: name none", {
            hint: "labenv snapshot verify --due, or labenv snapshot verify <lab/env/name>",
          });
        const config = ctx.repository.config?.doc.spec.snapshots;
        const result = await verifyDueSnapshots(
          { objects: ctx.objects, sources: () => openSnapshotSources(ctx, io.now) },
          {
            everyDays: config?.verifyEveryDays ?? DEFAULT_VERIFY_EVERY_DAYS,
            maxPerRun: config?.verifyMaxPerRun ?? DEFAULT_VERIFY_MAX_PER_RUN,
            deadline: new Date(io.now().getTime() + VERIFY_BUDGET_MS),
            now: io.now,
            by: "labenv snapshot verify --due",
          },
        );
        if (o.json) io.out(JSON.stringify(result, null, 2));
        else {
          for (const r of result.verified) io.out(renderVerify(r));
          for (const line of renderDueVerifications(result)) io.out(line);
        }
        if (result.failing.length > 0 || result.error) io.exit(1);
        return;
      }
      const sources = await openSnapshotSources(ctx, io.now);
      // A pruned scheduled snapshot's data is gone by decision, not lost: it is not proved.
      const pruned = await prunedIds(ctx.objects);
      for (const id of ids)
        if (pruned.has(id))
          throw new LabenvError("usage", `${id} was pruned by its keep policy: its data is gone`, {
            hint: "labenv snapshot list says when and why",
          });
      const all =
        ids.length > 0
          ? ids.map((id) => (parseSnapshotRef(id), id))
          : await capturedSnapshotIds(ctx.objects);
      const reports: VerificationRecord[] = [];
      // Each result is kept (verifications/<id>/), so "when was it last proved intact" has an answer.
      for (const id of all)
        reports.push(
          await recordVerification(
            ctx.objects,
            await verifySnapshot(id, { objects: ctx.objects, sources }),
            io.now(),
            "labenv snapshot verify",
          ),
        );
      if (o.json) io.out(JSON.stringify(reports, null, 2));
      else if (reports.length === 0) io.out("no captured snapshots to verify");
      else for (const r of reports) io.out(renderVerify(r));
      if (reports.some((r) => !r.ok)) io.exit(1);
    });
  snapshot
    .command("export")
    .description(
      "write a snapshot as an RO-Crate (ro-crate-metadata.json with its lock, manifest and observation) ready to deposit",
    )
    .argument("<snapshot>", "lab/env/name")
    .requiredOption("--ro-crate", "the format: an RO-Crate 1.1 directory (the only one)")
    .option("--out <dir>", "the directory to write (default: <env>-<name>-ro-crate)")
    .option(
      "--license <spdx>",
      "the crate's licence as an SPDX id (CC-BY-4.0): deposit services ask for one",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print what was written as JSON")
    .action(
      async (id: string, o: { out?: string; license?: string; repo: string; json?: boolean }) => {
        const ctx = openContext(o.repo, io.now);
        const written = await exportRoCrate(ctx, id, o, await openSnapshotSources(ctx, io.now));
        if (o.json) return io.out(JSON.stringify(written, null, 2));
        io.out(`✓ ${id} written as an RO-Crate to ${written.out}`);
        for (const f of written.files) io.out(`    ${f}`);
        if (!o.license)
          io.out(
            "  no licence given: deposit services (Zenodo, WorkflowHub) ask for one — --license CC-BY-4.0",
          );
      },
    );
  snapshot
    .command("capture")
    .description(
      "write the manifest of every snapshot whose parts are taken (what `labenv reconcile` ends with)",
    )
    .argument("[snapshots...]", "lab/env/name (default: all)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (ids: string[], o: Opts) => {
      const ctx = openContext(o.repo, io.now);
      for (const id of ids)
        if (!ctx.repository.snapshots.has(id) && !slotOf(id.split("/")[2] ?? ""))
          throw new LabenvError("usage", `there is no Snapshot document ${id}`, {
            hint: `known: ${[...ctx.repository.snapshots.keys()].sort().join(", ") || "none"}`,
          });
      const results = await captureForContext(ctx, io.now, ids.length > 0 ? ids : undefined);
      io.out(o.json ? JSON.stringify(results, null, 2) : renderCapture(results));
      if (results.some((r) => r.outcome === "failed")) io.exit(1);
    });
}

function renderVerify(r: VerifyReport): string {
  const head = `${r.ok ? "✓" : "✖"} ${r.id}: ${r.checked.objects} objects and ${r.checked.files} files (${r.checked.bytes} bytes) ${r.ok ? "match their checksums" : `checked, ${r.findings.length} ${r.findings.length === 1 ? "problem" : "problems"}`}`;
  const lines = r.findings.map(
    (f) =>
      `    ${f.object}: ${f.problem}${f.expected ? `, expected ${f.expected}` : ""}${f.actual ? `, found ${f.actual}` : ""}`,
  );
  return [head, ...lines].join("\n");
}
