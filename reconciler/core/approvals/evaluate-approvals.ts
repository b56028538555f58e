import { describeRole, loginList } from "./lab-roles.js";
import type {
  ApprovalContext,
  ApprovalEvaluation,
  ApprovalRequirement,
  CountedApproval,
  IgnoredReview,
  MissingApproval,
  Review,
} from "./requirement.js";

/** Review states that replace a reviewer's earlier verdict; comments and pending reviews do not. */
const VERDICTS = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/** Each reviewer's latest verdict (GitHub logins compared case-insensitively). */
export function latestVerdicts(reviews: readonly Review[]): Map<string, Review> {
  const ordered = [...reviews].sort(
    (a, b) => (a.submitted_at ?? "").localeCompare(b.submitted_at ?? "") || a.id - b.id,
  );
  const out = new Map<string, Review>();
  for (const r of ordered)
    if (r.user && VERDICTS.has(r.state)) out.set(r.user.login.toLowerCase(), r);
  return out;
}

/**
 * Which requirements the reviews satisfy. An approval counts only when it is
 * the reviewer's latest verdict (a later change request or a dismissal
 * cancels it), was given on the head commit, does not come from the author
 * nor from whoever pushed the head commit,
 * and comes from a login the base branch's lab.yaml maps to a member with the
 * role the requirement needs.
 */
export function evaluateApprovals(
  requirements: readonly ApprovalRequirement[],
  reviews: readonly Review[],
  ctx: ApprovalContext,
): ApprovalEvaluation {
  const author = ctx.author.toLowerCase();
  const pusher = ctx.lastPusher?.toLowerCase();
  const valid = new Map<string, string>();
  const ignored: IgnoredReview[] = [];
  for (const [key, r] of latestVerdicts(reviews)) {
    const login = r.user!.login;
    if (r.state === "CHANGES_REQUESTED") ignored.push({ login, why: "requested changes" });
    else if (r.state === "DISMISSED") ignored.push({ login, why: "their approval was dismissed" });
    else if (key === author)
      ignored.push({ login, why: "is the author: their own approval never counts" });
    else if (ctx.lastPusher === null)
      ignored.push({
        login,
        why: `cannot count: ${ctx.lastPusherUnknown ?? "who pushed the head commit is unknown"}`,
      });
    else if (key === pusher)
      ignored.push({
        login,
        why: "pushed the head commit: whoever pushed the latest commit cannot approve it",
      });
    else if (r.commit_id !== ctx.headSha)
      ignored.push({
        login,
        why: `approved ${short(r.commit_id)}, not the head commit ${short(ctx.headSha)}: approve again`,
      });
    else valid.set(key, login);
  }
  const admins = new Set([...(ctx.repositoryAdmins ?? [])].map((l) => l.toLowerCase()));
  const counted: CountedApproval[] = [];
  const missing: MissingApproval[] = [];
  const used = new Set<string>();
  for (const req of requirements) {
    const match = req.anyOf.find((a) => valid.has(a.login.toLowerCase()));
    const admin = req.repositoryAdmin ? [...valid.keys()].find((l) => admins.has(l)) : undefined;
    if (match) {
      counted.push({
        requirement: req.id,
        login: valid.get(match.login.toLowerCase())!,
        as: describeRole(match),
      });
      used.add(match.login.toLowerCase());
    } else if (admin) {
      counted.push({ requirement: req.id, login: valid.get(admin)!, as: "repository admin" });
      used.add(admin);
    } else {
      missing.push({ requirement: req.id, why: missingWhy(req, author, pusher) });
    }
  }
  if (requirements.length > 0) {
    for (const [key, login] of valid) {
      if (!used.has(key))
        ignored.push({
          login,
          why: "is not a member with a role any requirement needs (per the base branch's lab.yaml)",
        });
    }
  }
  return {
    satisfied: missing.length === 0,
    missing,
    counted,
    ignored: ignored.sort((a, b) => a.login.localeCompare(b.login)),
  };
}

function missingWhy(req: ApprovalRequirement, author: string, pusher?: string): string {
  const others = req.anyOf.filter((a) => a.login.toLowerCase() !== author);
  const notPusher = others.filter((a) => a.login.toLowerCase() !== pusher);
  const who = req.repositoryAdmin
    ? "a repository admin"
    : req.anyOf.length === 0
      ? "nobody can approve yet"
      : others.length === 0
        ? `only ${loginList(req.anyOf)}, the author, who cannot approve their own pull request`
        : notPusher.length === 0
          ? `only ${loginList(others)}, who pushed the head commit and cannot approve it`
          : loginList(notPusher);
  return `${req.subject}: needs ${req.needs} (${who}) — ${req.why}`;
}

function short(sha: string | null): string {
  return sha ? sha.slice(0, 7) : "no commit";
}
