import { LabenvError } from "../../core/errors.js";
import { lockFreshness, releaseCutoff, type LockOptions } from "../../core/lock/lock-repository.js";
import type { IndexVersion, PackageIndexData } from "../../core/lock/package-index.js";
import { envKey, type Repository } from "../../core/model/documents.js";
import { resolvePack } from "../../core/packs/resolve-pack.js";
import { readEmbeddedIndex } from "./embedded-index.js";
import { PypiIndex, type PypiIndexOptions } from "./pypi-index.js";

/** Where `labenv.yaml` says package versions come from: the checked-in file or a PyPI-compatible JSON API. */
export interface PackageIndexSource {
  readonly kind: "embedded" | "pypi";
  /** `package-index.yaml` or the API's base URL, for messages. */
  readonly name: string;
  /** What resolving one environment can need. */
  forEnvironment(
    requirements: readonly string[],
    pins: Readonly<Record<string, string>>,
    python: string,
  ): Promise<PackageIndexData>;
  /** Does the index have a project of this name? */
  has(name: string): Promise<boolean>;
  /**
   * Called when every name in `asked` was missing: throws a config error
   * naming the URL when it is no package index at all (it answers 404 for
   * everything), so that a wrong URL is not reported as missing packages.
   */
  checkAnswers(asked: readonly string[]): Promise<void>;
}

/** The configured URL is not a package index at all: no command can go on with it. */
export class NotAPackageIndex extends LabenvError {}

export interface OpenIndexOptions {
  fetch?: typeof fetch;
  /** Read for `LABENV_INDEX_AUTH` (`user:token`, sent as HTTP basic auth). */
  env?: Readonly<Record<string, string | undefined>>;
  retries?: number;
  backoffMs?: number;
  /** Limits for a run that must finish whatever the index does (see `PypiIndexOptions`). */
  bounds?: Pick<PypiIndexOptions, "maxResponseBytes" | "maxRequests" | "deadlineMs" | "timeoutMs">;
}

export function openPackageIndex(
  repoDir: string,
  repo: Repository,
  options: OpenIndexOptions = {},
): PackageIndexSource {
  const config = repo.config?.doc.spec.packageIndex;
  if (config?.kind !== "pypi") {
    const data = readEmbeddedIndex(repoDir, repo);
    return {
      kind: "embedded",
      name: config?.path ?? "package-index.yaml",
      forEnvironment: async () => data,
      has: async (name) => data.has(name),
      checkAnswers: async () => {},
    };
  }
  const index = pypiFrom(config.url, options);
  const checkAnswers = async (asked: readonly string[]) => {
    if (await index.servesJsonApi()) return;
    const shown = asked.slice(0, 5).join(", ") + (asked.length > 5 ? ", …" : "");
    throw new NotAPackageIndex(
      "config",
      `package index ${index.url} answered 404 for every package asked (${shown}) and for pip: it does not serve a PyPI JSON API (labenv reads GET ${index.url}/pypi/<name>/json)`,
      {
        hint: "set packageIndex.url in labenv.yaml to the index's base URL, the one whose /pypi/<name>/json answers (https://pypi.org for PyPI)",
      },
    );
  };
  return {
    kind: "pypi",
    name: index.url,
    forEnvironment: async (requirements, pins, python) => {
      try {
        return await index.loadIndexFor(requirements, pins, python);
      } catch (e) {
        const missing = /^package (\S+) does not exist on /.exec((e as Error).message)?.[1];
        if (missing) await checkAnswers([missing]);
        throw e;
      }
    },
    has: async (name) => (await index.project(name)) !== undefined,
    checkAnswers,
  };
}

/**
 * The index data `labenv lock` needs for the environments in scope: the
 * embedded file as it is, or from a PyPI-compatible API every release each
 * lock holds (pins included: the check proves each one exists with the
 * index's sha256 and that the set is closed under its dependencies) plus, for
 * a lock that is not what `labenv lock` writes (or with `upgrade`), what
 * resolving the environment can need (never for `check`: judging a lock
 * needs only its releases).
 */
export async function indexForRepository(
  repoDir: string,
  repo: Repository,
  scope: LockOptions & { check?: boolean } = {},
  options: OpenIndexOptions = {},
): Promise<PackageIndexData> {
  const config = repo.config?.doc.spec.packageIndex;
  if (config?.kind !== "pypi") return readEmbeddedIndex(repoDir, repo);
  const index = pypiFrom(config.url, options);
  const merged = new Map<string, Map<string, IndexVersion>>();
  const add = (data: PackageIndexData) => {
    for (const [name, versions] of data) {
      const known = merged.get(name) ?? new Map<string, IndexVersion>();
      for (const v of versions)
        if (!known.has(v.version) || index.isSummary(known.get(v.version)!))
          known.set(v.version, v);
      merged.set(name, known);
    }
  };
  /** The releases as the index gives them; with a cut-off, every one but the pack's pins as it stood then. */
  const releases = async (
    packages: readonly { name: string; version: string; source?: string }[],
    python: string,
    excludeNewer?: string,
  ) =>
    new Map(
      (
        await Promise.all(
          packages.map(
            async (p) =>
              [
                p.name,
                await index.releaseIfExists(
                  p.name,
                  p.version,
                  python,
                  p.source === "pack" ? undefined : excludeNewer,
                ),
              ] as const,
          ),
        )
      ).flatMap(([name, v]) => (v ? [[name, [v]] as const] : [])),
    );
  for (const [key, env] of [...repo.environments].sort(([a], [b]) => a.localeCompare(b))) {
    if (scope.only && scope.only.length > 0 && !scope.only.includes(key)) continue;
    // The locked releases; a release the index lost is left out (the lock then reads as stale).
    const lock = repo.locks.get(envKey(env.doc.metadata.lab, env.doc.metadata.name));
    if (lock && !scope.upgrade) {
      const own = await releases(
        lock.doc.spec.packages,
        lock.doc.spec.python,
        lock.doc.spec.excludeNewer,
      );
      add(own);
      if (scope.check || lockFreshness(repo, env, own).status === "fresh") continue;
    }
    const pack = resolvePack(repo, env.doc.spec.domainPack);
    if (!pack.ok) continue;
    const pins = pack.pack.doc.spec.packages as Record<string, string>;
    const python = pack.pack.doc.spec.python;
    add(
      await index.loadIndexFor(
        env.doc.spec.packages ?? [],
        pins,
        python,
        releaseCutoff(repo, env, scope),
      ),
    );
    add(
      await releases(
        Object.entries(pins).map(([name, version]) => ({ name, version })),
        python,
      ),
    );
  }
  return new Map([...merged].map(([name, versions]) => [name, [...versions.values()]]));
}

/**
 * For a remote index, what it answers for every release the repository's
 * locks hold (what `lock --check` reads), so a check that applies (the
 * reconciler) proves hashes, releases and dependencies too; undefined for the
 * embedded index, which the caller already has.
 */
export async function remoteIndexForChecks(
  repo: Repository,
  options: OpenIndexOptions = {},
  only?: readonly string[],
): Promise<PackageIndexData | undefined> {
  if (repo.config?.doc.spec.packageIndex?.kind !== "pypi") return undefined;
  return indexForRepository("", repo, { check: true, ...(only ? { only } : {}) }, options);
}

function pypiFrom(url: string | undefined, options: OpenIndexOptions): PypiIndex {
  if (!url)
    throw new LabenvError("config", "packageIndex.kind is pypi but packageIndex.url is not set", {
      hint: "set packageIndex.url in labenv.yaml, e.g. https://pypi.org",
    });
  const parsed = new URL(url);
  if (/\/(simple|\+simple)\/?$/i.test(parsed.pathname))
    throw new LabenvError(
      "config",
      `packageIndex.url ${url} is a "simple" API (PEP 503) URL; labenv reads the JSON API, at the index's base URL`,
      {
        hint: `set packageIndex.url to ${url.replace(/\/\+?simple\/?$/i, "")} (labenv asks GET <url>/pypi/<name>/json)`,
      },
    );
  if (parsed.username || parsed.password) {
    throw new LabenvError(
      "config",
      "packageIndex.url carries credentials, which do not belong in Git",
      {
        hint: "remove them from labenv.yaml and set LABENV_INDEX_AUTH=user:token in the environment instead",
      },
    );
  }
  const auth = (options.env ?? process.env).LABENV_INDEX_AUTH;
  return new PypiIndex({
    url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    ...options.bounds,
    ...(auth
      ? { headers: { Authorization: `Basic ${Buffer.from(auth).toString("base64")}` } }
      : {}),
  });
}
