import { ecsName } from "../desire/names.js";
import { classifyPath, RESERVED_ENV_NAMES } from "../load/classify-path.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { envKey, type Repository } from "../model/documents.js";
import { parsePackReference } from "../packs/resolve-pack.js";
import { affectedFiles } from "./affected.js";
import { embeddedIndexPath, environmentKeysOf, heldBy, holdsFrom, unitOf } from "./units.js";

/**
 * What merging a change would cause, judged at its head: the findings that
 * are the change's (they fail a pull request check), the findings that are
 * not (elsewhere: nothing they depend on changed, so they are on the base
 * already, word for word), and the environments the change's errors would
 * hold back after the merge.
 */
export interface MergeFindings {
  findings: Diagnostic[];
  elsewhere: Diagnostic[];
  /** `lab/env` keys the reported errors hold back (see `unitOf`), sorted. */
  heldBack: string[];
}

/** What a change touches, unit by unit (see `unitOf`). */
interface MergeScope {
  /** labenv.yaml, the embedded package index or the pack registry changed: every environment depends on it. */
  everything: boolean;
  /** The changed files and the documents that refer to them (`affectedFiles`). */
  files: Set<string>;
  /** Environments with a changed document (environment.yaml, lock, snapshot, a share lending it). */
  environments: Set<string>;
  /** Labs with any changed file, and the labs a changed share lends to. */
  labs: Set<string>;
  /** Domain packs with a changed file. */
  packs: Set<string>;
  /** Some lab.yaml changed: uids and gids are unique across labs. */
  labYaml: boolean;
  /** The ECS names of changed environments: a collision can land on an unchanged one. */
  ecsNames: Set<string>;
}

/**
 * Every finding whose unit the change affects: findings in the changed files
 * and in the documents that refer to them; findings that hold back something
 * the change touches (a lab's own findings, quotas included, when anything in
 * the lab changed; a pack's when an environment of it changed; findings that
 * hold back every environment); findings the change can cause in a file it
 * does not touch (a quota on lab.yaml, an ECS name or uid collision, a share's
 * mount path in the receiving lab); and every finding when labenv.yaml, the
 * package index or the pack registry changed, since every environment depends
 * on them. The rest is `elsewhere`.
 */
export function mergeFindings(
  repo: Repository,
  diagnostics: readonly Diagnostic[],
  changed: readonly string[],
): MergeFindings {
  const scope = mergeScope(repo, changed);
  const findings: Diagnostic[] = [];
  const elsewhere: Diagnostic[] = [];
  for (const d of diagnostics) (isTheChanges(repo, scope, d) ? findings : elsewhere).push(d);
  return { findings, elsewhere, heldBack: heldBackBy(repo, findings) };
}

/**
 * The environments whose locks a change affects: those `affectedFiles`
 * reaches, or every one when labenv.yaml, the package index or the pack
 * registry changed.
 */
export function environmentsAffected(repo: Repository, changed: readonly string[]): Set<string> {
  const scope = mergeScope(repo, changed);
  return new Set(
    [...repo.environments]
      .filter(([key, env]) => {
        if (scope.everything || scope.files.has(env.file)) return true;
        const lock = repo.locks.get(key);
        return lock !== undefined && scope.files.has(lock.file);
      })
      .map(([key]) => key),
  );
}

function mergeScope(repo: Repository, changed: readonly string[]): MergeScope {
  const scope: MergeScope = {
    everything: false,
    files: affectedFiles(repo, changed),
    environments: new Set(),
    labs: new Set(),
    packs: new Set(),
    labYaml: false,
    ecsNames: new Set(),
  };
  const index = embeddedIndexPath(repo);
  for (const path of changed) {
    const kind = classifyPath(path)?.kind;
    if (kind === "RepoConfig" || kind === "DomainPackRegistry" || path === index) {
      scope.everything = true;
      continue;
    }
    const [top, lab, second] = path.split("/");
    if (top === "domain-packs" && lab) scope.packs.add(lab);
    if (top !== "environments" || !lab || !second) continue;
    scope.labs.add(lab);
    if (second === "lab.yaml") scope.labYaml = true;
    else if (second === "shares") {
      const share = [...repo.shares.values()].find((s) => s.file === path);
      if (share) {
        scope.environments.add(envKey(lab, share.doc.spec.environment));
        scope.labs.add(share.doc.spec.to.lab);
      }
    } else if (!RESERVED_ENV_NAMES.has(second) && path.split("/").length >= 4) {
      scope.environments.add(envKey(lab, second));
      scope.ecsNames.add(ecsName(lab, second));
    }
  }
  return scope;
}

function isTheChanges(repo: Repository, scope: MergeScope, d: Diagnostic): boolean {
  if (scope.everything || scope.files.has(d.file)) return true;
  const unit = unitOf(d.file, repo, d.path);
  switch (unit.scope) {
    case "repository":
    case "environments":
      // Holds back every environment, the changed ones included.
      return true;
    case "pack":
      return scope.packs.has(unit.pack) || usesPack(repo, scope.environments, unit.pack);
    case "lab":
      return scope.labs.has(unit.lab) || (scope.labYaml && d.code === "unique-ids");
    case "environment": {
      if (scope.environments.has(unit.environment)) return true;
      const [lab, name] = unit.environment.split("/") as [string, string];
      if (d.code === "ecs-names" && scope.ecsNames.has(ecsName(lab, name))) return true;
      // A share's mount path is judged against the receiving lab's environments.
      const share = [...repo.shares.values()].find((s) => s.file === d.file);
      return share !== undefined && scope.labs.has(share.doc.spec.to.lab);
    }
  }
}

function usesPack(repo: Repository, environments: ReadonlySet<string>, pack: string): boolean {
  for (const key of environments) {
    const env = repo.environments.get(key);
    if (env && parsePackReference(env.doc.spec.domainPack)?.name === pack) return true;
  }
  return false;
}

function heldBackBy(repo: Repository, findings: readonly Diagnostic[]): string[] {
  const holds = holdsFrom(repo, findings);
  return [...environmentKeysOf(repo)].filter((k) => heldBy(repo, holds, k).length > 0).sort();
}
