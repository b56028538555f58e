import type { Diagnostic } from "../../model/diagnostic.js";
import { finding, type Rule } from "../rule.js";

/** Storage used when an environment does not say: the domain pack's default or 50 GiB. */
export const DEFAULT_STORAGE_GIB = 50;

/**
 * A lab's environments together stay within its quotas: cpu and memory of
 * running environments, storage and number of all environments.
 */
export const labQuotas: Rule = {
  name: "lab-quotas",
  description: "The sum of a lab's environments stays within the lab's quotas.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const lab of repo.labs.values()) {
      const q = lab.doc.spec.quotas;
      if (!q) continue;
      const envs = [...repo.environments.values()].filter(
        (e) => e.doc.metadata.lab === lab.doc.metadata.name,
      );
      const running = envs.filter((e) => (e.doc.spec.state ?? "running") === "running");
      const used = {
        cpu: running.reduce((s, e) => s + e.doc.spec.resources.cpu, 0),
        memory: running.reduce((s, e) => s + e.doc.spec.resources.memory, 0),
        storageGiB: envs.reduce(
          (s, e) => s + (e.doc.spec.resources.storageGiB ?? DEFAULT_STORAGE_GIB),
          0,
        ),
        environments: envs.length,
      };
      const units: Record<keyof typeof used, string> = {
        cpu: "cpu units (running)",
        memory: "MiB of memory (running)",
        storageGiB: "GiB of storage",
        environments: "environments",
      };
      for (const key of Object.keys(used) as (keyof typeof used)[]) {
        const limit = q[key];
        if (limit !== undefined && used[key] > limit) {
          const counted = envs.map((e) => e.doc.metadata.name).join(", ");
          out.push(
            finding(
              lab,
              ["spec", "quotas", key],
              "lab-quotas",
              `${lab.doc.metadata.name} uses ${used[key]} ${units[key]}, over its quota of ${limit}`,
              `environments counted: ${counted}; stop or shrink one, or raise the quota with the PI's approval`,
            ),
          );
        }
      }
    }
    return out;
  },
};
