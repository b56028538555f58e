import { parseYamlText } from "../../core/audit/document-reader.js";
import type { EnvironmentAt, FileAt } from "../../core/audit/environment-at.js";
import { utc } from "../../core/audit/format.js";
import { isoSeconds, looksLikeDate, parseInstant } from "../../core/audit/period.js";
import { readGitObjects } from "./cat-file.js";
import { readEnvironmentTrail } from "./environment-trail.js";
import {
  commitAtOrBefore,
  lastCommitTouching,
  resolveCommit,
  type CommitInfo,
} from "./resolve-commit.js";

/**
 * An environment and its lock as committed at a date (the last commit on
 * main's first-parent history that landed at or before it) or at a commit.
 * When the environment had another name then, its former names (from its
 * history) are tried too.
 */
export async function readEnvironmentAt(
  dir: string,
  when: string,
  key: string,
): Promise<EnvironmentAt> {
  let commit: CommitInfo | undefined;
  let instant: string | undefined;
  if (looksLikeDate(when)) {
    const at = parseInstant(when, "end", "<date>");
    instant = isoSeconds(at);
    commit = await commitAtOrBefore(dir, at);
  } else {
    commit = await resolveCommit(dir, when);
  }
  const base = { asked: key, when, ...(instant ? { instant } : {}), name: key };
  if (!commit) return { ...base, commit: null, note: `main has no commit at or before ${instant}` };
  commit = { ...commit, date: utc(commit.date) };
  const found = await filesAt(dir, commit.commit, key);
  if (found.environment)
    return { ...base, commit, ...(await lastChange(dir, commit.commit, key)), ...found };
  const { identities } = await readEnvironmentTrail(dir, key);
  for (const former of identities.slice(1)) {
    const older = await filesAt(dir, commit.commit, former);
    if (older.environment)
      return {
        ...base,
        commit,
        ...(await lastChange(dir, commit.commit, former)),
        name: former,
        ...older,
      };
  }
  return {
    ...base,
    commit,
    note: `${key} did not exist at that commit${identities.length > 1 ? ` (nor under its former names ${identities.slice(1).join(", ")})` : ""}`,
  };
}

async function lastChange(
  dir: string,
  commit: string,
  key: string,
): Promise<{ lastChange?: CommitInfo }> {
  const last = await lastCommitTouching(dir, commit, [
    `environments/${key}/environment.yaml`,
    `environments/${key}/environment.lock.yaml`,
  ]);
  return last ? { lastChange: { ...last, date: utc(last.date) } } : {};
}

async function filesAt(
  dir: string,
  commit: string,
  key: string,
): Promise<{ environment?: FileAt; lock?: FileAt }> {
  const paths = [
    `environments/${key}/environment.yaml`,
    `environments/${key}/environment.lock.yaml`,
  ];
  const objects = await readGitObjects(
    dir,
    paths.map((p) => `${commit}:${p}`),
  );
  const [environment, lock] = paths.map((path): FileAt | undefined => {
    const o = objects.get(`${commit}:${path}`);
    if (!o || o.type !== "blob") return undefined;
    const text = o.content.toString("utf8");
    const document = parseYamlText(text);
    return { path, blob: o.id, text, ...(document !== undefined ? { document } : {}) };
  });
  return { ...(environment ? { environment } : {}), ...(lock ? { lock } : {}) };
}
