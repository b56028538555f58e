import type { Diagnostic } from "../../model/diagnostic.js";
import { envKey, type Repository } from "../../model/documents.js";
import { cloneSnapshotId } from "../../shares/clone-shares.js";
import { finding, type Rule } from "../rule.js";

/**
 * Another lab's data comes in only through a clone share: an environment a pull request adds, or
 * whose `restoreFrom` it changes, that restores a snapshot of another lab must name the snapshot
 * of a clone share that lab gives this one (`<lab>/<env>/share-<name>`, the share in git). A copy
 * the base already has as it is passes, so it stays after the share ends. Judged against the base
 * (the App's check, `labenv validate --changed-from`), like the succession rules.
 */
export function cloneSourceAgainstBase(base: Repository): Rule {
  return {
    name: "clone-source-against-base",
    description:
      "An environment restoring another lab's snapshot does so through a clone share of that lab to its own.",
    check(repo) {
      const out: Diagnostic[] = [];
      const offered = new Map<string, string>();
      for (const [id, s] of repo.shares)
        if (s.doc.spec.access === "clone")
          offered.set(`${s.doc.spec.to.lab} ${cloneSnapshotId(s)}`, id);
      for (const [key, env] of repo.environments) {
        const snapshot = env.doc.spec.restoreFrom?.snapshot;
        const lab = env.doc.metadata.lab;
        const from = snapshot?.split("/")[0];
        if (!snapshot || from === lab) continue;
        const before = base.environments.get(envKey(lab, env.doc.metadata.name));
        if (before?.doc.spec.restoreFrom?.snapshot === snapshot) continue;
        if (offered.has(`${lab} ${snapshot}`)) continue;
        out.push(
          finding(
            env,
            ["spec", "restoreFrom", "snapshot"],
            "clone-source",
            `${key} restores ${snapshot}, a snapshot of ${from}, which no clone share of ${from} to ${lab} took`,
            `another lab's data comes in through a clone share: ${from} adds a Share with access: clone to ${lab}, and \`labenv shares clone\` writes the copy`,
          ),
        );
      }
      return out;
    },
  };
}
