import type { Diagnostic } from "../model/diagnostic.js";
import { envKey, type Repository } from "../model/documents.js";
import { parsePackReference } from "../packs/resolve-pack.js";
import { RESERVED_ENV_NAMES } from "../load/classify-path.js";

/**
 * What a finding holds back — the unit of refusal, as Argo CD and Flux
 * isolate applications: one environment, one lab (lab.yaml, successions, a
 * share that did not load), the environments of one domain pack, every
 * environment (the package index, the pack registry), or the whole repository
 * (labenv.yaml: without it nothing knows where to apply).
 */
export type Unit =
  | { scope: "repository" }
  | { scope: "environments" }
  | { scope: "pack"; pack: string }
  | { scope: "lab"; lab: string }
  | { scope: "environment"; lab: string; environment: string };

/** Where labenv.yaml says the embedded package index lives; undefined for a remote index. */
export function embeddedIndexPath(repo: Repository): string | undefined {
  const config = repo.config?.doc.spec.packageIndex;
  if (config?.kind === "pypi") return undefined;
  return (config?.path ?? "package-index.yaml").replace(/^\.\//, "");
}

/** The unit a finding in `file` (at `path` in its document) holds back. */
export function unitOf(file: string, repo: Repository, path?: string): Unit {
  const p = file.split("/");
  const entry = /^spec\.packs\.([^.]+)\./.exec(path ?? "")?.[1];
  if (file === "domain-packs/registry.yaml" && entry) return { scope: "pack", pack: entry };
  if (file === "labenv.yaml" || file === "labenv.yml") return { scope: "repository" };
  if (file === embeddedIndexPath(repo)) return { scope: "environments" };
  if (p[0] === "domain-packs")
    return p.length === 4 && p[1] ? { scope: "pack", pack: p[1] } : { scope: "environments" };
  if (p[0] !== "environments" || !p[1]) return { scope: "repository" };
  const lab = p[1];
  if (p[2] === "shares") {
    // A share that loaded lends one environment; one that did not could name any of the lab's.
    const share = [...repo.shares.values()].find((s) => s.file === file);
    return share
      ? { scope: "environment", lab, environment: envKey(lab, share.doc.spec.environment) }
      : { scope: "lab", lab };
  }
  if (p.length >= 4 && p[2] && !RESERVED_ENV_NAMES.has(p[2]))
    return { scope: "environment", lab, environment: envKey(lab, p[2]) };
  return { scope: "lab", lab };
}

/** The error findings, grouped by what each holds back. */
export interface Holds {
  repository: Diagnostic[];
  environments: Diagnostic[];
  packs: Map<string, Diagnostic[]>;
  labs: Map<string, Diagnostic[]>;
  environment: Map<string, Diagnostic[]>;
}

export function holdsFrom(repo: Repository, diagnostics: readonly Diagnostic[]): Holds {
  const holds: Holds = {
    repository: [],
    environments: [],
    packs: new Map(),
    labs: new Map(),
    environment: new Map(),
  };
  const push = (m: Map<string, Diagnostic[]>, k: string, d: Diagnostic) =>
    m.set(k, [...(m.get(k) ?? []), d]);
  for (const d of diagnostics) {
    if (d.severity !== "error") continue;
    const u = unitOf(d.file, repo, d.path);
    if (u.scope === "repository") holds.repository.push(d);
    else if (u.scope === "environments") holds.environments.push(d);
    else if (u.scope === "pack") push(holds.packs, u.pack, d);
    else if (u.scope === "lab") push(holds.labs, u.lab, d);
    else push(holds.environment, u.environment, d);
  }
  return holds;
}

/**
 * The findings that hold back the environment `key` (`lab/env`), or of a
 * lab's shared resources when `key` is a lab name: its own, its lab's, its
 * pack's, and those that hold back every environment. Empty: not held.
 */
export function heldBy(repo: Repository, holds: Holds, key: string): Diagnostic[] {
  const [lab, name] = key.split("/") as [string, string | undefined];
  const env = name === undefined ? undefined : repo.environments.get(key);
  const pack = env ? parsePackReference(env.doc.spec.domainPack)?.name : undefined;
  return [
    ...holds.repository,
    ...holds.environments,
    ...(holds.labs.get(lab) ?? []),
    ...(name === undefined ? [] : (holds.environment.get(key) ?? [])),
    ...(pack ? (holds.packs.get(pack) ?? []) : []),
  ];
}

/**
 * Every environment key the repository names — loaded, or only present as
 * files that did not load — so an environment whose document is broken is
 * still known (and held, never taken for removed).
 */
export function environmentKeysOf(repo: Repository): Set<string> {
  const out = new Set(repo.environments.keys());
  for (const k of repo.locks.keys()) out.add(k);
  for (const f of repo.files) {
    const p = f.split("/");
    if (p[0] === "environments" && p[1] && p[2] && p.length >= 4 && !RESERVED_ENV_NAMES.has(p[2]))
      out.add(envKey(p[1], p[2]));
  }
  return out;
}
