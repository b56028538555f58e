import type { Loaded } from "../model/documents.js";
import type { SnapshotManifest } from "../snapshots/manifest.js";
import type { DriftReport } from "../drift/drift-report.js";

/** One change to an environment's files, from git. */
export interface HistoryLine {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** The pull request that merged it, from its commit message. */
  pullRequest?: number;
  /** Who approved the pull request's merged commit (git host logins); absent when not read. */
  approvedBy?: string[];
}

export interface ReproducingFacts {
  succession: Loaded<"Succession">;
  environment: Loaded<"Environment">;
  lock: Loaded<"EnvironmentLock"> | undefined;
  /** The snapshot taken before the hand-over (`lab/env/succession-<name>`) and its manifest. */
  snapshotId: string;
  manifest: SnapshotManifest;
  manifestKey: string;
  /** The environment's history from git, newest first; undefined when git could not be read. */
  history?: readonly HistoryLine[];
  /** Whether `approvedBy` was read from the git host (a GitHub token); otherwise it is unknown. */
  approvalsRead?: boolean;
  /** The environment's newest drift report, if drift ever judged it. */
  drift?: DriftReport;
}

/**
 * The hand-over package of one environment: what a successor needs to be productive in days —
 * what it is for, which experiment and funding it serves, the exact lock and image, the home's
 * notebooks, how to restore it, what drifted from its lock and not yet settled, and how it came
 * to be (each change with its pull request and who approved it). Markdown. Pure.
 */
export function renderReproducing(f: ReproducingFacts): string {
  const { succession: s, environment: e, manifest: m } = f;
  const { lab, name } = e.doc.metadata;
  const spec = s.doc.spec;
  const lines: string[] = [
    `# Reproducing ${lab}/${name}`,
    "",
    `Handed over from **${spec.from}** to **${spec.to}** on ${spec.effective} (succession \`${s.file}\`): ${spec.reason}`,
    "",
    "## What it is for",
    "",
    e.doc.spec.description ?? "(no description in environment.yaml)",
    "",
    `- Experiment: ${e.doc.metadata.experiment ?? "(none given)"}`,
    `- Funding: ${e.doc.metadata.funding ?? "(none given)"}`,
    `- Domain pack: ${e.doc.spec.domainPack}`,
    `- Resources: ${e.doc.spec.resources.cpu} CPU units, ${e.doc.spec.resources.memory} MiB`,
    "",
    "## The exact environment",
    "",
    `- Lock: \`${m.lock.file}\`, digest \`${m.lock.digest}\` (its bytes are kept in the snapshot as \`${m.lock.key}\`)`,
    `- Pack image: \`${m.lock.image}\``,
    ...(m.image ? [`- Image the task ran: \`${m.image}\``] : []),
    ...(f.lock
      ? [
          `- Python ${f.lock.doc.spec.python}; ${f.lock.doc.spec.packages.length} locked packages:`,
          "",
          ...f.lock.doc.spec.packages.map((p) => `  - ${p.name}==${p.version}`),
        ]
      : []),
    "",
    "## The snapshot taken before the hand-over",
    "",
    `- Snapshot \`${f.snapshotId}\`, captured ${m.capturedAt} at commit \`${m.commit.slice(0, 12)}\` (${m.provider})`,
    `- Manifest: \`${f.manifestKey}\``,
    ...(m.volume ? [`- /opt/jupyter volume: EBS snapshot \`${m.volume.snapshotId}\``] : []),
    ...(m.home
      ? [
          `- Home \`${m.home.path}\`: ${m.home.fileCount} files, ${m.home.totalBytes} bytes (AWS Backup job \`${m.home.backupJobId}\`)`,
        ]
      : []),
    "",
    "## Notebooks",
    "",
    ...notebooks(m),
    "",
    "## Open drift",
    "",
    ...openDrift(f.drift, `${lab}/${name}`),
    "",
    "## How to restore it",
    "",
    "```",
    `npx labenv restore ${f.snapshotId} --as ${`${name}-restored`.slice(0, 63)}`,
    "```",
    "",
    "This writes a new environment (environment.yaml as it was, the snapshot's lock, `restoreFrom`)",
    "to commit in a pull request: its task runs the snapshot's image and its volume is created from",
    "the snapshot. The home's files are in the AWS Backup recovery point above.",
    "",
    "## History of changes",
    "",
    ...historyLines(f.history, `${lab}/${name}`, f.approvalsRead === true),
    "",
  ];
  return lines.join("\n");
}

function notebooks(m: SnapshotManifest): string[] {
  const files = (m.home?.files ?? []).filter((x) => x.path.endsWith(".ipynb"));
  if (!m.home) return ["The home was not part of the snapshot."];
  if (files.length === 0) return ["No notebooks (`.ipynb`) in the home when it was captured."];
  return [
    "| notebook | bytes | last modified | sha256 |",
    "| --- | --- | --- | --- |",
    ...files.map(
      (x) =>
        `| ${x.path} | ${x.size} | ${x.modifiedAt ?? "not recorded"} | \`${x.sha256.slice(0, 12)}…\` |`,
    ),
  ];
}

function openDrift(report: DriftReport | undefined, key: string): string[] {
  if (!report)
    return [
      `None on record: drift keeps a report only once what runs differs from the lock (\`npx labenv drift ${key}\` checks it now).`,
    ];
  const when = report.observedAt ? ` (observed ${report.observedAt})` : "";
  if (report.status === "STABLE")
    return [`None: what runs matched its lock when drift last looked${when}.`];
  return [
    `**${report.status}**${when}: what runs differs from the lock. Settle it (a drift pull request, or reinstall from the lock) before relying on the lock alone:`,
    "",
    ...report.items.map(
      (i) =>
        `- ${i.severity} ${i.item} ${i.name}: ${i.locked ?? "—"} → ${i.observed ?? "—"} (${i.change})`,
    ),
  ];
}

function historyLines(
  history: readonly HistoryLine[] | undefined,
  key: string,
  approvalsRead: boolean,
): string[] {
  if (!history)
    return [`Git history was not available here: run \`npx labenv history ${key}\` for it.`];
  if (history.length === 0) return ["No commits touch this environment's files."];
  const review = (h: HistoryLine) => {
    if (h.pullRequest === undefined) return " — not merged through a pull request";
    if (!approvalsRead) return ` — #${h.pullRequest}`;
    const by = h.approvedBy ?? [];
    return ` — #${h.pullRequest}, ${by.length > 0 ? `approved by ${by.map((l) => `@${l}`).join(", ")}` : "no approval of its merged commit"}`;
  };
  return [
    `Newest first, each with the pull request that merged it${approvalsRead ? " and who approved its merged commit" : " (approvals were not read: the git host is not GitHub with a token — `npx labenv audit --github-token …` checks them)"}:`,
    "",
    ...history.map(
      (h) => `- ${h.date} \`${h.commit.slice(0, 12)}\` ${h.author}: ${h.subject}${review(h)}`,
    ),
  ];
}
