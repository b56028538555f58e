import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseJuliaRegistryLocation } from "../../core/lock/julia-registry-location.js";
import { openCatFile } from "../git/cat-file.js";
import { gitEnv } from "../git/run-git.js";
import { fetchCapped } from "../http/read-capped.js";

/** At most this many bytes of one registry file (General's Registry.toml is about 1.5 MiB). */
export const MAX_JULIA_REGISTRY_FILE_BYTES = 8 * 1024 * 1024;
/** A registry fetched over git's HTTP may take this long (General is some 100 MB of history). */
const GIT_FETCH_TIMEOUT_MS = 300_000;

export interface RegistryFileOptions {
  fetch?: typeof fetch;
  /** Per HTTP request or git read (default 10 s). */
  timeoutMs?: number;
  /** Where registries read over git's HTTP are fetched to (default: a directory under the OS's temp). */
  gitCacheDir?: string;
}

/** A registry's files, read by path from its root; an `optional` file may be missing. */
export interface RegistryFiles {
  /** The commit the files are read at, for a git registry. */
  commit?: string;
  read(
    paths: readonly string[],
    optional?: ReadonlySet<string>,
  ): Promise<Map<string, string | undefined>>;
  close(): Promise<void>;
}

/**
 * The files of the registry at `url`: over HTTP(S) (`<url>/<path>`, each at most 8 MiB and 10 s),
 * or from a git repository (`git+file:///…#<ref>` read in place, `git+http(s)://…#<ref>` fetched
 * first), at `commit` when one is given (the lock's) or else at the commit `<ref>` names now,
 * with `git cat-file`, never a checkout.
 */
export async function openRegistryFiles(
  url: string,
  commit: string | undefined,
  options: RegistryFileOptions = {},
): Promise<RegistryFiles> {
  const location = parseJuliaRegistryLocation(url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (location.kind === "http") return httpFiles(location.url, options.fetch, timeoutMs);
  const dir =
    location.kind === "git-file"
      ? location.path
      : await fetchedRepository(location.url, location.ref, commit, options);
  const ref = location.kind === "git-file" ? location.ref : FETCHED;
  const at = commit ?? (await commitOf(dir, ref, location.ref, url, timeoutMs));
  if (commit && !(await hasCommit(dir, commit, timeoutMs)))
    throw new Error(
      `the commit ${commit} the lock records is not in the repository (was its history rewritten?); run labenv lock --upgrade to lock against the commit ${location.ref} names now`,
    );
  return gitFiles(dir, at, timeoutMs);
}

function httpFiles(
  root: string,
  fetcher: typeof fetch | undefined,
  timeoutMs: number,
): RegistryFiles {
  return {
    async read(paths, optional = new Set()) {
      const texts = await Promise.all(
        paths.map((p) =>
          fetchCapped(`${root}/${p}`, {
            maxBytes: MAX_JULIA_REGISTRY_FILE_BYTES,
            timeoutMs,
            optional: optional.has(p),
            ...(fetcher ? { fetch: fetcher } : {}),
          }),
        ),
      );
      return new Map(paths.map((p, i) => [p, texts[i]]));
    },
    close: () => Promise.resolve(),
  };
}

function gitFiles(dir: string, commit: string, timeoutMs: number): RegistryFiles {
  const cat = openCatFile(dir);
  return {
    commit,
    async read(paths, optional = new Set()) {
      const names = paths.map((p) => `${commit}:${p}`);
      // Sizes first, so no file over the bound is ever read into memory.
      const sizes = await objectSizes(dir, names, timeoutMs);
      paths.forEach((p, i) => {
        if ((sizes.get(names[i]!) ?? 0) > MAX_JULIA_REGISTRY_FILE_BYTES)
          throw new Error(`${p} is larger than ${MAX_JULIA_REGISTRY_FILE_BYTES} bytes`);
      });
      let timer: NodeJS.Timeout | undefined;
      const objects = await Promise.race([
        cat.read(names),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(`git did not read the registry's files within ${timeoutMs / 1000} s`),
              ),
            timeoutMs,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      const out = new Map<string, string | undefined>();
      paths.forEach((p, i) => {
        const object = objects.get(names[i]!);
        if (!object || object.type !== "blob") {
          if (optional.has(p)) return void out.set(p, undefined);
          throw new Error(`the registry has no ${p} at commit ${commit}`);
        }
        out.set(p, object.content.toString("utf8"));
      });
      return out;
    },
    close: () => cat.close(),
  };
}

/** Each object's size (`git cat-file --batch-check`, one process); a missing one is left out. */
function objectSizes(
  dir: string,
  names: readonly string[],
  timeoutMs: number,
): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", dir, "cat-file", "--batch-check=%(objectsize)"], {
      env: gitEnv(),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0)
        return reject(
          new Error(
            signal
              ? `git did not size the registry's files within ${timeoutMs / 1000} s`
              : `git cat-file --batch-check failed (exit ${code})`,
          ),
        );
      const lines = Buffer.concat(out).toString("utf8").split("\n");
      const sizes = new Map<string, number>();
      names.forEach((n, i) => {
        const size = Number(lines[i]);
        if (/^[0-9]+$/.test(lines[i] ?? "")) sizes.set(n, size);
      });
      resolve(sizes);
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(names.map((n) => `${n}\n`).join(""));
  });
}

/**
 * A local copy of a registry served over git's HTTP (smart or dumb): fetched once into a bare
 * repository of its own under the cache, and again only when the commit wanted is not in it
 * (or, with no commit, to see where the ref is now).
 */
async function fetchedRepository(
  url: string,
  ref: string,
  commit: string | undefined,
  options: RegistryFileOptions,
): Promise<string> {
  const root = options.gitCacheDir ?? join(tmpdir(), "labenv-julia-registries");
  const dir = join(root, createHash("sha256").update(url).digest("hex").slice(0, 32));
  if (!existsSync(join(dir, "HEAD"))) {
    mkdirSync(dir, { recursive: true });
    await git(dir, ["init", "--quiet", "--bare"], 10_000, url);
  }
  if (commit && (await hasCommit(dir, commit, options.timeoutMs ?? 10_000))) return dir;
  await git(
    dir,
    ["fetch", "--quiet", "--no-tags", "--end-of-options", url, `+${ref}:${FETCHED}`],
    GIT_FETCH_TIMEOUT_MS,
    url,
  );
  return dir;
}

/** Where a fetched registry's ref is kept in its local copy. */
const FETCHED = "refs/labenv/registry";

async function commitOf(
  dir: string,
  name: string,
  ref: string,
  url: string,
  timeoutMs: number,
): Promise<string> {
  const out = await git(
    dir,
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${name}^{commit}`],
    timeoutMs,
    url,
  ).catch(() => {
    throw new Error(`the repository has no commit ${ref}`);
  });
  return out.trim();
}

async function hasCommit(dir: string, commit: string, timeoutMs: number): Promise<boolean> {
  return git(dir, ["cat-file", "-e", `${commit}^{commit}`], timeoutMs, dir).then(
    () => true,
    () => false,
  );
}

function git(dir: string, args: string[], timeout: number, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-C", dir, ...args],
      { env: gitEnv(), timeout, maxBuffer: 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const detail = (stderr || error.message).trim().split("\n")[0];
        reject(
          new Error(
            error.killed
              ? `git ${args[0]} ${url} did not finish within ${timeout / 1000} s`
              : `git ${args[0]} ${url} failed: ${detail}`,
          ),
        );
      },
    );
  });
}
