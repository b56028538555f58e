import type { Loaded } from "../model/documents.js";
import type { Approver, ApproverRole } from "./requirement.js";

type Lab = Loaded<"Lab">;

/** The lab's approvers, as GitHub logins mapped by its lab.yaml. */
export function labApprovers(lab: Lab): Approver[] {
  const approvers = new Set(lab.doc.spec.approvers);
  return lab.doc.spec.members
    .filter((m) => approvers.has(m.id))
    .map((m) => approver(lab, m.id, m.github, "approver"));
}

/** The lab's PI, when the PI is a member with a GitHub login. */
export function labPi(lab: Lab): Approver[] {
  return memberAs(lab, lab.doc.spec.pi, "pi");
}

/** A member of the lab in a given role (the owner of an environment, a researcher handing over). */
export function memberAs(lab: Lab, memberId: string, role: ApproverRole): Approver[] {
  const m = lab.doc.spec.members.find((x) => x.id === memberId);
  return m ? [approver(lab, m.id, m.github, role)] : [];
}

export function isMember(lab: Lab, memberId: string): boolean {
  return lab.doc.spec.members.some((m) => m.id === memberId);
}

/** `@a, @b` for a list of approvers, or `nobody` when the list is empty. */
export function loginList(approvers: readonly Approver[]): string {
  const logins = [...new Set(approvers.map((a) => `@${a.login}`))];
  return logins.length > 0 ? logins.join(", ") : "nobody";
}

export function describeRole(a: Approver): string {
  switch (a.role) {
    case "approver":
      return `approver of ${a.lab}`;
    case "pi":
      return `PI of ${a.lab}`;
    case "owner":
      return `owner (${a.member}) in ${a.lab}`;
    case "outgoing-researcher":
      return `outgoing researcher ${a.member} of ${a.lab}`;
  }
}

function approver(lab: Lab, member: string, login: string, role: ApproverRole): Approver {
  return { login, member, lab: lab.doc.metadata.name, role };
}
