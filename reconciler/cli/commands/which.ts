import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { parse } from "yaml";
import { readGitObjects } from "../../adapters/git/cat-file.js";
import { runGit } from "../../adapters/git/run-git.js";
import { LabenvError } from "../../core/errors.js";
import {
  readNotebookProvenance,
  renderWhich,
  whichVersion,
  type LockVersion,
} from "../../core/image/notebook-provenance.js";
import { lockDigest } from "../../core/lock/build-lock.js";
import type { EnvironmentLock } from "../../core/model/documents.js";
import { openContext } from "../context.js";
import type { CliIO } from "../io.js";
import { fromPast, type Say } from "./restore.js";

/** The largest notebook read: outputs can be large, but the whole file is parsed to find its metadata. */
const MAX_NOTEBOOK_BYTES = 256 * 1024 * 1024;

/** `labenv which <notebook.ipynb>`: the environment version a notebook was saved under, and how to get it back. */
export function registerWhich(program: Command, io: CliIO): void {
  program
    .command("which")
    .description("which environment version a notebook was saved under, and how to get it back")
    .argument("<notebook>", "a .ipynb file saved in a labenv environment")
    .option("-C, --dir <path>", "repository directory", ".")
    .option("--json", "print as JSON")
    .option(
      "--restore",
      "also write that environment version as a new environment (labenv restore --at its commit)",
    )
    .option("--as <name>", "with --restore: the new environment's name")
    .action(
      async (file: string, o: { dir: string; json?: boolean; restore?: boolean; as?: string }) => {
        let text: string;
        try {
          const bytes = statSync(file).size;
          if (bytes > MAX_NOTEBOOK_BYTES)
            throw new LabenvError(
              "usage",
              `${file}:1:1: the notebook is ${bytes} bytes, more than the ${MAX_NOTEBOOK_BYTES} (256 MiB) labenv which reads`,
              {
                hint: "clear its outputs (jupyter nbconvert --clear-output) and save it again; the provenance is in its metadata",
              },
            );
          text = readFileSync(file, "utf8");
        } catch (e) {
          if (e instanceof LabenvError) throw e;
          throw new LabenvError("usage", `cannot read ${file}: ${(e as Error).message}`);
        }
        const provenance = readNotebookProvenance(file, text);
        const history = await lockHistory(o.dir, `${provenance.lab}/${provenance.environment}`);
        const answer = whichVersion(file, provenance, history);
        if (!o.restore)
          return io.out(o.json ? JSON.stringify(answer, null, 2) : renderWhich(answer));
        if (!answer.commit)
          throw new LabenvError(
            "usage",
            `${file}: no commit on main has the lock it was saved under (${provenance.lockDigest}), so there is nothing to restore`,
            { hint: "`labenv which` without --restore says what is known about it" },
          );
        const say: Say = o.json ? () => undefined : (line) => io.out(line);
        if (!o.json) io.out(renderWhich(answer));
        const written = await fromPast(
          openContext(o.dir, io.now),
          `${provenance.lab}/${provenance.environment}`,
          answer.commit,
          o.as,
          say,
        );
        if (o.json) io.out(JSON.stringify({ ...answer, restored: written }, null, 2));
      },
    );
}

/** Every version of the environment's lock on HEAD's history, newest first, with its digest. */
async function lockHistory(dir: string, env: string): Promise<LockVersion[]> {
  const path = `environments/${env}/environment.lock.yaml`;
  const log = await runGit(dir, ["log", "--format=%H %cI", "--", path]);
  const commits = log
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" ") as [string, string]);
  // Every version in one git process (a commit that deleted the lock names no object).
  const objects = await readGitObjects(
    dir,
    commits.map(([commit]) => `${commit}:${path}`),
  );
  const versions: LockVersion[] = [];
  for (const [commit, date] of commits) {
    const object = objects.get(`${commit}:${path}`);
    if (object === undefined) continue;
    const lock = parse(object.content.toString("utf8")) as EnvironmentLock;
    versions.push({ commit, date, digest: lockDigest(lock) });
  }
  return versions;
}
