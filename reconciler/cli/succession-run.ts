import { join } from "node:path";
import { runGit } from "../adapters/git/run-git.js";
import { fileCache } from "../adapters/github/pull-request-cache.js";
import { gitHubPullRequests } from "../adapters/github/pull-requests.js";
import { commitOrigin, pullRequestNumber } from "../core/audit/commit-origin.js";
import { withApprovals } from "../core/successions/history-approvals.js";
import { LabenvError } from "../core/errors.js";
import {
  NO_SNAPSHOT_SOURCES,
  runSuccessions,
  statusOf,
  type SuccessionRunDeps,
  type SuccessionStatus,
} from "../core/successions/run-successions.js";
import type { HistoryLine } from "../core/successions/reproducing.js";
import type { GitHost } from "../ports/git-host.js";
import type { RunContext } from "./context.js";
import { openGitHost } from "./drift-loop.js";
import { openSnapshotSources } from "./snapshot-sources.js";

/** Carries out the due successions of the repository in `ctx` (after a reconcile applied). */
export async function successionsForContext(
  ctx: RunContext,
  now: () => Date,
  today: string,
): Promise<SuccessionStatus[]> {
  let gitHost: GitHost | undefined;
  try {
    gitHost = openGitHost(ctx, now);
  } catch (e) {
    if (!(e instanceof LabenvError) || (e.code !== "git" && e.code !== "config")) throw e;
  }
  const pullRequests = gitHubReviews(ctx);
  // What the provider holds now: the AWS sources start the inventory task from it.
  const observed = ctx.aws ? await ctx.provider.observe() : undefined;
  let sources: SuccessionRunDeps["sources"];
  try {
    sources = await openSnapshotSources(ctx, now, observed?.resources ?? []);
  } catch (e) {
    // Where no manifest can be built, the hand-over waits at its snapshot, saying why.
    if (!(e instanceof LabenvError) || e.code !== "config") throw e;
    sources = { unavailable: NO_SNAPSHOT_SOURCES };
  }
  return runSuccessions(
    {
      repository: ctx.repository,
      commit: ctx.commit,
      today,
      baseBranch: ctx.config.git?.defaultBranch ?? "main",
      provider: ctx.provider.label,
      run: ctx.runId,
    },
    {
      state: ctx.state,
      objects: ctx.objects,
      sources,
      observe: async () => observed ?? ctx.provider.observe(),
      ...(gitHost ? { gitHost } : {}),
      history: async (env) => {
        const lines = await gitHistory(ctx.dir, env);
        return lines && pullRequests ? withApprovals(lines, pullRequests) : lines;
      },
      approvalsRead: pullRequests !== undefined,
      now,
    },
  );
}

/** Where every succession stands, from the documents and the state store (changes nothing). */
export async function successionStatuses(
  ctx: RunContext,
  today: string,
): Promise<SuccessionStatus[]> {
  const records = new Map((await ctx.state.listSuccessions()).map((r) => [r.succession, r]));
  return [...ctx.repository.successions.values()]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((s) =>
      statusOf(
        s,
        records.get(`${s.doc.metadata.lab}/${s.doc.metadata.name}`),
        ctx.repository,
        today,
      ),
    );
}

/**
 * Who approved what, from GitHub: with labenv.yaml `git.host: github` and a token (GITHUB_TOKEN),
 * the reviews of each pull request in an environment's history are read (cached as the audit
 * caches them); otherwise approvals are not read and the hand-over package says so.
 */
function gitHubReviews(ctx: RunContext, env: NodeJS.ProcessEnv = process.env) {
  const git = ctx.config.git ?? {};
  const [owner, repo] = (git.repository ?? "").split("/");
  if (git.host !== "github" || !owner || !repo || !env.GITHUB_TOKEN) return undefined;
  return gitHubPullRequests({
    token: env.GITHUB_TOKEN,
    owner,
    repo,
    cache: fileCache(join(ctx.dir, ".labenv", "cache", "github"), owner, repo),
  });
}

/** The commits that touch an environment's files, newest first; undefined outside a git repository. */
async function gitHistory(dir: string, env: string): Promise<HistoryLine[] | undefined> {
  try {
    const out = await runGit(dir, [
      "log",
      "--max-count=50",
      "--date=short",
      "--format=%H%x09%ad%x09%an%x09%P%x09%s",
      "--",
      `environments/${env}/`,
    ]);
    return out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [commit = "", date = "", author = "", parents = "", ...rest] = line.split("\t");
        const subject = rest.join("\t");
        const pr = pullRequestNumber(
          commitOrigin(subject, parents.split(" ").filter(Boolean).length),
        );
        return { commit, date, author, subject, ...(pr !== undefined ? { pullRequest: pr } : {}) };
      });
  } catch (e) {
    if (e instanceof LabenvError) return undefined;
    throw e;
  }
}

/** One line per succession: where it stands. */
export function renderSuccessions(statuses: readonly SuccessionStatus[]): string {
  if (statuses.length === 0) return "successions: none";
  const mark = { "not-due": "·", waiting: "…", failed: "✖", done: "✓" } as const;
  return [
    "successions:",
    ...statuses.flatMap((s) => [
      `  ${mark[s.stage]} ${s.succession}  ${s.from} → ${s.to}, effective ${s.effective}: ${s.stage}${s.next ? ` (next: ${s.next})` : ""}`,
      ...(s.reason ? [`      ${s.reason}`] : []),
      ...s.done.map(
        (d) => `      ✓ ${d.step} ${d.doneAt}: ${d.detail}${d.run ? ` (run ${d.run})` : ""}`,
      ),
    ]),
  ].join("\n");
}
