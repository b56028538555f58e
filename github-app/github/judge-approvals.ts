import {
  evaluateApprovals,
  latestVerdicts,
  type ApprovalEvaluation,
  type Review,
} from "../../reconciler/core/approvals/index.js";
import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import {
  approvalsCheck,
  approvalsCheckOfHead,
  notJudgedCheck,
  type ApprovalsCheck,
} from "../render/approvals-check.js";
import type { PullRequestRef } from "../review/pull-request-ref.js";
import type { LockProofOptions } from "../review/lock-proof.js";
import type { ReviewMemory } from "../review/review-memory.js";
import type { AppIdentity } from "./app-identity.js";
import { publishCheckRun } from "./check-runs.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { lastPusher, type LastPusher } from "./last-pusher.js";
import { loadReview, type LoadedReview } from "./load-review.js";
import { openPullRequestsWithHead } from "./pull-requests-for-head.js";
import { listReviews, repositoryAdmins } from "./reviews.js";

/** What one `labenv/approvals` judgement is about: a head commit and the default branch's tip. */
export interface ApprovalsTarget {
  repo: RepoRef;
  headSha: string;
  defaultBranch: string;
  /** The default branch's tip, read for this event. */
  tip: string;
  /** Pull requests the event names (kept when GitHub's list of the commit's pull requests lags). */
  known?: readonly PullRequestRef[];
  /** Reviews the event already loaded against the tip, by pull request number. */
  loaded?: ReadonlyMap<number, LoadedReview | undefined>;
}

export interface JudgeContext {
  check: SchemaCheck;
  today: string;
  memory: ReviewMemory;
  identity: AppIdentity;
  lockProof?: LockProofOptions;
}

/** How often reviews may change under a success before labenv gives up for this event. */
const MAX_ROUNDS = 4;

interface Subject {
  pr: PullRequestRef;
  loaded: LoadedReview | undefined;
  pusher: LastPusher;
}

/**
 * Judges `labenv/approvals` on a head commit. Only pull requests into the
 * default branch count, each judged against the branch's current tip (rules
 * from the tip's lab.yaml, not the payload's possibly older `base.sha`); when
 * several open pull requests into it share the head, every one must be
 * approved, because branch protection sees the one check of the commit. A
 * head that is no open pull request's into the default branch is not judged
 * (the check stays pending). Reviews are read right before the check is
 * written, and read again after a success: if they changed meanwhile (a
 * "request changes" judged elsewhere while this success was on its way), the
 * judgement is repeated, so a success never outlives a later verdict.
 */
export async function judgeApprovals(
  github: GitHubClient,
  target: ApprovalsTarget,
  ctx: JudgeContext,
): Promise<boolean> {
  const prs = (
    await openPullRequestsWithHead(github, target.repo, target.headSha, target.known)
  ).filter((p) => p.baseRef === target.defaultBranch);
  if (prs.length === 0) {
    await write(github, target, ctx, notJudgedCheck(target.defaultBranch, target.headSha));
    return false;
  }
  const subjects: Subject[] = [];
  for (const pr of prs) {
    const atTip = { ...pr, baseSha: target.tip };
    const loaded = target.loaded?.has(pr.number)
      ? target.loaded.get(pr.number)
      : await loadReview(github, atTip, ctx);
    const needsReviews = (loaded?.review.requirements.length ?? 0) > 0;
    subjects.push({
      pr: atTip,
      loaded,
      pusher: needsReviews ? await lastPusher(github, atTip) : { unknown: "not needed" },
    });
  }
  let reviews = await readReviews(github, subjects);
  for (let round = 1; ; round++) {
    const judged: { number: number; check: ApprovalsCheck; evaluation: ApprovalEvaluation }[] = [];
    for (const [i, s] of subjects.entries()) {
      const requirements = s.loaded?.review.requirements ?? [];
      const admins = await repositoryAdmins(
        github,
        target.repo,
        requirements,
        reviews[i]!,
        target.headSha,
      );
      const evaluation = evaluateApprovals(requirements, reviews[i]!, {
        author: s.pr.author,
        headSha: target.headSha,
        repositoryAdmins: admins,
        ...("login" in s.pusher
          ? { lastPusher: s.pusher.login }
          : { lastPusher: null, lastPusherUnknown: s.pusher.unknown }),
      });
      judged.push({
        number: s.pr.number,
        evaluation,
        check: approvalsCheck(requirements, evaluation, s.loaded?.review.outsideLabs ?? []),
      });
    }
    const satisfied = judged.every((j) => j.evaluation.satisfied);
    const churned = satisfied && round === MAX_ROUNDS;
    await write(
      github,
      target,
      ctx,
      approvalsCheckOfHead(judged, {
        branch: target.defaultBranch,
        tip: target.tip,
        ...(churned ? { unsettled: true } : {}),
      }),
    );
    if (!satisfied || churned) return false;
    const again = await readReviews(github, subjects);
    if (again.every((r, i) => sameVerdicts(r, reviews[i]!))) return true;
    reviews = again;
  }
}

async function readReviews(
  github: GitHubClient,
  subjects: readonly Subject[],
): Promise<Review[][]> {
  const out: Review[][] = [];
  for (const s of subjects)
    out.push(
      (s.loaded?.review.requirements.length ?? 0) > 0
        ? await listReviews(github, { owner: s.pr.owner, repo: s.pr.repo, number: s.pr.number })
        : [],
    );
  return out;
}

function sameVerdicts(a: readonly Review[], b: readonly Review[]): boolean {
  const key = (reviews: readonly Review[]) =>
    JSON.stringify(
      [...latestVerdicts(reviews)].map(([login, r]) => [login, r.id, r.state, r.commit_id]),
    );
  return key(a) === key(b);
}

async function write(
  github: GitHubClient,
  target: ApprovalsTarget,
  ctx: JudgeContext,
  check: ApprovalsCheck,
): Promise<void> {
  await publishCheckRun(
    github,
    target.repo,
    {
      name: "labenv/approvals",
      headSha: target.headSha,
      status: check.status,
      ...(check.conclusion ? { conclusion: check.conclusion } : {}),
      output: check.output,
    },
    { reuse: { appId: ctx.identity.id } },
  );
}
