import type { Loaded, Repository } from "../../core/model/documents.js";
import {
  MAX_JULIA_PACKAGES,
  parseRegistryIndex,
  parseRegistryPackage,
  resolveJuliaPackages,
  type JuliaRegistry,
  type JuliaRegistryPackage,
} from "../../core/lock/julia-packages.js";
import { isGitRegistry } from "../../core/lock/julia-registry-location.js";
import { trimSourceUrl } from "../../core/lock/source-url.js";
import { resolvePack } from "../../core/packs/resolve-pack.js";
import {
  openRegistryFiles,
  type RegistryFileOptions,
  type RegistryFiles,
} from "./julia-registry-files.js";

interface Options extends RegistryFileOptions {
  /** `labenv lock --upgrade`: read a git registry at the commit its ref names now, not the lock's. */
  upgrade?: boolean;
}

/**
 * The parts of the Julia registry each chosen environment resolves against (`spec.julia`), by
 * environment: Registry.toml, then the files of the packages the resolver asks for, round by
 * round, until it has what it needs (at most 500 packages; 8 MiB a file and 10 s a request). A
 * git registry is read at the commit the environment's lock records (unless `upgrade`), else at
 * the commit its ref names now. Environments on one registry at one commit share one read. A
 * registry that cannot be read is reported with why, and only the locks that need it fail.
 */
export async function readJuliaRegistries(
  repository: Repository,
  only: readonly string[] = [],
  options: Options = {},
): Promise<Map<string, JuliaRegistry | { error: string }>> {
  // One read per registry and commit ("" for HTTP, or "now" for a git ref): the environments on it.
  const groups = new Map<string, { url: string; commit?: string; envs: string[] }>();
  for (const [key, env] of [...repository.environments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const julia = env.doc.spec.julia;
    if (!julia || (only.length > 0 && !only.includes(key))) continue;
    const url = trimSourceUrl(julia.registry);
    const locked = repository.locks.get(key)?.doc.spec.julia;
    const commit =
      isGitRegistry(url) && !options.upgrade && locked && trimSourceUrl(locked.registry) === url
        ? locked.registryCommit
        : undefined;
    const id = `${url} ${commit ?? ""}`;
    const group = groups.get(id) ?? { url, ...(commit ? { commit } : {}), envs: [] };
    group.envs.push(key);
    groups.set(id, group);
  }
  const out = new Map<string, JuliaRegistry | { error: string }>();
  for (const group of groups.values()) {
    let read: JuliaRegistry | { error: string };
    let files: RegistryFiles | undefined;
    try {
      files = await openRegistryFiles(group.url, group.commit, options);
      const envs = group.envs.map((k) => repository.environments.get(k)!);
      read = await readForEnvironments(repository, group.url, files, envs);
    } catch (e) {
      read = { error: (e as Error).message };
    } finally {
      await files?.close();
    }
    for (const key of group.envs) out.set(key, read);
  }
  return out;
}

/** Registry.toml, then each round of packages the resolver asks for, for each environment. */
async function readForEnvironments(
  repository: Repository,
  url: string,
  files: RegistryFiles,
  envs: Loaded<"Environment">[],
): Promise<JuliaRegistry> {
  const index = parseRegistryIndex((await files.read(["Registry.toml"])).get("Registry.toml")!);
  if (!index.ok) throw new Error(`${url}: ${index.error}`);
  const packages = new Map<string, JuliaRegistryPackage>();
  const registry: JuliaRegistry = {
    url,
    ...(files.commit ? { commit: files.commit } : {}),
    index: index.index,
    packages,
  };
  for (const env of envs) {
    const pack = resolvePack(repository, env.doc.spec.domainPack);
    if (!pack.ok) continue; // the lock says why
    // Each round reads at least one package more, so at most MAX_JULIA_PACKAGES rounds.
    for (let round = 0; round <= MAX_JULIA_PACKAGES; round++) {
      const r = resolveJuliaPackages(env.doc, pack.pack.doc, registry);
      if (r.ok !== "need") break;
      if (packages.size + r.uuids.length > MAX_JULIA_PACKAGES)
        throw new Error(`${url}: the packages needed are more than ${MAX_JULIA_PACKAGES}`);
      for (const pkg of await readPackages(url, files, index.index, r.uuids))
        packages.set(pkg.uuid, pkg);
    }
  }
  return registry;
}

/** The Package.toml, Versions.toml, Deps.toml and Compat.toml of each package, in one round. */
async function readPackages(
  url: string,
  files: RegistryFiles,
  index: JuliaRegistry["index"],
  uuids: readonly string[],
): Promise<JuliaRegistryPackage[]> {
  const names = ["Package.toml", "Versions.toml", "Deps.toml", "Compat.toml"];
  const optional = new Set<string>();
  const paths = uuids.flatMap((uuid) => {
    const { path } = index.get(uuid)!;
    optional.add(`${path}/Deps.toml`).add(`${path}/Compat.toml`);
    return names.map((n) => `${path}/${n}`);
  });
  const texts = await files.read(paths, optional);
  return uuids.map((uuid) => {
    const { path } = index.get(uuid)!;
    const parsed = parseRegistryPackage(path, {
      package: texts.get(`${path}/Package.toml`)!,
      versions: texts.get(`${path}/Versions.toml`)!,
      deps: texts.get(`${path}/Deps.toml`),
      compat: texts.get(`${path}/Compat.toml`),
    });
    if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`);
    if (parsed.value.uuid !== uuid)
      throw new Error(
        `${url}: ${path}/Package.toml says uuid ${parsed.value.uuid}, but Registry.toml lists ${path} as ${uuid}`,
      );
    return parsed.value;
  });
}
