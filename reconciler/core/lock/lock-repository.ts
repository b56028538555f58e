import type { JuliaRegistry } from "./julia-packages.js";
import { trimSourceUrl } from "./source-url.js";
import semver from "semver";
import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { packChecksum } from "../packs/checksum.js";
import { resolvePack } from "../packs/resolve-pack.js";
import { buildLock, keptPackages, type LockInputs } from "./build-lock.js";
import { checkLock, type LockFreshness, type RequirementCache } from "./check-lock.js";
import type { PackageIndexData } from "./package-index.js";
import { renderLock } from "./render-lock.js";
import type { LockedPackage } from "./resolve.js";
import type { RPackageIndex } from "./r-packages.js";

export type LockOutcome =
  | { environment: string; file: string; outcome: "unchanged" }
  | {
      environment: string;
      file: string;
      outcome: "created" | "updated";
      text: string;
      why: string[];
    }
  | { environment: string; file: string; outcome: "failed"; errors: string[] };

export interface LockOptions {
  only?: readonly string[];
  upgrade?: boolean;
  /** `--exclude-newer`: resolve as the index stood at this instant (ISO 8601). */
  excludeNewer?: string;
  /** Today (`YYYY-MM-DD`, from the caller: the core reads no clock), for a lab's `minimumReleaseAgeDays`. */
  today?: string;
  /** R snapshot repositories' indexes by URL (trimSourceUrl; environments with `spec.r`), or why one was not read. */
  rIndexes?: ReadonlyMap<string, RPackageIndex | { error: string }>;
  /** The Julia registry of each environment with `spec.julia`, by `lab/env`, as read for it, or why it was not read. */
  juliaRegistries?: ReadonlyMap<string, JuliaRegistry | { error: string }>;
}

/**
 * The instant an environment resolves at: the earlier of `--exclude-newer`
 * and, when its lab sets `minimumReleaseAgeDays`, that many days before
 * today (00:00 UTC). Undefined when neither applies.
 */
export function releaseCutoff(
  repo: Repository,
  env: Loaded<"Environment">,
  options: Pick<LockOptions, "excludeNewer" | "today">,
): string | undefined {
  const days = repo.labs.get(env.doc.metadata.lab)?.doc.spec.minimumReleaseAgeDays;
  const times = [
    ...(options.excludeNewer ? [Date.parse(options.excludeNewer)] : []),
    ...(days !== undefined && options.today
      ? [Date.parse(`${options.today}T00:00:00Z`) - days * 86_400_000]
      : []),
  ].filter(Number.isFinite);
  return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString();
}

/** Where an environment's lock lives. */
export function lockPath(env: Loaded<"Environment">): string {
  return env.file.replace(/environment\.yaml$/, "environment.lock.yaml");
}

/** The freshness of one environment's lock, or why it cannot be judged. */
export function lockFreshness(
  repo: Repository,
  env: Loaded<"Environment">,
  index: PackageIndexData | undefined,
  parsed?: RequirementCache,
): LockFreshness | { status: "missing" } {
  const key = envKey(env.doc.metadata.lab, env.doc.metadata.name);
  const lock = repo.locks.get(key);
  if (!lock) return { status: "missing" };
  const locked = lock.doc.spec.domainPack;
  const pack = repo.packs.get(`${locked.name}@${locked.version}`);
  return checkLock({
    env: env.doc,
    lock: lock.doc,
    pack: pack?.doc,
    packChecksum: pack ? (pack.checksum ?? packChecksum(pack.doc)) : undefined,
    registryChecksum:
      repo.registry?.doc.spec.packs[locked.name]?.versions[locked.version]?.checksum,
    versionWithChecksum: (checksum) => {
      const v = (repo.packVersions.get(locked.name) ?? []).find(
        (p) => (p.checksum ?? packChecksum(p.doc)) === checksum,
      );
      return v && `${v.doc.metadata.name}@${v.doc.metadata.version}`;
    },
    index,
    ...(parsed ? { parsed } : {}),
  });
}

/**
 * Locks the chosen environments (all by default). A lock that is what
 * `labenv lock` writes is left alone; one whose versions still form a valid
 * resolution of changed inputs keeps them (the fields derived from the inputs
 * are rewritten); an edited, stale or missing one is resolved again;
 * `upgrade` re-resolves every one.
 */
export function lockRepository(
  repo: Repository,
  index: PackageIndexData,
  options: LockOptions = {},
): LockOutcome[] {
  const out: LockOutcome[] = [];
  const parsed: RequirementCache = new Map();
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    if (options.only && options.only.length > 0 && !options.only.includes(key)) continue;
    const file = lockPath(env);
    const existing = repo.locks.get(key);
    const freshness = lockFreshness(repo, env, index, parsed);
    const cutoff = releaseCutoff(repo, env, options);
    const recorded = existing?.doc.spec.excludeNewer;
    // An `--exclude-newer` other than the one the lock records asks for another resolution.
    const newCutoff = options.excludeNewer !== undefined && existing && cutoff !== recorded;
    if (!options.upgrade && !newCutoff && freshness.status === "fresh") {
      out.push({ environment: key, file, outcome: "unchanged" });
      continue;
    }
    let pack: Loaded<"DomainPack">;
    let keep: LockedPackage[] | undefined;
    const why: string[] = [];
    const kept = existing && keptPack(repo, env, existing.doc.spec.domainPack);
    if (
      !options.upgrade &&
      !newCutoff &&
      existing &&
      kept &&
      freshness.status === "stale" &&
      freshness.versionsHold
    ) {
      pack = kept;
      keep = keptPackages(
        existing.doc.spec.packages,
        env.doc.spec.packages ?? [],
        pack.doc,
        index,
      ).sort((a, b) => a.name.localeCompare(b.name));
      why.push(
        "the locked versions still satisfy the inputs: versions kept, the fields derived from the inputs rewritten",
        ...freshness.reasons,
      );
    } else {
      const r = resolvePack(repo, env.doc.spec.domainPack);
      if (!r.ok) {
        out.push({ environment: key, file, outcome: "failed", errors: [r.message] });
        continue;
      }
      pack = r.pack;
      if (newCutoff)
        why.push(
          `resolved as the package index stood at ${cutoff} (the lock ${recorded ? `was resolved as it stood at ${recorded}` : "took the newest releases"})`,
        );
      if (freshness.status === "stale" || freshness.status === "edited")
        why.push(...freshness.reasons);
      else if (freshness.status === "missing") why.push("no lock yet");
      else if (options.upgrade) why.push("--upgrade");
    }
    // Kept versions keep the cut-off they were resolved at; a new resolution records its own.
    const resolvedAt = keep ? recorded : cutoff;
    const inputs: LockInputs = {
      environment: env.doc,
      pack: pack.doc,
      packChecksum: pack.checksum ?? packChecksum(pack.doc),
      index,
      ...(resolvedAt ? { excludeNewer: resolvedAt } : {}),
    };
    const rIndex =
      env.doc.spec.r && options.rIndexes?.get(trimSourceUrl(env.doc.spec.r.repository));
    if (rIndex) inputs.rIndex = rIndex;
    const juliaRegistry = env.doc.spec.julia && options.juliaRegistries?.get(key);
    if (juliaRegistry) inputs.juliaRegistry = juliaRegistry;
    const built = buildLock(inputs, keep);
    if (!built.ok) {
      out.push({ environment: key, file, outcome: "failed", errors: built.errors });
      continue;
    }
    const text = renderLock(built.lock);
    if (existing && existing.text === text)
      out.push({ environment: key, file, outcome: "unchanged" });
    else out.push({ environment: key, file, outcome: existing ? "updated" : "created", text, why });
  }
  return out;
}

/**
 * The pack version a lock may keep: the one it names, while it is still
 * published and not yanked, and environment.yaml still asks for that pack in
 * a range that admits that version. Otherwise the lock is resolved again (a
 * kept version outside the range would be a lock `lock --check` refuses).
 */
function keptPack(
  repo: Repository,
  env: Loaded<"Environment">,
  locked: { name: string; version: string },
): Loaded<"DomainPack"> | undefined {
  const pack = repo.packs.get(`${locked.name}@${locked.version}`);
  if (!pack || pack.doc.spec.yanked) return undefined;
  const asked = env.doc.spec.domainPack;
  const at = asked.lastIndexOf("@");
  if (asked.slice(0, at) !== locked.name) return undefined;
  return semver.satisfies(locked.version, asked.slice(at + 1)) ? pack : undefined;
}
