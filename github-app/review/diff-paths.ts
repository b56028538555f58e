import type { RepoFile } from "../../reconciler/core/load/load-repository.js";

/** Paths whose bytes differ between two sets of files (added, removed or changed). */
export function diffPaths(before: readonly RepoFile[], after: readonly RepoFile[]): string[] {
  const a = new Map(before.map((f) => [f.path, bytes(f.content)]));
  const b = new Map(after.map((f) => [f.path, bytes(f.content)]));
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((p) => {
      const x = a.get(p);
      const y = b.get(p);
      return !x || !y || !x.equals(y);
    })
    .sort();
}

function bytes(c: RepoFile["content"]): Buffer {
  return typeof c === "string" ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}
