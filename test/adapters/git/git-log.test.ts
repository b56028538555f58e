import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGitObjects, openCatFile } from "../../../reconciler/adapters/git/cat-file.js";
import { readEnvironmentTrail } from "../../../reconciler/adapters/git/environment-trail.js";
import { parseRecord, readFirstParentLog } from "../../../reconciler/adapters/git/git-log.js";
import {
  commitAtOrBefore,
  resolveCommit,
} from "../../../reconciler/adapters/git/resolve-commit.js";
import { isLabenvError } from "../../../reconciler/core/errors.js";
import { buildAuditRepo, type AuditRepo } from "../../fixtures/audit/audit-repo.js";

let repo: AuditRepo;
beforeAll(() => void (repo = buildAuditRepo()));
afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

describe("first-parent git log", () => {
  it("lists main's commits that touched the paths, newest first, merges diffed against their first parent", async () => {
    const entries = await readFirstParentLog(repo.dir, {
      paths: ["environments/", "domain-packs/"],
    });
    expect(entries.map((e) => e.commit)).toEqual([
      repo.commits.retire,
      repo.commits.segmentation,
      repo.commits.approvers,
      repo.commits.revoke,
      repo.commits.drift,
      repo.commits.succession,
      repo.commits.rename,
      repo.commits.share,
      repo.commits.snapshot,
      repo.commits.revert,
      repo.commits.directPush,
      repo.commits.bump,
      repo.commits.created,
      repo.commits.labs,
    ]);
    const drift = entries.find((e) => e.commit === repo.commits.drift)!;
    expect(drift.parents).toHaveLength(2);
    expect(drift.message).toBe(
      "Merge pull request #9 from westtek/labenv/drift/genomics-core/bulk-rnaseq\n\ndrift: genomics-core/bulk-rnaseq: scanpy 1.10.1 → 1.10.2",
    );
    expect(drift.changes).toEqual([
      {
        status: "M",
        path: "environments/genomics-core/bulk-rnaseq/environment.lock.yaml",
        oldBlob: expect.stringMatching(/^[0-9a-f]{40}$/),
        newBlob: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
    ]);
    expect(drift).toMatchObject({
      author: { name: "Amara Jones", email: "amara.jones@example.org" },
      committerDate: "2026-04-15T15:00:00+00:00",
    });
  });

  it("detects renames, with blob ids on both sides", async () => {
    const [rename] = await readFirstParentLog(repo.dir, {
      from: repo.commits.rename,
      paths: ["environments/"],
    });
    const env = rename!.changes.find((c) => c.path.endsWith("bulk-rnaseq/environment.yaml"))!;
    expect(env).toMatchObject({
      status: "R",
      oldPath: "environments/genomics-core/rnaseq/environment.yaml",
    });
    expect(env.oldBlob).not.toBe(env.newBlob);
    const deleted = (
      await readFirstParentLog(repo.dir, {
        from: repo.commits.retire,
        paths: ["environments/ml-vision/"],
      })
    )[0]!;
    expect(deleted.changes).toEqual([
      {
        status: "D",
        path: "environments/ml-vision/segmentation/environment.yaml",
        oldBlob: expect.any(String),
      },
    ]);
  });

  it("parses a record with a rename and a path with spaces", () => {
    const e = parseRecord(
      `${"a".repeat(40)}\0${"b".repeat(40)} ${"c".repeat(40)}\0A\0a@x\x002026-01-01T00:00:00Z\0C\0c@x\x002026-01-02T00:00:00+01:00\0subject\n\nbody\n\0\0\n:100644 100644 ${"1".repeat(40)} ${"2".repeat(40)} R087\0old name.yaml\0new name.yaml\0:000000 100644 ${"0".repeat(40)} ${"3".repeat(40)} A\0x.yaml\0`,
    );
    expect(e.parents).toHaveLength(2);
    expect(e.message).toBe("subject\n\nbody");
    expect(e.changes).toEqual([
      {
        status: "R",
        oldPath: "old name.yaml",
        path: "new name.yaml",
        oldBlob: "1".repeat(40),
        newBlob: "2".repeat(40),
      },
      { status: "A", path: "x.yaml", newBlob: "3".repeat(40) },
    ]);
  });

  it("fails with a git error outside a repository", async () => {
    const error = await readFirstParentLog("/", { paths: ["environments/"] }).catch(
      (e: unknown) => e,
    );
    expect(isLabenvError(error) && error.code === "git").toBe(true);
  });
});

describe("git cat-file --batch", () => {
  it("reads many objects in one process: blobs, commits and commit:path, with unknown names as undefined", async () => {
    const cat = openCatFile(repo.dir);
    const path = `${repo.commits.created}:environments/genomics-core/rnaseq/environment.yaml`;
    const first = await cat.read([
      path,
      repo.commits.created!,
      "0".repeat(40),
      `${repo.commits.created}:no/such/file`,
    ]);
    expect(first.get(path)!.content.toString("utf8")).toContain("owner: rpatel");
    expect(first.get(repo.commits.created!)!.type).toBe("commit");
    expect(first.get("0".repeat(40))).toBeUndefined();
    expect(first.get(`${repo.commits.created}:no/such/file`)).toBeUndefined();
    const second = await cat.read([first.get(path)!.id]);
    expect(second.get(first.get(path)!.id)!.content.equals(first.get(path)!.content)).toBe(true);
    await cat.close();
  });

  it("reads a thousand objects at once", async () => {
    const names = Array.from(
      { length: 1000 },
      (_, i) =>
        `${repo.commits.drift}:environments/genomics-core/bulk-rnaseq/environment.lock.yaml${i % 2 ? "" : "x"}${i}`,
    );
    const objects = await readGitObjects(repo.dir, [
      ...names,
      `${repo.commits.drift}:environments/genomics-core/bulk-rnaseq/environment.lock.yaml`,
    ]);
    expect([...objects.values()].filter(Boolean)).toHaveLength(1);
  });
});

describe("an environment's trail", () => {
  it("follows a rename back to the environment's first name", async () => {
    const trail = await readEnvironmentTrail(repo.dir, "genomics-core/bulk-rnaseq");
    expect(trail.identities).toEqual(["genomics-core/bulk-rnaseq", "genomics-core/rnaseq"]);
    expect(trail.entries.at(-1)!.commit).toBe(repo.commits.created);
    const rename = trail.entries.find((e) => e.commit === repo.commits.rename)!;
    expect(rename.changes.filter((c) => c.status === "R").map((c) => c.path)).toContain(
      "environments/genomics-core/bulk-rnaseq/environment.yaml",
    );
  });
});

describe("commits by date", () => {
  it("finds the last commit on main at or before an instant, by when it landed", async () => {
    expect((await commitAtOrBefore(repo.dir, new Date("2026-02-10T22:40:00Z")))!.commit).toBe(
      repo.commits.directPush,
    );
    expect((await commitAtOrBefore(repo.dir, new Date("2026-02-10T22:39:59Z")))!.commit).toBe(
      repo.commits.bump,
    );
    // Branch commits (09:00) are not on the first-parent history: the merge (15:00) is.
    expect((await commitAtOrBefore(repo.dir, new Date("2026-03-01T12:00:00Z")))!.commit).toBe(
      repo.commits.revert,
    );
    expect(await commitAtOrBefore(repo.dir, new Date("2025-01-01T00:00:00Z"))).toBeUndefined();
    expect((await resolveCommit(repo.dir, "HEAD~1")).commit).toBe(repo.commits.segmentation);
  });
});
