import { envKey, type Loaded, type Repository } from "../model/documents.js";
import { changingActions, type Action, type Plan } from "../model/plan.js";
import { changedSubject, type ChangedSubject } from "./changed-subject.js";
import { isMember, labApprovers, labPi, loginList, memberAs } from "./lab-roles.js";
import type { ApprovalRequirement } from "./requirement.js";

type Lab = Loaded<"Lab">;

/**
 * Who must approve a pull request. Every rule reads the BASE repository's
 * lab.yaml (a pull request cannot name its own approvers):
 *
 * - a share needs an approver of the lending lab and one of the receiving
 *   lab (revoking a share needs only the lending lab); a share that says
 *   `allowRestricted` also needs the lending lab's PI;
 * - a succession needs the lab's PI, and the researcher handing over while
 *   they are still a member on the base branch;
 * - removing an environment, changing its owner, or a plan that replaces an
 *   access point, deletes anything or restores over a home's files
 *   (`restoreFrom.overwrite`), needs a lab approver — an overwrite is gated
 *   exactly as a delete;
 * - other environment changes need the owner or a lab approver (only an
 *   approver when the lab says `approvals.environmentChanges: approver`, or
 *   when the environment is new and has no owner on the base branch yet);
 * - a change to lab.yaml needs the lab's PI; other files in the lab's
 *   directory need a lab approver;
 * - a new lab (no lab.yaml on the base branch) needs a repository admin:
 *   none of its members can vouch for it yet, and an approver of another
 *   lab is not enough.
 *
 * Domain packs, labenv.yaml and schemas are reviewed through CODEOWNERS
 * (see `outsideLabs`), not by these rules.
 */
export function requiredApprovals(
  changedFiles: readonly string[],
  base: Repository,
  head: Repository,
  plan: Plan,
): ApprovalRequirement[] {
  const out = new Map<string, ApprovalRequirement>();
  const add = (r: ApprovalRequirement) => void (out.has(r.id) || out.set(r.id, r));
  const envFiles = new Map<string, string[]>();
  const touchedLabs = new Set<string>();
  for (const s of changedFiles.map(changedSubject)) {
    if (s.kind === "outside-labs") continue;
    touchedLabs.add(s.lab);
    const lab = base.labs.get(s.lab);
    if (s.kind === "share") shareRequirements(s, lab, base, head).forEach(add);
    if (!lab) {
      add(newLab(s.lab));
      continue;
    }
    if (s.kind === "lab") add(labChange(lab, s.path, head));
    else if (s.kind === "lab-file") add(labFile(lab, s.path));
    else if (s.kind === "succession") successionRequirements(s, lab, base, head).forEach(add);
    else if (s.kind === "environment")
      envFiles.set(envKey(s.lab, s.env), [...(envFiles.get(envKey(s.lab, s.env)) ?? []), s.path]);
  }
  const storage = storageActions(plan, touchedLabs, head);
  for (const [key, actions] of storage) {
    const lab = base.labs.get(key.split("/")[0]!);
    if (lab) add(storageChange(lab, key, actions));
  }
  // A restore over a home's files replaces what a researcher stored: the approvals of a delete.
  const overwritten = new Set<string>();
  for (const w of plan.overwrites ?? []) {
    const lab = base.labs.get(w.environment.split("/")[0]!);
    if (!lab || !touchedLabs.has(lab.doc.metadata.name)) continue;
    overwritten.add(w.environment);
    add(homeOverwrite(lab, w.environment, w.reason));
  }
  for (const [key, files] of envFiles) {
    const lab = base.labs.get(key.split("/")[0]!)!;
    const removed = base.files.has(envPath(key)) && !head.files.has(envPath(key));
    if (removed) add(environmentDelete(lab, key));
    else if (!storage.has(key) && !overwritten.has(key))
      add(
        environmentChange(lab, key, files, base.environments.get(key), head.environments.get(key)),
      );
  }
  return [...out.values()];
}

/** Changed paths no lab rule covers: they are reviewed through CODEOWNERS (pack maintainers, repository admins). */
export function outsideLabs(changedFiles: readonly string[]): string[] {
  return changedFiles.filter((p) => changedSubject(p).kind === "outside-labs");
}

function brokenInHead(key: string, head: Repository): boolean {
  if (!key.includes("/")) return false;
  const lock = `environments/${key}/environment.lock.yaml`;
  return (
    (head.files.has(envPath(key)) && !head.environments.has(key)) ||
    (head.files.has(lock) && !head.locks.has(key))
  );
}

function envPath(key: string): string {
  return `environments/${key}/environment.yaml`;
}

/**
 * Replacements of access points and deletions in the plan, by environment
 * (`lab/env`, or the lab for lab-wide storage). An environment whose
 * environment.yaml or lock is in the head commit but does not load is left
 * out of the plan and looks removed; that is a validation failure, not a
 * deletion, and is not counted here.
 */
function storageActions(
  plan: Plan,
  labs: ReadonlySet<string>,
  head: Repository,
): Map<string, Action[]> {
  const out = new Map<string, Action[]>();
  for (const a of changingActions(plan)) {
    if (!(a.outcome === "delete" || (a.outcome === "replace" && a.kind === "access-point")))
      continue;
    if (!labs.has(a.environment.split("/")[0]!) || brokenInHead(a.environment, head)) continue;
    out.set(a.environment, [...(out.get(a.environment) ?? []), a]);
  }
  return out;
}

function newLab(lab: string): ApprovalRequirement {
  return {
    id: `new-lab:${lab}`,
    kind: "new-lab",
    subject: `new lab ${lab}`,
    needs: "a repository admin",
    anyOf: [],
    repositoryAdmin: true,
    why: `${lab} has no lab.yaml on the base branch, so none of its members can approve yet; an approver of another lab is not enough (CODEOWNERS: the catch-all owners of environments/)`,
  };
}

function labChange(lab: Lab, path: string, head: Repository): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  const removed = !head.files.has(path);
  return {
    id: `lab-change:${name}`,
    kind: "lab-change",
    subject: `lab ${name}`,
    needs: `the PI of ${name}`,
    anyOf: labPi(lab),
    why: removed
      ? `${path} is removed`
      : `${path} changes who belongs to, approves or pays for ${name}; approvals keep following the base branch's copy until it merges`,
  };
}

function labFile(lab: Lab, path: string): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  return {
    id: `lab-file:${path}`,
    kind: "environment-change",
    subject: path,
    needs: `an approver of ${name}`,
    anyOf: labApprovers(lab),
    why: `${path} is in ${name}'s directory`,
  };
}

function environmentDelete(lab: Lab, key: string): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  return {
    id: `environment-delete:${key}`,
    kind: "environment-delete",
    subject: `environment ${key}`,
    needs: `an approver of ${name}`,
    anyOf: labApprovers(lab),
    why: `${key} is removed (its service stops; its EFS home and snapshots are kept)`,
  };
}

function homeOverwrite(lab: Lab, key: string, reason: string): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  return {
    id: `home-overwrite:${key}`,
    kind: "storage-change",
    subject: `environment ${key}`,
    needs: `an approver of ${name}`,
    anyOf: labApprovers(lab),
    why: `the plan would ${reason}`,
  };
}

function storageChange(lab: Lab, key: string, actions: readonly Action[]): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  return {
    id: `storage-change:${key}`,
    kind: "storage-change",
    subject: key.includes("/") ? `environment ${key}` : `lab ${key} storage`,
    needs: `an approver of ${name}`,
    anyOf: labApprovers(lab),
    why: `the plan ${actions.map((a) => `${a.outcome}s ${a.kind} ${a.key}`).join("; ")}`,
  };
}

function environmentChange(
  lab: Lab,
  key: string,
  files: readonly string[],
  before: Loaded<"Environment"> | undefined,
  after: Loaded<"Environment"> | undefined,
): ApprovalRequirement {
  const name = lab.doc.metadata.name;
  const approverOnly = lab.doc.spec.approvals?.environmentChanges === "approver";
  const owner = before?.doc.spec.owner;
  const next = after?.doc.spec.owner;
  // An owner change hands the environment and its home to someone else: never the owner's call alone.
  const handedOver = owner !== undefined && next !== undefined && next !== owner;
  const changed = files.map((f) => f.split("/").slice(3).join("/")).join(", ");
  if (approverOnly || !owner || handedOver) {
    return {
      id: `environment-change:${key}`,
      kind: "environment-change",
      subject: `environment ${key}`,
      needs: `an approver of ${name}`,
      anyOf: labApprovers(lab),
      why: handedOver
        ? `its owner changes from ${owner} to ${next}: who may open it and its home changes`
        : approverOnly
          ? `${changed} changed; ${name} requires an approver for every environment change (approvals.environmentChanges: approver)`
          : `${key} is new: it has no owner on the base branch yet`,
    };
  }
  return {
    id: `environment-change:${key}`,
    kind: "environment-change",
    subject: `environment ${key}`,
    needs: `its owner (${owner}) or an approver of ${name}`,
    anyOf: [...memberAs(lab, owner, "owner"), ...labApprovers(lab)],
    why: `${changed} changed`,
  };
}

function shareRequirements(
  s: Extract<ChangedSubject, { kind: "share" }>,
  lab: Lab | undefined,
  base: Repository,
  head: Repository,
): ApprovalRequirement[] {
  const key = `${s.lab}/${s.name}`;
  const after = head.shares.get(key)?.doc;
  const before = base.shares.get(key)?.doc;
  const out: ApprovalRequirement[] = [];
  const revoked = !head.files.has(s.path);
  if (lab) {
    const what = after
      ? `${s.lab} lends ${after.spec.environment}${after.spec.snapshot ? ` (snapshot ${after.spec.snapshot})` : ""} to ${after.spec.to.lab} (${after.spec.access})`
      : revoked
        ? `${s.lab} revokes the share`
        : `${s.path} changed`;
    out.push({
      id: `share-lender:${key}`,
      kind: "share-lender",
      subject: `share ${key}`,
      needs: `an approver of ${s.lab}`,
      anyOf: labApprovers(lab),
      why: what,
    });
  }
  if (revoked) return out;
  if (lab && after?.spec.allowRestricted === true)
    out.push({
      id: `share-restricted:${key}`,
      kind: "share-restricted",
      subject: `share ${key}`,
      needs: `the PI of ${s.lab} (${lab.doc.spec.pi})`,
      anyOf: labPi(lab),
      why: `the share says allowRestricted: ${s.lab}/${after.spec.environment} may hold restricted data`,
    });
  const receivers = new Set(
    [after?.spec.to.lab, before?.spec.to.lab].filter((x): x is string => !!x),
  );
  for (const to of receivers) {
    const receiving = base.labs.get(to);
    out.push({
      id: `share-receiver:${key}:${to}`,
      kind: "share-receiver",
      subject: `share ${key}`,
      needs: `an approver of ${to}`,
      anyOf: receiving ? labApprovers(receiving) : [],
      why: receiving
        ? `${to} receives ${s.lab}'s environment${after ? ` ${after.spec.environment} (${after.spec.access})` : ""}`
        : `${to} has no lab.yaml on the base branch: add the lab first`,
    });
  }
  return out;
}

function successionRequirements(
  s: Extract<ChangedSubject, { kind: "succession" }>,
  lab: Lab,
  base: Repository,
  head: Repository,
): ApprovalRequirement[] {
  const key = `${s.lab}/${s.name}`;
  const doc = head.successions.get(key)?.doc ?? base.successions.get(key)?.doc;
  const what = doc
    ? `${doc.spec.from} hands over ${(doc.spec.environments ?? []).join(", ") || "their environments"} to ${doc.spec.to} on ${doc.spec.effective}`
    : `${s.path} changed`;
  const pi = labPi(lab);
  const out: ApprovalRequirement[] = [
    {
      id: `succession-pi:${key}`,
      kind: "succession-pi",
      subject: `succession ${key}`,
      needs: `the PI of ${s.lab} (${lab.doc.spec.pi})`,
      anyOf: pi,
      why: what,
    },
  ];
  if (doc && head.files.has(s.path) && isMember(lab, doc.spec.from)) {
    out.push({
      id: `succession-outgoing:${key}`,
      kind: "succession-outgoing",
      subject: `succession ${key}`,
      needs: `${doc.spec.from}, who hands over`,
      anyOf: memberAs(lab, doc.spec.from, "outgoing-researcher"),
      why: `${doc.spec.from} is still a member of ${s.lab} on the base branch (${loginList(memberAs(lab, doc.spec.from, "outgoing-researcher"))})`,
    });
  }
  return out;
}
