import type { EnvironmentHistory } from "./environment-history.js";
import { originLabel, plural, shortCommit, shortDate } from "./format.js";

/** An environment's history as text, newest first. */
export function renderHistory(h: EnvironmentHistory): string {
  const lines = [
    `${h.environment}: ${plural(h.entries.length, "change")} on main, newest first${h.formerNames.length > 0 ? ` (formerly ${h.formerNames.join(", then ")})` : ""}`,
  ];
  if (h.entries.length === 0)
    lines.push("", "no commit on main's first-parent history touched this environment");
  for (const e of h.entries) {
    const by =
      e.mergedBy && e.mergedBy !== e.author ? `${e.author} (merged by ${e.mergedBy})` : e.author;
    lines.push(
      "",
      `${shortDate(e.date)}  ${shortCommit(e.commit)}  ${by}  ${originLabel(e.pullRequest, e.via)}`,
    );
    if (e.revertOf) lines.push(`    reverts ${shortCommit(e.revertOf)}`);
    for (const c of e.changes) lines.push(`    ${c}`);
  }
  return lines.join("\n");
}
