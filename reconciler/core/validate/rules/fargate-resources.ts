import type { Diagnostic } from "../../model/diagnostic.js";
import { allowedMemory, isFargateSize } from "../fargate.js";
import { finding, type Rule } from "../rule.js";

export const fargateResources: Rule = {
  name: "fargate-resources",
  description: "Environment and domain pack resources are a cpu/memory pair Fargate offers.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const { cpu, memory } = env.doc.spec.resources;
      if (!isFargateSize(cpu, memory)) {
        out.push(
          finding(
            env,
            ["spec", "resources"],
            "fargate-resources",
            `spec.resources: Fargate does not offer cpu ${cpu} with memory ${memory} MiB (allowed with ${cpu}: ${allowedMemory(cpu)})`,
            "pick a memory size from the allowed range, or a cpu value that allows this memory",
          ),
        );
      }
    }
    for (const pack of repo.packs.values()) {
      const r = pack.doc.spec.defaults?.resources;
      if (r && !isFargateSize(r.cpu, r.memory)) {
        out.push(
          finding(
            pack,
            ["spec", "defaults", "resources"],
            "fargate-resources",
            `spec.defaults.resources: Fargate does not offer cpu ${r.cpu} with memory ${r.memory} MiB (allowed with ${r.cpu}: ${allowedMemory(r.cpu)})`,
          ),
        );
      }
    }
    return out;
  },
};
