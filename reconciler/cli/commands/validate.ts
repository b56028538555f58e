import type { Command } from "commander";
import { readRepositoryFiles } from "../../adapters/fs/read-repository-files.js";
import { changedFilesSince } from "../../adapters/git/changed-files.js";
import { LabenvError } from "../../core/errors.js";
import { hasErrors } from "../../core/model/diagnostic.js";
import { environmentsAffected, mergeFindings } from "../../core/validate/merge-findings.js";
import { successionAgainstBase } from "../../core/validate/rules/succession-against-base.js";
import { cloneSourceAgainstBase } from "../../core/validate/rules/clone-source-against-base.js";
import { restoreAttemptAgainstBase } from "../../core/validate/rules/restore-attempt-against-base.js";
import { baseDocumentsAt } from "../../adapters/git/repository-at.js";
import { createSchemaValidator } from "../../core/validate/schema-validator.js";
import { validateFiles } from "../../core/validate/validate.js";
import { indexForLockProof } from "../../adapters/package-index/against-index.js";
import { loadRepository } from "../../core/load/load-repository.js";
import type { PackageIndexData } from "../../core/lock/package-index.js";
import { lockRules, packsImmutable } from "../../core/validate/rules/lock-rules.js";
import { extraRules } from "../extra-rules.js";
import { countSummary, plural, renderDiagnostics } from "../render/diagnostics.js";
import type { CliIO } from "../io.js";

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command("validate")
    .description("check every document against its schema and the cross-document rules")
    .argument("[path]", "repository directory", ".")
    .option("--json", "print findings as JSON")
    .option(
      "--changed-from <ref>",
      "only report what merging the changes since this git ref would cause: findings in changed documents, in those that refer to them, and wherever the change reaches (its lab's quotas, every environment for a changed index or labenv.yaml)",
    )
    .option(
      "--against-index",
      "with a remote package index (packageIndex.kind: pypi), ask it for every locked release (only the changed locks' with --changed-from) and prove releases, hashes and dependencies too; bounded in requests, answer size and time",
    )
    .option(
      "--index-time-limit <seconds>",
      "with --against-index: give up (exit 2) when the index has not answered everything by then",
      "120",
    )
    .action(async (path: string, opts: ValidateOptions) => {
      const files = readRepositoryFiles(path);
      const check = createSchemaValidator();
      const remote = opts.againstIndex ? await askIndex(path, files, check, opts) : undefined;
      // With a base (the ref checked first), what only it can tell: successions and restores against the base's documents.
      const changed = opts.changedFrom ? changedFilesSince(path, opts.changedFrom) : undefined;
      const base = opts.changedFrom
        ? await baseDocumentsAt(path, opts.changedFrom, check)
        : undefined;
      const { repository, diagnostics: all } = validateFiles(files, check, { today: io.today() }, [
        ...(remote ? [lockRules(() => remote), packsImmutable] : extraRules(path)),
        ...(base
          ? [
              successionAgainstBase(base),
              cloneSourceAgainstBase(base),
              restoreAttemptAgainstBase(base),
            ]
          : []),
      ]);
      let diagnostics = all;
      let scope = `${plural(repository.files.size, "file")}`;
      let elsewhere = 0;
      let heldBack: string[] = [];
      if (opts.changedFrom && changed) {
        const merge = mergeFindings(repository, all, changed);
        diagnostics = merge.findings;
        elsewhere = merge.elsewhere.length;
        heldBack = merge.heldBack;
        scope = `${plural(changed.length, "changed file")} since ${opts.changedFrom} and what they affect`;
      }
      if (remote)
        scope += `, locks proven against ${repository.config?.doc.spec.packageIndex?.url}`;
      const counts = {
        labs: repository.labs.size,
        environments: repository.environments.size,
        locks: repository.locks.size,
        snapshots: repository.snapshots.size,
        shares: repository.shares.size,
        successions: repository.successions.size,
        domainPacks: repository.packs.size,
      };
      const notes = [
        ...(heldBack.length > 0
          ? [
              `merged as it is, the reconciler would hold back ${plural(heldBack.length, "environment")}: ${heldBack.join(", ")}`,
            ]
          : []),
        ...(elsewhere > 0
          ? [
              `ℹ ${plural(elsewhere, "finding")} elsewhere not affected by the change (already on ${opts.changedFrom}): not counted; run without --changed-from to list ${elsewhere === 1 ? "it" : "them"}`,
            ]
          : []),
      ].map((l) => `\n${l}`);
      if (opts.json)
        io.out(
          JSON.stringify(
            {
              ok: !hasErrors(diagnostics),
              counts,
              diagnostics,
              ...(opts.changedFrom ? { heldBack, findingsElsewhere: elsewhere } : {}),
            },
            null,
            2,
          ),
        );
      else if (diagnostics.length > 0)
        io.out(
          `${renderDiagnostics(diagnostics)}\n\n${hasErrors(diagnostics) ? "✖" : "⚠"} ${countSummary(diagnostics)} (checked ${scope})${notes.join("")}`,
        );
      else
        io.out(
          `✓ valid: ${scope} — ${counts.labs} labs, ${counts.environments} environments, ${counts.locks} locks, ${counts.snapshots} snapshots, ${counts.shares} shares, ${counts.successions} successions, ${counts.domainPacks} domain pack versions${notes.join("")}`,
        );
      io.exit(hasErrors(diagnostics) ? 1 : 0);
    });
}

interface ValidateOptions {
  json?: boolean;
  changedFrom?: string;
  againstIndex?: boolean;
  indexTimeLimit: string;
}

/**
 * `--against-index`: the remote index's answer for every locked release of
 * the locks in scope (all, or those --changed-from affects), within bounds;
 * undefined with the embedded index, which validate always checks in full.
 */
async function askIndex(
  path: string,
  files: ReturnType<typeof readRepositoryFiles>,
  check: ReturnType<typeof createSchemaValidator>,
  opts: ValidateOptions,
): Promise<PackageIndexData | undefined> {
  const seconds = Number(opts.indexTimeLimit);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new LabenvError(
      "usage",
      `--index-time-limit: \`${opts.indexTimeLimit}\` is not a number of seconds`,
      {
        hint: "e.g. --index-time-limit 60",
      },
    );
  const { repository } = loadRepository(files, check);
  const only = opts.changedFrom
    ? [...environmentsAffected(repository, changedFilesSince(path, opts.changedFrom))]
    : undefined;
  return indexForLockProof(repository, only, { deadlineMs: seconds * 1000 });
}
