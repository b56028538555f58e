import { LabenvError } from "../../core/errors.js";
import type { IndexVersion, PackageIndexData } from "../../core/lock/package-index.js";
import { markerEnvironment, uploadedBy as releasedBy } from "../../core/lock/resolve.js";
import {
  compareVersions,
  evaluateMarker,
  filter,
  normalizeName,
  parseRequirement,
  parseSpecifierSet,
  parseVersion,
  satisfies,
  specifierSetNamesPrerelease,
  type Requirement,
  type SpecifierSet,
} from "../../core/pep440/index.js";
import { readCapped } from "../http/read-capped.js";

/**
 * A PyPI-compatible JSON API (`GET {url}/pypi/{name}/json` for a project and
 * `GET {url}/pypi/{name}/{version}/json` for one release) as a package index.
 * Each instance keeps what it fetched, so several environments share requests.
 */
export interface PypiIndexOptions {
  /** Base URL, e.g. `https://pypi.org`. */
  url: string;
  fetch?: typeof fetch;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Extra attempts after a network error, HTTP 429 or 5xx (default 3), waiting `backoffMs` × 2ⁿ between them. */
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Newest manylinux glibc the images run (default 2.35): wheels needing a newer one are not considered. */
  glibc?: readonly [number, number];
  /**
   * Bounds for a caller that must finish (`labenv validate --against-index`):
   * the largest JSON answer read (bytes, default 64 MiB), the most requests
   * sent, and a time limit for everything this instance asks (ms from its
   * creation). Going over any is an `io` error that names the bound.
   */
  maxResponseBytes?: number;
  maxRequests?: number;
  deadlineMs?: number;
}

/** One distribution file of a release, as the JSON API lists it. */
interface ReleaseFile {
  filename: string;
  packagetype: string;
  sha256?: string;
  yanked: boolean;
  requiresPython?: string;
  /** `upload_time_iso_8601`, when the index gives it. */
  uploadTime?: string;
}

interface ProjectReleases {
  name: string;
  /** version → files (versions that are not PEP 440 or have no files are left out). */
  releases: Map<string, ReleaseFile[]>;
}

type Step = { req: Requirement; by: string };

export class PypiIndex {
  readonly url: string;
  private readonly options: Required<
    Omit<PypiIndexOptions, "headers" | "fetch" | "maxRequests" | "deadlineMs">
  > &
    Pick<PypiIndexOptions, "headers" | "fetch" | "maxRequests" | "deadlineMs">;
  /** When the deadline passes (epoch ms), if there is one. */
  private readonly deadline: number | undefined;
  private sent = 0;
  private readonly projects = new Map<string, Promise<ProjectReleases | undefined>>();
  private readonly versions = new Map<
    string,
    Promise<(IndexVersion & { files: ReleaseFile[] }) | undefined>
  >();
  private readonly summaries = new WeakSet<IndexVersion>();
  /** True once any request was answered with JSON: the URL serves the JSON API. */
  private answered = false;
  private probe: Promise<boolean> | undefined;

  constructor(options: PypiIndexOptions) {
    this.url = options.url.replace(/\/+$/, "");
    this.options = {
      concurrency: 8,
      retries: 3,
      backoffMs: 500,
      timeoutMs: 30_000,
      glibc: [2, 35],
      maxResponseBytes: 64 * 1024 * 1024,
      ...options,
    };
    this.deadline = options.deadlineMs === undefined ? undefined : Date.now() + options.deadlineMs;
  }

  /** The project's releases, or `undefined` when the index has no such project (HTTP 404). */
  project(name: string): Promise<ProjectReleases | undefined> {
    const key = normalizeName(name);
    let p = this.projects.get(key);
    if (!p) {
      p = this.getJson(`/pypi/${key}/json`, `project ${key}`).then((doc) =>
        doc === undefined ? undefined : readProject(key, doc, this.url),
      );
      this.projects.set(key, p);
    }
    return p;
  }

  /** One release with its Requires-Dist and the sha256 of the file labenv locks (see `chooseFile`). */
  async release(
    name: string,
    version: string,
    python: string,
    excludeNewer?: string,
  ): Promise<IndexVersion> {
    const found = await this.releaseIfExists(name, version, python, excludeNewer);
    if (!found)
      throw new LabenvError("config", `package ${name} ${version} does not exist on ${this.url}`);
    return found;
  }

  /**
   * Like `release`, but `undefined` when the index no longer has that release
   * (HTTP 404). With `excludeNewer`, only files uploaded by then are chosen
   * from (none: the release has no `uploadTime`, so resolution skips it).
   */
  async releaseIfExists(
    name: string,
    version: string,
    python: string,
    excludeNewer?: string,
  ): Promise<IndexVersion | undefined> {
    const key = `${normalizeName(name)}@${version}`;
    let p = this.versions.get(key);
    if (!p) {
      p = this.getJson(
        `/pypi/${normalizeName(name)}/${encodeURIComponent(version)}/json`,
        `${name} ${version}`,
      ).then((doc) => (doc === undefined ? undefined : readRelease(name, version, doc, this.url)));
      this.versions.set(key, p);
    }
    const found = await p;
    if (!found) return undefined;
    const { files, ...v } = found;
    const file = chooseFile(uploadedBy(files, excludeNewer), python, this.options.glibc);
    return {
      ...v,
      ...(file?.sha256 ? { sha256: file.sha256 } : {}),
      ...(file?.uploadTime ? { uploadTime: file.uploadTime } : {}),
    };
  }

  /**
   * What resolving `requirements` on top of `pins` with `python` can need.
   * Mirrors the resolver's breadth-first walk step for step, so it reads
   * exactly the projects and releases resolution looks at: each project once,
   * and releases newest first until one fits the constraints known at that
   * step. Pinned packages are never fetched. Packages are fetched in parallel
   * (bounded); the result holds only releases whose metadata was read, plus a
   * summary of the others when no release fits (for the resolver's message).
   */
  async loadIndexFor(
    requirements: readonly string[],
    pins: Readonly<Record<string, string>>,
    python: string,
    excludeNewer?: string,
  ): Promise<PackageIndexData> {
    const env = { ...markerEnvironment(python), extra: "" };
    const constraints = new Map<string, SpecifierSet[]>();
    const chosen = new Map<string, IndexVersion>();
    const out = new Map<string, Map<string, IndexVersion>>();
    let queue: Step[] = requirements.flatMap((text) => {
      const r = parseRequirement(text);
      return r.ok ? [{ req: r.value, by: `\`${text}\`` }] : [];
    });
    while (queue.length > 0) {
      // Within one generation, a package's steps depend only on earlier steps for the same package:
      // whatever a pick adds goes to the end of the queue. So packages proceed in parallel.
      const byName = new Map<string, { index: number; step: Step }[]>();
      queue.forEach((step, index) => {
        const { req } = step;
        if (req.marker) {
          const m = evaluateMarker(req.marker, env);
          if (m.ok && !m.value) return;
        }
        if (pins[req.normalizedName] !== undefined) return;
        byName.set(req.normalizedName, [
          ...(byName.get(req.normalizedName) ?? []),
          { index, step },
        ]);
      });
      const added = await mapLimit([...byName], this.options.concurrency, async ([name, steps]) => {
        const next: { index: number; deps: Step[] }[] = [];
        for (const { index, step } of steps) {
          const specs = [...(constraints.get(name) ?? []), step.req.specifier];
          constraints.set(name, specs);
          const current = chosen.get(name);
          if (current && specs.every((s) => satisfies(current.version, s, { prereleases: true })))
            continue;
          const release = await this.pick(name, specs, python, step.by, out, excludeNewer);
          if (!release) continue;
          chosen.set(name, release);
          next.push({
            index,
            deps: release.requires.flatMap((dep) => {
              const r = parseRequirement(dep);
              return r.ok ? [{ req: r.value, by: `${name}==${release.version}` }] : [];
            }),
          });
        }
        return next;
      });
      queue = added
        .flat()
        .sort((a, b) => a.index - b.index)
        .flatMap((a) => a.deps);
    }
    return new Map([...out].map(([name, vs]) => [name, [...vs.values()]]));
  }

  /** The newest release that fits, reading releases newest first; records what it read in `out`. */
  private async pick(
    name: string,
    specs: SpecifierSet[],
    python: string,
    by: string,
    out: Map<string, Map<string, IndexVersion>>,
    excludeNewer: string | undefined,
  ): Promise<IndexVersion | undefined> {
    const project = await this.project(name);
    if (!project)
      throw new LabenvError(
        "config",
        `package ${name} does not exist on ${this.url} (required by ${by})`,
        { hint: "check the spelling, or publish it to the index" },
      );
    const seen = out.get(name) ?? new Map<string, IndexVersion>();
    out.set(name, seen);
    for (const version of candidates(project, specs, python, excludeNewer)) {
      const release =
        seen.get(version) ?? (await this.release(name, version, python, excludeNewer));
      seen.set(version, release);
      if (fits(release, specs, python, excludeNewer)) return release;
    }
    for (const [version, files] of project.releases) {
      if (seen.has(version)) continue;
      const v = summary(version, files, excludeNewer);
      this.summaries.add(v);
      seen.set(version, v);
    }
    return undefined;
  }

  /**
   * Does the URL serve a PyPI JSON API at all? True once anything was
   * answered; otherwise asks for `pip`, which every PyPI mirror has. A URL
   * that answers 404 for that too is no JSON API (a `/simple` URL, a typo).
   */
  servesJsonApi(): Promise<boolean> {
    if (this.answered) return Promise.resolve(true);
    this.probe ??= this.getJson("/pypi/pip/json", "project pip").then((doc) => doc !== undefined);
    return this.probe;
  }

  /** True for a release described from the project JSON only (no Requires-Dist read): see `loadIndexFor`. */
  isSummary(v: IndexVersion): boolean {
    return this.summaries.has(v);
  }

  /** Counts one more request against the bounds and gives its timeout; throws when a bound is reached. */
  private withinBounds(what: string): number {
    const { maxRequests, deadlineMs } = this.options;
    if (maxRequests !== undefined && this.sent >= maxRequests)
      throw new LabenvError(
        "io",
        `package index ${this.url}: asking for ${what} would take more than ${maxRequests} requests, the limit of this run`,
        { hint: "check fewer locks at once (--changed-from), or raise the limit" },
      );
    const left = this.deadline === undefined ? Infinity : this.deadline - Date.now();
    if (left <= 0)
      throw new LabenvError(
        "io",
        `package index ${this.url} did not answer everything within ${(deadlineMs ?? 0) / 1000} s (stopped at ${what})`,
        {
          hint: "the index is slow or unreachable: run again later, or check fewer locks at once (--changed-from)",
        },
      );
    this.sent += 1;
    return Math.max(1, Math.min(this.options.timeoutMs, left));
  }

  private async getJson(path: string, what: string): Promise<unknown> {
    const url = `${this.url}${path}`;
    const doFetch = this.options.fetch ?? fetch;
    let last = "";
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await sleep(this.options.backoffMs * 2 ** (attempt - 1));
      const timeout = this.withinBounds(what);
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { Accept: "application/json", ...this.options.headers },
          signal: AbortSignal.timeout(timeout),
        });
      } catch (e) {
        last = (e as Error).message;
        if (this.deadline !== undefined && Date.now() >= this.deadline) this.withinBounds(what);
        continue;
      }
      if (response.status === 404) return undefined;
      if (response.status === 429 || response.status >= 500) {
        last = `HTTP ${response.status}`;
        continue;
      }
      if (!response.ok)
        throw new LabenvError(
          "config",
          `package index ${this.url} refused ${what} (HTTP ${response.status})`,
          {
            hint:
              response.status === 401 || response.status === 403
                ? "set LABENV_INDEX_AUTH to user:token for this index"
                : undefined,
          },
        );
      const text = await readCapped(response, this.options.maxResponseBytes, () =>
        tooBig(this.url, what, this.options.maxResponseBytes),
      );
      try {
        const doc = JSON.parse(text) as unknown;
        this.answered = true;
        return doc;
      } catch (e) {
        throw new LabenvError(
          "io",
          `package index ${this.url} sent malformed JSON for ${what}: ${(e as Error).message}`,
          { cause: e },
        );
      }
    }
    throw new LabenvError(
      "io",
      `package index ${this.url} unreachable: GET ${url} failed ${this.options.retries + 1} times (last: ${last})`,
      { hint: "check the network and packageIndex.url in labenv.yaml, then run again" },
    );
  }
}

/** Resolution's view of a PyPI-compatible index for one environment (see `PypiIndex.loadIndexFor`). */
export function loadIndexFor(
  requirements: readonly string[],
  pins: Readonly<Record<string, string>>,
  python: string,
  options: PypiIndexOptions,
  excludeNewer?: string,
): Promise<PackageIndexData> {
  return new PypiIndex(options).loadIndexFor(requirements, pins, python, excludeNewer);
}

function readProject(name: string, doc: unknown, url: string): ProjectReleases {
  const releases = record(record(doc)?.releases);
  if (!record(record(doc)?.info) || !releases)
    throw malformed(url, `project ${name}`, "expected `info` and `releases`");
  const out = new Map<string, ReleaseFile[]>();
  for (const [version, files] of Object.entries(releases)) {
    if (!parseVersion(version).ok || !Array.isArray(files) || files.length === 0) continue;
    out.set(
      version,
      files.map((f) => readFile(f, url, `${name} ${version}`)),
    );
  }
  return { name, releases: out };
}

function readRelease(
  name: string,
  version: string,
  doc: unknown,
  url: string,
): IndexVersion & { files: ReleaseFile[] } {
  const info = record(record(doc)?.info);
  const urls = record(doc)?.urls;
  if (!info || !Array.isArray(urls))
    throw malformed(url, `${name} ${version}`, "expected `info` and `urls`");
  const requires = info.requires_dist ?? [];
  if (!Array.isArray(requires) || requires.some((r) => typeof r !== "string"))
    throw malformed(url, `${name} ${version}`, "`info.requires_dist` is not a list of strings");
  const files = urls.map((f) => readFile(f, url, `${name} ${version}`));
  const requiresPython =
    typeof info.requires_python === "string" && info.requires_python.trim() !== ""
      ? info.requires_python
      : undefined;
  const yanked = info.yanked === true || (files.length > 0 && files.every((f) => f.yanked));
  return {
    version,
    requires: requires as string[],
    ...(yanked ? { yanked } : {}),
    ...(requiresPython ? { requiresPython } : {}),
    files,
  };
}

function readFile(raw: unknown, url: string, what: string): ReleaseFile {
  const f = record(raw);
  if (!f || typeof f.filename !== "string")
    throw malformed(url, what, "a file entry has no `filename`");
  const sha256 = record(f.digests)?.sha256;
  const uploaded =
    typeof f.upload_time_iso_8601 === "string"
      ? f.upload_time_iso_8601
      : typeof f.upload_time === "string"
        ? `${f.upload_time}Z`
        : undefined;
  const uploadTime =
    uploaded !== undefined && Number.isFinite(Date.parse(uploaded)) ? uploaded : undefined;
  return {
    filename: f.filename,
    packagetype: String(f.packagetype ?? ""),
    yanked: f.yanked === true,
    ...(typeof sha256 === "string" && /^[0-9a-f]{64}$/.test(sha256) ? { sha256 } : {}),
    ...(typeof f.requires_python === "string" && f.requires_python.trim() !== ""
      ? { requiresPython: f.requires_python }
      : {}),
    ...(uploadTime ? { uploadTime } : {}),
  };
}

function malformed(url: string, what: string, detail: string): LabenvError {
  return new LabenvError("io", `package index ${url} sent malformed JSON for ${what}: ${detail}`);
}

/** The files uploaded by `excludeNewer` (all of them without one). */
function uploadedBy(
  files: readonly ReleaseFile[],
  excludeNewer: string | undefined,
): ReleaseFile[] {
  if (excludeNewer === undefined) return [...files];
  const cutoff = Date.parse(excludeNewer);
  return files.filter((f) => f.uploadTime !== undefined && Date.parse(f.uploadTime) <= cutoff);
}

/** A release as the project JSON describes it, for messages about versions that do not fit. */
function summary(
  version: string,
  all: ReleaseFile[],
  excludeNewer: string | undefined,
): IndexVersion {
  const files = uploadedBy(all, excludeNewer);
  const requiresPython = all.find((f) => f.requiresPython)?.requiresPython;
  const uploadTime = files
    .map((f) => f.uploadTime)
    .filter((t): t is string => t !== undefined)
    .sort()[0];
  return {
    version,
    requires: [],
    ...(all.every((f) => f.yanked) ? { yanked: true } : {}),
    ...(requiresPython ? { requiresPython } : {}),
    ...(uploadTime ? { uploadTime } : {}),
  };
}

/** Versions the resolver could pick, newest first, judged from the project JSON alone. */
function candidates(
  project: ProjectReleases,
  specs: SpecifierSet[],
  python: string,
  excludeNewer: string | undefined,
): string[] {
  return [...project.releases]
    .filter(([version, files]) =>
      fits(summary(version, files, excludeNewer), specs, python, excludeNewer),
    )
    .flatMap(([version]) => {
      const parsed = parseVersion(version);
      return parsed.ok ? [{ version, parsed: parsed.value }] : [];
    })
    .sort((a, b) => compareVersions(b.parsed, a.parsed))
    .map((c) => c.version);
}

/** The resolver's rule: not yanked unless asked for with `==`, uploaded in time, supports the Python, meets every specifier. */
function fits(
  v: IndexVersion,
  specs: SpecifierSet[],
  python: string,
  excludeNewer?: string,
): boolean {
  if (excludeNewer !== undefined && !releasedBy(v, Date.parse(excludeNewer))) return false;
  const namesPre = specs.some(specifierSetNamesPrerelease);
  const exact = specs.some((s) =>
    s.specifiers.some(
      (c) => (c.operator === "==" || c.operator === "===") && c.version === v.version,
    ),
  );
  if (v.yanked && !exact) return false;
  if (v.requiresPython) {
    const rp = parseSpecifierSet(v.requiresPython);
    if (rp.ok && !satisfies(python, rp.value, { prereleases: true })) return false;
  }
  return specs.every((s) => filter([v.version], s, { prereleases: namesPre }).length === 1);
}

/**
 * The file whose sha256 goes into the lock: the wheel pip would install on
 * the image (CPython `python` on Linux x86_64, glibc up to `glibc`), most
 * specific tag first; else the sdist; else nothing.
 */
export function chooseFile(
  files: readonly ReleaseFile[],
  python: string,
  glibc: readonly [number, number] = [2, 35],
): ReleaseFile | undefined {
  // A yanked file is chosen only when every file of the release is yanked (PEP 592).
  if (files.some((f) => !f.yanked)) files = files.filter((f) => !f.yanked);
  const [major, minor] = python.split(".").map(Number) as [number, number];
  let best: { file: ReleaseFile; rank: number[] } | undefined;
  for (const file of files) {
    if (!file.sha256 || !file.filename.endsWith(".whl")) continue;
    const parts = file.filename.slice(0, -4).split("-");
    if (parts.length < 5) continue;
    const [pys, abis, plats] = parts.slice(-3).map((t) => t.split(".")) as [
      string[],
      string[],
      string[],
    ];
    const ranks = pys.flatMap((py) =>
      abis.flatMap((abi) => plats.map((plat) => tagRank(py, abi, plat, major, minor, glibc))),
    );
    const rank = ranks.filter((r): r is number[] => r !== undefined).sort(compareRank)[0];
    if (rank && (!best || compareRank(rank, best.rank) < 0)) best = { file, rank };
  }
  return best?.file ?? files.find((f) => f.packagetype === "sdist" && f.sha256);
}

/** Lower is better: [platform-specific before `any`, interpreter, abi, newer manylinux first]; undefined when the tag cannot install. */
function tagRank(
  py: string,
  abi: string,
  plat: string,
  major: number,
  minor: number,
  glibc: readonly [number, number],
): number[] | undefined {
  let platform: number;
  if (plat === "any") platform = 1_000;
  else {
    const m = /^manylinux_(\d+)_(\d+)_x86_64$/.exec(plat);
    const legacy: Record<string, number> = {
      manylinux2014_x86_64: 17,
      manylinux2010_x86_64: 12,
      manylinux1_x86_64: 5,
      linux_x86_64: 0,
    };
    const glibcMinor = m ? (Number(m[1]) === 2 ? Number(m[2]) : undefined) : legacy[plat];
    if (glibcMinor === undefined || glibcMinor > glibc[1] || (m && Number(m[1]) > glibc[0]))
      return undefined;
    platform = 100 - glibcMinor;
  }
  const cp = /^cp(\d)(\d+)$/.exec(py);
  const pyTag = /^py(\d)(\d*)$/.exec(py);
  let interpreter: number;
  if (cp) {
    if (Number(cp[1]) !== major) return undefined;
    const v = Number(cp[2]);
    if (abi === "abi3" ? v > minor : v !== minor) return undefined;
    interpreter = minor - v;
  } else if (pyTag && Number(pyTag[1]) === major && (pyTag[2] === "" || Number(pyTag[2]) <= minor))
    interpreter = 50 + (pyTag[2] === "" ? 50 : minor - Number(pyTag[2]));
  else return undefined;
  const abiRank =
    abi === `cp${major}${minor}` ? 0 : abi === "abi3" ? 1 : abi === "none" ? 2 : undefined;
  if (abiRank === undefined || (abiRank === 0 && !cp)) return undefined;
  return [platform >= 1_000 ? 1 : 0, interpreter, abiRank, platform];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function tooBig(url: string, what: string, max: number): LabenvError {
  return new LabenvError(
    "io",
    `package index ${url} sent more than ${(max / 1024 / 1024).toFixed(0)} MiB for ${what}; labenv reads no larger answer`,
    {
      hint: "check packageIndex.url in labenv.yaml: a JSON API answer for one release is far smaller",
    },
  );
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
