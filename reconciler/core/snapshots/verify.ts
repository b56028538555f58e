import { sha256Hex } from "../lock/canonical.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources, StoredFileSum } from "../../ports/snapshot-sources.js";
import {
  manifestBytes,
  parseManifest,
  snapshotObjects,
  type ObjectRef,
  type SnapshotManifest,
} from "./manifest.js";

/** One thing that does not prove: which object, what was expected and what is there. */
export interface VerifyFinding {
  /** The object key, `home:<path>` for a file of the home, or `volume:<snap-id>`. */
  object: string;
  problem: "missing" | "size" | "checksum" | "unreadable" | "unexpected" | "state";
  expected?: string;
  actual?: string;
}

export interface VerifyReport {
  id: string;
  manifestKey: string;
  /** `sha256:<hex>` of the manifest as stored. */
  digest?: string;
  /** How many objects and files were proved. */
  checked: { objects: number; files: number; bytes: number };
  findings: VerifyFinding[];
  ok: boolean;
}

/**
 * Re-reads the manifest and every object and file it names, and proves each checksum: the lock
 * and observation objects from the object store, every file of the home from the recovery point
 * (summed from the stored bytes), the volume snapshot's state. A manifest whose bytes are not its
 * canonical form, or whose digest is not `expectDigest` (the git record's), is itself a finding.
 */
export async function verifySnapshot(
  id: string,
  deps: { objects: ObjectStore; sources: SnapshotSources },
  expectDigest?: string,
): Promise<VerifyReport> {
  const manifestKey = snapshotObjects.manifest(id);
  const findings: VerifyFinding[] = [];
  const checked = { objects: 0, files: 0, bytes: 0 };
  const done = (digest?: string): VerifyReport => ({
    id,
    manifestKey,
    ...(digest ? { digest } : {}),
    checked,
    findings,
    ok: findings.length === 0,
  });
  const bytes = await deps.objects.get(manifestKey);
  if (!bytes) {
    findings.push({ object: manifestKey, problem: "missing" });
    return done();
  }
  const digest = `sha256:${sha256Hex(bytes)}`;
  const parsed = parseManifest(bytes);
  if ("problem" in parsed) {
    findings.push({ object: manifestKey, problem: "unreadable", actual: parsed.problem });
    return done(digest);
  }
  const m = parsed.manifest;
  checked.objects += 1;
  checked.bytes += bytes.length;
  if (expectDigest && expectDigest !== digest)
    findings.push({
      object: manifestKey,
      problem: "checksum",
      expected: expectDigest,
      actual: digest,
    });
  else if (manifestBytes(m).digest !== digest)
    findings.push({
      object: manifestKey,
      problem: "checksum",
      expected: `${manifestBytes(m).digest} (its canonical form)`,
      actual: digest,
    });
  const refs: ObjectRef[] = m.observation ? [m.lock, m.observation] : [m.lock];
  for (const ref of refs) await verifyObject(ref, deps.objects, findings, checked);
  if (m.home?.inventory) await verifyInventory(m.home, deps, findings, checked);
  else if (m.home) await verifyHome(m.home, deps.sources, findings, checked);
  if (m.volume) {
    const v = await deps.sources.volumeSnapshot(m.volume.snapshotId);
    const object = `volume:${m.volume.snapshotId}`;
    if (!v) findings.push({ object, problem: "missing" });
    else if (v.state !== "completed")
      findings.push({ object, problem: "state", expected: "completed", actual: v.state });
  }
  return done(digest);
}

async function verifyObject(
  ref: ObjectRef,
  objects: ObjectStore,
  findings: VerifyFinding[],
  checked: VerifyReport["checked"],
): Promise<void> {
  const body = await objects.get(ref.key);
  if (!body) {
    findings.push({ object: ref.key, problem: "missing" });
    return;
  }
  checked.objects += 1;
  checked.bytes += body.length;
  const actual = sha256Hex(body);
  if (actual !== ref.sha256)
    findings.push({ object: ref.key, problem: "checksum", expected: ref.sha256, actual });
  else if (body.length !== ref.size)
    findings.push({
      object: ref.key,
      problem: "size",
      expected: String(ref.size),
      actual: String(body.length),
    });
}

/**
 * On AWS the home's sums come from the agent's inventory (AWS Backup has no way to read a file
 * of a recovery point without restoring it): the inventory object is proved by its sum, every
 * file of the manifest against it, and the recovery point must still be there, completed.
 */
async function verifyInventory(
  home: NonNullable<SnapshotManifest["home"]>,
  deps: { objects: ObjectStore; sources: SnapshotSources },
  findings: VerifyFinding[],
  checked: VerifyReport["checked"],
): Promise<void> {
  const ref = home.inventory!;
  const before = findings.length;
  await verifyObject(ref, deps.objects, findings, checked);
  // A damaged inventory proves nothing about the files: its finding is the one to read.
  const damaged = findings.length > before;
  const point = await deps.sources.backupJob(home.recoveryPointArn);
  const object = `recovery-point:${home.recoveryPointArn}`;
  if (!point) findings.push({ object, problem: "missing" });
  else if (point.state !== "COMPLETED")
    findings.push({ object, problem: "state", expected: "COMPLETED", actual: point.state });
  if (damaged) return;
  const body = await deps.objects.get(ref.key);
  let listed: StoredFileSum[] = [];
  try {
    const doc = JSON.parse(Buffer.from(body!).toString("utf8")) as { spec?: { files?: unknown } };
    listed = Array.isArray(doc.spec?.files) ? (doc.spec.files as StoredFileSum[]) : [];
  } catch {
    findings.push({ object: ref.key, problem: "unreadable", actual: "not JSON" });
    return;
  }
  compareListed(home, listed, findings, checked);
}

function compareListed(
  home: NonNullable<SnapshotManifest["home"]>,
  stored: readonly StoredFileSum[],
  findings: VerifyFinding[],
  checked: VerifyReport["checked"],
): void {
  const byPath = new Map(stored.map((f) => [f.path, f]));
  for (const f of home.files) {
    const object = `home:${home.path}/${f.path}`;
    const s = byPath.get(f.path);
    byPath.delete(f.path);
    if (!s || s.size < 0) {
      findings.push({ object, problem: "missing", expected: f.sha256 });
      continue;
    }
    checked.files += 1;
    checked.bytes += s.size;
    if (s.sha256 !== f.sha256)
      findings.push({ object, problem: "checksum", expected: f.sha256, actual: s.sha256 });
    else if (s.size !== f.size)
      findings.push({ object, problem: "size", expected: String(f.size), actual: String(s.size) });
  }
  for (const extra of byPath.values())
    findings.push({
      object: `home:${home.path}/${extra.path}`,
      problem: "unexpected",
      actual: extra.sha256,
    });
}

async function verifyHome(
  home: NonNullable<SnapshotManifest["home"]>,
  sources: SnapshotSources,
  findings: VerifyFinding[],
  checked: VerifyReport["checked"],
): Promise<void> {
  const stored = await sources.recoveryPointFiles(home.recoveryPointArn, home.path);
  if (!stored) {
    findings.push({ object: `recovery-point:${home.recoveryPointArn}`, problem: "missing" });
    return;
  }
  compareListed(home, stored, findings, checked);
}
