// One `pull_request.synchronize` delivered through the real app against the GitHub API stand-in:
// the review reads base and head, labenv/validate is written, labenv/approvals is judged. Returns
// the labenv/validate check run as the app wrote it.
import { createLabenvApp, type LabenvAppOptions } from "../../../github-app/app.js";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import {
  mockApp,
  mockBranch,
  mockComments,
  mockCreateCheckRun,
  mockCreateComment,
  mockJudgement,
  mockLatestCheckRun,
  mockReviewReads,
  mockToken,
  type Captured,
} from "./github-api.js";
import { pullRequestEvent } from "./payloads.js";
import { testProbot } from "./test-probot.js";

export const HEAD = "1".repeat(40);
export const BASE = "2".repeat(40);

export async function validateCheckOf(pr: {
  base: readonly RepoFile[];
  head: readonly RepoFile[];
  changed: readonly string[];
  author: string;
  now: () => Date;
  /** Whether labenv/approvals judges reviews (not for a change outside the labs' directories). */
  judged?: boolean;
  app?: LabenvAppOptions;
}): Promise<Record<string, any>> {
  const checks: Captured = [];
  mockToken();
  mockApp();
  mockBranch("main", BASE);
  mockReviewReads({ number: 7, head: HEAD, base: BASE }, pr.base, pr.head, pr.changed);
  mockCreateCheckRun(checks);
  mockComments(7, []);
  mockCreateComment(7, []);
  const judgement = mockJudgement({
    number: 7,
    head: HEAD,
    tip: BASE,
    tipKnown: true,
    author: pr.author,
    ...((pr.judged ?? true) ? { reviews: [] } : {}),
  });
  mockLatestCheckRun(HEAD, "labenv/approvals");
  mockCreateCheckRun(checks);
  const probot = await testProbot(createLabenvApp({ now: pr.now, ...pr.app }));
  await probot.receive({
    id: "delivery-1",
    name: "pull_request",
    payload: pullRequestEvent("synchronize", { head: HEAD, base: BASE, author: pr.author }),
  } as never);
  judgement.settle();
  const validate = checks.find((c) => c.name === "labenv/validate");
  if (!validate) throw new Error("no labenv/validate");
  return validate;
}
