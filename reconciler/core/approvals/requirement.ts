/**
 * Who must approve a pull request, and why. Requirements are computed from the
 * files a pull request changes, the base and head repositories and the preview
 * plan; every login in them comes from the BASE branch's lab.yaml, never from
 * the pull request being judged.
 */

/** The role a person holds when their approval satisfies a requirement. */
export type ApproverRole = "approver" | "pi" | "owner" | "outgoing-researcher";

/** A GitHub login that may satisfy a requirement, and what the base lab.yaml says they are. */
export interface Approver {
  /** GitHub login as written in `spec.members[].github`. */
  login: string;
  /** Member id in the lab. */
  member: string;
  lab: string;
  role: ApproverRole;
}

export type RequirementKind =
  | "share-lender" // an approver of the lab that lends an environment
  | "share-receiver" // an approver of the lab that receives it
  | "share-restricted" // the lending lab's PI: a restricted environment is shared (allowRestricted)
  | "succession-pi" // the lab's PI
  | "succession-outgoing" // the researcher handing over, while still a member
  | "environment-delete" // a lab approver
  | "storage-change" // a lab approver: an access point is replaced or something is deleted
  | "environment-change" // the owner or a lab approver (or only an approver)
  | "lab-change" // the lab's PI
  | "new-lab"; // a repository admin (no member of any lab can vouch for a lab that does not exist yet)

export interface ApprovalRequirement {
  /** Stable identity, e.g. `share-receiver:genomics-core/rnaseq-to-ml-vision:ml-vision`. */
  id: string;
  kind: RequirementKind;
  /** What the requirement is about, e.g. `share genomics-core/rnaseq-to-ml-vision`. */
  subject: string;
  /** Who is needed, in words: `an approver of ml-vision`. */
  needs: string;
  /** Why they are needed. */
  why: string;
  /** The logins whose approval satisfies it (from the base branch). Empty when only an admin can. */
  anyOf: Approver[];
  /** A repository admin satisfies it (new labs only). */
  repositoryAdmin?: boolean;
}

/** A pull request review as the git host reports it (GitHub's field names). */
export interface Review {
  id: number;
  user: { login: string } | null;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` or `PENDING`. */
  state: string;
  /** The commit the review was given on. */
  commit_id: string | null;
  submitted_at?: string | null;
}

export interface ApprovalContext {
  /** Login of the pull request's author: their own approval never counts. */
  author: string;
  /** The pull request's head commit: approvals of older commits do not count. */
  headSha: string;
  /** Logins with admin permission on the repository (only needed for new labs). */
  repositoryAdmins?: ReadonlySet<string>;
  /**
   * Who pushed the head commit: their approval never counts (GitHub's
   * "approval of the most recent reviewable push"). `null` when it could not
   * be found out: then no approval counts. Absent: not checked (audit).
   */
  lastPusher?: string | null;
  /** Why the pusher is unknown (shown on each approval that does not count). */
  lastPusherUnknown?: string;
}

export interface CountedApproval {
  requirement: string;
  login: string;
  /** `approver of genomics-core`, `PI of genomics-core`, `repository admin`… */
  as: string;
}

export interface MissingApproval {
  requirement: string;
  /** One line a human reads: what is needed, who can give it and why. */
  why: string;
}

export interface IgnoredReview {
  login: string;
  why: string;
}

export interface ApprovalEvaluation {
  satisfied: boolean;
  missing: MissingApproval[];
  counted: CountedApproval[];
  /** Reviews that do not count, with the reason (author, older commit, not a member with that role…). */
  ignored: IgnoredReview[];
}
