import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parseDocument } from "yaml";
import { runGit } from "../../adapters/git/run-git.js";
import { LabenvError } from "../../core/errors.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { parseSnapshotRef, readManifest } from "../snapshot-manifest.js";

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `labenv restore <lab/env/name> --as <new-env>`: writes a new environment as it was when the
 * snapshot was captured — its environment.yaml at the snapshot's commit and the snapshot's exact
 * lock, renamed, with `restoreFrom` — for a pull request. After the merge, the reconciler runs the
 * snapshot's image, creates the volume from its EBS snapshot and restores its home.
 */
export function registerRestore(program: Command, io: CliIO): void {
  program
    .command("restore")
    .description(
      "write a new environment restored from a snapshot (environment.yaml as it was, the snapshot's lock, restoreFrom); commit it in a pull request",
    )
    .argument("<snapshot>", "lab/env/name")
    .option("--as <name>", "the new environment's name (default: <env>-<snapshot name>)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print what was written as JSON")
    .action(async (id: string, o: { as?: string; repo: string; json?: boolean }) => {
      const ctx = openContext(o.repo, io.now);
      const m = await readManifest(ctx.objects, id);
      const { lab, env, name: snap } = parseSnapshotRef(id);
      const name = o.as ?? `${env}-${snap}`.slice(0, 63).replace(/-+$/, "");
      if (!NAME.test(name))
        throw new LabenvError("usage", `--as ${name} is not a lower-case DNS label`);
      const dir = join(ctx.dir, "environments", lab, name);
      if (existsSync(join(dir, "environment.yaml")))
        throw new LabenvError("usage", `environments/${lab}/${name}/environment.yaml exists`, {
          hint: "pick another name with --as: a restore never writes over an environment",
        });
      const lockBytes = await ctx.objects.get(m.lock.key);
      if (!lockBytes)
        throw new LabenvError("state", `the lock object of ${id} (${m.lock.key}) is missing`, {
          hint: "`labenv snapshot verify` reports what is damaged",
        });
      const envPath = m.lock.file.replace(/environment\.lock\.yaml$/, "environment.yaml");
      const envText = await environmentThen(ctx.dir, m.commit, envPath);
      const envDoc = parseDocument(envText);
      envDoc.setIn(["metadata", "name"], name);
      envDoc.setIn(["spec", "restoreFrom"], envDoc.createNode({ snapshot: id }, { flow: true }));
      const lockDoc = parseDocument(Buffer.from(lockBytes).toString("utf8"));
      lockDoc.setIn(["metadata", "name"], name);
      mkdirSync(dir, { recursive: true });
      const files = [
        { path: `environments/${lab}/${name}/environment.yaml`, text: envDoc.toString() },
        { path: `environments/${lab}/${name}/environment.lock.yaml`, text: lockDoc.toString() },
      ];
      for (const f of files) writeFileSync(join(ctx.dir, f.path), f.text);
      if (o.json)
        return io.out(
          JSON.stringify(
            { snapshot: id, environment: `${lab}/${name}`, files: files.map((f) => f.path) },
            null,
            2,
          ),
        );
      io.out(
        `✓ wrote ${lab}/${name}, restored from ${id} (captured ${m.capturedAt} at ${m.commit.slice(0, 12)}):`,
      );
      for (const f of files) io.out(`    ${f.path}`);
      io.out(
        `  the lock is the snapshot's (${m.lock.domainPack}); after the pull request merges, the reconciler runs its image ${m.image ?? "(none recorded)"}${m.volume ? `, creates /opt/jupyter from ${m.volume.snapshotId}` : ""}${m.home ? `, and restores its ${m.home.fileCount} home files` : ""}`,
      );
    });
}

/** environment.yaml at the snapshot's commit, or as it is now when git cannot say. */
async function environmentThen(dir: string, commit: string, path: string): Promise<string> {
  try {
    return await runGit(dir, ["show", `${commit}:${path}`]);
  } catch (e) {
    if (existsSync(join(dir, path))) return readFileSync(join(dir, path), "utf8");
    throw new LabenvError(
      "git",
      `${path} cannot be read at ${commit.slice(0, 12)}, and is not in the working tree`,
      {
        cause: e,
        hint: "restore needs the repository's history (a clone, not a shallow copy)",
      },
    );
  }
}
