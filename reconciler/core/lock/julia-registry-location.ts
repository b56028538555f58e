import { trimSourceUrl } from "./source-url.js";

/**
 * Where a Julia registry is read from (`spec.julia.registry`), as environment.yaml writes it:
 *
 * - `https://host/path` (or `http://`): the registry's files served over HTTP, `<url>/Registry.toml`
 *   and so on (e.g. the raw files of JuliaRegistries/General at one commit, or a mirror);
 * - `git+file:///path/to/General#<ref>`: a git repository on this machine, read with git;
 * - `git+https://host/General.git#<ref>` (or `git+http://`): a git repository served over git's
 *   HTTP, fetched with git first.
 *
 * `#<ref>` (a branch, tag or commit; default HEAD) says which commit the first lock takes; the
 * lock records that commit, and later locks read the registry at it until `labenv lock
 * --upgrade`. Pure.
 */
export type JuliaRegistryLocation =
  | { kind: "http"; url: string }
  | { kind: "git-file"; path: string; ref: string }
  | { kind: "git-http"; url: string; ref: string };

export function parseJuliaRegistryLocation(text: string): JuliaRegistryLocation {
  const url = trimSourceUrl(text);
  if (!url.startsWith("git+")) return { kind: "http", url };
  const hash = url.indexOf("#");
  const where = hash < 0 ? url.slice(4) : url.slice(4, hash);
  const ref = hash < 0 ? "HEAD" : url.slice(hash + 1) || "HEAD";
  if (where.startsWith("file://"))
    return { kind: "git-file", path: decodeURIComponent(where.slice("file://".length)), ref };
  return { kind: "git-http", url: where, ref };
}

/** Whether the registry is a git repository (its lock records the commit it was read at). */
export function isGitRegistry(text: string): boolean {
  return text.startsWith("git+");
}
