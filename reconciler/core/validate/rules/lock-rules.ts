import type { Diagnostic } from "../../model/diagnostic.js";
import type { Repository } from "../../model/documents.js";
import type { PackageIndexData } from "../../lock/package-index.js";
import { lockFreshness, lockPath } from "../../lock/lock-repository.js";
import { verifyRegistry } from "../../packs/registry.js";
import { finding, isBroken, type Rule } from "../rule.js";

/** Every environment has a lock that parses and still satisfies it; every lock has its environment. */
/** `index` may answer undefined (a remote index): the check then skips the dependency walk. */
export function lockRules(index: (repo: Repository) => PackageIndexData | undefined): Rule {
  return {
    name: "lock-matches-environment",
    description: "Each environment has an up-to-date environment.lock.yaml.",
    check(repo) {
      const out: Diagnostic[] = [];
      const data = index(repo);
      for (const env of repo.environments.values()) {
        const f = lockFreshness(repo, env, data);
        if (f.status === "missing") {
          if (!isBroken(repo, lockPath(env)))
            out.push(
              finding(
                env,
                ["spec"],
                "lock",
                `${env.doc.metadata.lab}/${env.doc.metadata.name} has no lock (${lockPath(env)})`,
                "run `labenv lock` and commit the lockfile",
              ),
            );
        } else if (f.status === "stale") {
          const lock = repo.locks.get(`${env.doc.metadata.lab}/${env.doc.metadata.name}`)!;
          out.push(
            finding(
              lock,
              ["spec", "inputDigest"],
              "lock-stale",
              `lock is stale: ${f.reasons.join("; ")}`,
              "run `labenv lock` and commit the lockfile",
            ),
          );
        }
      }
      for (const lock of repo.locks.values()) {
        if (
          !repo.environments.has(`${lock.doc.metadata.lab}/${lock.doc.metadata.name}`) &&
          !isBroken(repo, lock.file.replace(/\.lock\.yaml$/, ".yaml"))
        ) {
          out.push(
            finding(
              lock,
              ["metadata", "name"],
              "lock",
              "lock without an environment.yaml",
              "delete the lockfile, or restore environment.yaml",
            ),
          );
        }
      }
      return out;
    },
  };
}

/** Published domain pack versions are immutable: the registry's checksums must still match. */
export const packsImmutable: Rule = {
  name: "packs-immutable",
  description: "Domain pack versions match their checksums in domain-packs/registry.yaml.",
  check(repo) {
    if (!repo.registry && !isBroken(repo, "domain-packs/registry.yaml") && repo.packs.size === 0)
      return [];
    return verifyRegistry(repo, repo.registry?.doc).map((p) => {
      const pack = repo.packs.get(p.pack);
      const d = pack
        ? finding(pack, ["spec"], "pack-immutable", p.message, p.hint)
        : {
            file: "domain-packs/registry.yaml",
            line: 1,
            column: 1,
            severity: "error" as const,
            code: "pack-immutable",
            message: p.message,
            hint: p.hint,
          };
      return d;
    });
  },
};
