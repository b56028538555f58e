import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { indexForRepository } from "../adapters/package-index/open-index.js";
import { readRIndexes } from "../adapters/package-index/r-repository.js";
import { readJuliaRegistries } from "../adapters/package-index/julia-registry.js";
import { LabenvError } from "../core/errors.js";
import { digestOf } from "../core/lock/canonical.js";
import { lockRepository } from "../core/lock/lock-repository.js";
import type { DomainPackRegistry, Repository } from "../core/model/documents.js";
import { packStatuses, type PackStatus } from "../core/packs/pack-updates.js";
import type { DriftPullRequestSpec, PullRequestResult } from "../ports/git-host.js";
import { openContext } from "./context.js";
import { openGitHost } from "./drift-loop.js";
import type { CliIO } from "./io.js";
import {
  openRegistries,
  prepareFromRegistry,
  withFiles,
  type PreparedPack,
} from "./pack-registries.js";

/** The registry index of every registry a vendored pack came from (read once each). */
export async function vendoredStatuses(
  repository: Repository,
  only?: string,
): Promise<PackStatus[]> {
  const used = new Set(
    [...repository.packs.values()]
      .filter((p) => !only || p.doc.metadata.name === only)
      .map((p) => p.doc.spec.source?.registry)
      .filter((r): r is string => r !== undefined),
  );
  if (only && used.size === 0)
    throw new LabenvError("usage", `\`${only}\` has no version vendored from a registry`, {
      hint: "`labenv packs add <pack>` vendors one first",
    });
  const indexes = new Map<string, DomainPackRegistry>();
  for (const registry of openRegistries(repository).filter((r) => used.has(r.config.name)))
    indexes.set(registry.config.name, await registry.index());
  return packStatuses(repository, indexes, only);
}

export interface PackUpdate {
  pack: string;
  from: string;
  to: string;
  registry: string;
  signedBy: string | undefined;
  /** Environments re-locked onto the new version. */
  relocked: string[];
  /** Environments whose range keeps them where they are. */
  pinned: { environment: string; range: string; stays: string | undefined }[];
  files: string[];
  pullRequest?: PullRequestResult & { branch: string };
}

/**
 * `labenv packs update`: for each vendored pack the registry has a newer
 * version of, vendor it (checked as `packs add` checks), re-lock the
 * environments whose range moves them onto it, and open (or update) one pull
 * request per pack through the git host with those files — or, with `write`,
 * write them into the working tree. A lock that does not resolve stops that
 * pack's update and says why; nothing is opened for it.
 */
export async function updatePacks(
  dir: string,
  io: CliIO,
  options: { only?: string; write?: boolean },
): Promise<{ updates: PackUpdate[]; statuses: PackStatus[] }> {
  const ctx = openContext(dir, io.now);
  const statuses = await vendoredStatuses(ctx.repository, options.only);
  const updates: PackUpdate[] = [];
  for (const status of statuses) {
    if (!status.update) continue;
    const [registry] = openRegistries(ctx.repository, status.registry);
    const prepared = await prepareFromRegistry(
      dir,
      ctx.repository,
      registry!,
      status.pack,
      status.update,
    );
    const moving = status.environments.filter((e) => e.next === status.update);
    const next = withFiles(dir, prepared.files);
    const only = moving.map((e) => e.environment);
    const scope = {
      only,
      upgrade: true,
      today: io.today(),
      rIndexes: await readRIndexes(next, only),
      // A pack update keeps each git Julia registry at the commit its lock records.
      juliaRegistries: await readJuliaRegistries(next, only, {
        gitCacheDir: join(dir, ".labenv", "cache", "julia-registries"),
      }),
    };
    const locks =
      only.length === 0
        ? []
        : lockRepository(
            next,
            await indexForRepository(dir, next, { ...scope, check: false }),
            scope,
          );
    const failed = locks.filter((o) => o.outcome === "failed");
    if (failed.length > 0)
      throw new LabenvError(
        "plan",
        `${status.pack}@${status.update} does not lock for ${failed.map((f) => f.environment).join(", ")}: ${failed.flatMap((f) => ("errors" in f ? f.errors : [])).join("; ")}`,
        {
          hint: "nothing was changed or opened; pin those environments to the version they use (`domainPack: <pack>@<version>`) or fix the conflict",
        },
      );
    const files = [
      ...prepared.files,
      ...locks.flatMap((o) => ("text" in o ? [{ path: o.file, content: o.text }] : [])),
    ];
    const update: PackUpdate = {
      pack: status.pack,
      from: status.vendored[0]!,
      to: status.update,
      registry: status.registry,
      signedBy: prepared.signedBy,
      relocked: only,
      pinned: status.environments
        .filter((e) => e.next !== status.update)
        .map((e) => ({ environment: e.environment, range: e.range, stays: e.now })),
      files: files.map((f) => f.path),
    };
    if (options.write) {
      for (const f of files) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
    } else {
      const spec = pullRequestSpec(
        ctx.config.git?.defaultBranch ?? "main",
        update,
        prepared,
        files,
      );
      const host = openGitHost(ctx, io.now);
      // Found by its branch, so a second run (or a newer version) updates it instead of opening another.
      const existing = await host.findOpenPullRequest?.(spec.branch);
      const result = await host.ensureDriftPullRequest(spec, existing);
      update.pullRequest = { ...result, branch: spec.branch };
    }
    updates.push(update);
  }
  return { updates, statuses };
}

function pullRequestSpec(
  base: string,
  u: PackUpdate,
  prepared: PreparedPack,
  files: { path: string; content: string }[],
): DriftPullRequestSpec {
  const body = [
    `Updates the domain pack **${u.pack}** from ${u.from} to **${u.to}**, from registry \`${u.registry}\` (${prepared.trust}, ${u.signedBy ? `signed by \`${u.signedBy}\`` : "unsigned"}; checksum and signature checked against labenv.yaml's \`packTrust\`).`,
    "",
    u.relocked.length
      ? `Re-locked onto ${u.pack}@${u.to}: ${u.relocked.map((e) => `\`${e}\``).join(", ")}.`
      : "No environment's range admits the new version yet: only the pack is vendored.",
    ...(u.pinned.length
      ? [
          "",
          `Staying where their range pins them: ${u.pinned.map((p) => `\`${p.environment}\` (\`${u.pack}@${p.range}\` → ${p.stays ?? "none"})`).join(", ")}.`,
        ]
      : []),
    ...(prepared.deprecated
      ? ["", `⚠ ${u.pack}@${u.to} is deprecated: move to \`${prepared.deprecated}\`.`]
      : []),
    "",
    "Read the plan comment before merging: every re-locked environment gets a new image.",
    "",
    `<!-- labenv-pack-update ${u.pack}@${u.to} -->`,
  ].join("\n");
  return {
    environment: `packs/${u.pack}`,
    branch: `labenv/packs/${u.pack}`,
    base,
    title: `packs: update ${u.pack} to ${u.to}`,
    body,
    files,
    commitMessage: `Domain pack ${u.pack} ${u.from} → ${u.to} from ${u.registry}${u.relocked.length ? `; re-lock ${u.relocked.join(", ")}` : ""}`,
    labels: ["labenv:pack-update"],
    reviewers: [],
    fingerprint: digestOf({ pack: u.pack, to: u.to }),
    filesDigest: digestOf(files),
  };
}
