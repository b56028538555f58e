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
    "Approvals are read from the base branch's lab.yaml; an approval counts only on the head commit, and never the author's own.",
  );
  return {
    status: evaluation.satisfied ? "completed" : "in_progress",
    ...(evaluation.satisfied ? { conclusion: "success" as const } : {}),
    output: { title, summary: capText(parts.join("\n\n")) },
  };
}
