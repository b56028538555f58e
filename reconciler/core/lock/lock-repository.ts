import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { packChecksum } from "../packs/checksum.js";
import { resolvePack } from "../packs/resolve-pack.js";
import { buildLock, type LockInputs } from "./build-lock.js";
import { checkLock, type LockFreshness } from "./check-lock.js";
import type { PackageIndexData } from "./package-index.js";
import { renderLock } from "./render-lock.js";
import type { LockedPackage } from "./resolve.js";

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

/** Where an environment's lock lives. */
export function lockPath(env: Loaded<"Environment">): string {
  return env.file.replace(/environment\.yaml$/, "environment.lock.yaml");
}

/** The freshness of one environment's lock, or why it cannot be judged. */
export function lockFreshness(
  repo: Repository,
  env: Loaded<"Environment">,
  index: PackageIndexData | undefined,
): LockFreshness | { status: "missing" } {
  const key = envKey(env.doc.metadata.lab, env.doc.metadata.name);
  const lock = repo.locks.get(key);
  if (!lock) return { status: "missing" };
  const locked = lock.doc.spec.domainPack;
  const pack = repo.packs.get(`${locked.name}@${locked.version}`);
  return checkLock(
    env.doc,
    lock.doc,
    pack?.doc,
    pack ? (pack.checksum ?? packChecksum(pack.doc)) : undefined,
    index,
  );
}

/**
 * Locks the chosen environments (all by default). A lock that still satisfies
 * its environment keeps its versions (only the input digest is refreshed);
 * a stale or missing one is resolved again; `upgrade` re-resolves every one.
 */
export function lockRepository(
  repo: Repository,
  index: PackageIndexData,
  options: { only?: readonly string[]; upgrade?: boolean } = {},
): LockOutcome[] {
  const out: LockOutcome[] = [];
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    if (options.only && options.only.length > 0 && !options.only.includes(key)) continue;
    const file = lockPath(env);
    const existing = repo.locks.get(key);
    const freshness = lockFreshness(repo, env, index);
    if (!options.upgrade && freshness.status === "fresh" && freshness.via === "digest") {
      out.push({ environment: key, file, outcome: "unchanged" });
      continue;
    }
    let pack: Loaded<"DomainPack">;
    let keep: LockedPackage[] | undefined;
    const why: string[] = [];
    if (!options.upgrade && existing && freshness.status === "fresh") {
      pack = repo.packs.get(
        `${existing.doc.spec.domainPack.name}@${existing.doc.spec.domainPack.version}`,
      )!;
      keep = existing.doc.spec.packages.map((p) => ({ ...p }));
      why.push(
        "inputs changed but the locked versions still satisfy them: versions kept, input digest refreshed",
      );
    } else {
      const r = resolvePack(repo, env.doc.spec.domainPack);
      if (!r.ok) {
        out.push({ environment: key, file, outcome: "failed", errors: [r.message] });
        continue;
      }
      pack = r.pack;
      if (freshness.status === "stale") why.push(...freshness.reasons);
      else if (freshness.status === "missing") why.push("no lock yet");
      else why.push("--upgrade");
    }
    const inputs: LockInputs = {
      environment: env.doc,
      pack: pack.doc,
      packChecksum: pack.checksum ?? packChecksum(pack.doc),
      index,
    };
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
