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
