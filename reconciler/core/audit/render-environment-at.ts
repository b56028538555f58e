import type { EnvironmentAt, FileAt } from "./environment-at.js";
import { shortCommit } from "./format.js";

/**
 * The environment and lock as they were, printed as YAML (one document per
 * file, exactly the committed bytes) under comment lines naming the commit.
 */
export function renderEnvironmentAt(s: EnvironmentAt): string {
  const asOf = s.instant ? ` (as of ${s.instant})` : "";
  if (!s.commit)
    return `# ${s.asked} at ${s.when}${asOf}: ${s.note ?? "no commit on main that early"}`;
  const c = s.commit;
  const lines = [
    `# ${s.asked} at ${s.when}${asOf}`,
    `# from commit ${c.commit} (${shortCommit(c.commit)}), ${c.date}, by ${c.author}: ${c.subject}`,
  ];
  if (s.lastChange)
    lines.push(
      `# last changed by commit ${shortCommit(s.lastChange.commit)}, ${s.lastChange.date}, by ${s.lastChange.author}: ${s.lastChange.subject}`,
    );
  if (s.name !== s.asked) lines.push(`# named ${s.name} at that commit`);
  if (s.note) lines.push(`# ${s.note}`);
  const file = (f: FileAt | undefined, what: string) =>
    f
      ? ["---", `# ${f.path} (blob ${f.blob})`, f.text.replace(/\n$/, "")]
      : ["---", `# no ${what} at that commit`];
  if (s.environment)
    lines.push(
      ...file(s.environment, "environment.yaml"),
      ...file(s.lock, "environment.lock.yaml"),
    );
  return lines.join("\n");
}
