import { parseDocument } from "yaml";
import { digestOf } from "../lock/canonical.js";
import type { Loaded, Repository } from "../model/documents.js";
import { fingerprintMarker, filesMarker } from "../drift/drift-summary.js";
import { labPi } from "../approvals/lab-roles.js";
import type { DriftPullRequestSpec } from "../../ports/git-host.js";
import { accessUntil, keepAccessDays, successionId } from "./succession-environments.js";
import { handoverMountPath } from "../desire/share-grants.js";
import { envKey } from "../model/documents.js";

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

/** The name of the environment a predecessor with none left gets to read the handed-over homes in. */
export function handoverViewName(from: string): string {
  return `${from.slice(0, 54).replace(/-+$/, "")}-handover`;
}

/**
 * The files of a read-only view environment for the predecessor, when once this hand-over is
 * merged they would own no environment of the lab and keep read access (`keepAccessDays` > 0):
 * `environments/<lab>/<from>-handover/`, a copy of the first environment handed over (the same
 * pack, packages and lock, so their notebooks open with the kernels they ran in) owned by
 * `from`, parked after 30 idle minutes, with the handed-over homes mounted read-only at
 * `/handover/<lab>/<env>` until the last day. Its lock is the handed-over environment's, renamed
 * (the lock's input digest covers the pack and packages only), as `labenv restore --as`
 * writes one. None when the name is taken or there is no lock to copy. Pure.
 */
export function handoverViewFiles(
  repo: Repository,
  s: Loaded<"Succession">,
  environments: readonly string[],
): { path: string; content: string }[] {
  const { from } = s.doc.spec;
  const lab = s.doc.metadata.lab;
  if (keepAccessDays(s) === 0) return [];
  const keeps = [...repo.environments.values()].some(
    (e) =>
      e.doc.metadata.lab === lab &&
      e.doc.spec.owner === from &&
      !environments.includes(envKey(lab, e.doc.metadata.name)),
  );
  const template = environments[0] ? repo.environments.get(environments[0]) : undefined;
  const lock = environments[0] ? repo.locks.get(environments[0]) : undefined;
  const name = handoverViewName(from);
  if (keeps || !template || !lock || repo.environments.has(envKey(lab, name))) return [];
  const paths = environments.map((e) => handoverMountPath(lab, e.split("/")[1]!));
  const env = parseDocument(template.text);
  env.setIn(["metadata", "name"], name);
  env.setIn(["spec", "owner"], from);
  env.setIn(
    ["spec", "description"],
    `Read-only view for ${from} after the hand-over ${successionId(s)}: ${paths.join(", ")} until ${accessUntil(s)}.`,
  );
  env.setIn(["spec", "state"], "running");
  env.setIn(["spec", "resources", "cpu"], 512);
  env.setIn(["spec", "resources", "memory"], 1024);
  env.setIn(["spec", "schedule"], env.createNode({ idleShutdownMinutes: 30, hoursPerWeek: 2 }));
  for (const drop of ["restoreFrom", "snapshots"]) env.deleteIn(["spec", drop]);
  const lockDoc = parseDocument(lock.text);
  lockDoc.setIn(["metadata", "name"], name);
  const dir = `environments/${lab}/${name}`;
  const yaml = { lineWidth: 0, flowCollectionPadding: false };
  return [
    { path: `${dir}/environment.yaml`, content: env.toString(yaml) },
    { path: `${dir}/environment.lock.yaml`, content: lockDoc.toString(yaml) },
  ];
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
  const view = handoverViewFiles(repo, s, environments);
  const files = [
    ...environments.map((key) => {
      const env = repo.environments.get(key)!;
      return { path: env.file, content: withOwner(env.text, to) };
    }),
    ...view,
  ];
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
    ...(view.length > 0
      ? [
          `${from} would own no environment of the lab afterwards, so this also adds \`${view[0]!.path.split("/").slice(0, 3).join("/")}/\`:`,
          `a small copy of ${environments[0]} owned by ${from} (parked when idle) in which the handed-over`,
          `home${environments.length === 1 ? " is" : "s are"} mounted read-only until ${accessUntil(s)}. Delete it on this branch if ${from} needs no read access.`,
          "",
        ]
      : []),
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
