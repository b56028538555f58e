import { createRequire } from "node:module";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import { APP_ID } from "./test-probot.js";

const examples = createRequire(import.meta.url)(
  "@octokit/webhooks-examples",
) as WebhookDefinition[];

export const OWNER = "westtek-research";
export const REPO = "labs";
export const INSTALLATION = 91_001;

type Json = Record<string, any>;

/** A deep copy of GitHub's example payload for an event (and action). */
export function example(name: string, action?: string): Json {
  const def = examples.find((e) => e.name === name);
  const found = def?.examples.find((x) => action === undefined || (x as Json).action === action);
  if (!found) throw new Error(`no example ${name}.${action}`);
  return structuredClone(found);
}

/** Points a payload at the test repository and installation. */
function inRepository(p: Json): Json {
  p.repository.name = REPO;
  p.repository.full_name = `${OWNER}/${REPO}`;
  p.repository.owner.login = OWNER;
  p.repository.default_branch = "main";
  p.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uOTEwMDE=" };
  return p;
}

export interface PullRequestFields {
  number?: number;
  head: string;
  base: string;
  author: string;
  updatedAt?: string;
  headRef?: string;
  body?: string;
  merged?: boolean;
  authorType?: "User" | "Bot";
  headRepo?: string;
  /** The branch the pull request is into (default `main`, the default branch). */
  baseRef?: string;
  maintainerCanModify?: boolean;
}

function pullRequest(pr: Json, f: PullRequestFields): Json {
  pr.number = f.number ?? 7;
  pr.head.sha = f.head;
  pr.head.ref = f.headRef ?? "add-atac";
  pr.head.repo.full_name = f.headRepo ?? `${OWNER}/${REPO}`;
  pr.base.sha = f.base;
  pr.base.ref = f.baseRef ?? "main";
  pr.maintainer_can_modify = f.maintainerCanModify ?? false;
  pr.base.repo.full_name = `${OWNER}/${REPO}`;
  pr.user.login = f.author;
  pr.user.type = f.authorType ?? "User";
  pr.updated_at = f.updatedAt ?? "2026-11-23T10:00:00Z";
  pr.body = f.body ?? "";
  pr.merged = f.merged ?? false;
  return pr;
}

export function pullRequestEvent(
  action: "opened" | "synchronize" | "reopened" | "closed",
  f: PullRequestFields,
): Json {
  const p = inRepository(example("pull_request", action));
  p.number = f.number ?? 7;
  pullRequest(p.pull_request, f);
  return p;
}

/** `pull_request.edited`: with `fromBase`, GitHub's shape for a changed base branch (`changes.base`). */
export function pullRequestEditedEvent(f: PullRequestFields, fromBase?: string): Json {
  // The examples package has no `edited`: GitHub sends the `opened` shape with `changes`.
  const p = inRepository(example("pull_request", "opened"));
  p.action = "edited";
  p.number = f.number ?? 7;
  pullRequest(p.pull_request, f);
  p.changes = fromBase
    ? { base: { ref: { from: fromBase }, sha: { from: "9".repeat(40) } } }
    : { title: { from: "an older title" } };
  return p;
}

export function pullRequestReviewEvent(
  action: "submitted" | "dismissed",
  f: PullRequestFields,
  review: { login: string; state: string; commit: string },
): Json {
  const p = inRepository(example("pull_request_review", action));
  pullRequest(p.pull_request, f);
  p.review.user.login = review.login;
  p.review.state = review.state.toLowerCase();
  p.review.commit_id = review.commit;
  return p;
}

export function pushEvent(f: { ref: string; after: string; deleted?: boolean }): Json {
  const p = inRepository(example("push"));
  p.ref = f.ref;
  p.after = f.after;
  p.deleted = f.deleted ?? false;
  return p;
}

export function checkRunRerequestedEvent(f: {
  name: string;
  head: string;
  base: string;
  number: number;
  /** The app that created the run (default: the test app). */
  appId?: number;
}): Json {
  const p = inRepository(example("check_run", "rerequested"));
  p.check_run.name = f.name;
  p.check_run.app.id = f.appId ?? APP_ID;
  p.check_run.head_sha = f.head;
  p.check_run.pull_requests = [
    {
      number: f.number,
      id: 1,
      url: "",
      head: { ref: "x", sha: f.head, repo: { id: 1, url: "", name: REPO } },
      base: { ref: "main", sha: f.base, repo: { id: 1, url: "", name: REPO } },
    },
  ];
  return p;
}

export function installationEvent(action: "created" | "deleted"): Json {
  const p = example("installation", action);
  p.installation.id = INSTALLATION;
  return p;
}
