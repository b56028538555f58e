import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parse, parseDocument } from "yaml";
import { runGit } from "../../adapters/git/run-git.js";
import { LabenvError } from "../../core/errors.js";
import type { EnvironmentLock } from "../../core/model/generated/environment-lock.js";
import { lockSpecDigest } from "../../core/snapshots/restore-decision.js";
import { readManifests } from "../../core/snapshots/snapshot-list.js";
import { parseAt, snapshotForPast } from "../../core/snapshots/time-travel.js";
import { openContext, type RunContext } from "../context.js";
import type { CliIO } from "../io.js";
import { parseSnapshotRef, readManifest } from "../snapshot-manifest.js";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const ENV_REF = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export type Say = (line: string) => void;

interface Written {
  environment: string;
  snapshot?: string;
  files: string[];
  commit?: string;
}

/**
 * `labenv restore <lab/env/name> [--as <new-env>]`: writes a new environment as it was when the
 * snapshot was captured — its environment.yaml at the snapshot's commit and the snapshot's exact
 * lock, renamed, with `restoreFrom` — for a pull request. After the merge, the reconciler runs the
 * snapshot's image, creates the volume from its EBS snapshot and restores its home.
 *
 * `labenv restore --at <date|commit> <lab/env> [--as <new-env>]`: the same for the environment as
 * it stood on main then — its environment.yaml and lock at that commit, restored from the snapshot
 * that holds exactly that lock (the nearest), or from its lock alone when none does.
 */
export function registerRestore(program: Command, io: CliIO): void {
  program
    .command("restore")
    .description(
      "write a new environment restored from a snapshot, or as it stood at a date or commit (--at); commit it in a pull request",
    )
    .argument("<snapshot|environment>", "lab/env/name, or lab/env with --at")
    .option(
      "--at <date|commit>",
      "the environment as main had it then: YYYY-MM-DD, a date-time or a commit",
    )
    .option(
      "--as <name>",
      "the new environment's name (default: <env>-<snapshot name>, or <env>-<date|commit>)",
    )
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print what was written as JSON")
    .action(async (ref: string, o: { at?: string; as?: string; repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      // With --json only the JSON is printed.
      const say: Say = o.json ? () => undefined : (line) => io.out(line);
      const written =
        o.at === undefined
          ? await fromSnapshot(ctx, ref, o.as, say)
          : await fromPast(ctx, ref, o.at, o.as, say);
      if (o.json) io.out(JSON.stringify(written, null, 2));
    });
}

async function fromSnapshot(
  ctx: RunContext,
  id: string,
  as: string | undefined,
  say: Say,
): Promise<Written> {
  const m = await readManifest(ctx.objects, id);
  const { lab, env, name: snap } = parseSnapshotRef(id);
  const name = newName(ctx, lab, as ?? `${env}-${snap}`);
  const lockBytes = await ctx.objects.get(m.lock.key);
  if (!lockBytes)
    throw new LabenvError("state", `the lock object of ${id} (${m.lock.key}) is missing`, {
      hint: "`labenv snapshot verify` reports what is damaged",
    });
  const envPath = m.lock.file.replace(/environment\.lock\.yaml$/, "environment.yaml");
  const envText = await environmentThen(ctx.dir, m.commit, envPath);
  const files = write(ctx, lab, name, envText, Buffer.from(lockBytes).toString("utf8"), id);
  say(
    `✓ wrote ${lab}/${name}, restored from ${id} (captured ${m.capturedAt} at ${m.commit.slice(0, 12)}):`,
  );
  for (const f of files) say(`    ${f}`);
  say(
    `  the lock is the snapshot's (${m.lock.domainPack}); after the pull request merges, the reconciler runs its image ${m.image ?? "(none recorded)"}${m.volume ? `, creates /opt/jupyter from ${m.volume.snapshotId}` : ""}${m.home ? `, and restores its ${m.home.fileCount} home files` : ""}`,
  );
  return { environment: `${lab}/${name}`, snapshot: id, files };
}

/** The environment as main had it at a date or commit, from the snapshot that holds that lock. */
export async function fromPast(
  ctx: RunContext,
  ref: string,
  at: string,
  as: string | undefined,
  say: Say,
): Promise<Written> {
  if (!ENV_REF.test(ref))
    throw new LabenvError(
      "usage",
      `${JSON.stringify(ref)} is not an environment: --at takes lab/env`,
      {
        hint: "e.g. labenv restore --at 2026-10-05 genomics-core/rnaseq",
      },
    );
  const [lab, env] = ref.split("/") as [string, string];
  const parsed = parseAt(at);
  if ("problem" in parsed) throw new LabenvError("usage", `--at ${parsed.problem}`);
  const { commit, date } = await commitAt(ctx.dir, parsed);
  const envPath = `environments/${lab}/${env}/environment.yaml`;
  const lockPath = `environments/${lab}/${env}/environment.lock.yaml`;
  const envText = await shown(ctx.dir, commit, envPath);
  const lockText = await shown(ctx.dir, commit, lockPath);
  if (envText === undefined || lockText === undefined)
    throw new LabenvError(
      "usage",
      `${ref} had no ${envText === undefined ? "environment.yaml" : "lock"} on main at ${commit.slice(0, 12)} (${date})`,
      { hint: "`labenv history " + ref + "` lists when it existed" },
    );
  const lock = parse(lockText) as EnvironmentLock;
  const manifests = await readManifests(ctx.objects, `${lab}/${env}`);
  const choice = snapshotForPast(manifests, lockSpecDigest(lock), date);
  const label = "date" in parsed ? at.slice(0, 10).replaceAll("-", "") : commit.slice(0, 7);
  if (choice.snapshot) {
    const id = choice.snapshot.id;
    const written = await fromSnapshot(ctx, id, as ?? `${env}-${label}`, () => undefined);
    const m = choice.snapshot;
    say(
      `✓ wrote ${written.environment}: ${ref} as on main at ${commit.slice(0, 12)} (${date}), restored from ${id} (captured ${m.capturedAt}${choice.when === "after" ? ", after that date, while the lock was the same: the home is as it was then, later than asked" : ""}):`,
    );
    for (const f of written.files) say(`    ${f}`);
    say(
      `  the same lock, so the same packages: the image ${m.image ?? m.lock.image}${m.home ? `, and its ${m.home.fileCount} home files` : ""}`,
    );
    return { ...written, commit };
  }
  const name = newName(ctx, lab, as ?? `${env}-${label}`);
  const files = write(ctx, lab, name, envText, lockText);
  say(`✓ wrote ${lab}/${name}: ${ref} as on main at ${commit.slice(0, 12)} (${date}):`);
  for (const f of files) say(`    ${f}`);
  say(
    `  no snapshot restores its home: ${choice.reason}. The lock is the one it had then, so the image built from it has the same packages; the home starts empty.`,
  );
  return { environment: `${lab}/${name}`, files, commit };
}

/** The new environment's name: a DNS label not taken yet (a restore never writes over one). */
function newName(ctx: RunContext, lab: string, wanted: string): string {
  const name = wanted.slice(0, 63).replace(/-+$/, "");
  if (!NAME.test(name))
    throw new LabenvError("usage", `--as ${name} is not a lower-case DNS label`);
  if (existsSync(join(ctx.dir, "environments", lab, name, "environment.yaml")))
    throw new LabenvError("usage", `environments/${lab}/${name}/environment.yaml exists`, {
      hint: "pick another name with --as: a restore never writes over an environment",
    });
  return name;
}

/** Writes environment.yaml (renamed, with restoreFrom when a snapshot restores it) and the lock. */
function write(
  ctx: RunContext,
  lab: string,
  name: string,
  envText: string,
  lockText: string,
  snapshot?: string,
): string[] {
  const envDoc = parseDocument(envText);
  envDoc.setIn(["metadata", "name"], name);
  if (snapshot)
    envDoc.setIn(["spec", "restoreFrom"], envDoc.createNode({ snapshot }, { flow: true }));
  else envDoc.deleteIn(["spec", "restoreFrom"]);
  const lockDoc = parseDocument(lockText);
  lockDoc.setIn(["metadata", "name"], name);
  mkdirSync(join(ctx.dir, "environments", lab, name), { recursive: true });
  const files = [
    { path: `environments/${lab}/${name}/environment.yaml`, text: envDoc.toString() },
    { path: `environments/${lab}/${name}/environment.lock.yaml`, text: lockDoc.toString() },
  ];
  for (const f of files) writeFileSync(join(ctx.dir, f.path), f.text);
  return files.map((f) => f.path);
}

/** The commit on main's first-parent history at a date (the last one at or before it), or the commit named. */
async function commitAt(
  dir: string,
  at: { date: string } | { commit: string },
): Promise<{ commit: string; date: string }> {
  const fail = (message: string, cause?: unknown) =>
    new LabenvError("usage", message, {
      ...(cause ? { cause } : {}),
      hint: "restore --at reads the repository's history: run it in a clone of main (not a shallow copy)",
    });
  let commit: string;
  if ("date" in at) {
    try {
      commit = (
        await runGit(dir, ["rev-list", "-1", "--first-parent", `--before=${at.date}`, "HEAD"])
      ).trim();
    } catch (e) {
      throw fail(`the history cannot be read: ${(e as Error).message}`, e);
    }
    if (!commit) throw fail(`main has no commit at or before ${at.date}`);
  } else {
    try {
      commit = (
        await runGit(dir, ["rev-parse", "--verify", "--quiet", `${at.commit}^{commit}`])
      ).trim();
    } catch (e) {
      throw fail(`${at.commit} is not a commit of this repository`, e);
    }
    try {
      await runGit(dir, ["merge-base", "--is-ancestor", commit, "HEAD"]);
    } catch (e) {
      throw fail(`${at.commit} is not on main's history (HEAD): a restore takes what main held`, e);
    }
  }
  const date = (await runGit(dir, ["show", "-s", "--format=%cI", commit])).trim();
  return { commit, date: new Date(date).toISOString() };
}

async function shown(dir: string, commit: string, path: string): Promise<string | undefined> {
  try {
    return await runGit(dir, ["show", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/** environment.yaml at the snapshot's commit, or as it is now when git cannot say. */
export async function environmentThen(dir: string, commit: string, path: string): Promise<string> {
  const then = await shown(dir, commit, path);
  if (then !== undefined) return then;
  if (existsSync(join(dir, path))) return readFileSync(join(dir, path), "utf8");
  throw new LabenvError(
    "git",
    `${path} cannot be read at ${commit.slice(0, 12)}, and is not in the working tree`,
    { hint: "restore needs the repository's history (a clone, not a shallow copy)" },
  );
}
