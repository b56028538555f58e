import type { DomainPackRegistry } from "./generated/domain-pack-registry.js";
import type { DomainPack } from "./generated/domain-pack.js";
import type { EnvironmentLock } from "./generated/environment-lock.js";
import type { Environment } from "./generated/environment.js";
import type { Lab } from "./generated/lab.js";
import type { RepoConfig } from "./generated/labenv-config.js";
import type { Observation } from "./generated/observation.js";
import type { Share } from "./generated/share.js";
import type { Snapshot } from "./generated/snapshot.js";
import type { SnapshotRecord } from "./generated/snapshot-record.js";
import type { Succession } from "./generated/succession.js";
import type { PositionIndex } from "../load/positions.js";

export type {
  DomainPack,
  DomainPackRegistry,
  Environment,
  EnvironmentLock,
  Lab,
  Observation,
  RepoConfig,
  Share,
  Snapshot,
  SnapshotRecord,
  Succession,
};

export const API_VERSION = "labenv.westtek.io/v1";

/** Every document kind, mapped to its TypeScript type (generated from schemas/). */
export interface KindMap {
  Lab: Lab;
  Environment: Environment;
  EnvironmentLock: EnvironmentLock;
  Snapshot: Snapshot;
  SnapshotRecord: SnapshotRecord;
  Share: Share;
  Succession: Succession;
  DomainPack: DomainPack;
  DomainPackRegistry: DomainPackRegistry;
  RepoConfig: RepoConfig;
  Observation: Observation;
}
export type Kind = keyof KindMap;
export const KINDS: readonly Kind[] = [
  "Lab",
  "Environment",
  "EnvironmentLock",
  "Snapshot",
  "SnapshotRecord",
  "Share",
  "Succession",
  "DomainPack",
  "DomainPackRegistry",
  "RepoConfig",
  "Observation",
];

/** A document read from the repository, with where it came from. */
export interface Loaded<K extends Kind = Kind> {
  kind: K;
  /** Repository-relative path. */
  file: string;
  doc: KindMap[K];
  /** Source positions of every node, for pointing diagnostics at lines. */
  positions: PositionIndex;
  /** The raw source text (for hashing and re-reading). */
  text: string;
  /** For domain packs: the checksum of the version's canonical content, computed once when loaded. */
  checksum?: string;
}

/** The whole repository as typed documents, indexed by identity. */
export interface Repository {
  config?: Loaded<"RepoConfig">;
  /** lab id → lab */
  labs: Map<string, Loaded<"Lab">>;
  /** `lab/env` → environment */
  environments: Map<string, Loaded<"Environment">>;
  /** `lab/env` → lock */
  locks: Map<string, Loaded<"EnvironmentLock">>;
  /** `lab/env/name` → snapshot */
  snapshots: Map<string, Loaded<"Snapshot">>;
  /** `lab/env/name` → what was captured for it (`snapshots/<name>.lock.yaml`, committed by labenv's own PR) */
  snapshotRecords: Map<string, Loaded<"SnapshotRecord">>;
  /** `lab/name` → share */
  shares: Map<string, Loaded<"Share">>;
  /** `lab/name` → succession */
  successions: Map<string, Loaded<"Succession">>;
  /** `pack@version` → pack */
  packs: Map<string, Loaded<"DomainPack">>;
  /** pack name → its versions, highest first (built once by the loader). */
  packVersions: Map<string, Loaded<"DomainPack">[]>;
  registry?: Loaded<"DomainPackRegistry">;
  /** `domain-packs/<pack>/<version>/examples/<file>.ipynb` → its bytes, as read (see pack-examples.ts). */
  packExampleFiles: Map<string, Uint8Array | string>;
  /**
   * Every file the loader read, repository-relative, including documents that
   * failed to load: rules use it to stay quiet about a reference whose target
   * exists but is broken (its own file already carries the finding).
   */
  files: Set<string>;
}

export function envKey(lab: string, env: string): string {
  return `${lab}/${env}`;
}
