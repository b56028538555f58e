import type { CommitOrigin } from "./commit-origin.js";
import type { DocumentChange } from "./document-change.js";

/** An environment a change concerns, with how it was labelled at that commit. */
export interface EnvironmentRef {
  /** `lab/env` */
  key: string;
  experiment?: string;
  funding?: string;
}

export interface AttributedChange extends DocumentChange {
  /** The environments the change concerns (shares: the shared one; successions: those handed over). */
  concerns: EnvironmentRef[];
  /** Shares and successions: the parsed document on both sides, for the approval rules. */
  documents?: { before: unknown; after: unknown };
}

/** Documents as they stood on main just before the commit: what approval rules are read from. */
export interface BaseDocuments {
  /** lab id → parsed lab.yaml (undefined: the lab did not exist yet) */
  labs: Record<string, unknown>;
  /** `lab/env` → parsed environment.yaml before the commit */
  environments: Record<string, unknown>;
}

/** One commit on main's first-parent history that changed managed files. */
export interface TimelineCommit {
  commit: string;
  parents: string[];
  /** When it landed on main (committer date), ISO 8601 UTC. */
  date: string;
  subject: string;
  /** Who made the change: the commit's author, or for a merge the author of the merged branch's tip. */
  author: string;
  authorEmail: string;
  /** For merge commits: who merged (the merge commit's author). */
  mergedBy?: string;
  origin: CommitOrigin;
  /** The commit this one reverts, when it is a revert. */
  revertOf?: string;
  /** For merged drift pull requests: `lab/env`. */
  drift?: string;
  changes: AttributedChange[];
  base: BaseDocuments;
  /** Which of the changed paths (and the touched environments' environment.yaml) existed before and after. */
  files: { before: string[]; after: string[] };
}

export interface Timeline {
  /** Newest first. */
  commits: TimelineCommit[];
  /** lab id → parsed lab.yaml at the end of the window. */
  labs: Record<string, unknown>;
}
