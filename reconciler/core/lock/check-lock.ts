import semver from "semver";
import type { DomainPack, Environment, EnvironmentLock } from "../model/documents.js";
import { formatPath } from "../model/diagnostic.js";
import { evaluateMarker, parseRequirement, satisfies } from "../pep440/index.js";
import { assembleLock, inputDigest, keptPackages } from "./build-lock.js";
import { canonicalJson } from "./canonical.js";
import type { PackageIndexData } from "./package-index.js";
import { markerEnvironment, uploadedBy } from "./resolve.js";
import { splitPin } from "./pin.js";
import { trimSourceUrl } from "./source-url.js";
import { isGitRegistry } from "./julia-registry-location.js";

/** One thing wrong with a lock, at the lock field it is about. */
export interface LockFinding {
  /** The field in the lock, e.g. `["spec", "packages", 15, "version"]`. */
  path: (string | number)[];
  message: string;
  /**
   * True when no change of environment.yaml or of the pack explains it: the
   * lock says what `labenv lock` never writes from the inputs it records.
   */
  edited: boolean;
}

export type LockFreshness =
  | { status: "fresh" }
  | {
      /** `edited` when any finding is an edit; `stale` when the inputs changed since the lock was made. */
      status: "stale" | "edited";
      findings: LockFinding[];
      /** The findings' messages, in order. */
      reasons: string[];
      /**
       * The locked versions still form a valid resolution of the current
       * inputs: `labenv lock` keeps them and rewrites only the fields derived
       * from the inputs (input digest, sources, hashes, kernels, config).
       */
      versionsHold: boolean;
    };

export interface LockCheckInputs {
  env: Environment;
  lock: EnvironmentLock;
  /** The pack version the lock names, as published now; undefined when it is not published. */
  pack: DomainPack | undefined;
  /** The checksum of that pack's current content. */
  packChecksum: string | undefined;
  /** The checksum domain-packs/registry.yaml records for that version, when it has one. */
  registryChecksum?: string | undefined;
  /** The published pack version (`name@version`) whose content has this checksum, if any. */
  versionWithChecksum?: (checksum: string) => string | undefined;
  /**
   * The package index, complete for every locked package (the embedded file,
   * or what the remote index answered for this lock). Undefined when a
   * remote index was not asked: what needs the index (releases, hashes,
   * dependencies, nothing extra) is then not judged.
   */
  index: PackageIndexData | undefined;
  /**
   * Parsed requirement texts, shared by the checks of one run: the locks of a
   * repository mostly share their dependencies' Requires-Dist.
   */
  parsed?: RequirementCache;
}

/** Requirement text → its parse. Make one per run (never module-level: it would outlive a Lambda invocation). */
export type RequirementCache = Map<string, ReturnType<typeof parseRequirement>>;

const HINT = "locks are generated: run `labenv lock`";

/**
 * Is this lock what `labenv lock` writes for the environment? A lock counts
 * only then. It is proven field by field, never trusted by its input digest:
 * the pack fields equal the pack version's (and the registry's checksum),
 * every pin is exact, every requirement is met, every locked release exists in
 * the index with the index's sha256, the set is closed under the dependencies
 * that apply to the container and holds nothing else, and the fields derived
 * from the inputs (digest, sources, kernels, extensions, config hashes) are
 * what `assembleLock` gives for the locked versions. A finding that the
 * recorded inputs cannot explain is an edit (`lock-edited`); one that follows
 * from a changed environment.yaml or pack is staleness.
 */
export function checkLock(input: LockCheckInputs): LockFreshness {
  const { env, lock, pack, index } = input;
  const cache: RequirementCache = input.parsed ?? new Map();
  const parse = (text: string) => {
    let r = cache.get(text);
    if (r === undefined) cache.set(text, (r = parseRequirement(text)));
    return r;
  };
  const findings: LockFinding[] = [];
  let versionsHold = true;
  const locked = lock.spec.domainPack;
  const label = `${locked.name}@${locked.version}`;
  const known = [input.packChecksum, input.registryChecksum].filter((c): c is string => !!c);
  // environment.yaml is as it was when the lock was made (the digest is of it and the pack's checksum).
  const digests = new Map<string, string>();
  const digestWith = (checksum: string) => {
    let d = digests.get(checksum);
    if (d === undefined) digests.set(checksum, (d = inputDigest(env, checksum)));
    return d;
  };
  const envSame = [locked.checksum, ...known].some((c) => lock.spec.inputDigest === digestWith(c));
  const digestNow = input.packChecksum ? digestWith(input.packChecksum) : undefined;
  const packSame = pack !== undefined && locked.checksum === input.packChecksum;
  const edit = (path: LockFinding["path"], said: string, should: string) =>
    findings.push({
      path,
      edited: true,
      message: `${formatPath(path)}: the lock says ${said} but ${should} — ${HINT}`,
    });
  const stale = (path: LockFinding["path"], message: string) =>
    findings.push({ path, edited: false, message });
  /** A finding about something both inputs decide: an edit when neither changed. */
  const either = (path: LockFinding["path"], said: string, should: string, staleText: string) =>
    envSame && packSame ? edit(path, said, should) : stale(path, staleText);

  if (lock.spec.lockVersion !== 1) edit(["spec", "lockVersion"], `${lock.spec.lockVersion}`, "1");
  if (lock.metadata.name !== env.metadata.name || lock.metadata.lab !== env.metadata.lab)
    edit(
      ["metadata"],
      `${lock.metadata.lab}/${lock.metadata.name}`,
      `environment.yaml is ${env.metadata.lab}/${env.metadata.name}`,
    );

  // The pack: named by environment.yaml, published, and recorded as the registry and its content say.
  const at = env.spec.domainPack.lastIndexOf("@");
  const packName = env.spec.domainPack.slice(0, at);
  const range = env.spec.domainPack.slice(at + 1);
  if (locked.name !== packName) {
    if (envSame)
      edit(
        ["spec", "domainPack", "name"],
        locked.name,
        `environment.yaml asks for ${env.spec.domainPack}`,
      );
    else
      stale(
        ["spec", "domainPack", "name"],
        `domain pack changed from ${locked.name} to ${packName}`,
      );
  } else if (!semver.satisfies(locked.version, range)) {
    if (envSame)
      edit(
        ["spec", "domainPack", "version"],
        locked.version,
        `environment.yaml asks for ${env.spec.domainPack}`,
      );
    else
      stale(
        ["spec", "domainPack", "version"],
        `locked ${label} is outside \`${env.spec.domainPack}\``,
      );
  }
  if (!pack) {
    if (envSame)
      edit(["spec", "domainPack", "version"], label, `no such pack version is published`);
    else
      stale(
        ["spec", "domainPack", "version"],
        `locked pack version ${label} is no longer published`,
      );
    return result(findings, false);
  }
  if (pack.spec.yanked)
    stale(["spec", "domainPack", "version"], `${label} was yanked: ${pack.spec.yanked.reason}`);
  const owner = known.includes(locked.checksum)
    ? undefined
    : input.versionWithChecksum?.(locked.checksum);
  if (owner)
    edit(
      ["spec", "domainPack", "version"],
      locked.version,
      `the checksum it records is ${owner}'s`,
    );
  else if (!known.includes(locked.checksum))
    edit(
      ["spec", "domainPack", "checksum"],
      short(locked.checksum),
      `${label} has checksum ${short(input.registryChecksum ?? input.packChecksum ?? "")} in the registry`,
    );
  else if (!packSame)
    stale(
      ["spec", "domainPack", "checksum"],
      `${label} changed after the lock was made (checksum ${short(locked.checksum)} → ${short(input.packChecksum ?? "")})`,
    );
  // Fields the pack alone decides.
  const fromPack = (path: LockFinding["path"], said: string, should: string, what: string) => {
    if (said === should) return;
    if (packSame) edit(path, said, `${label} pins ${should}`);
    else stale(path, `${what} ${said} differs from ${label}'s ${should}`);
  };
  fromPack(["spec", "image"], lock.spec.image, pack.spec.image, "image");
  fromPack(["spec", "python"], lock.spec.python, pack.spec.python, "Python");

  // The package set.
  const python = pack.spec.python;
  const markers = { ...markerEnvironment(python), extra: "" };
  const pins = pack.spec.packages as Record<string, string>;
  const byName = new Map(lock.spec.packages.map((p, i) => [p.name, { p, i }]));
  const pkgPath = (name: string, field?: string): LockFinding["path"] => {
    const i = byName.get(name)?.i;
    return i === undefined
      ? ["spec", "packages"]
      : ["spec", "packages", i, ...(field ? [field] : [])];
  };
  for (const [name, version] of Object.entries(pins)) {
    const got = byName.get(name)?.p;
    if (!got) {
      versionsHold = false;
      if (packSame) edit(["spec", "packages"], `no ${name}`, `${label} pins ${name} ${version}`);
      else stale(["spec", "packages"], `${name}==${version} from the pack is missing`);
    } else if (got.version !== version) {
      versionsHold = false;
      if (packSame)
        edit(
          pkgPath(name, "version"),
          `${name} ${got.version}`,
          `${label} pins ${name} ${version}`,
        );
      else
        stale(
          pkgPath(name, "version"),
          `${name} is locked at ${got.version} but the pack pins ${version}`,
        );
    }
  }
  const needed = new Set(Object.keys(pins));
  const pending: string[] = [];
  for (const text of env.spec.packages ?? []) {
    const r = parse(text);
    if (!r.ok) {
      versionsHold = false;
      stale(["spec", "packages"], `\`${text}\` is not a valid requirement`);
      continue;
    }
    if (r.value.marker) {
      const m = evaluateMarker(r.value.marker, markers);
      if (m.ok && !m.value) continue;
    }
    const got = byName.get(r.value.normalizedName)?.p;
    if (!got) {
      versionsHold = false;
      either(
        ["spec", "packages"],
        `no ${r.value.normalizedName}`,
        `environment.yaml asks for \`${text}\``,
        `\`${text}\` is not in the lock`,
      );
      continue;
    }
    if (!satisfies(got.version, r.value.specifier, { prereleases: true })) {
      versionsHold = false;
      either(
        pkgPath(got.name, "version"),
        `${got.name} ${got.version}`,
        `environment.yaml asks for \`${text}\``,
        `${got.name} is locked at ${got.version}, which does not satisfy \`${text}\``,
      );
    }
    if (pins[got.name] === undefined && !needed.has(got.name)) pending.push(got.name);
    needed.add(got.name);
  }
  if (index) {
    // Every release exists, with the index's hash; the set is closed under its dependencies and holds nothing else.
    for (const p of lock.spec.packages) {
      const release = index.get(p.name)?.find((v) => v.version === p.version);
      if (!release) {
        if (pins[p.name] !== undefined) {
          if (p.sha256)
            edit(
              pkgPath(p.name, "sha256"),
              short(p.sha256),
              `the package index gives no hash for ${p.name} ${p.version}`,
            );
          continue;
        }
        versionsHold = false;
        either(
          pkgPath(p.name, "version"),
          `${p.name} ${p.version}`,
          `the package index has no such release`,
          `${p.name}==${p.version} is no longer in the package index`,
        );
        continue;
      }
      if (release.sha256 !== p.sha256) {
        if (p.sha256 === undefined)
          stale(
            pkgPath(p.name),
            `${p.name}==${p.version} has no sha256, and the package index gives ${short(release.sha256!)}`,
          );
        else {
          const other = index.get(p.name)?.find((v) => v.sha256 === p.sha256);
          if (other)
            edit(
              pkgPath(p.name, "version"),
              `${p.name} ${p.version}`,
              `the sha256 it records is the package index's for ${p.name} ${other.version}`,
            );
          else
            edit(
              pkgPath(p.name, "sha256"),
              short(p.sha256),
              release.sha256
                ? `the package index gives ${short(release.sha256)} for ${p.name} ${p.version}`
                : `the package index gives no hash for ${p.name} ${p.version}`,
            );
        }
      }
    }
    // Every package labenv resolved (not a pin) was uploaded by the cut-off the lock records.
    const cutoff = lock.spec.excludeNewer;
    if (cutoff !== undefined)
      for (const p of lock.spec.packages) {
        if (pins[p.name] !== undefined) continue;
        const release = index.get(p.name)?.find((v) => v.version === p.version);
        if (!release || uploadedBy(release, Date.parse(cutoff))) continue;
        edit(
          pkgPath(p.name, "version"),
          `${p.name} ${p.version}`,
          release.uploadTime
            ? `it was uploaded ${release.uploadTime}, after the lock's excludeNewer ${cutoff}`
            : `the package index gives no upload time for it (none by the lock's excludeNewer ${cutoff})`,
        );
      }
    while (pending.length > 0) {
      const name = pending.pop()!;
      const version = byName.get(name)!.p.version;
      const release = index.get(name)?.find((v) => v.version === version);
      for (const dep of release?.requires ?? []) {
        const r = parse(dep);
        if (!r.ok) continue;
        if (r.value.marker) {
          const m = evaluateMarker(r.value.marker, markers);
          if (m.ok && !m.value) continue;
        }
        const got = byName.get(r.value.normalizedName)?.p;
        if (!got) {
          versionsHold = false;
          either(
            ["spec", "packages"],
            `no ${r.value.normalizedName}`,
            `${name}==${version} needs ${dep}`,
            `${name}==${version} needs ${dep}, which is not in the lock`,
          );
          continue;
        }
        if (
          pins[got.name] === undefined &&
          !satisfies(got.version, r.value.specifier, { prereleases: true })
        ) {
          versionsHold = false;
          either(
            pkgPath(got.name, "version"),
            `${got.name} ${got.version}`,
            `${name}==${version} needs ${dep}`,
            `${got.name} is locked at ${got.version}, which does not satisfy ${dep} (from ${name}==${version})`,
          );
        }
        if (!needed.has(got.name)) {
          needed.add(got.name);
          if (pins[got.name] === undefined) pending.push(got.name);
        }
      }
    }
    for (const p of lock.spec.packages)
      if (!needed.has(p.name)) {
        versionsHold = false;
        either(
          pkgPath(p.name),
          `${p.name} ${p.version}`,
          "nothing in environment.yaml or its dependencies requires it",
          `${p.name}==${p.version} is locked but nothing requires it any more`,
        );
      }
  }

  // What `labenv lock` writes for these versions, compared field by field.
  const kept = keptPackages(lock.spec.packages, env.spec.packages ?? [], pack, index);
  const expected = assembleLock(
    {
      environment: env,
      pack,
      packChecksum: input.packChecksum ?? locked.checksum,
      index: new Map(),
      ...(lock.spec.excludeNewer !== undefined ? { excludeNewer: lock.spec.excludeNewer } : {}),
      ...(lock.spec.r && env.spec.r ? { r: lock.spec.r } : {}),
      ...(lock.spec.julia && env.spec.julia ? { julia: lock.spec.julia } : {}),
    },
    [...kept].sort((a, b) => a.name.localeCompare(b.name)),
  ).spec;
  checkRPackages(env, pack, lock, label, either, edit);
  checkJuliaPackages(env, lock, either, edit);
  lock.spec.packages.forEach((p, i) => {
    const want = kept[i]!;
    if (i > 0 && lock.spec.packages[i - 1]!.name.localeCompare(p.name) >= 0)
      edit(["spec", "packages", i, "name"], p.name, "packages are sorted by name, each once");
    if (p.source !== want.source && envSame && packSame)
      either(
        ["spec", "packages", i, "source"],
        p.source,
        `${p.name} comes from ${want.source === "pack" ? label : want.source === "environment" ? "environment.yaml" : "a dependency"} (${want.source})`,
        `${p.name} is now a${want.source === "environment" ? "n" : ""} ${want.source} package, not ${p.source}`,
      );
    if (p.requestedAs !== want.requestedAs && envSame && packSame)
      either(
        ["spec", "packages", i, ...(p.requestedAs !== undefined ? ["requestedAs"] : [])],
        p.requestedAs === undefined ? "no requestedAs" : `\`${p.requestedAs}\``,
        want.requestedAs === undefined
          ? "environment.yaml does not ask for it"
          : `environment.yaml asks for \`${want.requestedAs}\``,
        `environment.yaml now asks for ${p.name} as ${want.requestedAs === undefined ? "nothing" : `\`${want.requestedAs}\``}`,
      );
  });
  const listField = (
    key: "kernels" | "extensions" | "jupyterConfig",
    name: (e: Record<string, unknown>) => string,
    source: string,
    decidedBy: "pack" | "both",
  ) => {
    const said = lock.spec[key] as unknown as Record<string, unknown>[];
    const want = expected[key] as unknown as Record<string, unknown>[];
    if (canonicalJson(said) === canonicalJson(want)) return;
    const i = said.findIndex((e, j) => canonicalJson(e) !== canonicalJson(want[j]));
    const path: LockFinding["path"] = i < 0 ? ["spec", key] : ["spec", key, i];
    const show = (e: Record<string, unknown> | undefined) => (e ? name(e) : "nothing");
    const wantSame = decidedBy === "pack" ? packSame : envSame && packSame;
    if (wantSame)
      edit(
        path,
        show(said[i < 0 ? said.length : i]),
        `${source} give ${show(want[i < 0 ? said.length : i])}`,
      );
    else stale(path, `${key} differ from what ${source} give`);
  };
  listField("kernels", (k) => canonicalJson(k), "environment.yaml and the pack", "both");
  listField("extensions", (e) => `${e.name} ${e.version}`, `${label}'s extensions`, "pack");
  listField(
    "jupyterConfig",
    (c) => `${c.key} ${short(String(c.sha256))}`,
    "environment.yaml and the pack defaults",
    "both",
  );
  const extra = Object.keys(lock.spec).filter((k) => !(k in expected));
  for (const k of extra) edit(["spec", k], k, "`labenv lock` writes no such field");
  // Nothing else to say, but environment.yaml changed (or the digest was edited): `labenv lock` rewrites the digest.
  if (!envSame && digestNow !== undefined && findings.every((f) => f.edited))
    stale(
      ["spec", "inputDigest"],
      `environment.yaml changed since the lock was made (input digest ${short(lock.spec.inputDigest)} → ${short(digestNow)})`,
    );
  return result(findings, versionsHold);
}

type Either = (path: LockFinding["path"], said: string, should: string, staleText: string) => void;
type Edit = (path: LockFinding["path"], said: string, should: string) => void;

/**
 * The lock's R packages against environment.yaml's `spec.r` and the pack's `provides.r`, offline:
 * the repository, each pin at exactly its version, each of the pack's at the pack's version, sorted
 * by name. (Dependencies come from the snapshot's index, which `labenv lock` reads.)
 */
function checkRPackages(
  env: Environment,
  pack: DomainPack,
  lock: EnvironmentLock,
  label: string,
  either: Either,
  edit: Edit,
): void {
  const asked = env.spec.r;
  if (!asked) return;
  const provided = pack.spec.provides?.r ?? {};
  checkPinnedPackages(
    {
      language: "R",
      field: "r",
      source: {
        key: "repository",
        asked: asked.repository,
        locked: lock.spec.r?.repository,
        should: `environment.yaml installs from ${asked.repository}`,
        changed: (from) => `the R snapshot repository changed from ${from} to ${asked.repository}`,
      },
    },
    lock.spec.r?.packages,
    [
      ...asked.packages
        .map(splitPin)
        .filter(({ name }) => provided[name] === undefined)
        .map((p) => ({ ...p, source: "environment" as const, from: "environment.yaml" })),
      ...Object.entries(provided)
        .filter(([name]) => name !== "R")
        .map(([name, version]) => ({
          name,
          version: String(version),
          source: "pack" as const,
          from: label,
        })),
    ],
    either,
    edit,
  );
}

/**
 * The lock's Julia packages against environment.yaml's `spec.julia`, offline: the registry (and,
 * for a git registry, that the lock records its commit), each pin at exactly its version, sorted
 * by name. (Dependencies, uuids and tree hashes come from the registry, which `labenv lock` reads.)
 */
function checkJuliaPackages(
  env: Environment,
  lock: EnvironmentLock,
  either: Either,
  edit: Edit,
): void {
  const asked = env.spec.julia;
  const julia = lock.spec.julia;
  if (!asked) return;
  const sameRegistry = checkPinnedPackages(
    {
      language: "Julia",
      field: "julia",
      source: {
        key: "registry",
        asked: asked.registry,
        locked: julia?.registry,
        should: `environment.yaml resolves against ${asked.registry}`,
        changed: (from) => `the Julia registry changed from ${from} to ${asked.registry}`,
      },
    },
    julia?.packages,
    asked.packages
      .map(splitPin)
      .map((p) => ({ ...p, source: "environment" as const, from: "environment.yaml" })),
    either,
    edit,
  );
  if (
    julia &&
    sameRegistry &&
    isGitRegistry(asked.registry) !== (julia.registryCommit !== undefined)
  )
    either(
      ["spec", "julia", ...(julia.registryCommit ? ["registryCommit"] : [])],
      julia.registryCommit ? `registryCommit ${julia.registryCommit}` : "no registryCommit",
      isGitRegistry(asked.registry)
        ? "a git registry's lock records the commit it was read at"
        : "an HTTP registry has no commit",
      "the Julia registry's commit is not recorded as its kind needs",
    );
}

/**
 * R's and Julia's pinned packages alike: the lock has the section, from the same source (URLs
 * compared without trailing slashes), sorted by name, and each package expected at exactly its
 * version and source. Whether the source is the same.
 */
function checkPinnedPackages(
  kind: {
    language: "R" | "Julia";
    field: "r" | "julia";
    source: {
      key: "repository" | "registry";
      asked: string;
      locked: string | undefined;
      should: string;
      changed: (from: string) => string;
    };
  },
  locked: readonly { name: string; version: string; source: string }[] | undefined,
  expected: readonly {
    name: string;
    version: string;
    source: "environment" | "pack";
    from: string;
  }[],
  either: Either,
  edit: Edit,
): boolean {
  const { language, field, source } = kind;
  if (!locked || source.locked === undefined) {
    either(
      ["spec"],
      `no ${language} packages`,
      `environment.yaml asks for some (spec.${field})`,
      `environment.yaml now asks for ${language} packages (spec.${field})`,
    );
    return false;
  }
  const same = trimSourceUrl(source.locked) === trimSourceUrl(source.asked);
  if (!same)
    either(
      ["spec", field, source.key],
      source.locked,
      source.should,
      source.changed(source.locked),
    );
  locked.forEach((p, i) => {
    if (i > 0 && locked[i - 1]!.name >= p.name)
      edit(
        ["spec", field, "packages", i, "name"],
        p.name,
        `${language} packages are sorted by name, each once`,
      );
  });
  const at = new Map(locked.map((p, i) => [p.name, { p, i }]));
  for (const { name, version, source: want, from } of expected) {
    const got = at.get(name);
    if (!got)
      either(
        ["spec", field, "packages"],
        `no ${name}`,
        `${from} gives ${name} ${version}`,
        `${from} now gives ${language} package ${name} ${version}`,
      );
    else if (got.p.version !== version || got.p.source !== want)
      either(
        ["spec", field, "packages", got.i],
        `${name} ${got.p.version} (${got.p.source})`,
        `${from} gives ${name} ${version} (${want})`,
        `${from} now gives ${language} package ${name} ${version}, not ${got.p.version}`,
      );
  }
  return same;
}

function result(findings: LockFinding[], versionsHold: boolean): LockFreshness {
  if (findings.length === 0) return { status: "fresh" };
  return {
    status: findings.some((f) => f.edited) ? "edited" : "stale",
    findings,
    reasons: findings.map((f) => f.message),
    versionsHold,
  };
}

function short(digest: string): string {
  return digest.replace("sha256:", "").slice(0, 12);
}
