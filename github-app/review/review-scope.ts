import { parse } from "yaml";
import { isManagedPath } from "../../reconciler/core/load/classify-path.js";

/**
 * What a pull request review must read. A change confined to some labs'
 * directories is judged on every lab.yaml, every domain pack, the repository
 * configuration and package index, and everything under those labs: every
 * rule labenv has looks no further than a lab (quotas, owners, shares and
 * successions are per lab; uids across labs need only the lab.yaml files),
 * and environments in other labs are the same on both sides, so the plan's
 * changing actions and digest are those of the whole repository — except
 * ECS names (`labenv-<lab>-<env>`), which can collide across labs whose
 * names extend one another (`ml` and `ml-vision`): those labs are opened
 * too (see `opens`). Anything
 * else (labenv.yaml, domain packs, schemas, a lab.yaml, the package index)
 * can touch every environment: the whole repository is read.
 */
export type ReviewScope = { kind: "all" } | { kind: "labs"; labs: ReadonlySet<string> };

/** Paths a pull request must touch for labenv to review it. */
export function touchesLabenv(
  changed: readonly string[],
  packageIndexPath = "package-index.yaml",
): boolean {
  return changed.some(
    (p) => isManagedPath(p) || p.startsWith("schemas/") || p === packageIndexPath,
  );
}

export function reviewScope(changed: readonly string[]): ReviewScope {
  const labs = new Set<string>();
  for (const path of changed) {
    const p = path.split("/");
    if (p[0] === "environments" && p.length >= 3 && !(p.length === 3 && p[2] === "lab.yaml"))
      labs.add(p[1]!);
    else if (isManagedPath(path) || path.startsWith("schemas/") || /\.ya?ml$/.test(path))
      return { kind: "all" };
  }
  return { kind: "labs", labs };
}

/**
 * Whether a change confined to `scope.labs` reads lab `lab`'s directory: one
 * of them, or a lab whose environments' ECS names can equal theirs (`ml` and
 * `ml-vision`: `labenv-ml-vision-teaching` is ml/vision-teaching and
 * ml-vision/teaching), so the collision is found on both.
 */
function opens(labs: ReadonlySet<string>, lab: string): boolean {
  if (labs.has(lab)) return true;
  for (const l of labs) if (lab.startsWith(`${l}-`) || l.startsWith(`${lab}-`)) return true;
  return false;
}

/** Whether the review reads this file (`packageIndexPath` from labenv.yaml). */
export function inScope(scope: ReviewScope, path: string, packageIndexPath: string): boolean {
  if (path === packageIndexPath) return true;
  if (!isManagedPath(path)) return false;
  if (scope.kind === "all" || !path.startsWith("environments/")) return true;
  const p = path.split("/");
  return (p.length === 3 && p[2] === "lab.yaml") || opens(scope.labs, p[1]!);
}

/** Environments the review did not read (in labs it had no reason to open). */
export function environmentsOutside(scope: ReviewScope, paths: readonly string[]): number {
  if (scope.kind === "all") return 0;
  return paths.filter(
    (p) =>
      /^environments\/[^/]+\/[^/]+\/environment\.yaml$/.test(p) &&
      !opens(scope.labs, p.split("/")[1]!),
  ).length;
}

/** A share document larger than this is not read for its receiving lab (real ones are < 2 KiB). */
const MAX_SHARE_BYTES = 64 * 1024;
const SHARE_PATH = /^environments\/([^/]+)\/shares\/[^/]+\.ya?ml$/;

/**
 * A change confined to some labs also reads every lab that lends one of them an environment (a
 * Share whose `spec.to.lab` is one of them): the share's mount path must stay free in the
 * receiving lab's environments, so a change there can make the lender's share fail
 * (`share-mount-path`), and the lender's documents are needed to see it. Read from the share
 * files of the archive alone; one that is not YAML or too large is skipped here (the loader
 * reports it when its lab is read).
 */
export function withLendingLabs(
  scope: ReviewScope,
  all: ReadonlyMap<string, Uint8Array>,
): ReviewScope {
  if (scope.kind === "all" || scope.labs.size === 0) return scope;
  const labs = new Set(scope.labs);
  for (const [path, bytes] of all) {
    const m = SHARE_PATH.exec(path);
    if (!m || labs.has(m[1]!) || bytes.length > MAX_SHARE_BYTES) continue;
    let doc: unknown;
    try {
      doc = parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      continue;
    }
    const to = (doc as { spec?: { to?: { lab?: unknown } } } | null)?.spec?.to?.lab;
    if (typeof to === "string" && scope.labs.has(to)) labs.add(m[1]!);
  }
  return labs.size === scope.labs.size ? scope : { kind: "labs", labs };
}

/**
 * The files the choice of what to read looks at (see `withLendingLabs` and `packageIndexPath`):
 * labenv.yaml, which names the package index, and every lab's shares.
 */
export function readToChoose(path: string): boolean {
  return path === "labenv.yaml" || path === "labenv.yml" || SHARE_PATH.test(path);
}
