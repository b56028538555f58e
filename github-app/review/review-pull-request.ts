import {
  outsideLabs,
  requiredApprovals,
  type ApprovalRequirement,
} from "../../reconciler/core/approvals/index.js";
import type { RepoFile } from "../../reconciler/core/load/load-repository.js";
import type { Diagnostic } from "../../reconciler/core/model/diagnostic.js";
import type { Repository } from "../../reconciler/core/model/documents.js";
import type { PackageIndexData } from "../../reconciler/core/lock/package-index.js";
import type { Plan } from "../../reconciler/core/model/plan.js";
import { previewPlan } from "../../reconciler/core/plan/preview.js";
import { mergeFindings } from "../../reconciler/core/validate/merge-findings.js";
import type { SchemaCheck } from "../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../reconciler/core/validate/validate.js";
import type { LockProof } from "./lock-proof.js";
import { reviewRules } from "./review-rules.js";
import { successionAgainstBase } from "../../reconciler/core/validate/rules/succession-against-base.js";
import { cloneSourceAgainstBase } from "../../reconciler/core/validate/rules/clone-source-against-base.js";
import { restoreAttemptAgainstBase } from "../../reconciler/core/validate/rules/restore-attempt-against-base.js";

export interface ReviewInput {
  /** Paths the pull request changes (GitHub's list, renames on both names). */
  changed: readonly string[];
  /** The base commit, loaded (see loadRepository). */
  base: Repository;
  head: readonly RepoFile[];
  headSha: string;
  /** A remote index's answer for the affected locks (`app.lockProof: index`); absent: offline. */
  remoteIndex?: PackageIndexData;
}

export interface PullRequestReview {
  /**
   * Every finding the merge would cause or that holds back what it changes
   * (see `mergeFindings`), in changed files or not: these fail the check.
   */
  findings: Diagnostic[];
  /** Findings elsewhere: nothing they depend on changes, so they are on the base already (a notice, never a failure). */
  findingsElsewhere: number;
  /** The environments the reported errors would hold back after the merge (`lab/env`, sorted). */
  heldBack: string[];
  plan: Plan;
  requirements: ApprovalRequirement[];
  /** Changed paths outside the labs' directories: reviewed through CODEOWNERS. */
  outsideLabs: string[];
  /** What was proven against the remote index (`app.lockProof: index`); absent: offline. */
  lockProof?: LockProof;
}

/**
 * Everything labenv says about a pull request, from its base and head:
 * validation as `labenv validate` runs it (schemas, cross-document rules,
 * locks, immutable packs), the preview plan, and who must approve. Pure:
 * reading commits and writing checks and comments is the caller's.
 */
export function reviewPullRequest(
  input: ReviewInput,
  ctx: { check: SchemaCheck; today: string },
): PullRequestReview {
  const validated = validateFiles(input.head, ctx.check, { today: ctx.today }, [
    ...reviewRules(input.head, input.changed, input.remoteIndex),
    // What only the base can tell: a succession's researcher added in this same pull request,
    // or an effective date already past for a succession it adds or changes.
    successionAgainstBase(input.base),
    // Another lab's snapshot restored only through a clone share of that lab.
    cloneSourceAgainstBase(input.base),
    // A restore's attempt only goes up (a lowered one would restore nothing).
    restoreAttemptAgainstBase(input.base),
  ]);
  const head = validated.repository;
  const merge = mergeFindings(head, validated.diagnostics, input.changed);
  const plan = previewPlan(input.base, head, { commit: input.headSha, today: ctx.today });
  return {
    findings: merge.findings,
    findingsElsewhere: merge.elsewhere.length,
    heldBack: merge.heldBack,
    plan,
    requirements: requiredApprovals(input.changed, input.base, head, plan),
    outsideLabs: outsideLabs(input.changed),
  };
}
