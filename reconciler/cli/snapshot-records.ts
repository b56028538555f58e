import { runGit } from "../adapters/git/run-git.js";
import { LabenvError } from "../core/errors.js";
import { PROPOSAL_WORDS } from "../core/proposals/propose-pull-request.js";
import { proposeRecords, type RecordProposal } from "../core/snapshots/propose-records.js";
import { readManifests } from "../core/snapshots/snapshot-list.js";
import type { RunContext } from "./context.js";
import { openGitHost } from "./drift-loop.js";

/**
 * After the capture: the pull requests committing each captured snapshot's record to git, or why
 * they were skipped (no git host). Undefined when git already holds every record.
 */
export async function recordsForContext(
  ctx: RunContext,
  now: () => Date,
): Promise<RecordProposal[] | { skipped: string } | undefined> {
  if (ctx.repository.snapshots.size === 0) return undefined;
  const manifests = (await readManifests(ctx.objects)).filter((m) =>
    ctx.repository.snapshots.has(m.id),
  );
  if (manifests.length === 0) return undefined;
  const base = ctx.config.git?.defaultBranch ?? "main";
  const git = ctx.config.git ?? {};
  if ((git.host ?? "local") === "local" && !(await hasBranch(ctx.dir, base)))
    return {
      skipped: `${ctx.dir} has no branch ${base} (not a git repository?): records are proposed once it is one`,
    };
  try {
    const host = openGitHost(ctx, now);
    const r = await proposeRecords(ctx.repository, manifests, base, host);
    return r.length > 0 ? r : undefined;
  } catch (e) {
    if (!(e instanceof LabenvError) || (e.code !== "git" && e.code !== "config")) throw e;
    return { skipped: `${e.message}${e.hint ? ` (${e.hint})` : ""}` };
  }
}

async function hasBranch(dir: string, branch: string): Promise<boolean> {
  try {
    await runGit(dir, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]);
    return true;
  } catch (e) {
    if (e instanceof LabenvError) return false;
    throw e;
  }
}

/** One line per captured snapshot whose record is not in git yet: the pull request committing it. */
export function renderRecords(r: RecordProposal[] | { skipped: string }): string {
  if ("skipped" in r) return `snapshot records: skipped — ${r.skipped}`;
  return [
    "snapshot records:",
    ...r.map(
      (p) =>
        `  ${p.outcome === "failed" ? "✖" : "·"} ${p.snapshot}: ${PROPOSAL_WORDS[p.outcome]}${p.number !== undefined ? ` #${p.number}` : ""} (${p.branch})${p.reason ? ` — ${p.reason}` : ""}`,
    ),
  ].join("\n");
}
