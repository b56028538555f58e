import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { gitEnv } from "../git/run-git.js";

/** A registry kept in a git repository: `git+file:///path/to/repo#<ref>[:<dir>]`. */
export interface GitLocation {
  repo: string;
  ref: string;
  /** The registry's directory inside the tree, without a trailing `/` ("" for the root). */
  dir: string;
}

export function parseGitLocation(url: string): GitLocation | undefined {
  if (!url.startsWith("git+file://")) return undefined;
  const hash = url.indexOf("#");
  const where = hash < 0 ? url : url.slice(0, hash);
  const [ref, dir] = hash < 0 ? ["HEAD", ""] : splitOnce(url.slice(hash + 1), ":");
  let repo: string;
  try {
    repo = fileURLToPath(where.slice("git+".length));
  } catch {
    return undefined;
  }
  return { repo, ref: ref || "HEAD", dir: (dir ?? "").replace(/^\/+|\/+$/g, "") };
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

export type GitRead =
  | { ok: true; text: string }
  | { ok: false; reason: "missing" | "too-large" | "unreachable"; detail: string; size?: number };

/** One file at the location's ref, bounded in size and time (`git cat-file`, never a checkout). */
export async function readGitFile(
  at: GitLocation,
  path: string,
  maxBytes: number,
  timeoutMs: number,
): Promise<GitRead> {
  const object = `${at.ref}:${at.dir ? `${at.dir}/` : ""}${path}`;
  const size = await git(at.repo, ["cat-file", "-s", object], 64, timeoutMs);
  if (!size.ok) {
    const missing =
      /does not exist|not a valid object name|invalid object name|exists on disk, but not in/i.test(
        size.stderr,
      );
    return {
      ok: false,
      reason: missing ? "missing" : "unreachable",
      detail: size.stderr.trim().split("\n")[0] ?? "git failed",
    };
  }
  const bytes = Number(size.out.trim());
  if (bytes > maxBytes) return { ok: false, reason: "too-large", detail: object, size: bytes };
  const blob = await git(at.repo, ["cat-file", "blob", object], maxBytes + 1, timeoutMs);
  if (!blob.ok)
    return { ok: false, reason: "unreachable", detail: blob.stderr.trim().split("\n")[0] ?? "" };
  return { ok: true, text: blob.out };
}

function git(
  repo: string,
  args: string[],
  maxBuffer: number,
  timeout: number,
): Promise<{ ok: boolean; out: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["-C", repo, ...args],
      { env: gitEnv(), maxBuffer, timeout, encoding: "utf8" },
      (error, stdout, stderr) =>
        resolve({
          ok: !error,
          out: stdout,
          stderr: error && !stderr ? error.message : stderr,
        }),
    );
  });
}
