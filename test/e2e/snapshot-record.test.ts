import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { git } from "./temp-git-repo.js";
import { THESIS, thesisCli, thesisSnapshot } from "./thesis-snapshot.js";

const BRANCH = "labenv/snapshot/genomics-core/rnaseq/thesis";
const RECORD = "environments/genomics-core/rnaseq/snapshots/thesis.lock.yaml";

describe("a captured snapshot's record goes to git through labenv's own pull request", () => {
  it("after the manifest, a PR commits <name>.lock.yaml beside the request; once merged, git holds it and nothing more is proposed", async () => {
    const dir = await thesisSnapshot({ files: { "analysis.ipynb": '{"cells": []}\n' } });
    const r = await thesisCli(dir, "reconcile");
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ captured {3}genomics-core\/rnaseq\/thesis/);
    expect(r.stdout).toMatch(
      new RegExp(`snapshot records:\\n(.*\\n)*  · ${THESIS}: opened #\\d+ \\(${BRANCH}\\)`),
    );
    // The record names the manifest the object store holds, by the digest verify proves.
    const record = parse(git(dir, "show", `${BRANCH}:${RECORD}`)) as {
      kind: string;
      spec: { manifest: { key: string; digest: string }; home: { fileCount: number } };
    };
    expect(record.kind).toBe("SnapshotRecord");
    expect(record.spec.manifest.key).toBe(`snapshots/${THESIS}/manifest.json`);
    expect(record.spec.home.fileCount).toBe(1);
    const verify = JSON.parse(
      (await thesisCli(dir, "snapshot", "verify", THESIS, "--json")).stdout,
    );
    expect(verify[0]).toMatchObject({ ok: true, digest: record.spec.manifest.digest });
    // main is untouched until the PR merges; a second run leaves the PR as it is.
    expect(git(dir, "ls-files", RECORD)).toBe("");
    const again = await thesisCli(dir, "reconcile");
    expect(again.stdout).toMatch(new RegExp(`· ${THESIS}: open #\\d+ \\(${BRANCH}\\)`));

    git(dir, "merge", "-q", "--no-edit", BRANCH);
    const merged = await thesisCli(dir, "reconcile");
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(merged.stdout).not.toMatch(new RegExp(`· ${THESIS}:`));
    // The example's own captured snapshots still wait for their record PRs.
    expect(merged.stdout).toMatch(/· genomics-core\/rnaseq\/before-genomics-2: open #\d+/);
    const valid = await runCli(["validate", dir]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    const history = await runCli(["history", "genomics-core/rnaseq", "-C", dir]);
    expect(history.stdout).toMatch(
      /snapshot thesis captured \S+ \(manifest sha256:[0-9a-f]{12}…\)/,
    );
    expect(history.stdout).toMatch(/snapshot thesis requested/);
  });
});
