/**
 * What labenv asks a git host about pull requests, for audits: who opened a
 * pull request, who approved which commit of it, when it merged, and which
 * drift pull requests were closed without merging. The GitHub implementation
 * lives in `adapters/github/pull-requests.ts`.
 */
export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface PullRequestReview {
  /** The reviewer's login. */
  user: string;
  state: ReviewState;
  submittedAt: string | null;
  /** The head commit the review was given on. */
  commitId: string | null;
}

export interface PullRequestRecord {
  number: number;
  title: string;
  /** The login that opened the pull request. */
  author: string;
  mergedAt: string | null;
  /** The head commit when it merged (approvals on older commits do not count). */
  headSha: string;
  headRef: string;
  reviews: PullRequestReview[];
}

export interface PullRequestSummary {
  number: number;
  title: string;
  author: string;
  headRef: string;
  state: "open" | "closed";
  createdAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

export interface PullRequests {
  /** One pull request with its reviews; undefined when the host does not know the number. */
  getPullRequest(number: number): Promise<PullRequestRecord | undefined>;
  /** Pull requests whose head branch starts with `headPrefix`, updated at or after `updatedSince` (ISO 8601). */
  listPullRequests(query: {
    headPrefix: string;
    updatedSince?: string;
  }): Promise<PullRequestSummary[]>;
}
