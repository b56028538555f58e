import type { DomainPack, Environment, EnvironmentLock } from "../model/documents.js";
import { API_VERSION } from "../model/documents.js";
import { canonicalJson, digestOf, sha256Hex } from "./canonical.js";
import type { PackageIndexData } from "./package-index.js";
import { parseRequirement } from "../pep440/index.js";
import { resolve, type LockedPackage } from "./resolve.js";
import { resolveRPackages, type LockedRPackages, type RPackageIndex } from "./r-packages.js";
import {
  resolveJuliaPackages,
  type JuliaRegistry,
  type LockedJuliaPackages,
} from "./julia-packages.js";

export interface LockInputs {
  environment: Environment;
  pack: DomainPack;
  packChecksum: string;
  index: PackageIndexData;
  /** Resolve as the index stood then (ISO 8601); see `ResolveInput.excludeNewer`. */
  excludeNewer?: string;
  /** The environment's R snapshot repository's index (`spec.r`), or why it could not be read. */
  rIndex?: RPackageIndex | { error: string };
  /** The R packages locked (set by buildLock from `rIndex`). */
  r?: LockedRPackages;
  /** The environment's Julia registry (`spec.julia`), as read for it, or why it could not be read. */
  juliaRegistry?: JuliaRegistry | { error: string };
  /** The Julia packages locked (set by buildLock from `juliaRegistry`). */
  julia?: LockedJuliaPackages;
}

export type BuildLockResult = { ok: true; lock: EnvironmentLock } | { ok: false; errors: string[] };

/**
 * The digest of what a lock depends on: the pack version's checksum and the
 * lock-relevant parts of the environment (parsed, so reformatting YAML never
 * changes it). Owner, description, resources and state do not affect a lock.
 */
export function inputDigest(environment: Environment, packChecksum: string): string {
  const { domainPack, packages, kernels, jupyterConfig, r, julia } = environment.spec;
  return digestOf({
    lockVersion: 1,
    domainPack,
    packages: packages ?? [],
    kernels: kernels ?? null,
    jupyterConfig: jupyterConfig ?? {},
    packChecksum,
    // Only when asked for, so a lock without R keeps the digest it always had.
    ...(r ? { r } : {}),
    ...(julia ? { julia } : {}),
  });
}

/** Builds the lock for an environment on a resolved pack version; `keep` reuses versions of an existing lock. */
export function buildLock(inputs: LockInputs, keep?: readonly LockedPackage[]): BuildLockResult {
  const { environment: env, pack } = inputs;
  let packages: LockedPackage[];
  if (keep) packages = [...keep];
  else {
    const r = resolve({
      requirements: env.spec.packages ?? [],
      pins: pack.spec.packages as Record<string, string>,
      packLabel: `${pack.metadata.name}@${pack.metadata.version}`,
      python: pack.spec.python,
      index: inputs.index,
      ...(inputs.excludeNewer ? { excludeNewer: inputs.excludeNewer } : {}),
    });
    if (!r.ok) return r;
    packages = r.packages;
  }
  let r: LockedRPackages | undefined;
  if (env.spec.r) {
    const index = inputs.rIndex;
    if (!index || "error" in index)
      return {
        ok: false,
        errors: [
          `the R snapshot repository ${env.spec.r.repository} could not be read${index && "error" in index ? `: ${index.error}` : ""}`,
        ],
      };
    const resolved = resolveRPackages(env, pack, index);
    if (!resolved.ok) return resolved;
    r = resolved.r;
  }
  let julia: LockedJuliaPackages | undefined;
  if (env.spec.julia) {
    const registry = inputs.juliaRegistry;
    if (!registry || "error" in registry)
      return {
        ok: false,
        errors: [
          `the Julia registry ${env.spec.julia.registry} could not be read${registry && "error" in registry ? `: ${registry.error}` : ""}`,
        ],
      };
    const resolved = resolveJuliaPackages(env, pack, registry);
    if (resolved.ok === "need")
      return {
        ok: false,
        errors: [
          `the Julia registry ${env.spec.julia.registry} was not read for packages ${resolved.uuids.join(", ")}`,
        ],
      };
    if (!resolved.ok) return resolved;
    julia = resolved.julia;
  }
  return {
    ok: true,
    lock: assembleLock({ ...inputs, ...(r ? { r } : {}), ...(julia ? { julia } : {}) }, packages),
  };
}

/**
 * Locked versions as `labenv lock` writes them for these inputs, in the given
 * order: `source` and `requestedAs` from the pack's pins and environment.yaml
 * (as the resolver assigns them), `sha256` from the index (kept as locked when
 * there is no index to ask).
 */
export function keptPackages(
  locked: readonly { name: string; version: string; sha256?: string | undefined }[],
  requirements: readonly string[],
  pack: DomainPack,
  index: PackageIndexData | undefined,
): LockedPackage[] {
  const requested = new Map<string, string>();
  for (const text of requirements) {
    const r = parseRequirement(text);
    if (r.ok) requested.set(r.value.normalizedName, text);
  }
  const pins = pack.spec.packages as Record<string, string>;
  return locked.map((p) => {
    const sha256 = index
      ? index.get(p.name)?.find((v) => v.version === p.version)?.sha256
      : p.sha256;
    const requestedAs = requested.get(p.name);
    return {
      name: p.name,
      version: p.version,
      source: pins[p.name] !== undefined ? "pack" : requestedAs ? "environment" : "dependency",
      ...(sha256 ? { sha256 } : {}),
      ...(requestedAs ? { requestedAs } : {}),
    };
  });
}

export function assembleLock(
  inputs: LockInputs,
  packages: readonly LockedPackage[],
): EnvironmentLock {
  const { environment: env, pack } = inputs;
  return {
    apiVersion: API_VERSION,
    kind: "EnvironmentLock",
    metadata: { name: env.metadata.name, lab: env.metadata.lab },
    spec: {
      lockVersion: 1,
      inputDigest: inputDigest(env, inputs.packChecksum),
      domainPack: {
        name: pack.metadata.name,
        version: pack.metadata.version,
        checksum: inputs.packChecksum,
      },
      image: pack.spec.image,
      python: pack.spec.python,
      ...(inputs.excludeNewer ? { excludeNewer: inputs.excludeNewer } : {}),
      packages: packages.map((p) => ({
        name: p.name,
        version: p.version,
        source: p.source,
        ...(p.sha256 ? { sha256: p.sha256 } : {}),
        ...(p.requestedAs ? { requestedAs: p.requestedAs } : {}),
      })),
      ...(inputs.r ? { r: inputs.r } : {}),
      ...(inputs.julia ? { julia: inputs.julia } : {}),
      kernels: lockedKernels(env, pack),
      extensions: [...(pack.spec.extensions ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => ({ name: e.name, version: e.version })),
      jupyterConfig: lockedConfig(env, pack),
    },
  };
}

export function lockedKernels(
  env: Environment,
  pack: DomainPack,
): EnvironmentLock["spec"]["kernels"] {
  const wanted = env.spec.kernels ? new Set(env.spec.kernels) : undefined;
  return pack.spec.kernels
    .filter((k) => !wanted || wanted.has(k.name))
    .map((k) => ({
      name: k.name,
      language: k.language,
      ...(k.displayName ? { displayName: k.displayName } : {}),
      ...(k.version ? { version: k.version } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Each effective Jupyter setting (pack defaults overridden by the environment) as a hash of its value. */
export function lockedConfig(
  env: Environment,
  pack: DomainPack,
): EnvironmentLock["spec"]["jupyterConfig"] {
  const merged: Record<string, unknown> = {
    ...(pack.spec.defaults?.jupyterConfig ?? {}),
    ...(env.spec.jupyterConfig ?? {}),
  };
  return Object.keys(merged)
    .sort()
    .map((key) => ({ key, sha256: sha256Hex(canonicalJson(merged[key])) }));
}

/** The digest that identifies a lock's content, used by the reconciler and approvals. */
export function lockDigest(lock: EnvironmentLock): string {
  return digestOf(lock);
}
