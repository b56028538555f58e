import { classifyPath } from "../load/classify-path.js";
import type { ChangeDescriptions } from "./change-descriptions.js";
import type { ChangeAction, DocumentChange } from "./document-change.js";
import type { DocumentReader } from "./document-reader.js";
import {
  domainPackWords,
  labWords,
  shareWords,
  snapshotRecordWords,
  snapshotWords,
  successionWords,
} from "./document-words.js";
import { environmentWords } from "./environment-words.js";
import { field, stringField } from "./field-diff.js";
import type { FileChange } from "./log-entry.js";
import { lockedPackages, lockWords } from "./lock-words.js";

/**
 * One file change → what it means, in the domain's words. A description
 * `descriptions` remembers is used as it is (it is the same words: see
 * change-descriptions.ts); one made here is remembered there.
 */
export function describeChange(
  change: FileChange,
  reader: DocumentReader,
  descriptions?: ChangeDescriptions,
): DocumentChange {
  const remembered = descriptions?.get(change);
  if (remembered !== undefined) return remembered;
  const file = describeFile(change, reader);
  const described = change.status === "R" ? withoutMoveNoise(file) : file;
  descriptions?.set(change, described);
  return described;
}

function describeFile(change: FileChange, reader: DocumentReader): DocumentChange {
  const identity = classifyPath(change.path);
  const before =
    change.oldBlob === undefined ? undefined : readOrUnreadable(reader, change.oldBlob);
  const after = change.newBlob === undefined ? undefined : readOrUnreadable(reader, change.newBlob);
  const readable = before !== UNREADABLE && after !== UNREADABLE;
  const a = before === UNREADABLE ? {} : before;
  const b = after === UNREADABLE ? {} : after;
  const action = actionOf(change);
  const base = {
    path: change.path,
    ...(change.oldPath ? { oldPath: change.oldPath } : {}),
    action,
    readable,
  };
  if (!identity) return { ...base, kind: "File", words: [fileWords(change)] };
  const e = identity.expect;
  const lab = e.lab ?? (identity.kind === "Lab" ? e.name : undefined);
  const envKey =
    identity.kind === "Environment" || identity.kind === "EnvironmentLock"
      ? `${e.lab}/${e.name}`
      : identity.kind === "Snapshot" || identity.kind === "SnapshotRecord"
        ? `${e.lab}/${e.environment}`
        : undefined;
  const head = {
    ...base,
    kind: identity.kind,
    ...(lab ? { lab } : {}),
    ...(envKey ? { environment: envKey } : {}),
  };
  const renamed = change.oldPath ? renameWords(identity.kind, change.oldPath, change.path) : [];
  const unreadable = readable ? [] : [`${change.path.split("/").pop()} could not be read as YAML`];
  // With one side unreadable a field-by-field comparison would only list noise.
  if (!readable && before !== undefined && after !== undefined)
    return {
      ...head,
      words: [
        ...renamed,
        `${change.path.split("/").pop()} changed, but could not be read as YAML ${before === UNREADABLE ? "before" : "after"} the change`,
      ],
    };
  const contentBefore =
    change.status === "R" || change.status === "C" ? (change.status === "C" ? undefined : a) : a;
  switch (identity.kind) {
    case "Environment":
      return { ...head, words: [...renamed, ...unreadable, ...environmentWords(contentBefore, b)] };
    case "EnvironmentLock": {
      const packagesOf = (id: string | undefined) =>
        id === undefined ? undefined : reader.derived(id, "locked-packages", lockedPackages);
      const lock = lockWords(contentBefore, b, {
        before: change.status === "C" ? undefined : packagesOf(change.oldBlob),
        after: packagesOf(change.newBlob),
      });
      const moved =
        change.status === "R" &&
        lock.words.length === 1 &&
        lock.words[0]!.startsWith("lock regenerated");
      return {
        ...head,
        words: [...unreadable, ...(moved ? [] : lock.words)],
        packages: lock.packages,
      };
    }
    case "Snapshot":
      return {
        ...head,
        name: e.name!,
        words: [...renamed, ...unreadable, ...snapshotWords(e.name!, contentBefore, b)],
      };
    case "SnapshotRecord":
      return {
        ...head,
        name: e.name!,
        words: [...unreadable, ...snapshotRecordWords(e.name!, contentBefore, b)],
      };
    case "Share": {
      const doc = b ?? a;
      const env = stringField(doc, "spec", "environment");
      const share = {
        ...(env ? { environment: `${lab}/${env}` } : {}),
        ...optional("to", stringField(doc, "spec", "to", "lab")),
        ...optional("access", stringField(doc, "spec", "access")),
        ...optional("expires", stringField(doc, "spec", "expires")),
        ...optional("snapshot", stringField(doc, "spec", "snapshot")),
      };
      return {
        ...head,
        name: e.name!,
        share,
        words: [...renamed, ...unreadable, ...shareWords(e.name!, contentBefore, b)],
      };
    }
    case "Succession": {
      const doc = b ?? a;
      const envs = field(doc, "spec", "environments");
      const succession = {
        ...optional("from", stringField(doc, "spec", "from")),
        ...optional("to", stringField(doc, "spec", "to")),
        environments: Array.isArray(envs)
          ? envs.filter((x): x is string => typeof x === "string").map((x) => `${lab}/${x}`)
          : [],
        ...optional("effective", stringField(doc, "spec", "effective")),
      };
      return {
        ...head,
        name: e.name!,
        succession,
        words: [...renamed, ...unreadable, ...successionWords(e.name!, contentBefore, b)],
      };
    }
    case "Lab":
      return { ...head, words: [...unreadable, ...labWords(e.name!, contentBefore, b)] };
    case "DomainPack":
      return {
        ...head,
        name: `${e.name}@${e.version}`,
        words: [...unreadable, ...domainPackWords(`${e.name} ${e.version}`, contentBefore, b)],
      };
    case "DomainPackRegistry":
      return { ...head, words: [`domain pack registry ${action}`] };
    default:
      return { ...head, words: [...unreadable, `${change.path} ${action}`] };
  }
}

const UNREADABLE = Symbol("unreadable");

function readOrUnreadable(reader: DocumentReader, id: string): unknown {
  const doc = reader.document(id);
  return doc === undefined || doc === null || typeof doc !== "object" ? UNREADABLE : doc;
}

function actionOf(change: FileChange): ChangeAction {
  switch (change.status) {
    case "A":
    case "C":
      return "created";
    case "D":
      return "deleted";
    case "R":
      return "renamed";
    default:
      return "updated";
  }
}

function renameWords(kind: string, from: string, to: string): string[] {
  const a = classifyPath(from);
  const b = classifyPath(to);
  if (kind === "Environment") {
    const verb = a?.expect.lab === b?.expect.lab ? "renamed" : "moved";
    return [
      `environment ${verb} ${a?.expect.lab}/${a?.expect.name} → ${b?.expect.lab}/${b?.expect.name}`,
    ];
  }
  if (
    (kind === "Snapshot" || kind === "Share" || kind === "Succession") &&
    a?.expect.name !== b?.expect.name
  ) {
    return [`${kind.toLowerCase()} ${a?.expect.name ?? from} renamed to ${b?.expect.name}`];
  }
  return [];
}

/** A move rewrites identity fields only; say so once rather than "same content" per file. */
function withoutMoveNoise(change: DocumentChange): DocumentChange {
  return { ...change, words: change.words.filter((w) => !w.endsWith("rewritten (same content)")) };
}

function fileWords(change: FileChange): string {
  const verb = { A: "added", C: "added", D: "deleted", R: "renamed", M: "changed", T: "changed" }[
    change.status
  ];
  return change.oldPath
    ? `file ${change.oldPath} renamed to ${change.path}`
    : `file ${change.path} ${verb}`;
}

function optional<K extends string>(key: K, v: string | undefined): { [P in K]?: string } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: string };
}
