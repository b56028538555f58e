import type { Diagnostic } from "../../model/diagnostic.js";
import type { Loaded } from "../../model/documents.js";
import { finding, isBroken, memberIds, paths, type Rule } from "../rule.js";

/** Every document under environments/<lab>/ needs that lab's lab.yaml. */
export const labExists: Rule = {
  name: "lab-exists",
  description:
    "Every environment, lock, snapshot, share and succession belongs to a lab that has a lab.yaml.",
  check(repo) {
    const out: Diagnostic[] = [];
    const docs: Loaded[] = [
      ...repo.environments.values(),
      ...repo.locks.values(),
      ...repo.snapshots.values(),
      ...repo.shares.values(),
      ...repo.successions.values(),
    ];
    for (const d of docs) {
      const lab = (d.doc.metadata as { lab: string }).lab;
      if (!repo.labs.has(lab) && !isBroken(repo, paths.lab(lab))) {
        out.push(
          finding(
            d,
            ["metadata", "lab"],
            "lab-exists",
            `lab \`${lab}\` has no environments/${lab}/lab.yaml`,
            "add the lab's lab.yaml with its members and approvers",
          ),
        );
      }
    }
    return out;
  },
};

/** The PI and approvers are members; the PI has the role `pi`. */
export const labMembers: Rule = {
  name: "lab-members",
  description: "A lab's PI and approvers are members of the lab.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const lab of repo.labs.values()) {
      const members = new Map(lab.doc.spec.members.map((m) => [m.id, m]));
      const pi = members.get(lab.doc.spec.pi);
      if (!pi)
        out.push(
          finding(
            lab,
            ["spec", "pi"],
            "lab-members",
            `PI \`${lab.doc.spec.pi}\` is not a member of ${lab.doc.metadata.name}`,
            "add them to spec.members or name a member as PI",
          ),
        );
      else if (pi.role !== "pi")
        out.push(
          finding(
            lab,
            ["spec", "pi"],
            "lab-members",
            `PI \`${pi.id}\` has role \`${pi.role}\` in spec.members`,
            "give the PI `role: pi`",
            { severity: "warning" },
          ),
        );
      lab.doc.spec.approvers.forEach((a, i) => {
        if (!members.has(a))
          out.push(
            finding(
              lab,
              ["spec", "approvers", i],
              "lab-members",
              `approver \`${a}\` is not a member of ${lab.doc.metadata.name}`,
              `members: ${[...members.keys()].join(", ")}`,
            ),
          );
      });
    }
    return out;
  },
};

/** The owner is a member of the environment's lab; the funding source is the lab's. */
export const environmentReferences: Rule = {
  name: "environment-references",
  description:
    "An environment's owner is a member of its lab and its funding source is one of the lab's.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const env of repo.environments.values()) {
      const lab = repo.labs.get(env.doc.metadata.lab);
      if (!lab) continue;
      const members = memberIds(repo, env.doc.metadata.lab);
      if (!members.has(env.doc.spec.owner)) {
        out.push(
          finding(
            env,
            ["spec", "owner"],
            "environment-owner",
            `owner \`${env.doc.spec.owner}\` is not a member of ${env.doc.metadata.lab}`,
            `members: ${[...members].join(", ")}`,
          ),
        );
      }
      const funding = env.doc.metadata.funding;
      const sources = (lab.doc.spec.funding ?? []).map((f) => f.id);
      if (funding && !sources.includes(funding)) {
        out.push(
          finding(
            env,
            ["metadata", "funding"],
            "environment-funding",
            `funding source \`${funding}\` is not listed in ${env.doc.metadata.lab}'s lab.yaml`,
            sources.length
              ? `known sources: ${sources.join(", ")}`
              : "add it to spec.funding in lab.yaml",
          ),
        );
      }
    }
    return out;
  },
};
