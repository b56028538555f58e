import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { indexForRepository } from "../../adapters/package-index/open-index.js";
import { lockFreshness, lockPath, lockRepository } from "../../core/lock/lock-repository.js";
import { readRIndexes } from "../../adapters/package-index/r-repository.js";
import { readJuliaRegistries } from "../../adapters/package-index/julia-registry.js";
import { LabenvError } from "../../core/errors.js";
import { lockFindings } from "../../core/validate/rules/lock-rules.js";
import type { RequirementCache } from "../../core/lock/check-lock.js";
import type { CliIO } from "../io.js";
import { loadWithConfig } from "../load.js";

export function registerLock(program: Command, io: CliIO): void {
  program
    .command("lock")
    .description(
      "write environment.lock.yaml for each environment, or --check that every lock is up to date",
    )
    .argument("[environments...]", "lab/env names (default: all)")
    .option("--repo <dir>", "repository directory", ".")
    .option("--check", "change nothing; exit 1 when any lock is missing or stale, and say why")
    .option(
      "--upgrade",
      "resolve again even where the current lock still satisfies the environment",
    )
    .option(
      "--exclude-newer <date>",
      "resolve as the package index stood then (a date, 00:00 UTC, or an RFC 3339 time), from each file's upload time",
    )
    .option("--json", "print results as JSON")
    .action(
      async (
        envs: string[],
        opts: {
          repo: string;
          check?: boolean;
          upgrade?: boolean;
          json?: boolean;
          excludeNewer?: string;
        },
      ) => {
        const excludeNewer =
          opts.excludeNewer === undefined ? undefined : parseInstant(opts.excludeNewer);
        const { repository } = loadWithConfig(opts.repo);
        const unknown = envs.filter((e) => !repository.environments.has(e));
        if (unknown.length > 0)
          throw new LabenvError("usage", `unknown environment ${unknown.join(", ")}`, {
            hint: `known: ${[...repository.environments.keys()].join(", ")}`,
          });
        const scope = {
          only: envs,
          upgrade: opts.upgrade ?? false,
          today: io.today(),
          ...(excludeNewer ? { excludeNewer } : {}),
        };
        const index = await indexForRepository(opts.repo, repository, {
          ...scope,
          check: opts.check ?? false,
        });
        if (opts.check) {
          const parsed: RequirementCache = new Map();
          const results = [...repository.environments]
            .filter(([k]) => envs.length === 0 || envs.includes(k))
            .map(([k, env]) => {
              const f = lockFreshness(repository, env, index, parsed);
              const lock = repository.locks.get(k);
              return {
                environment: k,
                file: lockPath(env),
                ...f,
                ...(f.status === "stale" || f.status === "edited"
                  ? { diagnostics: lockFindings(lock!, f.findings) }
                  : {}),
              };
            });
          const bad = results.filter((r) => r.status !== "fresh");
          if (opts.json) io.out(JSON.stringify({ ok: bad.length === 0, results }, null, 2));
          else {
            for (const r of bad) {
              io.out(
                `✖ ${r.environment}: ${r.status === "missing" ? `no lock (${r.file})` : r.status === "edited" ? "lock was edited by hand" : "lock is stale"}`,
              );
              if (r.status === "stale" || r.status === "edited")
                for (const d of r.diagnostics ?? [])
                  io.out(
                    d.code === "lock-edited"
                      ? `    ${d.file}:${d.line}:${d.column} error ${d.message} [${d.code}]`
                      : `    ${d.message.replace(/^lock is stale: /, "")}`,
                  );
            }
            io.out(
              bad.length === 0
                ? `✓ ${results.length} locks up to date`
                : `${bad.length} of ${results.length} locks need \`labenv lock\``,
            );
          }
          io.exit(bad.length === 0 ? 0 : 1);
          return;
        }
        const rIndexes = await readRIndexes(repository, envs);
        const juliaRegistries = await readJuliaRegistries(repository, envs, {
          upgrade: opts.upgrade ?? false,
          gitCacheDir: join(opts.repo, ".labenv", "cache", "julia-registries"),
        });
        const outcomes = lockRepository(repository, index, { ...scope, rIndexes, juliaRegistries });
        for (const o of outcomes)
          if (o.outcome === "created" || o.outcome === "updated")
            writeFileSync(join(opts.repo, o.file), o.text);
        const failed = outcomes.filter((o) => o.outcome === "failed");
        if (opts.json)
          io.out(
            JSON.stringify(
              {
                ok: failed.length === 0,
                outcomes: outcomes.map(({ ...o }) => ("text" in o ? { ...o, text: undefined } : o)),
              },
              null,
              2,
            ),
          );
        else {
          for (const o of outcomes) {
            if (o.outcome === "unchanged") io.out(`  unchanged  ${o.environment}`);
            else if (o.outcome === "failed")
              io.out(
                `✖ failed     ${o.environment}\n${o.errors.map((e) => `    ${e}`).join("\n")}`,
              );
            else
              io.out(
                `  ${o.outcome.padEnd(9)}  ${o.environment} → ${o.file}${o.why.length ? `\n${o.why.map((w) => `    ${w}`).join("\n")}` : ""}`,
              );
          }
        }
        io.exit(failed.length === 0 ? 0 : 1);
      },
    );
}

/** `2024-06-01` (00:00 UTC that day) or an RFC 3339 time, as an ISO 8601 instant. */
function parseInstant(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const time = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/.test(
    text,
  );
  const ms = Date.parse(day ? `${text}T00:00:00Z` : text);
  if ((!day && !time) || !Number.isFinite(ms))
    throw new LabenvError(
      "usage",
      `--exclude-newer: \`${text}\` is not a date or an RFC 3339 time`,
      {
        hint: "e.g. --exclude-newer 2024-06-01 or --exclude-newer 2024-06-01T12:00:00Z",
      },
    );
  return new Date(ms).toISOString();
}
