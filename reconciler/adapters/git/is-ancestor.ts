import { spawn } from "node:child_process";
import type { IsAncestor } from "../../core/reconcile/commit-order.js";
import { gitEnv } from "./run-git.js";

const SHA = /^[0-9a-f]{7,64}$/;

/**
 * Ancestry from the git CLI in `dir` (`git merge-base --is-ancestor`). A
 * working tree's `<sha>-dirty` counts as its commit; `uncommitted` or a commit
 * git does not know cannot be told (undefined).
 */
export function gitIsAncestor(dir: string): IsAncestor {
  return async (commit, of) => {
    const [a, b] = [commit.replace(/-dirty$/, ""), of.replace(/-dirty$/, "")];
    if (!SHA.test(a) || !SHA.test(b)) return undefined;
    if (a === b) return false;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn("git", ["merge-base", "--is-ancestor", a, b], {
        cwd: dir,
        stdio: "ignore",
        env: gitEnv(),
      });
      child.on("error", () => resolve(null));
      child.on("close", resolve);
    });
    return code === 0 ? true : code === 1 ? false : undefined;
  };
}
