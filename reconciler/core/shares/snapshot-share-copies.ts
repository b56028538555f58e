import { isLabenvError } from "../errors.js";
import { paths } from "../desire/names.js";
import { isExpired } from "../desire/share-grants.js";
import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { manifestBytes, parseManifest, snapshotObjects } from "../snapshots/manifest.js";
import { compareFiles } from "../snapshots/restore.js";
import type { VerifyFinding } from "../snapshots/verify.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { HomeRestorer } from "../../ports/snapshot-sources.js";

/**
 * A read-only share of a snapshot opens the home as it was in that snapshot, never the live
 * home: it is restored once from the snapshot's recovery point into a directory of the share's
 * own (`/labs/<lab>/shares/<share>/<snapshot>`), every file checked against the manifest, and
 * the receiving members' access points open that copy. This is the record of that restore,
 * kept in the object store; the grants wait for one that is `ok`.
 */
export interface ShareCopyRecord {
  /** `lab/name` of the share. */
  share: string;
  /** `lab/env/name` of the snapshot restored. */
  snapshot: string;
  manifestDigest: string;
  /** Where the files landed (the copy's directory; beside it if it already held files). */
  path: string;
  restoreDirectory: string;
  placed: "home" | "beside";
  files: number;
  identical: number;
  findings: VerifyFinding[];
  ok: boolean;
  restoredAt: string;
}

export type ShareCopyResult =
  | { share: string; snapshot: string; outcome: "restored"; record: ShareCopyRecord; now: boolean }
  | { share: string; snapshot: string; outcome: "waiting" | "failed"; reason: string };

export const shareCopyObjects = {
  record: (share: string, snapshot: string) =>
    `shares/${share}/copies/${snapshot.split("/").pop()}.json`,
};

/** The snapshot a read-only share of a snapshot opens: `lab/env/name`. */
export function sharedSnapshotId(share: Loaded<"Share">): string | undefined {
  const { snapshot, environment, access } = share.doc.spec;
  if (access !== "read-only" || snapshot === undefined) return undefined;
  return `${share.doc.metadata.lab}/${environment}/${snapshot}`;
}

/** The read-only shares of a snapshot git asks for today (not expired, lending what its lab owns). */
export function snapshotShares(repo: Repository, today: string): Loaded<"Share">[] {
  return [...repo.shares.values()]
    .filter((sh) => {
      const { lab } = sh.doc.metadata;
      const { environment, to, allowRestricted } = sh.doc.spec;
      const env = repo.environments.get(envKey(lab, environment));
      return (
        sharedSnapshotId(sh) !== undefined &&
        !isExpired(sh, today) &&
        env !== undefined &&
        to.lab !== lab &&
        repo.labs.has(to.lab) &&
        (env.doc.spec.criticality !== "restricted" || allowRestricted === true)
      );
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

const idOf = (sh: Loaded<"Share">) => `${sh.doc.metadata.lab}/${sh.doc.metadata.name}`;

async function readRecord(
  objects: ObjectStore,
  share: string,
  snapshot: string,
): Promise<ShareCopyRecord | undefined> {
  const bytes = await objects.get(shareCopyObjects.record(share, snapshot));
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as ShareCopyRecord;
  } catch {
    return undefined; // unreadable: not a copy the grants may open; restored again beside it
  }
}

/** How the copies desire grants from are keyed: the share and the snapshot it opens. */
export function copyKey(share: string, snapshot: string): string {
  return `${share}#${snapshot}`;
}

/** At most this many copy records are read (each share of a snapshot has one). */
const MAX_COPY_RECORDS = 5000;

/**
 * The copies the grants open: `copyKey(share, snapshot)` → the directory its files landed in,
 * for every restore checked identical file by file. What desire grants from (it needs no
 * repository, so the Lambda and drift read it before loading one).
 */
export async function readShareCopies(objects: ObjectStore): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const keys = (await objects.list("shares/"))
    .filter((k) => /^shares\/[^/]+\/[^/]+\/copies\/[^/]+\.json$/.test(k))
    .sort()
    .slice(0, MAX_COPY_RECORDS);
  for (const key of keys) {
    const bytes = await objects.get(key);
    let r: ShareCopyRecord | undefined;
    try {
      r = bytes ? (JSON.parse(Buffer.from(bytes).toString("utf8")) as ShareCopyRecord) : undefined;
    } catch {
      r = undefined; // unreadable: grants nothing
    }
    if (
      r?.ok === true &&
      typeof r.path === "string" &&
      key === shareCopyObjects.record(r.share, r.snapshot)
    )
      out.set(copyKey(r.share, r.snapshot), r.path);
  }
  return out;
}

/**
 * Restores each read-only share of a snapshot once: from the snapshot's recovery point into the
 * share's own directory, every file checked against the manifest, the record written last. A
 * snapshot not captured yet waits; one without a home has nothing to share; a copy done is not
 * redone (the owners' later changes never reach it), and one that did not match is reported and
 * grants nothing.
 */
export async function restoreShareCopies(
  input: { repository: Repository; today: string },
  deps: { objects: ObjectStore; restorer: HomeRestorer; now: () => Date },
): Promise<ShareCopyResult[]> {
  const out: ShareCopyResult[] = [];
  for (const sh of snapshotShares(input.repository, input.today)) {
    const share = idOf(sh);
    const snapshot = sharedSnapshotId(sh)!;
    const previous = await readRecord(deps.objects, share, snapshot);
    if (previous) {
      out.push({ share, snapshot, outcome: "restored", record: previous, now: false });
      continue;
    }
    const bytes = await deps.objects.get(snapshotObjects.manifest(snapshot));
    if (!bytes) {
      out.push({
        share,
        snapshot,
        outcome: "waiting",
        reason: `the snapshot ${snapshot} is not captured yet: its copy is restored once it is`,
      });
      continue;
    }
    const parsed = parseManifest(bytes);
    if ("problem" in parsed) {
      out.push({ share, snapshot, outcome: "failed", reason: `its manifest: ${parsed.problem}` });
      continue;
    }
    const m = parsed.manifest;
    if (!m.home) {
      out.push({
        share,
        snapshot,
        outcome: "failed",
        reason: `the snapshot ${snapshot} has no home (include.home: false): there is nothing to share`,
      });
      continue;
    }
    const [lab, env, name] = snapshot.split("/") as [string, string, string];
    const target = paths.shareCopy(lab, sh.doc.metadata.name, name);
    let landed: Awaited<ReturnType<HomeRestorer["restoreHome"]>>;
    try {
      // Where the restore spans runs (AWS: the restore job, then the move task of the lent
      // environment's image into the share's directory), each run takes the next step.
      const step =
        deps.restorer.restoreHomeStep && m.image
          ? await deps.restorer.restoreHomeStep(m.home.recoveryPointArn, m.home.path, target, {
              environment: `${lab}/${env}`,
              snapshot,
              image: m.image,
              files: m.home.files,
            })
          : {
              state: "done" as const,
              home: await deps.restorer.restoreHome(m.home.recoveryPointArn, m.home.path, target),
            };
      if (step.state !== "done") {
        out.push({
          share,
          snapshot,
          outcome: step.state === "pending" ? "waiting" : "failed",
          reason: `its copy: ${step.reason}`,
        });
        continue;
      }
      landed = step.home;
    } catch (e) {
      // Where no home can be restored (AWS today) the copy waits, and nothing is granted.
      if (!isLabenvError(e)) throw e;
      out.push({
        share,
        snapshot,
        outcome: "waiting",
        reason: `its copy cannot be restored here: ${e.message}`,
      });
      continue;
    }
    const findings = compareFiles(m.home.files, landed.files, landed.path);
    const record: ShareCopyRecord = {
      share,
      snapshot,
      manifestDigest: manifestBytes(m).digest,
      path: landed.path,
      restoreDirectory: landed.restoreDirectory,
      placed: landed.placed,
      files: m.home.files.length,
      identical: m.home.files.length - findings.filter((f) => f.problem !== "unexpected").length,
      findings,
      ok: findings.length === 0,
      restoredAt: deps.now().toISOString(),
    };
    await deps.objects.put(
      shareCopyObjects.record(share, snapshot),
      `${JSON.stringify(record, null, 2)}\n`,
      "application/json",
    );
    out.push({ share, snapshot, outcome: "restored", record, now: true });
  }
  return out;
}
