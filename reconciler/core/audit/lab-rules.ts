import { field, isRecord, stringField } from "./field-diff.js";

export interface LabMember {
  id: string;
  github?: string;
}

/** The approval rules a lab.yaml states (read defensively: old files may predate today's schema). */
export interface LabRules {
  lab: string;
  pi?: LabMember;
  approvers: LabMember[];
  environmentChanges: "owner-or-approver" | "approver";
  member(id: string): LabMember;
}

export function labRules(lab: string, doc: unknown): LabRules | undefined {
  if (!isRecord(doc)) return undefined;
  const members = new Map<string, LabMember>();
  const list = field(doc, "spec", "members");
  for (const m of Array.isArray(list) ? list : []) {
    const id = stringField(m, "id");
    const github = stringField(m, "github");
    if (id) members.set(id, { id, ...(github ? { github } : {}) });
  }
  const member = (id: string): LabMember => members.get(id) ?? { id };
  const pi = stringField(doc, "spec", "pi");
  const approvers = field(doc, "spec", "approvers");
  return {
    lab,
    ...(pi ? { pi: member(pi) } : {}),
    approvers: (Array.isArray(approvers) ? approvers : []).filter((a): a is string => typeof a === "string").map(member),
    environmentChanges: stringField(doc, "spec", "approvals", "environmentChanges") === "approver" ? "approver" : "owner-or-approver",
    member,
  };
}
