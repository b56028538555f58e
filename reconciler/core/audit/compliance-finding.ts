/** Something an auditor must look at: a change that skipped review, or a merge that lacked an approval. */
export type FindingCode =
  "direct-push" | "missing-approval" | "approval-unverifiable" | "pull-request-unknown";

export interface ComplianceFinding {
  code: FindingCode;
  commit: string;
  date: string;
  author: string;
  pullRequest?: number;
  /** The environments the commit touched (`lab/env`). */
  environments: string[];
  message: string;
}
