import type { Observation } from "../core/model/documents.js";

/** One file of a home as it was stored: path relative to the home, size in bytes, sha256 (hex). */
export interface StoredFileSum {
  path: string;
  size: number;
  sha256: string;
  /** When it was last modified, where the store keeps it (a recovery point keeps each file's mtime). */
  modifiedAt?: string;
}

/** The home at the capture point, as a snapshot's manifest records it. */
export interface CapturePoint {
  /** `lab/env/name`. */
  id: string;
  /** `lab/env`. */
  environment: string;
  /** The home's path from the file system root. */
  path: string;
  recoveryPointArn: string;
  volumeSnapshotId?: string;
}

/**
 * The home's files at the capture point, or why they are not known yet. With `inventory`, the
 * files come from the agent's inventory in a one-off task (AWS); without, from the recovery
 * point's stored bytes (the sandbox).
 */
export type HomeCapture =
  | { state: "pending"; reason: string }
  | { state: "failed"; reason: string }
  | {
      state: "done";
      files: StoredFileSum[];
      inventory?: {
        /** The inventory document's bytes, stored by content before the manifest names it. */
        bytes: string;
        takenAt: string;
        task: string;
        /** When the backup job began: files modified since may differ in the recovery point. */
        backupStartedAt: string;
        changedSinceBackup: string[];
      };
    };

/**
 * Where a snapshot's evidence comes from, read back from what the provider really stored: the
 * sandbox reads its recovery points' files and its containers; on AWS the EBS and Backup APIs and
 * the agent's report. Everything here is read, never assumed from a record that says it happened.
 */
export interface SnapshotSources {
  /** The EBS snapshot's state (`completed`, `pending`, `error`), or undefined when it does not exist. */
  volumeSnapshot(id: string): Promise<{ state: string; volumeId?: string } | undefined>;
  /** The backup job's state and the recovery point it made, or undefined when there is no such job. */
  backupJob(id: string): Promise<{ state: string; recoveryPointArn?: string } | undefined>;
  /**
   * Every file under `path` (from the file system root) in the recovery point, each size and sum
   * computed from the stored bytes; undefined when the recovery point does not exist. A file the
   * point lists whose content is gone has size -1.
   */
  recoveryPointFiles(recoveryPointArn: string, path: string): Promise<StoredFileSum[] | undefined>;
  /**
   * The home's files for the manifest, each with its size and sum. May take several runs (a
   * one-off task on AWS): `pending` says what it waits for; calling again is safe.
   */
  captureHome(point: CapturePoint): Promise<HomeCapture>;
  /** What the environment's container reports now (the agent's observation at this moment). */
  observation(environment: string): Promise<Observation | undefined>;
  /** The image the environment's running task runs (`repo@sha256:…`), if it runs. */
  runningImage(environment: string): Promise<string | undefined>;
}

/** Where a restored home's files landed, each summed from the bytes written there. */
export interface RestoredHome {
  /** The directory AWS Backup restored into, off the file system root (`/aws-backup-restore_<time>`). */
  restoreDirectory: string;
  /** `home`: moved into the environment's empty home; `beside`: the home has files, so they stay in the restore directory. */
  placed: "home" | "beside";
  /** The directory the files are in now (the home, or the home's path inside the restore directory). */
  path: string;
  files: StoredFileSum[];
  /**
   * With `overwrite`: the home's files that differed from the snapshot's and were replaced, each
   * kept aside (never lost) at `keptAt`, a path in the home under `keptAside`.
   */
  replaced?: { path: string; keptAt: string }[];
  /** The dated directory in the home the replaced versions were moved to (`.labenv-replaced/<time>`). */
  keptAside?: string;
  /** Files left in the restore directory (kept, not removed, while it holds any). */
  left?: number;
}

/** What a restore that moves files in a later task needs to know: whose, from where, and what they must match. */
export interface HomeMoveRequest {
  /** `lab/env`: the environment whose home (or share) it is; its image runs the move. */
  environment: string;
  /** `lab/env/name`. */
  snapshot: string;
  /** The image by digest the move task runs (the agent is in it). */
  image: string;
  /** The snapshot's files: each restored file is checked against these before it is moved. */
  files: readonly StoredFileSum[];
  /**
   * The restore's attempt (`restoreFrom.attempt`, 1 unless raised): an attempt after the first
   * is a fresh restore with its own token, job and move; the first keeps the token it always had.
   */
  attempt?: number;
  /**
   * `restoreFrom.overwrite`: restore over the home's files, each one that differs moved first
   * into `.labenv-replaced/<time>/` in the home (only for a restorer that says `overwrites`).
   */
  overwrite?: boolean;
}

/**
 * Brings a home back from a recovery point, as AWS Backup does: an item-level restore of the
 * home's path into a new `aws-backup-restore_<time>` directory (never in place), then a one-off
 * move into the environment's home. Existing files are never overwritten, unless `overwrite`
 * (then each replaced one is kept aside first).
 */
export interface HomeRestorer {
  /**
   * With `overwrite` (an environment's `restoreFrom.overwrite: true`, which needs the approvals of
   * a delete), into a home that holds files: each restored file whose content differs from the
   * home's replaces it, the home's version moved first into a dated `.labenv-replaced/<time>/`
   * directory in the home (nothing a researcher stored is lost); files the snapshot does not have
   * stay as they are. Only a restorer that says `overwrites` may be asked to.
   */
  restoreHome(
    recoveryPointArn: string,
    fromPath: string,
    toPath: string,
    options?: { overwrite?: boolean },
  ): Promise<RestoredHome>;
  /** Whether this restorer can restore over a home's files (`options.overwrite`, `move.overwrite`). */
  readonly overwrites?: boolean;
  /**
   * The same restore where it spans runs (AWS: a restore job, then a one-off move task): each
   * call takes the next step and says what it waits for; calling again is safe. When absent,
   * `restoreHome` is used.
   */
  restoreHomeStep?(
    recoveryPointArn: string,
    fromPath: string,
    toPath: string,
    move?: HomeMoveRequest,
  ): Promise<HomeRestoreStep>;
}

/** Where a restore that spans runs stands. */
export type HomeRestoreStep =
  | { state: "pending"; reason: string }
  /**
   * `final`: the attempt is over, and later runs of it would change nothing (it is recorded, and
   * only a raised `restoreFrom.attempt` restores again); `mendable: false`: a retry cannot mend
   * it either (the recovery point is gone).
   */
  | { state: "failed"; reason: string; final?: boolean; mendable?: boolean }
  /**
   * `startedAt`: when the restore began, when that was in an earlier run (the restore job's
   * creation); `task`: when its move (or check) task ran and stopped, as the provider reports it.
   */
  | {
      state: "done";
      home: RestoredHome;
      startedAt?: string;
      task?: { startedAt?: Date; stoppedAt?: Date };
    };
