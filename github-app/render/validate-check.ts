import type { Diagnostic } from "../../reconciler/core/model/diagnostic.js";
import type { PullRequestReview } from "../review/review-pull-request.js";
import { capText, cell, code, plural } from "./text-limits.js";

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
}

export interface ValidateCheck {
  conclusion: "success" | "failure";
  output: CheckOutput;
  annotations: CheckAnnotation[];
}

/** The `labenv/validate` check: a title, a summary that says what is stale in the locks, and one annotation per finding on its line. */
export function validateCheck(
  review: PullRequestReview,
  read: { files: number; environmentsNotRead: number },
): ValidateCheck {
  const { findings } = review;
  const errors = findings.filter((d) => d.severity === "error").length;
  const warnings = findings.length - errors;
  const title =
    findings.length === 0
      ? "valid"
      : `${[errors && plural(errors, "error"), warnings && plural(warnings, "warning")].filter(Boolean).join(", ")} in changed files`;
  const parts = [
    findings.length === 0
      ? "✓ Every changed document and every document that refers to one is valid."
      : `${errors > 0 ? "✖" : "⚠"} **${title}**.`,
    `Read ${plural(read.files, "file")} at the head commit${read.environmentsNotRead > 0 ? `; ${plural(read.environmentsNotRead, "environment")} in labs this pull request does not touch were not read (nothing there changes)` : ""}.`,
  ];
  const locks = lockLines(findings);
  parts.push(
    locks.length === 0
      ? "### Locks\nEvery lock of a changed environment is up to date."
      : `### Locks\n${locks.join("\n")}`,
  );
  if (findings.length > 0) {
    parts.push(
      `### Findings\n| file | line | severity | finding |\n|---|---|---|---|\n${findings.map(row).join("\n")}`,
    );
  }
  if (review.findingsElsewhere > 0) {
    parts.push(
      `${plural(review.findingsElsewhere, "finding")} in files this pull request neither changes nor affects ${review.findingsElsewhere === 1 ? "is" : "are"} not reported here: run \`labenv validate\`.`,
    );
  }
  return {
    conclusion: errors > 0 ? "failure" : "success",
    output: { title, summary: capText(parts.join("\n\n")) },
    annotations: findings.map(annotation),
  };
}

/** What is stale or missing in the locks, environment by environment. */
function lockLines(findings: readonly Diagnostic[]): string[] {
  return findings
    .filter(
      (d) =>
        d.code === "lock-stale" ||
        d.code === "lock-edited" ||
        d.code === "lock" ||
        d.code === "package-index",
    )
    .map((d) => {
      const env = /^environments\/([^/]+\/[^/]+)\//.exec(d.file)?.[1];
      const fix =
        d.code === "package-index" || d.code === "lock-edited"
          ? ""
          : ` — run \`labenv lock${env ? ` ${env}` : ""}\` and commit the lockfile`;
      return `- ${code(d.file)}: ${d.message}${fix}`;
    });
}

function row(d: Diagnostic): string {
  return `| ${code(d.file)} | ${d.line} | ${d.severity} | ${cell(d.message)}${d.hint ? ` — ${cell(d.hint)}` : ""} |`;
}

function annotation(d: Diagnostic): CheckAnnotation {
  return {
    path: d.file,
    start_line: d.line,
    end_line: d.line,
    start_column: d.column,
    end_column: d.column,
    annotation_level: d.severity === "error" ? "failure" : "warning",
    title: `labenv ${d.code}${d.path ? ` (${d.path})` : ""}`,
    message: d.message.slice(0, 60_000),
    ...(d.hint ? { raw_details: d.hint.slice(0, 60_000) } : {}),
  };
}
