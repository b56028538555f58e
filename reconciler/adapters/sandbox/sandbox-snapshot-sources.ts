import type { Observation } from "../../core/model/documents.js";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { overwriteHome } from "./overwrite-home.js";
import type {
  CapturePoint,
  HomeCapture,
  HomeRestorer,
  RestoredHome,
  SnapshotSources,
  StoredFileSum,
} from "../../ports/snapshot-sources.js";
import type { DrillRunner } from "../../core/snapshots/drill.js";
import type { SandboxContainers } from "./sandbox-observation.js";
import type { SandboxProvider } from "./sandbox-provider.js";

/**
 * A snapshot's evidence in the sandbox, read from what the simulation really stored: the EBS
 * snapshots and backup jobs in its account, the recovery points' files (summed from their stored
 * bytes) and what its containers run.
 */
export class SandboxSnapshotSources implements SnapshotSources, HomeRestorer, DrillRunner {
  constructor(
    private readonly provider: SandboxProvider,
    private readonly containers: SandboxContainers,
    private readonly now: () => Date,
  ) {}

  readonly overwrites = true;

  /**
   * AWS Backup's item-level restore into `/aws-backup-restore_<time>`, then the one-off move into
   * the environment's home — only when the home holds no files; otherwise they stay beside it,
   * unless `overwrite` (then the differing files are replaced, their old versions kept aside).
   */
  async restoreHome(
    arn: string,
    fromPath: string,
    toPath: string,
    options: { overwrite?: boolean } = {},
  ): Promise<RestoredHome> {
    const storage = this.provider.storage;
    const at = this.now();
    const restoreDirectory = storage.restoreItems(arn.split(":").pop() ?? "", fromPath, at);
    const restored = `${restoreDirectory}/${fromPath.replace(/^\/+/, "")}`;
    // Whether the home holds files, read (and summed) once.
    const current = storage.listFiles(toPath);
    const held = current.length > 0;
    if (options.overwrite && held) {
      const over = overwriteHome(storage.efsPath(restored), storage.efsPath(toPath), at, current);
      rmSync(storage.efsPath(restoreDirectory), { recursive: true, force: true });
      const mine = new Set(over.restored);
      return {
        restoreDirectory,
        placed: "home",
        path: toPath,
        // What the restore put there, summed where it landed (the home's other files are not the snapshot's).
        files: storage.listFiles(toPath).filter((f) => mine.has(f.path)),
        replaced: over.replaced,
        keptAside: over.keptAside,
      };
    }
    if (held)
      return {
        restoreDirectory,
        placed: "beside",
        path: restored,
        files: storage.listFiles(restored),
      };
    const from = storage.efsPath(restored);
    const to = storage.efsPath(toPath);
    mkdirSync(to, { recursive: true });
    if (existsSync(from))
      for (const name of readdirSync(from)) {
        if (existsSync(join(to, name))) rmSync(join(to, name), { recursive: true });
        renameSync(join(from, name), join(to, name));
      }
    rmSync(storage.efsPath(restoreDirectory), { recursive: true, force: true });
    this.provider.recordRestoredDirectory(toPath, fromPath);
    return { restoreDirectory, placed: "home", path: toPath, files: storage.listFiles(toPath) };
  }

  async scratchContainer(
    environment: string,
    image: string,
    volumeSnapshotId: string | undefined,
  ): Promise<{ observation: Observation } | { problem: string }> {
    return this.containers.scratch(environment, image, volumeSnapshotId);
  }

  /** AWS Backup's item-level restore into a new `/aws-backup-restore_<time>` directory, summed, then removed. */
  async scratchHome(
    arn: string,
    path: string,
  ): Promise<{ files: StoredFileSum[]; directory: string } | { problem: string }> {
    const storage = this.provider.storage;
    let directory: string;
    try {
      directory = storage.restoreItems(arn.split(":").pop() ?? "", path, this.now());
    } catch (e) {
      return { problem: `the restore from ${arn} failed: ${(e as Error).message}` };
    }
    try {
      return { files: storage.listFiles(`${directory}/${path.replace(/^\/+/, "")}`), directory };
    } finally {
      rmSync(storage.efsPath(directory), { recursive: true, force: true });
    }
  }

  async volumeSnapshot(id: string): Promise<{ state: string; volumeId?: string } | undefined> {
    const s = this.provider.account().snapshots.find((x) => x.id === id);
    return s && { state: s.state, volumeId: s.volumeId };
  }

  async backupJob(id: string): Promise<{ state: string; recoveryPointArn?: string } | undefined> {
    const j = this.provider
      .account()
      .backupJobs.find((x) => x.id === id || x.recoveryPointArn === id);
    return j && { state: j.state, recoveryPointArn: j.recoveryPointArn };
  }

  async recoveryPointFiles(arn: string, path: string): Promise<StoredFileSum[] | undefined> {
    const id = arn.split(":").pop() ?? "";
    return this.provider.storage.storedFiles(id, path);
  }

  /** The sandbox reads the home back from the recovery point's stored bytes (no task needed). */
  async captureHome(point: CapturePoint): Promise<HomeCapture> {
    const files = await this.recoveryPointFiles(point.recoveryPointArn, point.path);
    if (!files)
      return { state: "failed", reason: `recovery point ${point.recoveryPointArn} cannot be read` };
    const missing = files.find((f) => f.size < 0);
    if (missing)
      return {
        state: "failed",
        reason: `the recovery point lists ${missing.path} but does not hold it`,
      };
    return { state: "done", files };
  }

  async observation(environment: string): Promise<Observation | undefined> {
    return this.containers.observe(environment);
  }

  async runningImage(environment: string): Promise<string | undefined> {
    const account = this.provider.account();
    const task = this.containers.runningTask(environment, account);
    const t = account.tasks.find((x) => x.arn === task);
    const td = account.taskDefinitions.find((x) => x.arn === t?.taskDefinitionArn);
    return (td?.body as { containerDefinitions?: { image?: string }[] } | undefined)
      ?.containerDefinitions?.[0]?.image;
  }
}
