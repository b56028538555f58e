import { emptyRepository } from "../load/load-repository.js";
import type { Kind, KindMap, Loaded, Repository } from "../model/documents.js";
import { isRecord } from "./field-diff.js";
import type { TimelineCommit } from "./timeline-commit.js";

/**
 * The two sides of a merged commit as the approvals core reads them: main
 * just before the merge (labs, the touched environments, shares and
 * successions as they were) and the merged result (shares and successions as
 * they became), with which touched files existed on each side. Only
 * documents of the shape today's rules read are included: an old lab.yaml
 * that lacks members or approvers reads as unreadable rather than crashing a
 * rule.
 */
export interface ApprovalSides {
  base: Repository;
  head: Repository;
  changedFiles: string[];
  /** Labs touched whose lab.yaml before the merge could not be read as rules. */
  unreadableLabs: string[];
}

export function approvalSides(commit: TimelineCommit): ApprovalSides {
  const base = emptyRepository();
  const head = emptyRepository();
  const unreadableLabs: string[] = [];
  for (const [lab, doc] of Object.entries(commit.base.labs)) {
    if (doc === undefined) continue;
    if (isLabShape(doc)) base.labs.set(lab, loaded("Lab", `environments/${lab}/lab.yaml`, doc));
    else unreadableLabs.push(lab);
  }
  for (const [key, doc] of Object.entries(commit.base.environments)) {
    if (isRecord(doc) && isRecord(doc.spec))
      base.environments.set(
        key,
        loaded("Environment", `environments/${key}/environment.yaml`, doc),
      );
  }
  for (const c of commit.changes) {
    if (!c.documents || !c.lab || !c.name) continue;
    const key = `${c.lab}/${c.name}`;
    const put = (repo: Repository, doc: unknown) => {
      if (!isRecord(doc) || !isRecord(doc.spec)) return;
      if (c.kind === "Share" && isRecord(doc.spec.to))
        repo.shares.set(key, loaded("Share", c.path, doc));
      if (c.kind === "Succession") repo.successions.set(key, loaded("Succession", c.path, doc));
    };
    put(base, c.documents.before);
    put(head, c.documents.after);
  }
  for (const f of commit.files.before) base.files.add(f);
  for (const f of commit.files.after) head.files.add(f);
  const changedFiles = [
    ...new Set(commit.changes.flatMap((c) => (c.oldPath ? [c.path, c.oldPath] : [c.path]))),
  ];
  return { base, head, changedFiles, unreadableLabs };
}

function isLabShape(doc: unknown): boolean {
  if (!isRecord(doc) || !isRecord(doc.spec)) return false;
  const { pi, approvers, members } = doc.spec;
  return (
    typeof pi === "string" &&
    Array.isArray(approvers) &&
    Array.isArray(members) &&
    members.every((m) => isRecord(m) && typeof m.id === "string" && typeof m.github === "string")
  );
}

/** A document from history in the loader's shape (no source positions: nothing here points at lines). */
function loaded<K extends Kind>(kind: K, file: string, doc: unknown): Loaded<K> {
  return { kind, file, doc: doc as KindMap[K], positions: undefined as never, text: "" };
}
