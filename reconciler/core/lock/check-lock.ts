import type { Environment, EnvironmentLock, DomainPack } from "../model/documents.js";
import { evaluateMarker, parseRequirement, satisfies } from "../pep440/index.js";
import { canonicalJson } from "./canonical.js";
import { inputDigest, lockedConfig, lockedKernels } from "./build-lock.js";
import type { PackageIndexData } from "./package-index.js";
import { markerEnvironment } from "./resolve.js";
import semver from "semver";

export type LockFreshness =
  { status: "fresh"; via: "digest" | "satisfied" } | { status: "stale"; reasons: string[] };

/**
 * Is the lock still right for the environment? The input digest is only a
 * quick check; the answer comes from satisfiability: the locked pack version
 * is in range and unchanged, every pin is there, every requirement is met by
 * its locked version, nothing locked is left over, and kernels, extensions and
 * config hashes are what the inputs give. A reformatted or reordered YAML file
 * is therefore not a change.
 */
/**
 * With no `index` (a remote index that the check does not call), the
 * dependency walk is skipped: pins, requirements and pack are still checked.
 */
export function checkLock(
  env: Environment,
  lock: EnvironmentLock,
  pack: DomainPack | undefined,
  packChecksum: string | undefined,
  index: PackageIndexData | undefined,
): LockFreshness {
  if (
    pack &&
    packChecksum &&
    lock.spec.inputDigest === inputDigest(env, packChecksum) &&
    lock.spec.domainPack.version === pack.metadata.version
  ) {
    return { status: "fresh", via: "digest" };
  }
  const reasons: string[] = [];
  const range = env.spec.domainPack.slice(env.spec.domainPack.lastIndexOf("@") + 1);
  const packName = env.spec.domainPack.slice(0, env.spec.domainPack.lastIndexOf("@"));
  const locked = lock.spec.domainPack;
  if (locked.name !== packName)
    reasons.push(`domain pack changed from ${locked.name} to ${packName}`);
  else if (!semver.satisfies(locked.version, range))
    reasons.push(`locked ${locked.name}@${locked.version} is outside \`${env.spec.domainPack}\``);
  if (!pack) {
    reasons.push(`locked pack version ${locked.name}@${locked.version} is no longer published`);
    return { status: "stale", reasons };
  }
  if (pack.spec.yanked)
    reasons.push(`${locked.name}@${locked.version} was yanked: ${pack.spec.yanked.reason}`);
  if (packChecksum !== locked.checksum)
    reasons.push(
      `${locked.name}@${locked.version} changed after the lock was made (checksum ${short(locked.checksum)} → ${short(packChecksum ?? "")})`,
    );
  if (lock.spec.image !== pack.spec.image) reasons.push(`image differs from the pack's`);
  if (lock.spec.python !== pack.spec.python)
    reasons.push(`Python ${lock.spec.python} differs from the pack's ${pack.spec.python}`);
  const byName = new Map(lock.spec.packages.map((p) => [p.name, p]));
  for (const [name, version] of Object.entries(pack.spec.packages)) {
    const got = byName.get(name);
    if (!got) reasons.push(`${name}==${version} from the pack is missing`);
    else if (got.version !== version)
      reasons.push(`${name} is locked at ${got.version} but the pack pins ${version}`);
  }
  const env0 = { ...markerEnvironment(lock.spec.python), extra: "" };
  const needed = new Set(Object.keys(pack.spec.packages));
  const pending: string[] = [];
  for (const text of env.spec.packages ?? []) {
    const r = parseRequirement(text);
    if (!r.ok) {
      reasons.push(`\`${text}\` is not a valid requirement`);
      continue;
    }
    if (r.value.marker) {
      const m = evaluateMarker(r.value.marker, env0);
      if (m.ok && !m.value) continue;
    }
    const got = byName.get(r.value.normalizedName);
    if (!got) reasons.push(`\`${text}\` is not in the lock`);
    else {
      if (!satisfies(got.version, r.value.specifier, { prereleases: true }))
        reasons.push(`${got.name} is locked at ${got.version}, which does not satisfy \`${text}\``);
      needed.add(got.name);
      pending.push(got.name);
    }
  }
  // Everything locked beyond the pack must be required by something: walk dependencies through the index.
  if (!index)
    return reasons.length === 0
      ? { status: "fresh", via: "satisfied" }
      : { status: "stale", reasons };
  while (pending.length > 0) {
    const name = pending.pop()!;
    const version = byName.get(name)?.version;
    const entry = index.get(name)?.find((v) => v.version === version);
    for (const dep of entry?.requires ?? []) {
      const r = parseRequirement(dep);
      if (!r.ok) continue;
      if (r.value.marker) {
        const m = evaluateMarker(r.value.marker, env0);
        if (m.ok && !m.value) continue;
      }
      const got = byName.get(r.value.normalizedName);
      if (!got) reasons.push(`${name}==${version} needs ${dep}, which is not in the lock`);
      else if (!needed.has(got.name)) {
        needed.add(got.name);
        pending.push(got.name);
      }
    }
  }
  for (const p of lock.spec.packages)
    if (!needed.has(p.name))
      reasons.push(`${p.name}==${p.version} is locked but nothing requires it any more`);
  if (canonicalJson(lockedKernels(env, pack)) !== canonicalJson(lock.spec.kernels))
    reasons.push("kernels differ from what environment.yaml and the pack give");
  if (canonicalJson(lockedConfig(env, pack)) !== canonicalJson(lock.spec.jupyterConfig))
    reasons.push("Jupyter config differs from environment.yaml and the pack defaults");
  const ext = [...(pack.spec.extensions ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => ({ name: e.name, version: e.version }));
  if (canonicalJson(ext) !== canonicalJson(lock.spec.extensions))
    reasons.push("JupyterLab extensions differ from the pack's");
  return reasons.length === 0
    ? { status: "fresh", via: "satisfied" }
    : { status: "stale", reasons };
}

function short(digest: string): string {
  return digest.replace("sha256:", "").slice(0, 12);
}
