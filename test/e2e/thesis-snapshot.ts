// The snapshot the e2e tests share: the example repository reconciled into the sandbox, files in
// rnaseq's home (and optionally a package installed in its running container, which lives on
// /opt/jupyter), then a Snapshot document `thesis` committed asking for packages and home.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

export const THESIS = "genomics-core/rnaseq/thesis";
export const RNASEQ_HOME = ".labenv/sandbox/efs/labs/genomics-core/environments/rnaseq";

export const thesisCli = (dir: string, ...args: string[]) => runCli([...args, "--repo", dir]);

const THESIS_DOCUMENT = [
  "apiVersion: labenv.westtek.io/v1",
  "kind: Snapshot",
  "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
  "spec:",
  "  requestedBy: rpatel",
  "  reason: Figures of thesis chapter 3",
  "  include: { packages: true, home: true }",
  "",
].join("\n");

/**
 * A git copy of the example with `files` (path in the home → content) in rnaseq's home and the
 * thesis Snapshot document committed; with `capture`, reconciled again so the snapshot is
 * captured (its manifest written).
 */
export async function thesisSnapshot(options: {
  files: Record<string, string>;
  pipInstall?: string;
  capture?: boolean;
}): Promise<string> {
  const dir = exampleGitRepo();
  const first = await thesisCli(dir, "reconcile");
  expect(first.code, first.stdout + first.stderr).toBe(0);
  if (options.pipInstall) {
    const exec = await thesisCli(
      dir,
      "sandbox",
      "exec",
      "genomics-core/rnaseq",
      "pip",
      "install",
      options.pipInstall,
    );
    expect(exec.code, exec.stderr).toBe(0);
  }
  for (const [path, content] of Object.entries(options.files)) {
    mkdirSync(dirname(join(dir, RNASEQ_HOME, path)), { recursive: true });
    writeFileSync(join(dir, RNASEQ_HOME, path), content);
  }
  const snapshots = join(dir, "environments/genomics-core/rnaseq/snapshots");
  mkdirSync(snapshots, { recursive: true });
  writeFileSync(join(snapshots, "thesis.yaml"), THESIS_DOCUMENT);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "rnaseq: snapshot for the thesis");
  if (options.capture)
    expect((await thesisCli(dir, "reconcile")).stdout).toMatch(
      /✓ captured {3}genomics-core\/rnaseq\/thesis/,
    );
  return dir;
}
