// Snapshots on the sandbox, through the command line on a git copy of the example: a home of
// 10,000 notebook and data files (about 40 MB) is captured (the backup job stores every file, the
// capture sums every file back from the recovery point and writes the manifest), then verified
// (every file re-read and summed), with `sha256sum` over the same files as the limit; then the
// plan of an environment restored from that snapshot, and the restore itself (the recovery point
// back into a new home, every file checked against the manifest). Measured, never asserted.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../reconciler/cli/main.js";
import type { CliIO } from "../reconciler/cli/io.js";
import { exampleGitRepo, git } from "../test/e2e/temp-git-repo.js";
import type { Measurement } from "./run.ts";

const FILES = 10_000;
const HOME = ".labenv/sandbox/efs/labs/genomics-core/environments/rnaseq";
const ID = "genomics-core/rnaseq/thesis";

export default async function snapshotsBench(): Promise<Measurement[]> {
  const dir = exampleGitRepo();
  await cli(dir, "reconcile");
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    // Notebooks and data of mixed sizes (1–7 KiB), as a thesis directory holds.
    const sub = join(dir, HOME, `chapter-${String(i % 20).padStart(2, "0")}`);
    if (i < 20) mkdirSync(sub, { recursive: true });
    const body = randomBytes(1024 * (1 + (i % 7)));
    bytes += body.length;
    writeFileSync(join(sub, `part-${i}.${i % 3 === 0 ? "ipynb" : "bin"}`), body);
  }
  const mb = bytes / 1e6;
  const snapshots = join(dir, "environments/genomics-core/rnaseq/snapshots");
  mkdirSync(snapshots, { recursive: true });
  writeFileSync(
    join(snapshots, "thesis.yaml"),
    [
      "apiVersion: labenv.westtek.io/v1",
      "kind: Snapshot",
      "metadata: { name: thesis, lab: genomics-core, environment: rnaseq }",
      "spec: { requestedBy: rpatel, reason: bench, include: { packages: true, home: true } }",
      "",
    ].join("\n"),
  );
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "thesis snapshot");

  const capture = await timed(() => cli(dir, "reconcile"));
  const verify = await timed(() => cli(dir, "snapshot", "verify", ID));
  const limit = await timed(async () =>
    execFileSync("sh", ["-c", `find . -type f -print0 | xargs -0 sha256sum > /dev/null`], {
      cwd: join(dir, HOME),
    }),
  );

  await cli(dir, "restore", ID, "--as", "rnaseq-thesis");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "restore the thesis snapshot");
  const plan = await timed(() => cli(dir, "plan"));
  const restore = await timed(() => cli(dir, "reconcile"));
  const measured = /restored {2}genomics-core\/rnaseq-thesis .* in ([\d.]+) s/.exec(restore.out);

  const rate = (s: number) => ({ files: FILES / s, mb: mb / s });
  return [
    {
      name: `snapshot: reconcile capturing a home of ${FILES} files (${mb.toFixed(0)} MB)`,
      value: capture.s,
      unit: "s",
      note: `${rate(capture.s).files.toFixed(0)} files/s, ${rate(capture.s).mb.toFixed(1)} MB/s (backup + capture + the rest of the loop)`,
    },
    {
      name: `snapshot verify: ${FILES} files re-read and summed`,
      value: verify.s,
      unit: "s",
      note: `${rate(verify.s).files.toFixed(0)} files/s, ${rate(verify.s).mb.toFixed(1)} MB/s; ${(verify.s / limit.s).toFixed(1)}× sha256sum over the same files`,
    },
    {
      name: `sha256sum over the same ${FILES} files (the limit)`,
      value: limit.s,
      unit: "s",
      note: `${rate(limit.s).files.toFixed(0)} files/s, ${rate(limit.s).mb.toFixed(1)} MB/s`,
    },
    { name: "plan with an environment restored from that snapshot", value: plan.s, unit: "s" },
    {
      name: `restore of that snapshot (${FILES} files checked against the manifest)`,
      value: measured ? Number(measured[1]) : restore.s,
      unit: "s",
      note: measured
        ? `as labenv measures it; the whole reconcile took ${restore.s.toFixed(1)} s`
        : `the whole reconcile (no restore time printed: ${restore.out.split("\n").find((l) => l.includes("restore")) ?? "?"})`,
    },
  ];
}

async function timed(f: () => Promise<unknown>): Promise<{ s: number; out: string }> {
  const start = performance.now();
  const r = await f();
  return {
    s: (performance.now() - start) / 1000,
    out: typeof r === "object" && r && "out" in r ? String(r.out) : "",
  };
}

/** The command line in-process with the real clock (restore times are measured by it). */
async function cli(dir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIO & { code: number } = {
    code: 0,
    out: (t) => void (out += `${t}\n`),
    err: () => undefined,
    exit: (c) => void (io.code = Math.max(io.code, c)),
    today: () => new Date().toISOString().slice(0, 10),
    now: () => new Date(),
  };
  const code = await main([...args, "--repo", dir], io);
  if (code !== 0 && args[0] !== "reconcile")
    throw new Error(`labenv ${args.join(" ")} exited ${code}:\n${out}`);
  return { code, out };
}
