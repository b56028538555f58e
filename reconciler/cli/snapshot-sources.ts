import { SandboxContainers } from "../adapters/sandbox/sandbox-observation.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { SandboxSnapshotSources } from "../adapters/sandbox/sandbox-snapshot-sources.js";
import { captureSnapshots, type CaptureResult } from "../core/snapshots/capture.js";
import { scheduledIdOf } from "../core/snapshots/prune-plan.js";
import { heldScheduledSnapshots } from "../core/snapshots/schedule.js";
import { LabenvError } from "../core/errors.js";
import type { SnapshotManifest } from "../core/snapshots/manifest.js";
import {
  completeRestores,
  restoredHomePhrase,
  type RestoreResult,
} from "../core/snapshots/restore.js";
import type { HomeRestorer, SnapshotSources } from "../ports/snapshot-sources.js";
import type { DrillRunner } from "../core/snapshots/drill.js";
import type { RunContext } from "./context.js";
import type { ObservedResource } from "../core/model/resources.js";
import { stateDirOf } from "./drift-loop.js";

/**
 * Where the provider of `ctx` keeps a snapshot's evidence: the sandbox's account, or AWS (its
 * APIs, the agents' reports and one-off tasks; `observed` is what the provider holds now, for
 * the steps that start a task or read what runs).
 */
export async function openSnapshotSources(
  ctx: RunContext,
  now: () => Date,
  observed: readonly ObservedResource[] = [],
): Promise<SnapshotSources & HomeRestorer & DrillRunner> {
  if (ctx.aws) {
    const { awsSnapshotSources } = await import("../lambda/aws-context.js");
    return awsSnapshotSources(ctx.aws, ctx.objects, observed, now);
  }
  if (!(ctx.provider instanceof SandboxProvider))
    throw new LabenvError("config", `snapshots need target: sandbox or aws in labenv.yaml`);
  const provider = ctx.provider;
  const containers = new SandboxContainers({
    stateDir: stateDirOf(ctx),
    account: () => provider.account(),
    repository: ctx.repository,
    objects: ctx.objects,
    now,
  });
  return new SandboxSnapshotSources(provider, containers, now);
}

/**
 * The capture pass over every Snapshot document and every scheduled snapshot the provider holds
 * parts of (or `only`), as `labenv reconcile` ends with it.
 */
export async function captureForContext(
  ctx: RunContext,
  now: () => Date,
  only?: readonly string[],
): Promise<CaptureResult[]> {
  const observed = await ctx.provider.observe();
  const sources = await openSnapshotSources(ctx, now, observed.resources);
  const parts = new Map<string, { packages: boolean; home: boolean }>();
  for (const o of observed.resources) {
    const id = scheduledIdOf(o);
    if (!id) continue;
    const p = parts.get(id) ?? { packages: false, home: false };
    parts.set(id, o.kind === "ebs-snapshot" ? { ...p, packages: true } : { ...p, home: true });
  }
  const scheduled = heldScheduledSnapshots(ctx.repository, parts);
  return captureSnapshots(
    {
      repository: {
        ...ctx.repository,
        snapshots: new Map([...ctx.repository.snapshots, ...scheduled]),
      },
      commit: ctx.commit,
      provider: ctx.provider.label,
      observed: observed.resources,
      ...(only ? { only } : {}),
    },
    { objects: ctx.objects, sources, now },
  );
}

/** One line per snapshot: what it is now. */
export function renderCapture(results: readonly CaptureResult[]): string {
  if (results.length === 0) return "snapshots: none requested";
  const lines = results.map((r) => {
    switch (r.outcome) {
      case "captured":
        return r.capturedNow
          ? `  ✓ captured   ${r.id}  manifest ${r.digest?.slice(0, 19)}…${changedNote(r.changedSinceBackup)}`
          : `  · captured   ${r.id}`;
      case "requested":
        return `  … requested  ${r.id}: ${r.reason}`;
      case "failed":
        return `  ✖ failed     ${r.id}: ${r.reason}`;
      case "capture":
        return `  … requested  ${r.id}`;
    }
  });
  return ["snapshots:", ...lines].join("\n");
}

/** The files a capture could not pin to the recovery point, named (the first few). */
function changedNote(changed: readonly string[] | undefined): string {
  if (!changed || changed.length === 0) return "";
  const shown = changed.slice(0, 3).join(", ");
  return `\n      ! ${changed.length} home file${changed.length === 1 ? "" : "s"} changed after the backup began (${shown}${changed.length > 3 ? ", …" : ""}): the manifest has their sums at the inventory; the recovery point may hold an earlier version, and a restore's check says which`;
}

type Manifests = ReadonlyMap<string, { manifest: SnapshotManifest; digest: string }>;

/** The restore step after capture: each restoring environment's home and packages, checked and measured. */
export async function restoreForContext(
  ctx: RunContext,
  now: () => Date,
  manifests: Manifests,
  startedAt: Date,
): Promise<RestoreResult[]> {
  if (![...ctx.repository.environments.values()].some((e) => e.doc.spec.restoreFrom)) return [];
  const sources = await openSnapshotSources(ctx, now);
  return completeRestores(
    { repository: ctx.repository, manifests, startedAt },
    { objects: ctx.objects, sources, restorer: sources, now },
  );
}

/** One line per restoring environment (and its differences, if any). */
export function renderRestores(results: readonly RestoreResult[]): string {
  const lines = results.flatMap((r) => {
    if (r.outcome !== "restored")
      return [
        `  ${r.outcome === "failed" ? "✖" : "…"} ${r.outcome.padEnd(9)} ${r.environment} from ${r.snapshot}: ${r.reason}`,
      ];
    const rec = r.record;
    const home = rec.home ? restoredHomePhrase(rec.home, { path: true }) : "";
    const attempt = (rec.attempt ?? 1) > 1 ? ` (attempt ${rec.attempt})` : "";
    const head = `  ${rec.ok ? "✓" : "✖"} restored  ${r.environment} from ${r.snapshot}${attempt}: ${rec.packages.matched}/${rec.packages.total} packages match${home}, in ${rec.seconds.toFixed(1)} s${r.now ? "" : " (earlier)"}`;
    const replaced = rec.home?.replaced ?? [];
    const left = rec.home?.left ?? 0;
    const damaged = (rec.home?.findings ?? []).some((f) => f.problem !== "unexpected");
    return [
      head,
      ...(damaged
        ? [
            "      not retried: restored files do not match the snapshot's manifest, and a retry restores the same recovery point (labenv snapshot verify says whether the snapshot itself is intact)",
          ]
        : []),
      ...(left > 0
        ? [
            `      ${left} restored file${left === 1 ? "" : "s"} stay in ${rec.home!.restoreDirectory}, which is kept`,
          ]
        : []),
      ...(rec.home?.keptAside && replaced.length === 0
        ? [
            `      overwrite: no file of the home was in the way of the snapshot's (nothing was replaced, nothing kept aside)`,
          ]
        : rec.home?.keptAside
          ? [
              `      overwrite: ${replaced.length} ${replaced.length === 1 ? "file" : "files"} of the home replaced by the snapshot's; the replaced versions are kept in ${rec.home.path}/${rec.home.keptAside}/ (nothing was deleted)`,
              ...replaced.slice(0, 10).map((f) => `        ${f.path} → ${f.keptAt}`),
              ...(replaced.length > 10 ? [`        … and ${replaced.length - 10} more`] : []),
            ]
          : []),
      ...rec.packages.differences.map((d) => `      ${d}`),
      ...(rec.home?.findings ?? []).map(
        (f) =>
          `      ${f.object}: ${f.problem}${f.expected ? `, expected ${f.expected}` : ""}${f.actual ? `, found ${f.actual}` : ""}`,
      ),
    ];
  });
  return ["restores:", ...lines].join("\n");
}
