import type { Command } from "commander";
import { LocalGitHost } from "../../adapters/git-host/local-git-host.js";
import { LabenvError } from "../../core/errors.js";
import { openContext } from "../context.js";
import { openGitHost } from "../drift-loop.js";
import type { CliIO } from "../io.js";

/** `labenv prs`: the local git host's pull requests — list, show, close (= put it back) and merge. */
export function registerPrs(program: Command, io: CliIO): void {
  const prs = program
    .command("prs")
    .description(
      "pull requests on the local git host (a branch plus a description under .labenv/prs/)",
    );
  const host = async (repo: string): Promise<LocalGitHost> => {
    const h = openGitHost(openContext(repo, io.now), io.now);
    if (!(h instanceof LocalGitHost))
      throw new LabenvError(
        "usage",
        "labenv prs works with git.host: local; on GitHub use its pull request pages",
      );
    return h;
  };
  prs
    .command("list", { isDefault: true })
    .description("list pull requests, newest first")
    .option("--repo <dir>", "repository directory", ".")
    .option("--json", "print JSON")
    .action(async (o: { repo: string; json?: boolean }) => {
      const all = (await host(o.repo)).list();
      if (o.json) return void io.out(JSON.stringify(all, null, 2));
      if (all.length === 0) return void io.out("no pull requests");
      for (const p of all) io.out(`#${p.number}  ${p.state.padEnd(6)}  ${p.branch}  ${p.title}`);
    });
  prs
    .command("show")
    .argument("<number>")
    .description("print a pull request's description")
    .option("--repo <dir>", "repository directory", ".")
    .action(async (n: string, o: { repo: string }) => {
      const h = await host(o.repo);
      const record = h.records.byNumber(number(n));
      if (!record) throw new LabenvError("usage", `there is no pull request #${n}`);
      io.out(
        `#${record.number} ${h.stateOf(record)}: ${record.title}\nbranch ${record.branch} → ${record.base}, commit ${record.commit.slice(0, 12)}\n\n${h.records.description(record)}`,
      );
    });
  prs
    .command("close")
    .argument("<number>")
    .description("close without merging: labenv puts the environment back and remembers the drift")
    .option("--repo <dir>", "repository directory", ".")
    .action(async (n: string, o: { repo: string }) => {
      const closed = (await host(o.repo)).close(number(n), "labenv prs close");
      io.out(
        `✓ closed #${closed.number} (${closed.branch} deleted): the next drift run puts ${closed.branch.replace("labenv/drift/", "")} back as locked`,
      );
    });
  prs
    .command("merge")
    .argument("<number>")
    .description("merge into the base branch (which must be checked out)")
    .option("--repo <dir>", "repository directory", ".")
    .action(async (n: string, o: { repo: string }) => {
      const merged = (await host(o.repo)).merge(number(n));
      io.out(
        `✓ merged #${merged.number} into ${merged.base}: the next \`labenv reconcile\` applies it`,
      );
    });
}

function number(text: string): number {
  const n = Number(text.replace(/^#/, ""));
  if (!Number.isInteger(n) || n <= 0)
    throw new LabenvError("usage", `\`${text}\` is not a pull request number`);
  return n;
}
