import type { AuditReport, ChangeRow, CommitRef } from "./audit-report.js";
import { NO_EXPERIMENT } from "./audit-groups.js";
import { day, plural, shortCommit, shortDate } from "./format.js";

/** The audit report as Markdown, for people: findings first, then funders' view, then detail. */
export function renderAuditMarkdown(r: AuditReport): string {
  const out: string[] = ["# labenv audit report", ""];
  out.push(
    ...table(
      ["", ""],
      [
        [
          "Period",
          `${r.period.since ?? "the first commit"} – ${r.period.until ?? "now"} (commits on main's first-parent history, by when they landed)`,
        ],
        ["Repository", `main at \`${shortCommit(r.head)}\``],
        [
          "Filters",
          Object.entries(r.filters)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ") || "none",
        ],
        ["Approvals", r.approvalCheck.note],
      ],
    ),
  );
  const s = r.summary;
  section(
    out,
    "Summary",
    table(
      ["", "count"],
      [
        ["commits that changed environments or domain packs", s.commits],
        ["environments created", s.environmentsCreated],
        ["environments changed", s.environmentsChanged],
        ["environments deleted", s.environmentsDeleted],
        ["locked package changes", s.packageChanges],
        ["snapshots requested", s.snapshots],
        ["shares granted", s.sharesGranted],
        ["shares revoked", s.sharesRevoked],
        ["successions", s.successions],
        ["drift pull requests merged", s.driftPullRequestsMerged],
        ["compliance findings", s.findings],
      ],
    ),
  );
  section(
    out,
    "Compliance findings",
    r.findings.length === 0
      ? ["None."]
      : r.findings.map((f) => `- **${f.code}** ${shortDate(f.date)}: ${cellText(f.message)}`),
  );
  if (!r.approvalCheck.performed)
    out.push(
      "",
      `_${r.approvalCheck.note}: direct pushes are listed, but who approved each pull request was not checked._`,
    );
  section(
    out,
    "By funding source",
    r.byFunding.length === 0
      ? ["No changes."]
      : table(
          [
            "funding",
            "funder",
            "award",
            "experiments",
            "environments",
            "commits",
            "package changes",
          ],
          r.byFunding.map((g) => [
            g.funding,
            g.funder ?? "",
            g.award ?? "",
            g.experiments.join(", "),
            g.environments.join(", "),
            g.commits,
            g.packageChanges,
          ]),
        ),
  );
  const byExperiment = new Map<string, ChangeRow[]>();
  for (const c of r.changes) {
    if (c.environment === undefined) continue;
    const key = c.experiment ?? NO_EXPERIMENT;
    const rows = byExperiment.get(key);
    if (rows) rows.push(c);
    else byExperiment.set(key, [c]);
  }
  section(
    out,
    "By experiment",
    r.byExperiment.length === 0
      ? ["No changes."]
      : r.byExperiment.flatMap((g) => [
          `### ${g.experiment}`,
          "",
          `Funding: ${g.funding.join(", ")}. Environments: ${g.environments.join(", ")}. ${plural(g.commits, "commit")}, ${plural(g.packageChanges, "locked package change")}.`,
          "",
          ...changeTable(byExperiment.get(g.experiment) ?? []),
          "",
        ]),
  );
  const e = r.environments;
  section(out, "Environments", [
    ...sub(
      "Created",
      table(
        ["date", "environment", "experiment", "funding", ...REF],
        e.created.map((x) => [
          day(x.date),
          x.environment,
          x.experiment ?? "",
          x.funding ?? "",
          ...refCells(x),
        ]),
      ),
    ),
    ...sub(
      "Renamed or moved",
      table(
        ["date", "what", ...REF],
        e.renamed.map((x) => [day(x.date), x.words[0] ?? x.environment, ...refCells(x)]),
      ),
    ),
    ...sub(
      "Changed",
      table(
        ["environment", "experiment", "funding", "commits", "last change"],
        e.changed.map((x) => [
          x.environment,
          x.experiment ?? "",
          x.funding ?? "",
          x.commits,
          day(x.lastChange),
        ]),
      ),
    ),
    ...sub(
      "Deleted",
      table(
        ["date", "environment", "experiment", "funding", ...REF],
        e.deleted.map((x) => [
          day(x.date),
          x.environment,
          x.experiment ?? "",
          x.funding ?? "",
          ...refCells(x),
        ]),
      ),
    ),
  ]);
  section(
    out,
    "Locked package changes",
    table(
      ["date", "environment", "package", "from", "to", ...REF],
      r.packageChanges.map((p) => [
        day(p.date),
        p.environment,
        p.name,
        p.from ?? "(added)",
        p.to ?? "(removed)",
        ...refCells(p),
      ]),
    ),
  );
  section(
    out,
    "Snapshots",
    table(
      ["date", "snapshot", "what", ...REF],
      r.snapshots.map((x) => [day(x.date), x.subject, x.words.join("; "), ...refCells(x)]),
    ),
  );
  section(out, "Shares", [
    ...sub(
      "Granted",
      table(
        ["date", "share", "environment", "to lab", "access", "expires", ...REF],
        r.shares.granted.map((x) => [
          day(x.date),
          x.share,
          x.environment ?? "",
          x.to ?? "",
          x.access ?? "",
          x.expires ?? "",
          ...refCells(x),
        ]),
      ),
    ),
    ...sub(
      "Changed",
      table(
        ["date", "share", "what", ...REF],
        r.shares.changed.map((x) => [day(x.date), x.share, x.words.join("; "), ...refCells(x)]),
      ),
    ),
    ...sub(
      "Revoked",
      table(
        ["date", "share", "environment", "to lab", ...REF],
        r.shares.revoked.map((x) => [
          day(x.date),
          x.share,
          x.environment ?? "",
          x.to ?? "",
          ...refCells(x),
        ]),
      ),
    ),
  ]);
  if (r.shares.access)
    out.push(
      ...sub(
        "Access granted and revoked by the reconciler",
        table(
          ["time", "event", "share", "member", "access point", "commit"],
          r.shares.access.map((e) => [
            e.at,
            e.event,
            e.share,
            e.member,
            e.accessPoint,
            shortCommit(e.commit),
          ]),
        ),
      ),
    );
  section(
    out,
    "Successions",
    table(
      ["date", "succession", "what", ...REF],
      r.successions.map((x) => [day(x.date), x.succession, x.words.join("; "), ...refCells(x)]),
    ),
  );
  const d = r.driftPullRequests;
  section(out, "Drift pull requests", [
    ...sub(
      "Merged",
      table(
        ["date", "environment", "pull request", "commit"],
        d.merged.map((x) => [
          day(x.date),
          x.environment,
          x.pullRequest ? `#${x.pullRequest}` : "",
          x.commit ? `\`${shortCommit(x.commit)}\`` : "",
        ]),
      ),
    ),
    ...(d.opened
      ? sub(
          "Opened",
          table(
            ["date", "environment", "pull request", "title"],
            d.opened.map((x) => [day(x.date), x.environment, `#${x.pullRequest}`, x.title ?? ""]),
          ),
        )
      : []),
    ...(d.rejected
      ? sub(
          "Closed without merging",
          table(
            ["date", "environment", "pull request", "title"],
            d.rejected.map((x) => [day(x.date), x.environment, `#${x.pullRequest}`, x.title ?? ""]),
          ),
        )
      : []),
    ...(d.note ? [`_Note: ${d.note}._`] : []),
  ]);
  if (r.domainPacks.length > 0)
    section(
      out,
      "Domain packs",
      table(
        ["date", "pack", "what", ...REF],
        r.domainPacks.map((x) => [day(x.date), x.subject, x.words.join("; "), ...refCells(x)]),
      ),
    );
  section(out, "Timeline", changeTable(r.changes));
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

const REF = ["by", "commit", "PR"];

function refCells(x: CommitRef): string[] {
  return [x.author, `\`${shortCommit(x.commit)}\``, x.pullRequest ? `#${x.pullRequest}` : "direct"];
}

function changeTable(rows: readonly ChangeRow[]): string[] {
  return table(
    ["date", "commit", "PR", "author", "environment", "what changed"],
    rows.map((c) => [
      shortDate(c.date),
      `\`${shortCommit(c.commit)}\``,
      c.pullRequest ? `#${c.pullRequest}` : "direct",
      c.author,
      c.environment ?? c.path,
      c.words.join("; "),
    ]),
  );
}

function section(out: string[], title: string, body: string[]): void {
  out.push("", `## ${title}`, "", ...body);
}

function sub(title: string, body: string[]): string[] {
  return [`**${title}**`, "", ...body, ""];
}

function table(head: string[], rows: (string | number)[][]): string[] {
  if (rows.length === 0) return ["None."];
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c) => cellText(String(c))).join(" | ")} |`;
  return [
    line(head),
    `|${head.map((_, i) => (i > 0 && rows.every((r) => typeof r[i] === "number") ? "---:" : "---")).join("|")}|`,
    ...rows.map(line),
  ];
}

function cellText(s: string): string {
  return s.includes("|") || s.includes("\n") ? s.replace(/\|/g, "\\|").replace(/\n/g, " ") : s;
}
