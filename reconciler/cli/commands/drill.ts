import type { Command } from "commander";
import { LabenvError } from "../../core/errors.js";
import {
  drillTimeSentence,
  runDrill,
  type DrillPending,
  type DrillRecord,
  type DrillRunner,
} from "../../core/snapshots/drill.js";
import { newestManifests } from "../../core/snapshots/snapshot-list.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { openSnapshotSources } from "../snapshot-sources.js";
import type { RunContext } from "../context.js";

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
    .option(
      "--wait <minutes>",
      "on AWS: how long to wait for each drill task before a later run goes on",
      "10",
    )
    .action(async (only: string | undefined, o: { repo: string; json?: boolean; wait: string }) => {
      const ctx = openContext(o.repo, io.now);
      if (only !== undefined && !ctx.repository.environments.has(only))
        throw new LabenvError("usage", `there is no environment ${only}`, {
          hint: "name it lab/env, as labenv status lists them",
        });
      const wait = Number(o.wait);
      if (!Number.isFinite(wait) || wait < 0 || wait > 60)
        throw new LabenvError("usage", `--wait ${o.wait} is not a number of minutes from 0 to 60`);
      const sources = await openSnapshotSources(ctx, io.now);
      const runner = await drillRunnerOf(ctx, sources, io.now, wait * 60_000);
      const newest = await newestManifests(ctx.objects, only);
      const records: DrillRecord[] = [];
      const pending: DrillPending[] = [];
      const none: string[] = [];
      for (const env of [...ctx.repository.environments.keys()].sort()) {
        if (only !== undefined && env !== only) continue;
        const manifest = newest.get(env);
        if (!manifest) {
          none.push(env);
          continue;
        }
        const r = await runDrill(manifest, { objects: ctx.objects, sources, runner, now: io.now });
        if ("pending" in r) pending.push(r);
        else records.push(r);
      }
      if (o.json) io.out(JSON.stringify({ drills: records, pending, noSnapshot: none }, null, 2));
      else {
        for (const r of records) {
          io.out(
            `${r.ok ? "✓" : "✖"} ${r.environment} from ${r.snapshot}: ${!r.ok ? "FAILED" : r.complete ? "restored and identical" : `partly drilled (${notDrilled(r)} not drilled), identical`} in ${drillTimeSentence(r)}`,
          );
          for (const s of r.steps) {
            io.out(`    ${s.ok ? "✓" : s.notDrilled ? "·" : "✖"} ${s.step.padEnd(9)} ${s.detail}`);
            for (const d of s.differences ?? []) io.out(`        ${d}`);
          }
        }
        for (const p of pending) io.out(`… ${p.environment} from ${p.snapshot}: ${p.pending}`);
        if (none.length > 0)
          io.out(
            `· no captured snapshot to drill: ${none.join(", ")} (a Snapshot document captures one)`,
          );
        if (records.length === 0 && pending.length === 0 && none.length === 0)
          io.out("no environments");
      }
      if (records.some((r) => !r.ok)) io.exit(1);
    });
}

function notDrilled(r: DrillRecord): string {
  return r.steps
    .filter((s) => s.notDrilled)
    .map((s) => s.step)
    .join(", ");
}

/** The sandbox's drill runner, or on AWS the drill task runner over what the account holds. */
async function drillRunnerOf(
  ctx: RunContext,
  sandbox: DrillRunner,
  now: () => Date,
  waitMs: number,
): Promise<DrillRunner> {
  if (!ctx.aws) return sandbox;
  const { awsDrillRunner } = await import("../../lambda/aws-context.js");
  const observed = await ctx.provider.observe();
  return awsDrillRunner(ctx.aws, ctx.objects, observed.resources, now, { waitMs });
}
