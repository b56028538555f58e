import { existsSync, lstatSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import type { StoredFileSum } from "../../ports/snapshot-sources.js";
import { hashTree } from "./sandbox-storage.js";

/** Where an overwrite keeps the home's replaced versions, in the home: `.labenv-replaced/<time>`. */
export function keptAsideDirectory(at: Date): string {
  return `.labenv-replaced/${at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")}`;
}

/**
 * Moves every restored file (under `from`) into the home (`to`), as the one-off move task does,
 * over what is there: a home file of the same content is left as it is; one that differs — or
 * anything else in the way (a directory, a symlink, a file where the snapshot has a directory) —
 * is first moved, as it is, into the dated kept-aside directory at the same relative path, so
 * nothing a researcher stored is lost. Home files the snapshot does not have are not touched.
 * Symlinks are never followed: a link in the way is moved aside like a file. `current`: the
 * home's files as summed before (so the home is not summed twice).
 */
export function overwriteHome(
  from: string,
  to: string,
  at: Date,
  current: readonly StoredFileSum[] = hashTree(to),
): { restored: string[]; replaced: { path: string; keptAt: string }[]; keptAside: string } {
  let aside = keptAsideDirectory(at);
  for (let n = 1; existsSync(join(to, aside)); n += 1) aside = `${keptAsideDirectory(at)}-${n}`;
  const sums = new Map(current.map((f) => [f.path, f.sha256]));
  const restored: string[] = [];
  const replaced: { path: string; keptAt: string }[] = [];
  const moveAside = (rel: string) => {
    const keptAt = `${aside}/${rel}`;
    mkdirSync(dirname(join(to, keptAt)), { recursive: true });
    renameSync(join(to, rel), join(to, keptAt));
    replaced.push({ path: rel, keptAt });
  };
  for (const { path: rel, sha256 } of hashTree(from)) {
    const parts = rel.split("/");
    // Anything but a real directory on the way to the file is moved aside first (never followed).
    for (let i = 1; i < parts.length; i++) {
      const ancestor = parts.slice(0, i).join("/");
      const st = lstatOrUndefined(join(to, ancestor));
      if (st && !st.isDirectory()) moveAside(ancestor);
    }
    const target = join(to, rel);
    const st = lstatOrUndefined(target);
    if (st?.isFile() && sums.get(rel) === sha256) {
      restored.push(rel);
      continue;
    }
    if (st) moveAside(rel);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(from, rel), target);
    restored.push(rel);
  }
  return { restored, replaced, keptAside: aside };
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}
