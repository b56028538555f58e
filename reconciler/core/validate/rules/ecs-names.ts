import { ecsName } from "../../desire/names.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded } from "../../model/documents.js";
import { finding, type Rule } from "../rule.js";

/**
 * ECS names are `labenv-<lab>-<env>`, and lab and environment names may
 * contain `-`, so two environments can share one: lab `ml` / environment
 * `vision-teaching` and lab `ml-vision` / environment `teaching` would share
 * one service and task definition family, and every reconcile would hand it
 * from one to the other. Names of existing resources stay as they are; a
 * collision is refused where it is written, on every environment involved.
 */
export const ecsNames: Rule = {
  name: "ecs-names",
  description: "No two environments share an ECS service name and task definition family.",
  check(repo) {
    const byName = new Map<string, Loaded<"Environment">[]>();
    for (const env of repo.environments.values()) {
      const name = ecsName(env.doc.metadata.lab, env.doc.metadata.name);
      const group = byName.get(name);
      if (group) group.push(env);
      else byName.set(name, [env]);
    }
    const out: Diagnostic[] = [];
    for (const [name, group] of byName) {
      if (group.length < 2) continue;
      for (const env of group) {
        const others = group
          .filter((o) => o !== env)
          .map((o) => `${o.doc.metadata.lab}/${o.doc.metadata.name} (${o.file})`);
        out.push(
          finding(
            env,
            ["metadata", "name"],
            "ecs-names",
            `${env.doc.metadata.lab}/${env.doc.metadata.name} would run as ECS service and task definition family \`${name}\`, which is also the name of ${others.join(", ")}`,
            "labenv names ECS resources labenv-<lab>-<environment>; rename one of these environments so the names differ",
          ),
        );
      }
    }
    return out;
  },
};
