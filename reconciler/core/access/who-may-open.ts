import { envKey, type Lab, type Loaded, type Repository } from "../model/documents.js";

/** Who is asking, as the verified identity names them: a member id from some lab.yaml. */
export interface Visitor {
  /** The member id the sign-in maps to (`spec.members[].id`). */
  member: string;
  /** How the visitor signed in, for messages (an e-mail address, a directory name). */
  shownAs?: string;
}

/** Someone who can grant access, named for the 403 page. */
export interface Grantor {
  id: string;
  name: string;
}

export type AccessDecision =
  | {
      allow: true;
      /** The owner gets their own Jupyter session. */
      as: "owner";
      environment: string;
      member: string;
    }
  | {
      allow: true;
      /** A member of a lab the environment is shared with read-only: their own view, not the owner's session. */
      as: "share-recipient";
      environment: string;
      member: string;
      /** `lab/name` of the share that lets them in. */
      share: string;
      readOnly: true;
    }
  | {
      allow: false;
      status: 403 | 404;
      environment: string;
      /** One sentence for the visitor: why not. */
      reason: string;
      /** Who may grant access: the owner and the approvers of the environment's lab. */
      grantors: Grantor[];
      /** What the visitor asks them for. */
      howToGetAccess: string;
    };

/** The parts of the repository the decision reads. */
export type AccessSources = Pick<Repository, "labs" | "environments" | "shares">;

/** A member is a member until the day after `until`. */
export function activeMember<M extends { id: string; until?: string | undefined }>(
  lab: { spec: { members: readonly M[] } },
  id: string,
  today: string,
) {
  const m = lab.spec.members.find((x) => x.id === id);
  if (!m) return { member: undefined, ended: false };
  return m.until !== undefined && m.until < today
    ? { member: undefined, ended: true, until: m.until }
    : { member: m, ended: false };
}

/**
 * The shares that may open the live environment: read-only shares of it (not of one of its
 * snapshots). Read from the Share documents; a share that has not expired on `today` counts.
 */
export function readOnlySharesOf(
  sources: Pick<Repository, "shares">,
  lab: string,
  env: string,
): Loaded<"Share">[] {
  return [...sources.shares.values()]
    .filter(
      (s) =>
        s.doc.metadata.lab === lab &&
        s.doc.spec.environment === env &&
        s.doc.spec.access === "read-only" &&
        s.doc.spec.snapshot === undefined,
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Who may open `lab/env`: its owner (a current member of its lab), and the current members of
 * a lab it is shared with read-only (all of them, or those the share names) until the share
 * expires. Everyone else gets a 403 that names who may grant access; an address that names
 * no environment gets a 404. `today` is the date (YYYY-MM-DD) the request is judged on. Pure.
 */
export function decideAccess(
  sources: AccessSources,
  visitor: Visitor,
  lab: string,
  env: string,
  today: string,
): AccessDecision {
  const key = envKey(lab, env);
  const environment = sources.environments.get(key);
  const labDoc = sources.labs.get(lab);
  if (!environment || !labDoc) {
    return {
      allow: false,
      status: 404,
      environment: key,
      reason: `No labenv environment at this address: ${key} is not in the repository.`,
      grantors: [],
      howToGetAccess: "Check the address; `labenv open <lab/env>` prints it.",
    };
  }
  const owner = environment.doc.spec.owner;
  const grantors = grantorsOf(labDoc.doc, owner);
  const deny = (reason: string, how: string): AccessDecision => ({
    allow: false,
    status: 403,
    environment: key,
    reason,
    grantors,
    howToGetAccess: how,
  });
  const shareHow = `Ask ${list(grantors)} to share ${key} read-only with your lab (a Share in environments/${lab}/shares/, approved by both labs).`;

  if (visitor.member === owner) {
    const own = activeMember(labDoc.doc, owner, today);
    if (own.member) return { allow: true, as: "owner", environment: key, member: owner };
    return deny(
      own.ended
        ? `Your appointment in ${lab} ended on ${own.until}; ${key} is yours but you are no longer a member.`
        : `${key} names you as its owner, but you are not a member of ${lab}.`,
      `Ask an approver of ${lab} (${list(grantors.filter((g) => g.id !== owner))}) to extend your membership in environments/${lab}/lab.yaml, or to hand the environment over (a Succession).`,
    );
  }

  const problems: string[] = [];
  for (const share of readOnlySharesOf(sources, lab, env)) {
    const to = share.doc.spec.to;
    const recipientLab = sources.labs.get(to.lab);
    if (!recipientLab) continue;
    const inLab = activeMember(recipientLab.doc, visitor.member, today);
    if (!inLab.member) {
      if (inLab.ended) problems.push(`your appointment in ${to.lab} ended on ${inLab.until}`);
      continue;
    }
    if (to.members && !to.members.includes(visitor.member)) {
      problems.push(`the share with ${to.lab} names only ${to.members.join(", ")}`);
      continue;
    }
    if (share.doc.spec.expires < today) {
      problems.push(`the share with ${to.lab} expired on ${share.doc.spec.expires}`);
      continue;
    }
    return {
      allow: true,
      as: "share-recipient",
      environment: key,
      member: visitor.member,
      share: `${share.doc.metadata.lab}/${share.doc.metadata.name}`,
      readOnly: true,
    };
  }
  const who = visitor.shownAs ?? visitor.member;
  const ownerName = labDoc.doc.spec.members.find((m) => m.id === owner)?.name ?? owner;
  return deny(
    `${who} may not open ${key}: it is ${ownerName}'s environment${problems.length ? `, and ${problems.join("; ")}` : ", and it is not shared read-only with a lab you belong to"}.`,
    shareHow,
  );
}

/** The owner first, then the lab's approvers (by name), without repeats. */
function grantorsOf(lab: Lab, owner: string): Grantor[] {
  const ids = [owner, ...lab.spec.approvers.filter((a) => a !== owner)];
  return ids.map((id) => ({ id, name: lab.spec.members.find((m) => m.id === id)?.name ?? id }));
}

function list(gs: readonly Grantor[]): string {
  const names = gs.map((g) => `${g.name} (${g.id})`);
  return names.length <= 1
    ? (names[0] ?? "an approver")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
