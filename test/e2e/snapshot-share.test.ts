// Issue 16, read-only shares of a snapshot end to end on the sandbox through the CLI: the home as
// it was in the snapshot is restored once into the share's own directory (from the snapshot's
// recovery point, checked file by file against the manifest), the receiving member's access
// point opens that copy — never the live home, so what the owners change later does not reach
// it — and the share's end revokes the access while the copy and the owners' files stay.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { canReadRoot, canWriteRoot } from "../../reconciler/adapters/sandbox/sandbox-efs.js";
import type { SandboxAccount } from "../../reconciler/adapters/sandbox/sandbox-account.js";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const SNAPSHOT_DOC = "environments/genomics-core/rnaseq/snapshots/before-genomics-2.yaml";
const ID = "genomics-core/rnaseq-to-ml-vision";
const SNAPSHOT = "genomics-core/rnaseq/before-genomics-2";
const KEY = "share-access:genomics-core/rnaseq-to-ml-vision/epetrov";
const EFS = ".labenv/sandbox/efs";
const LIVE = "/labs/genomics-core/environments/rnaseq";
const COPY = "/labs/genomics-core/shares/rnaseq-to-ml-vision/before-genomics-2";
const cli = (dir: string, today: string, ...args: string[]) =>
  runCli([...args, "--repo", dir], { today });

const account = (dir: string) =>
  JSON.parse(readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8")) as SandboxAccount;
const shareAccessPoints = (dir: string) =>
  account(dir).accessPoints.filter((a) => a.tags["labenv:resource"]?.startsWith("share-access:"));
function put(dir: string, fsPath: string, content: string) {
  const p = join(dir, EFS, fsPath);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}
const read = (dir: string, fsPath: string) => readFileSync(join(dir, EFS, fsPath), "utf8");

/** Per ECS family (active revision): the container paths mounted from a share access point. */
function sharedMounts(dir: string): Record<string, string[]> {
  const acct = account(dir);
  const shared = new Set(shareAccessPoints(dir).map((a) => a.id));
  const out: Record<string, string[]> = {};
  for (const t of acct.taskDefinitions.filter((x) => x.status === "ACTIVE")) {
    const body = t.body as {
      containerDefinitions: {
        mountPoints: { containerPath: string; readOnly: boolean; sourceVolume: string }[];
      }[];
      volumes: {
        name: string;
        efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
      }[];
    };
    const mounts = body.containerDefinitions[0]!.mountPoints.filter((m) =>
      shared.has(
        body.volumes.find((v) => v.name === m.sourceVolume)?.efsVolumeConfiguration
          ?.authorizationConfig.accessPointId ?? "",
      ),
    );
    if (mounts.length > 0)
      out[t.family] = mounts.map((m) => `${m.containerPath}${m.readOnly ? " ro" : " rw"}`);
  }
  return out;
}

/** The example, its rnaseq home holding work before the snapshot and its share merged after. */
async function sharedSnapshot(expires = "2026-11-30") {
  const dir = exampleGitRepo();
  const share = readFileSync(join(dir, SHARE), "utf8").replace(
    /expires: .*/,
    `expires: ${expires}`,
  );
  const snapshotDoc = readFileSync(join(dir, SNAPSHOT_DOC), "utf8");
  rmSync(join(dir, SHARE));
  rmSync(join(dir, SNAPSHOT_DOC));
  git(dir, "commit", "-qam", "no snapshot or share yet");
  expect((await cli(dir, "2026-11-23", "reconcile")).code).toBe(0);
  put(dir, `${LIVE}/deseq2.ipynb`, '{"cells": ["validated"], "nbformat": 4}\n');
  put(dir, `${LIVE}/results/counts.tsv`, "gene\tcount\nTP53\t41\n");
  writeFileSync(join(dir, SNAPSHOT_DOC), snapshotDoc);
  writeFileSync(join(dir, SHARE), share);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "snapshot rnaseq and share the snapshot with ml-vision");
  return dir;
}

describe("read-only shares of a snapshot on the sandbox", () => {
  it("opens a copy restored from the snapshot, checked file by file; the owners' later changes never reach it; revoked at its end, the copy and the home stay", async () => {
    const dir = await sharedSnapshot();
    // The reconcile after the merge captures the snapshot, then restores the share's copy from it.
    const captured = await cli(dir, "2026-11-23", "reconcile");
    expect(captured.code, captured.stdout + captured.stderr).toBe(0);
    expect(captured.stdout).toMatch(new RegExp(`✓ captured {3}${SNAPSHOT}`));
    expect(captured.stdout).toContain(
      `share copies:\n  ✓ ${ID} from ${SNAPSHOT}: 2/2 files identical in ${COPY}`,
    );
    expect(shareAccessPoints(dir)).toEqual([]);
    expect(read(dir, `${COPY}/results/counts.tsv`)).toBe("gene\tcount\nTP53\t41\n");

    // The owners go on working: a notebook changes, a file is added, one is deleted.
    put(dir, `${LIVE}/deseq2.ipynb`, '{"cells": ["changed after the snapshot"], "nbformat": 4}\n');
    put(dir, `${LIVE}/unpublished.txt`, "not for ml-vision\n");
    rmSync(join(dir, EFS, `${LIVE}/results/counts.tsv`));

    // The next reconcile grants the copy: to epetrov (the only named member with an environment
    // in ml-vision), mounted read-only in ml-vision/segmentation only.
    const granted = await cli(dir, "2026-11-24", "reconcile");
    expect(granted.code, granted.stdout + granted.stderr).toBe(0);
    expect(granted.stdout).toContain(
      `+ grant share ${ID}: read-only access point for ml-vision/epetrov onto the copy of genomics-core/rnaseq's home restored from its snapshot (${COPY})`,
    );
    expect(granted.stdout).toContain(
      `✓ ${ID} from ${SNAPSHOT}: 2/2 files identical in ${COPY} (earlier)`,
    );
    const [ap, ...others] = shareAccessPoints(dir);
    expect(others).toEqual([]);
    expect(ap!.tags["labenv:resource"]).toBe(KEY);
    expect(ap!.rootDirectory).toEqual({ path: COPY });
    expect(ap!.posixUser).toEqual({ uid: 22002, gid: 20000 });
    // The copy keeps the home's owner and 0750: the lab's gid reads, nothing writes.
    expect(canReadRoot(account(dir), ap!.id)).toBe(true);
    expect(canWriteRoot(account(dir), ap!.id)).toBe(false);
    expect(sharedMounts(dir)).toEqual({
      "labenv-ml-vision-segmentation": ["/shared/genomics-core/rnaseq ro"],
    });
    // What it opens is the home as it was in the snapshot, not as it is now.
    const root = ap!.rootDirectory.path;
    expect(read(dir, `${root}/deseq2.ipynb`)).toBe('{"cells": ["validated"], "nbformat": 4}\n');
    expect(read(dir, `${root}/results/counts.tsv`)).toBe("gene\tcount\nTP53\t41\n");
    expect(existsSync(join(dir, EFS, `${root}/unpublished.txt`))).toBe(false);
    expect((await cli(dir, "2026-11-24", "reconcile")).stdout).toContain("✓ no changes");
    const listed = JSON.parse((await cli(dir, "2026-11-24", "shares", "--json")).stdout);
    expect(listed.access).toEqual([
      expect.objectContaining({
        share: ID,
        member: "ml-vision/epetrov",
        snapshot: SNAPSHOT,
        state: "granted",
        accessPoint: ap!.id,
      }),
    ]);
    expect((await cli(dir, "2026-11-24", "shares")).stdout).toContain(
      `granted   ${ID}: ml-vision/epetrov reads genomics-core/rnaseq as of its snapshot ${SNAPSHOT} — /shared/genomics-core/rnaseq read-only in ml-vision/segmentation, until 2026-11-30`,
    );

    // After its last day: revoked, the mount dropped; the copy and the live home stay as they are.
    const revoked = await cli(dir, "2026-12-01", "reconcile");
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(
      `- revoke share ${ID}: it expired on 2026-11-30; ml-vision/epetrov's access point is deleted`,
    );
    expect(shareAccessPoints(dir)).toEqual([]);
    expect(sharedMounts(dir)).toEqual({});
    expect(read(dir, `${COPY}/deseq2.ipynb`)).toBe('{"cells": ["validated"], "nbformat": 4}\n');
    expect(read(dir, `${LIVE}/unpublished.txt`)).toBe("not for ml-vision\n");
    expect(revoked.stdout).not.toContain("share copies:");
    // Renewed, the same copy is granted again without a second restore.
    const path = join(dir, SHARE);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("expires: 2026-11-30", "expires: 2027-02-28"),
    );
    git(dir, "commit", "-qam", "renew the share");
    const again = await cli(dir, "2026-12-01", "reconcile");
    expect(again.stdout).toContain(`+ grant share ${ID}`);
    expect(again.stdout).toContain("(earlier)");
    expect(shareAccessPoints(dir).map((a) => a.rootDirectory.path)).toEqual([COPY]);
  });

  it("grants nothing before its copy is restored, and nothing when a restored file does not match the manifest", async () => {
    const dir = await sharedSnapshot();
    // Before the reconcile that restores the copy, `labenv shares` says what it waits for.
    const waiting = (await cli(dir, "2026-11-23", "shares")).stdout;
    expect(waiting).toContain(
      `${ID}: a share of the snapshot ${SNAPSHOT}: nothing is mounted until its home is restored into the share's own copy and checked file by file`,
    );
    // The recovery point's stored bytes of one file are damaged before the copy is restored.
    const first = await cli(dir, "2026-11-23", "apply");
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const manifest = JSON.parse(
      readFileSync(join(dir, `.labenv/objects/snapshots/${SNAPSHOT}/manifest.json`), "utf8"),
    ) as { home: { files: { path: string; sha256: string }[] } };
    const counts = manifest.home.files.find((f) => f.path === "results/counts.tsv")!;
    const sha = counts.sha256.replace(/^sha256:/, "");
    const blob = join(dir, ".labenv/sandbox/backup/blobs", sha.slice(0, 2), sha);
    expect(existsSync(blob), blob).toBe(true);
    writeFileSync(blob, "gene\tcount\nTP53\t0\n");
    rmSync(join(dir, `.labenv/objects/shares/${ID}/copies/before-genomics-2.json`));
    rmSync(join(dir, EFS, COPY), { recursive: true });
    const bad = await cli(dir, "2026-11-23", "reconcile");
    expect(bad.stdout).toContain(
      `✖ ${ID} from ${SNAPSHOT}: 1/2 files identical in ${COPY} — not granted`,
    );
    expect(bad.stdout).toMatch(new RegExp(`${COPY}/results/counts.tsv: checksum, expected`));
    expect((await cli(dir, "2026-11-24", "reconcile")).stdout).not.toContain(`+ grant share ${ID}`);
    expect(shareAccessPoints(dir)).toEqual([]);
  });
});
