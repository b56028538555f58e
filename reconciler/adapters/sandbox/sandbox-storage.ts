import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { LabenvError } from "../../core/errors.js";
import { writeFileAtomic } from "../file/atomic-write.js";
import { shapeProblem } from "../shape/shape.js";

/** One file: its path (relative to the directory listed), size in bytes and sha256 (hex). */
export interface StoredFile {
  path: string;
  size: number;
  sha256: string;
  /** When the file was last modified (as EFS keeps it: a recovery point keeps each file's mtime). */
  modifiedAt?: string;
}

/** A recovery point of the sandbox file system: every file it held when the backup ran. */
export interface SandboxRecoveryPoint {
  id: string;
  createdAt: string;
  /** Paths from the file system root (no leading slash). */
  files: StoredFile[];
}

/**
 * The sandbox's storage as real files, so that what a snapshot, a verify or a restore reports
 * comes from what was stored, never from a record that says so:
 * - `efs/` is the EFS file system (a home is `efs/labs/<lab>/environments/<env>/`);
 * - `backup/` holds AWS Backup's recovery points of it: each one lists every file of the whole
 *   file system with its sha256, and file contents are kept once per sha256 under
 *   `backup/blobs/` (EFS backups are incremental: an unchanged file costs nothing again).
 */
export class SandboxStorage {
  readonly efsRoot: string;
  readonly backupRoot: string;
  /** What image builds put in their images (by sha256), as a registry keeps layers. */
  readonly imagesRoot: string;
  /** What was done inside the tasks (`labenv sandbox exec`): what a volume snapshot holds beyond the image. */
  readonly execFile: string;

  constructor(sandboxDir: string) {
    this.efsRoot = join(sandboxDir, "efs");
    this.backupRoot = join(sandboxDir, "backup");
    this.imagesRoot = join(sandboxDir, "images");
    this.execFile = join(sandboxDir, "exec.json");
  }

  /** The real directory of an EFS path (`/labs/…`). */
  efsPath(fsPath: string): string {
    const rel = fsPath.replace(/^\/+/, "");
    const p = join(this.efsRoot, rel);
    if (rel.split("/").includes("..") || !(p === this.efsRoot || p.startsWith(this.efsRoot + sep)))
      throw new LabenvError("usage", `the path ${fsPath} leaves the file system`);
    return p;
  }

  /** Makes an EFS directory (what an access point does for its root directory). */
  ensureDirectory(fsPath: string): void {
    mkdirSync(this.efsPath(fsPath), { recursive: true });
  }

  /** Every regular file under an EFS directory, hashed from its bytes, sorted by path. */
  listFiles(fsPath: string): StoredFile[] {
    return hashTree(this.efsPath(fsPath));
  }

  /** AWS Backup StartBackupJob of the whole file system: stores each file's content once, then the point's list. */
  backUp(id: string, createdAt: string): SandboxRecoveryPoint {
    const files = hashTree(this.efsRoot);
    for (const f of files) {
      const blob = this.blobPath(f.sha256);
      if (existsSync(blob)) continue;
      mkdirSync(dirname(blob), { recursive: true });
      const tmp = `${blob}.${process.pid}.tmp`;
      copyFileSync(join(this.efsRoot, f.path), tmp);
      renameSync(tmp, blob);
    }
    const point: SandboxRecoveryPoint = { id, createdAt, files };
    writeFileAtomic(this.pointPath(id), `${JSON.stringify(point)}\n`);
    return point;
  }

  /** AWS Backup DeleteRecoveryPoint: the point's list goes; contents stay for the points sharing them. */
  forget(id: string): void {
    rmSync(this.pointPath(id), { force: true });
  }

  /** A recovery point's list, or undefined when there is none of that id. */
  recoveryPoint(id: string): SandboxRecoveryPoint | undefined {
    const p = this.pointPath(id);
    if (!existsSync(p)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(p, "utf8"));
    } catch (e) {
      throw new LabenvError("provider", `the sandbox recovery point ${p} is not valid JSON`, {
        cause: e,
      });
    }
    const problem = shapeProblem(value, {
      id: "string",
      createdAt: "string",
      files: { arrayOf: { path: "string", size: "number", sha256: "string" } },
    });
    if (problem)
      throw new LabenvError("provider", `the sandbox recovery point ${p} is corrupt: ${problem}`);
    return value as SandboxRecoveryPoint;
  }

  /**
   * The files of a recovery point under `fsPath`, each size and sha256 computed from the stored
   * bytes (not copied from the point's list: a damaged copy must show). A stored file that is gone
   * has size -1 and an empty sha256.
   */
  storedFiles(id: string, fsPath: string): StoredFile[] | undefined {
    const point = this.recoveryPoint(id);
    if (!point) return undefined;
    const prefix = `${fsPath.replace(/^\/+|\/+$/g, "")}/`;
    return point.files
      .filter((f) => f.path.startsWith(prefix))
      .map((f) => {
        const blob = this.blobPath(f.sha256);
        if (!existsSync(blob)) return { path: f.path.slice(prefix.length), size: -1, sha256: "" };
        const bytes = readFileSync(blob);
        return {
          path: f.path.slice(prefix.length),
          size: bytes.length,
          sha256: sha256(bytes),
          ...(f.modifiedAt ? { modifiedAt: f.modifiedAt } : {}),
        };
      });
  }

  /**
   * AWS Backup's item-level restore: the files under `fsPath` in the recovery point are written
   * to a new directory `aws-backup-restore_<time>` off the file system root, keeping their paths
   * — never over anything that exists. Returns that directory's EFS path.
   */
  restoreItems(id: string, fsPath: string, at: Date): string {
    const point = this.recoveryPoint(id);
    if (!point) throw new LabenvError("provider", `recovery point ${id} does not exist (sandbox)`);
    const stamp = at
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z");
    let dir = `/aws-backup-restore_${stamp}`;
    for (let n = 1; existsSync(this.efsPath(dir)); n += 1)
      dir = `/aws-backup-restore_${stamp}-${n}`;
    const prefix = `${fsPath.replace(/^\/+|\/+$/g, "")}/`;
    // A point that lists a file whose bytes are gone restores nothing (no partial directory).
    const lost = point.files.find(
      (f) => f.path.startsWith(prefix) && !existsSync(this.blobPath(f.sha256)),
    );
    if (lost)
      throw new LabenvError(
        "provider",
        `recovery point ${id} lists /${lost.path} but no longer holds its bytes (sandbox): nothing was restored`,
      );
    mkdirSync(this.efsPath(dir), { recursive: true });
    for (const f of point.files) {
      if (!f.path.startsWith(prefix)) continue;
      const target = join(this.efsPath(dir), f.path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(this.blobPath(f.sha256), target);
    }
    return dir;
  }

  /** Keeps a file an image build put in the image, by its sha256 (idempotent); returns the hex. */
  storeImageFile(content: string): string {
    const sha = sha256(Buffer.from(content));
    const path = this.imageFilePath(sha);
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, content);
    }
    return sha;
  }

  /** The bytes of a file in a built image, or undefined when the store does not hold them. */
  readImageFile(sha: string): Buffer | undefined {
    const path = this.imageFilePath(sha.replace(/^sha256:/, ""));
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  private imageFilePath(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha))
      throw new LabenvError("provider", `not a sha256: ${sha} (sandbox image store)`);
    return join(this.imagesRoot, "files", sha.slice(0, 2), sha);
  }

  /** Where a file's content is kept in the backup store. */
  blobPath(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha))
      throw new LabenvError("provider", `not a sha256: ${sha} (sandbox backup store)`);
    return join(this.backupRoot, "blobs", sha.slice(0, 2), sha);
  }

  private pointPath(id: string): string {
    if (!/^[A-Za-z0-9-]+$/.test(id))
      throw new LabenvError("usage", `not a recovery point id: ${id}`);
    return join(this.backupRoot, "recovery-points", `${id}.json`);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every regular file under `root` (symbolic links are not followed), sorted by path. */
export function hashTree(root: string): StoredFile[] {
  const out: StoredFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        const bytes = readFileSync(p);
        out.push({
          path: relative(root, p).split(sep).join("/"),
          size: bytes.length,
          sha256: sha256(bytes),
          modifiedAt: st.mtime.toISOString(),
        });
      }
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
