import { SandboxContainers } from "../adapters/sandbox/sandbox-observation.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { SandboxSnapshotSources } from "../adapters/sandbox/sandbox-snapshot-sources.js";
import { captureSnapshots, type CaptureResult } from "../core/snapshots/capture.js";
import { LabenvError } from "../core/errors.js";
import type { SnapshotSources } from "../ports/snapshot-sources.js";
import type { RunContext } from "./context.js";
import { stateDirOf } from "./drift-loop.js";

/** Where the provider of `ctx` keeps a snapshot's evidence (the sandbox today; AWS is not built yet). */
export function openSnapshotSources(ctx: RunContext, now: () => Date): SnapshotSources {
  if (!(ctx.provider instanceof SandboxProvider))
    throw new LabenvError(
      "config",
      "snapshot manifests are built for target: sandbox only; on AWS the EBS snapshot and backup job are taken but no manifest is written yet",
      { hint: "see docs/snapshots.md, What is not built yet" },
    );
  const provider = ctx.provider;
  const containers = new SandboxContainers({
    stateDir: stateDirOf(ctx),
    account: () => provider.account(),
    repository: ctx.repository,
    objects: ctx.objects,
    now,
  });
  return new SandboxSnapshotSources(provider, containers);
}

/** The capture pass over every Snapshot document (or `only`), as `labenv reconcile` ends with it. */
export async function captureForContext(
  ctx: RunContext,
  now: () => Date,
  only?: readonly string[],
): Promise<CaptureResult[]> {
  const sources = openSnapshotSources(ctx, now);
  const observed = await ctx.provider.observe();
  return captureSnapshots(
    {
      repository: ctx.repository,
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
          ? `  ✓ captured   ${r.id}  manifest ${r.digest?.slice(0, 19)}…`
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
