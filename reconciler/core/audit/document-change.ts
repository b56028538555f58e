import type { Kind } from "../model/documents.js";

/**
 * One file's change in one commit, in the domain's words. Outcomes reuse the
 * fixed set the rest of labenv speaks (created / updated / deleted), plus
 * `renamed` for moves.
 */
export type ChangeAction = "created" | "updated" | "deleted" | "renamed";

/** The document kinds an audit speaks of; `File` is anything else under a managed directory. */
export type AuditedKind = Kind | "File";

export interface PackageChange {
  name: string;
  /** Locked version before; absent when the package was added. */
  from?: string;
  /** Locked version after; absent when the package was removed. */
  to?: string;
}

export interface DocumentChange {
  kind: AuditedKind;
  action: ChangeAction;
  path: string;
  oldPath?: string;
  /** The lab the file belongs to (from its path). */
  lab?: string;
  /** `lab/env` the file belongs to (environment, lock, snapshot). */
  environment?: string;
  /** The document's own name (snapshot, share, succession, domain pack version). */
  name?: string;
  /** What changed, in plain words. */
  words: string[];
  /** Locked package changes (locks only). */
  packages?: PackageChange[];
  /** For shares: the receiving lab and the shared environment (`lab/env`). */
  share?: {
    environment?: string;
    to?: string;
    access?: string;
    expires?: string;
    snapshot?: string;
  };
  /** For successions: who hands over to whom, and which environments (empty: all `from` owns). */
  succession?: { from?: string; to?: string; environments: string[]; effective?: string };
  /** Whether the document could be read as YAML on both sides. */
  readable: boolean;
}
