import type { Diagnostic } from "../../model/diagnostic.js";
import type { Repository } from "../../model/documents.js";
import { finding, type Rule } from "../rule.js";

/**
 * What a pull request's successions are judged by against its base: a succession it adds or
 * changes may not hand over from or to a researcher only being added to `lab.yaml` in the same
 * pull request (membership is merged and reviewed on its own first), and its `effective` date may
 * not already be past — a new hand-over takes effect today or later. A succession the base
 * already has as it is passes: once merged, a date that has come is simply due. Without a base
 * (plain `labenv validate`) there is nothing to compare with and this rule is not run.
 */
export function successionAgainstBase(base: Repository): Rule {
  return {
    name: "succession-against-base",
    description:
      "A succession added or changed in a pull request names researchers already members on the base, and takes effect today or later.",
    check(repo, ctx) {
      const out: Diagnostic[] = [];
      for (const [id, s] of repo.successions) {
        const before = base.successions.get(id);
        if (before && before.text === s.text) continue;
        const lab = s.doc.metadata.lab;
        const headLab = repo.labs.get(lab);
        const baseMembers = new Set(base.labs.get(lab)?.doc.spec.members.map((m) => m.id) ?? []);
        for (const role of ["from", "to"] as const) {
          const who = s.doc.spec[role];
          // Not a member at head either: succession-members already says so.
          if (!headLab?.doc.spec.members.some((m) => m.id === who) || baseMembers.has(who))
            continue;
          out.push(
            finding(
              s,
              ["spec", role],
              "succession-members",
              `${role === "to" ? "incoming" : "outgoing"} researcher \`${who}\` is added to ${lab}'s lab.yaml in this same pull request`,
              `merge the membership change on its own first (it has its own approvals), then the succession`,
            ),
          );
        }
        const { effective } = s.doc.spec;
        if (effective < ctx.today)
          out.push(
            finding(
              s,
              ["spec", "effective"],
              "succession-effective",
              `effective ${effective} is already past (today is ${ctx.today}): a new or changed succession takes effect today or later`,
              `set effective to ${ctx.today} or a later day`,
            ),
          );
      }
      return out;
    },
  };
}
