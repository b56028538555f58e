import { parseDocument } from "yaml";
import { digestOf } from "../lock/canonical.js";
import type { Loaded, Repository } from "../model/documents.js";
import { fingerprintMarker, filesMarker } from "../drift/drift-summary.js";
import { labApprovers } from "../approvals/lab-roles.js";
import type { DriftPullRequestSpec } from "../../ports/git-host.js";
import { isExpired } from "../desire/share-grants.js";

/** How many days before its last day a share gets a renewal pull request, unless configured. */
export const RENEWAL_NOTICE_DAYS = 7;
/** How much longer the renewal pull request proposes (its reviewers may change the date), unless configured. */
export const RENEWAL_TERM_DAYS = 90;

/** When a share's renewal is proposed and for how long. */
export interface RenewalTerms {
  noticeDays: number;
  termDays: number;
}

/**
 * A share's renewal terms: its own `spec.renewal`, else labenv.yaml `shares`, else a week's
 * notice for 90 more days. Pure.
 */
export function renewalTerms(
  repo: Pick<Repository, "config">,
  share: Loaded<"Share">,
): RenewalTerms {
  const own = share.doc.spec.renewal;
  const repoWide = repo.config?.doc.spec.shares;
  return {
    noticeDays: own?.noticeDays ?? repoWide?.renewalNoticeDays ?? RENEWAL_NOTICE_DAYS,
    termDays: own?.termDays ?? repoWide?.renewalTermDays ?? RENEWAL_TERM_DAYS,
  };
}

const DAY_MS = 86_400_000;

/** `date` plus `days` (YYYY-MM-DD, UTC). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `today` to the share's last day (0 on the last day itself). */
export function daysLeft(share: Loaded<"Share">, today: string): number {
  return Math.round(
    (Date.parse(`${share.doc.spec.expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
}

/** A share not yet expired whose last day is at most its notice period away (a week unless configured). */
export function renewalDue(
  share: Loaded<"Share">,
  today: string,
  terms: Pick<RenewalTerms, "noticeDays"> = { noticeDays: RENEWAL_NOTICE_DAYS },
): boolean {
  return !isExpired(share, today) && daysLeft(share, today) <= terms.noticeDays;
}

/** The fixed branch of a share's renewal pull request, so proposing it again updates it. */
export function renewalBranch(share: Loaded<"Share">): string {
  return `labenv/share-renewal/${share.doc.metadata.lab}/${share.doc.metadata.name}`;
}

/** The share file with `spec.expires` set, keeping comments, order and quoting of the rest. */
export function withExpires(text: string, expires: string): string {
  const doc = parseDocument(text);
  doc.setIn(["spec", "expires"], expires);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The pull request that proposes renewing a share about to end: one commit moving `expires`
 * its term (`renewalTerms`) later, asking the lending lab's approvers to review. Merging renews it;
 * closing it lets the share end on its day (labenv does not propose the same renewal again);
 * deleting the share file ends it at once. Its fingerprint is the share and its current last
 * day, so a renewal merged and later due again is a new proposal. Nothing in it depends on
 * the day it is proposed, so later runs find it up to date and write nothing. Pure.
 */
export function renewalPullRequest(
  repo: Repository,
  share: Loaded<"Share">,
  base: string,
): DriftPullRequestSpec {
  const { lab, name } = share.doc.metadata;
  const { environment, to, expires, access, purpose } = share.doc.spec;
  const id = `${lab}/${name}`;
  const { noticeDays, termDays } = renewalTerms(repo, share);
  const proposed = addDays(expires, termDays);
  const files = [{ path: share.file, content: withExpires(share.text, proposed) }];
  const filesDigest = digestOf(files).slice(7);
  const fingerprint = digestOf({ renewal: id, expires }).slice(7, 39);
  const lending = repo.labs.get(lab);
  const title = `Renew share ${id} until ${proposed} (it ends ${expires})`;
  const body = [
    `The share \`${share.file}\` lends \`${lab}/${environment}\` (${access}) to **${to.lab}**${to.members ? ` (${to.members.join(", ")})` : ""} until **${expires}**. From ${addDays(expires, 1)} the next reconcile revokes it.`,
    "",
    `Purpose: ${purpose}`,
    "",
    `This proposes renewing it until **${proposed}** (${termDays} days more); change the date on this branch if the collaboration needs another term. It needs the approvals of a share change (an approver of each lab).`,
    "",
    "- **Renew**: merge this pull request.",
    "- **Let it end**: close this pull request; labenv does not propose this renewal again, and the share is revoked the day after it ends.",
    "- **End it now**: delete the share file in a pull request of its own.",
    "",
    fingerprintMarker(fingerprint),
    filesMarker(filesDigest),
  ].join("\n");
  return {
    environment: `${lab}/${environment}`,
    branch: renewalBranch(share),
    base,
    title,
    body,
    files,
    commitMessage: `${title}\n\nShare ${share.file}: proposed by labenv ${noticeDays} days or less before it ends.`,
    labels: ["labenv", "share-renewal"],
    reviewers: lending ? [...new Set(labApprovers(lending).map((a) => a.login))] : [],
    fingerprint,
    filesDigest,
  };
}
