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

/**
 * At most this many annotations per check (three writes of 50): GitHub allows
 * about 80 content-creating requests a minute per app, and 16,000 findings
 * would otherwise take 321 writes. Errors are annotated first.
 */
export const MAX_ANNOTATIONS = 150;
/** At most this many rows in the summary's findings table. */
export const MAX_FINDING_ROWS = 200;
/** Files named in the summary of what was not annotated. */
const MAX_FILES_LISTED = 20;

/**
 * The `labenv/validate` check: a title, a summary that says what is stale in
 * the locks, and one annotation per finding on its line, up to
 * MAX_ANNOTATIONS (errors first); the summary counts the rest, file by file.
 */
export function validateCheck(
  review: PullRequestReview,
  read: { files: number; environmentsNotRead: number },
): ValidateCheck {
  const { findings, lockProof } = review;
  const unproven = lockProof?.proven === false ? lockProof : undefined;
  const errors = findings.filter((d) => d.severity === "error").length;
  const warnings = findings.length - errors;
  const found =
    findings.length === 0
      ? "valid"
      : `${[errors && plural(errors, "error"), warnings && plural(warnings, "warning")].filter(Boolean).join(", ")} this merge would bring`;
  const title = unproven ? `locks not proven: ${unproven.problem}`.slice(0, MAX_TITLE) : found;
  const parts = [
    ...(unproven
      ? [
          `✖ **The locks this pull request changes or affects could not be proven against ${unproven.url}** (\`app.lockProof: index\`, ${plural(unproven.environments, "environment")}): ${unproven.problem}${unproven.hint ? ` — ${unproven.hint}` : ""}.\n\nA lock that cannot be proven never passes: re-run this check, or push again, once the index answers. What follows is what the offline checks found.`,
        ]
      : []),
    findings.length === 0
      ? "✓ Every changed document, every document that refers to one, and everything the merge would affect (the lab's quotas, the environments of a changed pack, index or labenv.yaml) is valid."
      : `${errors > 0 ? "✖" : "⚠"} **${found}**: findings in the changed documents, in those that refer to them, and wherever else the merge affects (a quota on lab.yaml, every environment for the package index or labenv.yaml).`,
    `Read ${plural(read.files, "file")} at the head commit${read.environmentsNotRead > 0 ? `; ${plural(read.environmentsNotRead, "environment")} in labs this pull request does not touch were not read (nothing there changes)` : ""}.`,
  ];
  if (review.heldBack.length > 0) parts.push(heldBackLines(review.heldBack));
  const locks = lockLines(findings);
  parts.push(
    `${
      locks.length === 0
        ? "### Locks\nEvery lock of a changed environment is up to date."
        : `### Locks\n${locks.join("\n")}`
    }${lockProof?.proven ? `\n\n${provenLine(lockProof.url, lockProof.environments)}` : ""}`,
  );
  const ordered = [
    ...findings.filter((d) => d.severity === "error"),
    ...findings.filter((d) => d.severity !== "error"),
  ];
  if (findings.length > MAX_ANNOTATIONS) parts.push(notAnnotated(ordered.slice(MAX_ANNOTATIONS)));
  if (findings.length > 0) {
    const more = findings.length - MAX_FINDING_ROWS;
    parts.push(
      `### Findings\n| file | line | severity | finding |\n|---|---|---|---|\n${ordered.slice(0, MAX_FINDING_ROWS).map(row).join("\n")}${more > 0 ? `\n\n… and ${plural(more, "more finding")}: run \`labenv validate\` for every one.` : ""}`,
    );
  }
  if (review.findingsElsewhere > 0) {
    parts.push(
      `ℹ ${plural(review.findingsElsewhere, "finding")} elsewhere ${review.findingsElsewhere === 1 ? "is" : "are"} already on the base branch and not affected by this pull request (nothing ${review.findingsElsewhere === 1 ? "it depends" : "they depend"} on changes): not counted here; \`labenv validate\` lists ${review.findingsElsewhere === 1 ? "it" : "them"}.`,
    );
  }
  return {
    conclusion: errors > 0 || unproven ? "failure" : "success",
    output: { title, summary: capText(parts.join("\n\n")) },
    annotations: ordered.slice(0, MAX_ANNOTATIONS).map(annotation),
  };
}

/** GitHub shows a check's title on one line: the reason of a proof that failed is cut there. */
const MAX_TITLE = 200;

/** What `app.lockProof: index` proved. */
function provenLine(url: string, environments: number): string {
  return environments === 0
    ? `Proven against ${url} (\`app.lockProof: index\`): no lock changed or is affected, nothing was asked.`
    : `Proven against ${url} (\`app.lockProof: index\`): releases, hashes, upload times and the dependency closure of the locks of ${plural(environments, "environment")}.`;
}

/** Environments named in the held-back section at most (the rest are counted). */
const MAX_HELD_LISTED = 30;

/** The environments a merge would leave held back (not applied) until the errors are fixed. */
function heldBackLines(held: readonly string[]): string {
  const listed = held.slice(0, MAX_HELD_LISTED).map(code).join(", ");
  const more = held.length > MAX_HELD_LISTED ? ` and ${held.length - MAX_HELD_LISTED} more` : "";
  return `### Held back after a merge
Merged as it is, the reconciler would hold back ${plural(held.length, "environment")} (not apply ${held.length === 1 ? "it" : "them"}, leave what runs as it is): ${listed}${more}.`;
}

/** What was left without an annotation, counted by file. */
function notAnnotated(rest: readonly Diagnostic[]): string {
  const byFile = new Map<string, number>();
  for (const d of rest) byFile.set(d.file, (byFile.get(d.file) ?? 0) + 1);
  const files = [...byFile].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = files.slice(0, MAX_FILES_LISTED).map(([f, n]) => `- ${code(f)}: ${n}`);
  if (files.length > MAX_FILES_LISTED)
    listed.push(`- and ${plural(files.length - MAX_FILES_LISTED, "more file")}`);
  return `### Not annotated\n${plural(rest.length, "finding")} beyond the first ${MAX_ANNOTATIONS} (errors first) ${rest.length === 1 ? "has" : "have"} no annotation: labenv writes at most ${MAX_ANNOTATIONS / 50} requests per check, as GitHub limits how fast an app may write. Run \`labenv validate\` for every one. By file:\n${listed.join("\n")}`;
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
