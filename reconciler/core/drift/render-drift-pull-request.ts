import type { DriftItem, DriftReport } from "./drift-report.js";
import { driftTitle, filesMarker, fingerprintMarker, summarizeItems } from "./drift-summary.js";
import type { DriftProposal } from "./propose-change.js";
import { splitPin } from "../lock/pin.js";

/** GitHub refuses bodies of 65,536 characters or more; stay well below. */
export const MAX_BODY_CHARACTERS = 60_000;

export interface DriftPullRequestContext {
  report: DriftReport;
  proposal: DriftProposal;
  /** `genomics@1.2.0` */
  packLabel: string;
  lockFile: string;
  /** Where it runs, e.g. `sandbox (local simulation of AWS)` or `aws eu-west-1 / cluster labenv`. */
  where: string;
  /** Who is asked to review, as `id (github login)`. */
  reviewers: string[];
}

export interface DriftPullRequestText {
  title: string;
  body: string;
}

/** The drift pull request's title and body: table, severity and why, when and where, and what merging or closing does. */
export function renderDriftPullRequest(
  ctx: DriftPullRequestContext,
  maxCharacters = MAX_BODY_CHARACTERS,
): DriftPullRequestText {
  const { report, proposal } = ctx;
  const head = [
    fingerprintMarker(report.fingerprint),
    filesMarker(proposal.digest),
    `## Drift in \`${report.environment}\`: ${report.status}`,
    "",
    `What runs in **${report.environment}** no longer matches its committed lock: ${summarizeItems(report.items)}.`,
    "",
    "",
  ].join("\n");
  const tail = [
    "",
    ...severity(report),
    "",
    ...observed(ctx),
    "",
    ...changes(ctx),
    "",
    ...decisions(report),
    "",
  ].join("\n");
  const rows = report.items.map(row);
  const header = "| item | locked | observed | change |\n| --- | --- | --- | --- |";
  let table = [header, ...rows].join("\n");
  const budget = maxCharacters - head.length - tail.length;
  if (table.length > budget) {
    const kept: string[] = [];
    let size = header.length + 200;
    for (const r of rows) {
      if (size + r.length + 1 > budget) break;
      kept.push(r);
      size += r.length + 1;
    }
    table = [
      header,
      ...kept,
      `| … | | | ${rows.length - kept.length} more items: \`labenv drift ${report.environment} --json\` lists them all |`,
    ].join("\n");
  }
  return { title: driftTitle(report), body: `${head}${table}\n${tail}` };
}

/** Lists in prose stop after this many entries; the table has them all (within the body limit). */
const LIST_LIMIT = 25;

function some(entries: string[]): string {
  return entries.length <= LIST_LIMIT
    ? entries.join(", ")
    : `${entries.slice(0, LIST_LIMIT).join(", ")} and ${entries.length - LIST_LIMIT} more`;
}

function row(i: DriftItem): string {
  return `| ${i.item} \`${cell(i.name)}\` | ${value(i.locked)} | ${value(i.observed)} | ${i.change} (${i.severity}) |`;
}

function value(v: string | undefined): string {
  if (v === undefined) return "—";
  return cell(v.replace(/sha256:([a-f0-9]{64})/g, (_, h: string) => `sha256:${h.slice(0, 12)}…`));
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function severity(report: DriftReport): string[] {
  const groups = new Map<string, string[]>();
  for (const i of report.items) {
    const key = `**${i.severity}** — ${i.why}`;
    const names = groups.get(key) ?? [];
    if (!names.includes(i.name)) names.push(i.name);
    groups.set(key, names);
  }
  const lines = [...groups].map(
    ([why, names]) => `- ${why}: ${some(names.map((n) => `\`${cell(n)}\``))}`,
  );
  if (report.ignored > 0)
    lines.push(`- ${report.ignored} further differences are ignored by a rule`);
  return [`### Severity: ${report.status}`, "", ...lines];
}

function observed(ctx: DriftPullRequestContext): string[] {
  const r = ctx.report;
  const task = r.task ? `, task \`${r.task}\`` : "";
  return [
    "### Observed",
    "",
    `- **When:** ${r.observedAt ?? "no in-container observation yet (infrastructure only)"}`,
    `- **Where:** ${ctx.where}${task}${r.source ? ` (reported by the ${r.source === "agent" ? "labenv agent in the container" : "sandbox simulation"})` : ""}`,
    `- **Against:** \`${ctx.lockFile}\` (${ctx.packLabel})`,
  ];
}

function changes(ctx: DriftPullRequestContext): string[] {
  const p = ctx.proposal;
  const lines = ["### What this pull request changes", ""];
  if (p.paths.length === 0)
    lines.push(
      "Nothing in git: none of these differences can be written to a lock or environment.yaml.",
    );
  for (const path of p.paths) {
    if (path.endsWith("environment.yaml")) {
      const asked = new Set(p.accepted.filter((i) => i.requested).map((i) => i.name));
      const why = (r: string) =>
        asked.has(splitPin(r).name) ? "" : " (installed, and nothing else requires it now)";
      const parts = [
        ...p.requirementsAdded.map((r) => `adds \`${r}\`${why(r)}`),
        ...p.requirementsRemoved.map((r) => `removes \`${r}\``),
      ];
      if (p.accepted.some((i) => i.item === "kernel")) parts.push("changes `spec.kernels`");
      lines.push(`- \`${path}\`: ${parts.join(", ")}`);
    } else {
      lines.push(`- \`${path}\`: records what runs — ${some(p.accepted.map(describeAccepted))}`);
    }
  }
  if (p.kept.length > 0) {
    lines.push(
      "",
      "Not written to git (git keeps its value, and putting the environment back restores it):",
    );
    for (const k of p.kept.slice(0, LIST_LIMIT))
      lines.push(`- ${k.item.item} \`${cell(k.item.name)}\` ${k.item.change}: ${k.reason}`);
    if (p.kept.length > LIST_LIMIT) lines.push(`- … and ${p.kept.length - LIST_LIMIT} more`);
  }
  if (ctx.reviewers.length > 0) lines.push("", `Reviewers: ${ctx.reviewers.join(", ")}.`);
  return lines;
}

function describeAccepted(i: DriftItem): string {
  if (i.change === "removed") return `${i.name} removed`;
  return i.item === "package" ? `${i.name} ${i.observed}` : `${i.item} ${i.name} ${i.change}`;
}

function decisions(report: DriftReport): string[] {
  return [
    "### Merge or close",
    "",
    "- **Merge** to keep what runs: the lock then records it, and the next reconcile applies the new lock (a new task definition revision; /opt/jupyter is snapshotted before the task is replaced).",
    `- **Close without merging** to put it back: the next run snapshots /opt/jupyter, starts a new task from the locked image, and remembers this drift (fingerprint \`${report.fingerprint.slice(0, 12)}\`) so it does not open a pull request for it again.`,
    "- **Leave it open**: labenv updates this pull request when the drift changes and closes it with a comment when the drift goes away.",
  ];
}
