import type {
  ApprovalEvaluation,
  ApprovalRequirement,
} from "../../reconciler/core/approvals/index.js";
import type { CheckOutput } from "./validate-check.js";
import { capText, code, plural } from "./text-limits.js";

export interface ApprovalsCheck {
  status: "in_progress" | "completed";
  conclusion?: "success";
  output: CheckOutput;
}

/**
 * The `labenv/approvals` check: in progress (which blocks a required check)
 * until every requirement has a counting approval, then success. The
 * summary lists who is still needed and why, what counted, and which reviews
 * did not count.
 */
export function approvalsCheck(
  requirements: readonly ApprovalRequirement[],
  evaluation: ApprovalEvaluation,
  outsideLabs: readonly string[],
): ApprovalsCheck {
  const parts: string[] = [];
  let title: string;
  if (requirements.length === 0) title = "no lab approvals needed";
  else if (evaluation.satisfied)
    title = `approved: ${plural(requirements.length, "requirement")} met`;
  else title = `waiting for ${plural(evaluation.missing.length, "approval")}`;
  if (requirements.length === 0)
    parts.push("This pull request changes nothing a lab's approval rules cover.");
  if (evaluation.missing.length > 0)
    parts.push(`### Still needed\n${evaluation.missing.map((m) => `- ${m.why}`).join("\n")}`);
  if (evaluation.counted.length > 0)
    parts.push(
      `### Counted\n${evaluation.counted.map((c) => `- @${c.login} as ${c.as} (${c.requirement})`).join("\n")}`,
    );
  if (evaluation.ignored.length > 0)
    parts.push(
      `### Not counted\n${evaluation.ignored.map((i) => `- @${i.login} ${i.why}`).join("\n")}`,
    );
  if (outsideLabs.length > 0) {
    const shown = outsideLabs.slice(0, 20).map(code).join(", ");
    parts.push(
      `### Reviewed through CODEOWNERS\n${shown}${outsideLabs.length > 20 ? ` and ${outsideLabs.length - 20} more` : ""}: domain packs, labenv.yaml and schemas are approved by their code owners (pack maintainers, repository admins), as branch protection requires.`,
    );
  }
  parts.push(
    "Approvals are read from the base branch's lab.yaml; an approval counts only on the head commit, and never the author's own nor that of whoever pushed the head commit.",
  );
  return {
    status: evaluation.satisfied ? "completed" : "in_progress",
    ...(evaluation.satisfied ? { conclusion: "success" as const } : {}),
    output: { title, summary: capText(parts.join("\n\n")) },
  };
}

/**
 * The one `labenv/approvals` check of a head commit, over every open pull
 * request into the default branch that has it as head: success only when
 * each is approved. One pull request reads as before; several get a section
 * each. `unsettled`: reviews kept changing while labenv judged them.
 */
export function approvalsCheckOfHead(
  judged: readonly { number: number; check: ApprovalsCheck }[],
  base: { branch: string; tip: string; unsettled?: boolean },
): ApprovalsCheck {
  const against = `Judged against \`${base.branch}\` at ${base.tip.slice(0, 7)} (the branch's tip when this event was handled).`;
  const unsettled = base.unsettled
    ? "⚠ The reviews kept changing while labenv judged them; it will judge again on the next review or push."
    : undefined;
  const satisfied = !base.unsettled && judged.every((j) => j.check.status === "completed");
  const status = satisfied ? ("completed" as const) : ("in_progress" as const);
  const result = (title: string, summary: string): ApprovalsCheck => ({
    status,
    ...(satisfied ? { conclusion: "success" as const } : {}),
    output: { title, summary: capText(summary) },
  });
  if (judged.length === 1) {
    const only = judged[0]!.check;
    return result(
      base.unsettled ? "waiting: reviews changed while judging" : only.output.title,
      [unsettled, only.output.summary, against].filter(Boolean).join("\n\n"),
    );
  }
  const waiting = judged.filter((j) => j.check.status !== "completed");
  const title =
    waiting.length === 0 && !base.unsettled
      ? `approved: all ${judged.length} pull requests with this head commit`
      : `waiting: ${waiting.map((j) => `#${j.number} (${j.check.output.title})`).join(", ") || "reviews changed while judging"}`;
  return result(
    title,
    [
      unsettled,
      `This commit is the head of ${judged.length} open pull requests into \`${base.branch}\` (${judged.map((j) => `#${j.number}`).join(", ")}). Branch protection sees one check per commit, so each of them must be approved.`,
      ...judged.map((j) => `## #${j.number}: ${j.check.output.title}\n\n${j.check.output.summary}`),
      against,
    ]
      .filter(Boolean)
      .join("\n\n"),
  );
}

/** A head commit that is no open pull request's into the default branch: not judged, pending. */
export function notJudgedCheck(branch: string, headSha: string): ApprovalsCheck {
  return {
    status: "in_progress",
    output: {
      title: `not judged: not a pull request into ${branch}`,
      summary: `labenv judges approvals only for pull requests into the default branch \`${branch}\`, against its current tip, and ${headSha.slice(0, 7)} is not the head of an open one. Change the pull request's base to \`${branch}\` and labenv judges it then.`,
    },
  };
}
