import type { Kind } from "../model/documents.js";

/** What a repository path says a document must be. */
export interface PathIdentity {
  kind: Kind;
  /** Metadata fields the document must carry, as implied by its path. */
  expect: Record<string, string>;
}

/** Directory names inside `environments/<lab>/` that are not environments. */
export const RESERVED_ENV_NAMES = new Set(["shares", "successions", "snapshots"]);

const YAML = /\.ya?ml$/;
/** A snapshot's record beside its request: `snapshots/<name>.lock.yaml`. */
const RECORD = /\.lock\.ya?ml$/;

/**
 * Maps a repository-relative path to the document kind and identity it must
 * hold, or `undefined` when the path is not a place for a labenv document.
 * Paths are identity: `environments/genomics-core/rnaseq/environment.yaml`
 * must say `metadata.lab: genomics-core` and `metadata.name: rnaseq`.
 */
export function classifyPath(path: string): PathIdentity | undefined {
  const parts = path.split("/");
  if (parts.length === 1 && (path === "labenv.yaml" || path === "labenv.yml"))
    return { kind: "RepoConfig", expect: {} };
  if (parts[0] === "environments") return classifyEnvironmentsPath(parts.slice(1));
  if (parts[0] === "domain-packs") {
    if (parts.length === 2 && parts[1] === "registry.yaml")
      return { kind: "DomainPackRegistry", expect: { name: "registry" } };
    if (parts.length === 4 && parts[3] === "pack.yaml")
      return { kind: "DomainPack", expect: { name: parts[1]!, version: parts[2]! } };
  }
  return undefined;
}

function classifyEnvironmentsPath(p: string[]): PathIdentity | undefined {
  const [lab, second, third, fourth] = p;
  if (!lab) return undefined;
  if (p.length === 2 && second === "lab.yaml") return { kind: "Lab", expect: { name: lab } };
  if (p.length === 3 && second === "shares" && third && YAML.test(third))
    return { kind: "Share", expect: { lab, name: stem(third) } };
  if (p.length === 3 && second === "successions" && third && YAML.test(third))
    return { kind: "Succession", expect: { lab, name: stem(third) } };
  if (!second || RESERVED_ENV_NAMES.has(second)) return undefined;
  if (p.length === 3 && third === "environment.yaml")
    return { kind: "Environment", expect: { lab, name: second } };
  if (p.length === 3 && third === "environment.lock.yaml")
    return { kind: "EnvironmentLock", expect: { lab, name: second } };
  if (p.length === 4 && third === "snapshots" && fourth && RECORD.test(fourth))
    return {
      kind: "SnapshotRecord",
      expect: { lab, environment: second, name: fourth.replace(RECORD, "") },
    };
  if (p.length === 4 && third === "snapshots" && fourth && YAML.test(fourth)) {
    return { kind: "Snapshot", expect: { lab, environment: second, name: stem(fourth) } };
  }
  return undefined;
}

function stem(file: string): string {
  return file.replace(YAML, "");
}

/** Whether the loader reads this path at all. */
export function isManagedPath(path: string): boolean {
  return (
    path === "labenv.yaml" ||
    path === "labenv.yml" ||
    path.startsWith("environments/") ||
    path.startsWith("domain-packs/")
  );
}

/** Files that may sit in managed directories without being documents. */
export function isNoteFile(path: string): boolean {
  return (
    /(^|\/)(README|NOTES|CHANGELOG|LICENSE)$/i.test(path) ||
    /\.(md|txt|rst)$/i.test(path) ||
    /(^|\/)\.gitkeep$/.test(path)
  );
}

/** A pack version's example notebook: `domain-packs/<pack>/<version>/examples/<file>.ipynb`. */
export function isPackExample(path: string): boolean {
  const parts = path.split("/");
  return (
    parts.length === 5 &&
    parts[0] === "domain-packs" &&
    parts[3] === "examples" &&
    parts[4]!.endsWith(".ipynb")
  );
}
