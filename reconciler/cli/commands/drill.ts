import type { Command } from "commander";
import { LabenvError } from "../../core/errors.js";
import { runDrill, type DrillRecord } from "../../core/snapshots/drill.js";
import type { SnapshotManifest } from "../../core/snapshots/manifest.js";
import { readManifests } from "../../core/snapshots/snapshot-list.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { openSnapshotSources } from "../snapshot-sources.js";

/**
 * `labenv drill [lab/env]`: a restore drill of each environment's newest captured snapshot —
 * brought back away from everything that runs, checked package for package and file for file,
 * timed, torn down, and the result kept (`drills/<lab>/<env>/`).
 */
export function registerDrill(program: Command, io: CliIO): void {
  program
    .command("drill")
    .description(
      "restore each environment's newest snapshot into a throw-away container and scratch directory, check every package and file, keep the result (exit 1 on a failed drill)",
    )
    .argument("[environment]", "only this lab/env")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (only: string | undefined, o: { repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      if (only !== undefined && !ctx.repository.environments.has(only))
        throw new LabenvError("usage", `there is no environment ${only}`, {
          hint: "name it lab/env, as labenv status lists them",
        });
      const sources = await openSnapshotSources(ctx, io.now);
      // Each environment's newest captured snapshot, from the manifests themselves (read once).
      const newest = new Map<string, SnapshotManifest>();
      for (const m of await readManifests(ctx.objects, only)) {
        const env = m.id.split("/").slice(0, 2).join("/");
        const seen = newest.get(env);
        if (!seen || m.capturedAt > seen.capturedAt) newest.set(env, m);
      }
      const records: DrillRecord[] = [];
      const none: string[] = [];
      for (const env of [...ctx.repository.environments.keys()].sort()) {
        if (only !== undefined && env !== only) continue;
        const manifest = newest.get(env);
        if (!manifest) {
          none.push(env);
          continue;
        }
        records.push(
          await runDrill(manifest, { objects: ctx.objects, sources, runner: sources, now: io.now }),
        );
      }
      if (o.json) io.out(JSON.stringify({ drills: records, noSnapshot: none }, null, 2));
      else {
        for (const r of records) {
          io.out(
            `${r.ok ? "✓" : "✖"} ${r.environment} from ${r.snapshot}: ${r.ok ? "restored and identical" : "FAILED"} in ${r.seconds} s`,
          );
          for (const s of r.steps) {
            io.out(`    ${s.ok ? "✓" : "✖"} ${s.step.padEnd(9)} ${s.detail}`);
            for (const d of s.differences ?? []) io.out(`        ${d}`);
          }
        }
        if (none.length > 0)
          io.out(
            `· no captured snapshot to drill: ${none.join(", ")} (a Snapshot document captures one)`,
          );
        if (records.length === 0 && none.length === 0) io.out("no environments");
      }
      if (records.some((r) => !r.ok)) io.exit(1);
    });
}
