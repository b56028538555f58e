import { emptyHomeSentence } from "../core/snapshots/home-inventory.js";
import { restoreShareCopies, type ShareCopyResult } from "../core/shares/snapshot-share-copies.js";
import type { RunContext } from "./context.js";
import { openSnapshotSources } from "./snapshot-sources.js";

/**
 * After the capture: each read-only share of a snapshot gets its copy, restored once from the
 * snapshot's recovery point into the share's own directory and checked file by file (on AWS
 * across runs: the restore job, then the move task). The next reconcile grants it.
 */
export async function shareCopiesForContext(
  ctx: RunContext,
  now: () => Date,
  today: string,
): Promise<ShareCopyResult[]> {
  return restoreShareCopies(
    { repository: ctx.repository, today },
    { objects: ctx.objects, restorer: await openSnapshotSources(ctx, now), now },
  );
}

/** One line per share of a snapshot: its copy, or why there is none yet. */
export function renderShareCopies(results: readonly ShareCopyResult[]): string {
  return [
    "share copies:",
    ...results.flatMap((r) => {
      if (r.outcome !== "restored")
        return [
          `  ${r.outcome === "failed" ? "✖" : "…"} ${r.share} from ${r.snapshot}: ${r.reason}`,
        ];
      const c = r.record;
      const copied =
        c.files === 0
          ? emptyHomeSentence(`${c.path} is empty`)
          : `${c.identical}/${c.files} files identical in ${c.path}`;
      return [
        `  ${c.ok ? "✓" : "✖"} ${r.share} from ${r.snapshot}: ${copied}${r.now ? "" : " (earlier)"}${c.ok ? "" : " — not granted"}`,
        ...c.findings.map(
          (f) =>
            `      ${f.object}: ${f.problem}${f.expected ? `, expected ${f.expected}` : ""}${f.actual ? `, found ${f.actual}` : ""}`,
        ),
      ];
    }),
  ].join("\n");
}
