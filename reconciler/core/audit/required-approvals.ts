import { stringField } from "./field-diff.js";
import { labRules, type LabMember, type LabRules } from "./lab-rules.js";
import type { TimelineCommit } from "./timeline-commit.js";

/** One approval a pull request needed, by the rules on main just before it merged. */
export interface ApprovalRequirement {
  /** What needs it, e.g. `share genomics-core/rnaseq-to-ml-vision`. */
  subjects: string[];
  /** Who may give it, in words: `an approver of ml-vision`, `the PI of genomics-core`. */
  who: string;
  /** Members whose approval satisfies it. */
  candidates: LabMember[];
  /** Set when the rules could not be read (the lab had no lab.yaml on main). */
  unknownRules?: string;
}

/**
 * The approvals a merged change needed. Rules come from the commit's parent
 * (main before the merge), never from the change itself: a share needs an
 * approver of both labs, a succession the lab's PI, any other change to an
 * environment (its lock, snapshots) or a lab the environment's owner or a lab
 * approver, or only an approver when the lab says
 * `approvals.environmentChanges: approver`. Domain packs and files that are
 * not lab documents have no rule.
 */
export function requiredApprovals(commit: TimelineCommit): ApprovalRequirement[] {
  const byWho = new Map<string, ApprovalRequirement>();
  const rules = (lab: string) => labRules(lab, commit.base.labs[lab]);
  const need = (subject: string, lab: string, who: (r: LabRules) => { who: string; candidates: LabMember[] }) => {
    const r = rules(lab);
    const req = r ? who(r) : { who: `an approver of ${lab}`, candidates: [], unknownRules: `${lab} had no readable lab.yaml on main before this merge` };
    const key = `${req.who}|${req.candidates.map((c) => c.id).join(",")}`;
    const existing = byWho.get(key);
    if (existing) {
      if (!existing.subjects.includes(subject)) existing.subjects.push(subject);
    } else byWho.set(key, { subjects: [subject], ...req });
  };
  const approverOf = (r: LabRules) => ({ who: `an approver of ${r.lab}`, candidates: r.approvers });
  for (const c of commit.changes) {
    if (!c.lab) continue;
    switch (c.kind) {
      case "Share": {
        const subject = `share ${c.lab}/${c.name}`;
        need(subject, c.lab, approverOf);
        if (c.share?.to && c.share.to !== c.lab) need(subject, c.share.to, approverOf);
        break;
      }
      case "Succession":
        need(`succession ${c.lab}/${c.name}`, c.lab, (r) => ({ who: `the PI of ${r.lab}`, candidates: r.pi ? [r.pi] : [] }));
        break;
      case "Environment":
      case "EnvironmentLock":
      case "Snapshot": {
        const env = c.environment!;
        const before = c.oldPath ? c.oldPath.split("/").slice(1, 3).join("/") : env;
        const owner = stringField(commit.base.environments[before] ?? commit.base.environments[env], "spec", "owner");
        need(`environment ${env}`, c.lab, (r) =>
          r.environmentChanges === "approver" || !owner
            ? approverOf(r)
            : { who: `the owner (${owner}) or an approver of ${r.lab}`, candidates: dedupe([r.member(owner), ...r.approvers]) },
        );
        break;
      }
      case "Lab":
        if (commit.base.labs[c.lab] !== undefined) need(`lab ${c.lab}`, c.lab, approverOf);
        break;
      default:
        break;
    }
  }
  return implied([...byWho.values()]);
}

/**
 * Drops a requirement that any approval satisfying another one also
 * satisfies (an owner-or-approver rule next to an approver rule of the same
 * lab), moving its subjects to the stricter one: one finding, not two.
 */
function implied(requirements: ApprovalRequirement[]): ApprovalRequirement[] {
  const ids = (r: ApprovalRequirement) => new Set(r.candidates.map((m) => m.id));
  const kept: ApprovalRequirement[] = [];
  requirements.forEach((r, i) => {
    const mine = ids(r);
    // A smaller set implies this one; of two equal sets the later one goes.
    const stricter = requirements.find((o, j) => j !== i && o.candidates.length > 0 && (o.candidates.length < mine.size || (o.candidates.length === mine.size && j > i)) && o.candidates.every((m) => mine.has(m.id)));
    if (stricter) stricter.subjects.push(...r.subjects.filter((x) => !stricter.subjects.includes(x)));
    else kept.push(r);
  });
  return kept;
}

function dedupe(members: LabMember[]): LabMember[] {
  const seen = new Set<string>();
  return members.filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
}
