import semver from "semver";
import type { DomainPackRegistry, Loaded, Repository } from "../model/documents.js";
import { parsePackReference } from "./resolve-pack.js";

export interface EnvironmentOnPack {
  environment: string;
  /** The environment's `domainPack` range. */
  range: string;
  /** The version the range resolves to among the vendored versions today. */
  now: string | undefined;
  /** The version it resolves to once the update is vendored (the same when pinned). */
  next: string | undefined;
}

export interface PackStatus {
  pack: string;
  registry: string;
  /** Vendored versions, highest first. */
  vendored: string[];
  /** The highest non-yanked version the registry offers. */
  latest: string | undefined;
  /** A version to vendor: the registry's latest when it is above every vendored one (never lower). */
  update: string | undefined;
  /** True when the index publishes `update` without a signature. */
  updateUnsigned?: boolean;
  /** Findings about what the registry says now: yanked or deprecated upstream, a changed checksum, a rollback. */
  warnings: string[];
  environments: EnvironmentOnPack[];
}

/**
 * What each vendored pack's registry offers compared with what is vendored,
 * and which environments would move (their range admits the newer version)
 * or stay (pinned below it). Pure: the registry indexes are passed in. An
 * update is only ever upward: a registry whose latest is below what is
 * vendored (rolled back, or replaying an old index) is reported, not followed.
 */
export function packStatuses(
  repo: Repository,
  indexes: ReadonlyMap<string, DomainPackRegistry>,
  only?: string,
): PackStatus[] {
  const out: PackStatus[] = [];
  for (const [name, versions] of [...repo.packVersions].sort(([a], [b]) => a.localeCompare(b))) {
    if (only && name !== only) continue;
    const sourced = versions.filter((v) => v.doc.spec.source);
    const registry = sourced[0]?.doc.spec.source?.registry;
    if (!registry) continue;
    const index = indexes.get(registry);
    if (!index) continue;
    out.push(statusOf(repo, name, registry, sourced, index));
  }
  return out;
}

function statusOf(
  repo: Repository,
  name: string,
  registry: string,
  vendored: Loaded<"DomainPack">[],
  index: DomainPackRegistry,
): PackStatus {
  const offered = index.spec.packs[name];
  const warnings: string[] = [];
  const mine = vendored.map((v) => v.doc.metadata.version);
  const current = semver.rsort([...mine])[0]!;
  if (!offered)
    warnings.push(
      `registry \`${registry}\` no longer lists \`${name}\`: the vendored copies keep working`,
    );
  const live = Object.keys(offered?.versions ?? {}).filter(
    (v) => semver.valid(v) && !offered!.versions[v]?.yanked && semver.prerelease(v) === null,
  );
  const latest = semver.rsort([...live])[0];
  for (const v of vendored) {
    const version = v.doc.metadata.version;
    const entry = offered?.versions[version];
    if (offered && !entry)
      warnings.push(`${name}@${version} is no longer listed by \`${registry}\``);
    if (entry?.yanked)
      warnings.push(
        `${name}@${version} was yanked upstream: move its environments to another version`,
      );
    if (entry?.deprecated)
      warnings.push(`${name}@${version} is deprecated upstream: move to \`${entry.deprecated}\``);
    if (entry && entry.checksum !== v.doc.spec.source?.checksum)
      warnings.push(
        `\`${registry}\` now publishes ${name}@${version} with another checksum than the vendored copy: a published version must never change; the vendored copy is kept`,
      );
  }
  if (latest && semver.lt(latest, current))
    warnings.push(
      `\`${registry}\` offers ${name} only up to ${latest}, below the vendored ${current}: labenv never moves down`,
    );
  const update = latest && semver.gt(latest, current) ? latest : undefined;
  const environments: EnvironmentOnPack[] = [];
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    const ref = parsePackReference(env.doc.spec.domainPack);
    if (ref?.name !== name) continue;
    const now = semver.maxSatisfying(liveVendored(vendored), ref.range) ?? undefined;
    const next =
      semver.maxSatisfying([...liveVendored(vendored), ...(update ? [update] : [])], ref.range) ??
      undefined;
    environments.push({ environment: key, range: ref.range, now, next });
  }
  const updateUnsigned = update !== undefined && !offered?.versions[update]?.signature;
  return {
    pack: name,
    registry,
    vendored: mine,
    latest,
    update,
    ...(updateUnsigned ? { updateUnsigned } : {}),
    warnings,
    environments,
  };
}

function liveVendored(vendored: Loaded<"DomainPack">[]): string[] {
  return vendored.filter((v) => !v.doc.spec.yanked).map((v) => v.doc.metadata.version);
}
