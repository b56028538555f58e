import { parseDocument } from "yaml";
import { digestOf } from "../lock/canonical.js";
import type { Loaded, Repository } from "../model/documents.js";
import { fingerprintMarker, filesMarker } from "../drift/drift-summary.js";
import { labPi } from "../approvals/lab-roles.js";
import type { DriftPullRequestSpec } from "../../ports/git-host.js";
import { successionId } from "./succession-environments.js";

/** The branch of a succession's ownership pull request: fixed, so opening it again is safe. */
export function successionBranch(s: Loaded<"Succession">): string {
  return `labenv/succession/${s.doc.metadata.lab}/${s.doc.metadata.name}`;
}

/** environment.yaml with `spec.owner` set, keeping comments, order and quoting of the rest. */
export function withOwner(text: string, owner: string): string {
  const doc = parseDocument(text);
  doc.setIn(["spec", "owner"], owner);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The pull request that hands the environments over in git: one commit setting `spec.owner`
 * to the successor in each environment.yaml still owned by the outgoing member, its body
 * linking the hand-over packages. Git stays the source of truth: the reconciler changes who
 * may open each environment only once this is merged. Pure.
 */
export function ownershipPullRequest(
  repo: Repository,
  s: Loaded<"Succession">,
  environments: readonly string[],
  packages: readonly string[],
  base: string,
): DriftPullRequestSpec {
  const { from, to, effective, reason } = s.doc.spec;
  const files = environments.map((key) => {
    const env = repo.environments.get(key)!;
    return { path: env.file, content: withOwner(env.text, to) };
  });
  const filesDigest = digestOf(files).slice(7);
  const fingerprint = digestOf({ succession: successionId(s), environments }).slice(7, 39);
  const lab = repo.labs.get(s.doc.metadata.lab);
  const reviewers = lab ? labPi(lab).map((a) => a.login) : [];
  const title = `Succession ${successionId(s)}: ${from} → ${to} (${environments.length === 1 ? environments[0] : `${environments.length} environments`})`;
  const body = [
    `The succession \`${s.file}\` is due (effective ${effective}): ${reason}`,
    "",
    `This sets \`spec.owner: ${to}\` in ${environments.map((e) => `\`${e}\``).join(", ")}. Every`,
    "environment was snapshotted first; its home stays as it is and the successor reads and writes",
    "every file in it. Once merged, the reconciler lets the successor open each environment.",
    "",
    "Hand-over packages (in the object store, with each snapshot):",
    "",
    ...(packages.length > 0
      ? packages.map((k) => `- \`${k}\``)
      : ["- (none: handoverPackage: false)"]),
    "",
    fingerprintMarker(fingerprint),
    filesMarker(filesDigest),
  ].join("\n");
  return {
    environment: environments[0] ?? successionId(s),
    branch: successionBranch(s),
    base,
    title,
    body,
    files,
    commitMessage: `${title}\n\nSuccession ${s.file}: ${reason}`,
    labels: ["labenv", "succession"],
    reviewers,
    fingerprint,
    filesDigest,
  };
}
