import { classifyPath } from "../load/classify-path.js";
import type { ChangeDescriptions } from "./change-descriptions.js";
import { commitOrigin, driftTarget, revertedCommit, subjectOf } from "./commit-origin.js";
import { describeChange } from "./describe-change.js";
import type { AuditedKind } from "./document-change.js";
import type { DocumentReader } from "./document-reader.js";
import { stringField } from "./field-diff.js";
import { handedOver } from "./handed-over.js";
import { missingObjects } from "./missing-objects.js";
import { utc } from "./format.js";
import type { LogEntry, Person } from "./log-entry.js";
import type {
  AttributedChange,
  BaseDocuments,
  EnvironmentRef,
  Timeline,
  TimelineCommit,
} from "./timeline-commit.js";

/** The order changes are told within a commit: the environment first, then what hangs off it. */
const KIND_ORDER: readonly AuditedKind[] = [
  "Environment",
  "EnvironmentLock",
  "Snapshot",
  "SnapshotRecord",
  "Share",
  "Succession",
  "Lab",
  "DomainPack",
  "DomainPackRegistry",
  "RepoConfig",
  "Observation",
  "File",
];

/** Which commits to describe: those that landed within [since, until] (epoch ms, inclusive). */
export interface TimelineWindow {
  since?: number;
  until?: number;
}

/**
 * Log entries (newest first, as git prints them, covering the whole
 * first-parent history of the paths) + object contents → the commits in the
 * window, described, newest first, and every lab's lab.yaml as it stood at
 * the end of the window (for funder names). The walk replays every change from the oldest commit so
 * it knows each file's blob at every commit without asking git again: the
 * environment a lock belongs to, a lab's rules before a merge. Objects not yet
 * in the reader are noted there (`takeMissing`); callers fetch them and build
 * again until nothing is missing. Descriptions `descriptions` remembers are
 * used instead of reading their blobs, and new ones are added to it.
 */
export function buildTimeline(
  entries: readonly LogEntry[],
  reader: DocumentReader,
  window: TimelineWindow = {},
  descriptions?: ChangeDescriptions,
): Timeline {
  const tree = new Map<string, string>();
  const out: TimelineCommit[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    const at = Date.parse(entry.committerDate);
    const inWindow =
      (window.since === undefined || at >= window.since) &&
      (window.until === undefined || at <= window.until);
    if (!inWindow) {
      apply(tree, entry);
      continue;
    }
    const missing = missingObjects(entry, tree, reader, descriptions);
    if (missing.length > 0) {
      // Describing now would be wasted: note what to fetch and describe on the next build.
      reader.want(missing);
      apply(tree, entry);
      continue;
    }
    const base = baseDocuments(entry, tree, reader);
    const before = new Map(
      entry.changes.map((c) => [c.oldPath ?? c.path, tree.get(c.oldPath ?? c.path)]),
    );
    const relevant = [
      ...entry.changes.flatMap((c) => (c.oldPath ? [c.path, c.oldPath] : [c.path])),
      ...Object.keys(base.environments).map((k) => `environments/${k}/environment.yaml`),
    ];
    const filesBefore = relevant.filter((p) => tree.has(p));
    apply(tree, entry);
    const commit = describeCommit(entry, tree, before, base, reader, descriptions);
    commit.files = {
      before: [...new Set(filesBefore)],
      after: [...new Set(relevant.filter((p) => tree.has(p)))],
    };
    out.push(commit);
  }
  const labs: Record<string, unknown> = {};
  for (const [path, blob] of tree) {
    const m = /^environments\/([^/]+)\/lab\.yaml$/.exec(path);
    if (m) labs[m[1]!] = reader.document(blob);
  }
  return { commits: out.reverse(), labs };
}

function apply(tree: Map<string, string>, entry: LogEntry): void {
  for (const c of entry.changes) {
    if (c.status === "R" && c.oldPath) tree.delete(c.oldPath);
    if (c.newBlob === undefined) tree.delete(c.path);
    else tree.set(c.path, c.newBlob);
  }
}

function describeCommit(
  entry: LogEntry,
  tree: Map<string, string>,
  before: Map<string, string | undefined>,
  base: BaseDocuments,
  reader: DocumentReader,
  descriptions: ChangeDescriptions | undefined,
): TimelineCommit {
  const origin = commitOrigin(entry.message, entry.parents.length);
  const tip = entry.parents.length > 1 ? mergedTipAuthor(reader.text(entry.parents[1])) : undefined;
  const author = tip ?? entry.author;
  const changes: AttributedChange[] = entry.changes
    .map((c) => {
      const change = describeChange(c, reader, descriptions);
      const documents =
        change.kind === "Share" || change.kind === "Succession"
          ? { documents: { before: reader.document(c.oldBlob), after: reader.document(c.newBlob) } }
          : {};
      return { ...change, concerns: concerns(change, tree, before, base, reader), ...documents };
    })
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.path.localeCompare(b.path),
    );
  const revertOf = revertedCommit(entry.message);
  const drift = driftTarget(origin);
  return {
    commit: entry.commit,
    parents: entry.parents,
    date: utc(entry.committerDate),
    subject: subjectOf(entry.message),
    author: author.name,
    authorEmail: author.email,
    ...(entry.parents.length > 1 ? { mergedBy: entry.author.name } : {}),
    origin,
    ...(revertOf ? { revertOf } : {}),
    ...(drift ? { drift } : {}),
    changes,
    base,
    files: { before: [], after: [] },
  };
}

/** The environments a change concerns, labelled as they were after the commit (before it, for deletions). */
function concerns(
  change: AttributedChange | Omit<AttributedChange, "concerns">,
  tree: Map<string, string>,
  before: Map<string, string | undefined>,
  base: BaseDocuments,
  reader: DocumentReader,
): EnvironmentRef[] {
  const keys = new Set<string>();
  if (change.environment) keys.add(change.environment);
  if (change.share?.environment) keys.add(change.share.environment);
  if (change.succession) {
    if (change.succession.environments.length > 0)
      change.succession.environments.forEach((k) => keys.add(k));
    else
      for (const [key, doc] of Object.entries(base.environments))
        if (stringField(doc, "spec", "owner") === change.succession.from) keys.add(key);
  }
  return [...keys].map((key) => {
    const path = `environments/${key}/environment.yaml`;
    const doc = reader.document(tree.get(path) ?? before.get(path));
    const experiment = stringField(doc, "metadata", "experiment");
    const funding = stringField(doc, "metadata", "funding");
    return { key, ...(experiment ? { experiment } : {}), ...(funding ? { funding } : {}) };
  });
}

/**
 * Labs and environments as they stood before the commit, for the labs and
 * environments it touches: approval rules come from here, never from the
 * commit being judged. A succession that names no environments hands over
 * every environment its outgoing member owned, so the lab's environments are
 * all read for it.
 */
function baseDocuments(
  entry: LogEntry,
  tree: Map<string, string>,
  reader: DocumentReader,
): BaseDocuments {
  const labs = new Set<string>();
  const envs = new Set<string>();
  for (const c of entry.changes) {
    for (const path of c.oldPath ? [c.path, c.oldPath] : [c.path]) {
      const id = classifyPath(path);
      const lab = id?.expect.lab ?? (id?.kind === "Lab" ? id.expect.name : undefined);
      if (!id || !lab) continue;
      labs.add(lab);
      if (id.kind === "Environment" || id.kind === "EnvironmentLock")
        envs.add(`${lab}/${id.expect.name}`);
      if (id.kind === "Snapshot" || id.kind === "SnapshotRecord")
        envs.add(`${lab}/${id.expect.environment}`);
      if (id.kind === "Share" || id.kind === "Succession") {
        const doc = reader.document(c.newBlob) ?? reader.document(c.oldBlob);
        const to = stringField(doc, "spec", "to", "lab");
        if (id.kind === "Share" && to) labs.add(to);
        const env = stringField(doc, "spec", "environment");
        if (id.kind === "Share" && env) envs.add(`${lab}/${env}`);
        if (id.kind === "Succession") for (const key of handedOver(doc, tree, lab)) envs.add(key);
      }
    }
  }
  const base: BaseDocuments = { labs: {}, environments: {} };
  for (const lab of labs)
    base.labs[lab] = reader.document(tree.get(`environments/${lab}/lab.yaml`));
  for (const key of envs)
    base.environments[key] = reader.document(tree.get(`environments/${key}/environment.yaml`));
  return base;
}

/** `author Name <email> 1700000000 +0000` from a commit object's text. */
function mergedTipAuthor(commitText: string | undefined): Person | undefined {
  const m =
    commitText === undefined ? null : /^author (.*) <([^>]*)> \d+ [+-]\d{4}$/m.exec(commitText);
  return m ? { name: m[1]!, email: m[2]! } : undefined;
}
