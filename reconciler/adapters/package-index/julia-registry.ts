import type { Repository } from "../../core/model/documents.js";
import {
  MAX_JULIA_PACKAGES,
  parseRegistryIndex,
  uuidsByName,
  parseRegistryPackage,
  type JuliaRegistry,
  type JuliaRegistryPackage,
} from "../../core/lock/julia-packages.js";
import { inIntervals, parseJuliaVersion } from "../../core/lock/julia-versions.js";
import { readCapped } from "../http/read-capped.js";

/** At most this many bytes of one registry file (General's Registry.toml is about 1.5 MiB). */
export const MAX_JULIA_REGISTRY_FILE_BYTES = 8 * 1024 * 1024;

type Fetch = typeof fetch;
interface Options {
  fetch?: Fetch;
  timeoutMs?: number;
}

/**
 * The parts of every Julia registry the chosen environments resolve against (`spec.julia.registry`),
 * read once each: Registry.toml, then the files of each pinned package at its pinned version and of
 * every package any version of a dependency may need (Deps.toml), at most 500 packages, 8 MiB a
 * file and 10 s a request. A registry that cannot be read is reported with why, and only the locks
 * that need it fail.
 */
export async function readJuliaRegistries(
  repository: Repository,
  only: readonly string[] = [],
  options: Options = {},
): Promise<Map<string, JuliaRegistry | { error: string }>> {
  const pins = new Map<string, Map<string, Set<string>>>();
  for (const [key, env] of repository.environments) {
    const julia = env.doc.spec.julia;
    if (!julia || (only.length > 0 && !only.includes(key))) continue;
    const byName = pins.get(julia.registry) ?? new Map<string, Set<string>>();
    for (const pin of julia.packages) {
      const [name, version] = pin.split("==") as [string, string];
      byName.set(name, (byName.get(name) ?? new Set()).add(version));
    }
    pins.set(julia.registry, byName);
  }
  const out = new Map<string, JuliaRegistry | { error: string }>();
  for (const url of [...pins.keys()].sort()) {
    try {
      out.set(url, await readOne(url, pins.get(url)!, options));
    } catch (e) {
      out.set(url, { error: (e as Error).message });
    }
  }
  return out;
}

async function readOne(
  base: string,
  pins: Map<string, Set<string>>,
  options: Options,
): Promise<JuliaRegistry> {
  const root = base.replace(/\/+$/, "");
  const index = parseRegistryIndex((await get(`${root}/Registry.toml`, options))!);
  if (!index.ok) throw new Error(`${root}: ${index.error}`);
  const byName = uuidsByName(index.index);
  const packages = new Map<string, JuliaRegistryPackage>();
  // uuid → the versions whose dependencies are needed (undefined: all of them).
  let level = new Map<string, Set<string> | undefined>();
  for (const [name, versions] of pins) {
    const uuid = byName.get(name);
    if (uuid) level.set(uuid, versions);
  }
  while (level.size > 0) {
    if (packages.size + level.size > MAX_JULIA_PACKAGES)
      throw new Error(`${root}: the packages needed are more than ${MAX_JULIA_PACKAGES}`);
    const read = await Promise.all(
      [...level.keys()].map(async (uuid) => {
        const { path } = index.index.get(uuid)!;
        const file = (f: string, optional = false) =>
          get(`${root}/${path}/${f}`, options, optional);
        const [pkg, versions, deps, compat] = await Promise.all([
          file("Package.toml"),
          file("Versions.toml"),
          file("Deps.toml", true),
          file("Compat.toml", true),
        ]);
        const parsed = parseRegistryPackage(path, {
          package: pkg!,
          versions: versions!,
          deps,
          compat,
        });
        if (!parsed.ok) throw new Error(`${root}: ${parsed.error}`);
        return parsed.value;
      }),
    );
    const next = new Map<string, Set<string> | undefined>();
    for (const pkg of read) {
      packages.set(pkg.uuid, pkg);
      const only = level.get(pkg.uuid);
      for (const d of pkg.deps) {
        const applies = only
          ? [...only].some((v) => {
              const parsed = parseJuliaVersion(v);
              return parsed !== undefined && inIntervals(parsed, d.range);
            })
          : true;
        if (!applies) continue;
        for (const uuid of Object.values(d.deps))
          if (index.index.has(uuid) && !packages.has(uuid) && !level.has(uuid))
            next.set(uuid, undefined);
      }
    }
    level = next;
  }
  return { url: base, index: index.index, packages };
}

async function get(url: string, options: Options, optional = false): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string }; message?: string };
    throw new Error(
      err.name === "TimeoutError"
        ? `${url} did not answer within ${timeoutMs / 1000} s`
        : `${url}: ${err.cause?.code ?? err.message ?? String(e)}`,
    );
  }
  if (optional && response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${url} answered HTTP ${response.status}`);
  }
  const tooLarge = new Error(`${url} is larger than ${MAX_JULIA_REGISTRY_FILE_BYTES} bytes`);
  return readCapped(response, MAX_JULIA_REGISTRY_FILE_BYTES, () => tooLarge);
}
