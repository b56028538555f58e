import { stringify } from "yaml";
import { digestOf } from "../lock/canonical.js";
import type { Loaded, Repository, SnapshotRecord } from "../model/documents.js";
import { fingerprintMarker, filesMarker } from "../drift/drift-summary.js";
import { memberAs } from "../approvals/lab-roles.js";
import type { DriftPullRequestSpec } from "../../ports/git-host.js";
import { snapshotObjects, type SnapshotManifest } from "./manifest.js";

/** Where a snapshot's record lives: beside its request, `snapshots/<name>.lock.yaml`. */
export function recordPath(snapshot: Loaded<"Snapshot">): string {
  return snapshot.file.replace(/\.ya?ml$/, ".lock.yaml");
}

/** The branch of a snapshot's record pull request: fixed, so opening it again is safe. */
export function recordBranch(id: string): string {
  return `labenv/snapshot/${id}`;
}

/** What a captured manifest says, as the record committed to git. Pure. */
export function snapshotRecord(manifest: SnapshotManifest, digest: string): SnapshotRecord {
  const [lab, environment, name] = manifest.id.split("/") as [string, string, string];
  return {
    apiVersion: "labenv.westtek.io/v1",
    kind: "SnapshotRecord",
    metadata: { name, lab, environment },
    spec: {
      state: "captured",
      capturedAt: manifest.capturedAt,
      manifest: { key: snapshotObjects.manifest(manifest.id), digest },
      commit: manifest.commit,
      provider: manifest.provider,
      lock: { digest: manifest.lock.digest, domainPack: manifest.lock.domainPack },
      ...(manifest.image ? { image: manifest.image } : {}),
      ...(manifest.volume ? { volumeSnapshotId: manifest.volume.snapshotId } : {}),
      ...(manifest.home
        ? {
            home: {
              recoveryPointArn: manifest.home.recoveryPointArn,
              path: manifest.home.path,
              fileCount: manifest.home.fileCount,
              totalBytes: manifest.home.totalBytes,
            },
          }
        : {}),
    },
  };
}

/** The record's file: a schema line, a note that labenv writes it, then the document. */
export function recordText(record: SnapshotRecord): string {
  return [
    "# yaml-language-server: $schema=../../../../schemas/snapshot-record.schema.json",
    "# Written by labenv after the capture: what was captured, and the manifest that proves it",
    "# (`labenv snapshot verify`). Do not edit.",
    stringify(record, { lineWidth: 0 }),
  ].join("\n");
}

/** Whether git already holds this capture's record (the same manifest). */
export function recordInGit(repo: Repository, id: string, digest: string): boolean {
  return repo.snapshotRecords.get(id)?.doc.spec.manifest.digest === digest;
}

/**
 * The pull request that commits a captured snapshot's record beside its request, asking the
 * requester to review it: the record is reviewed and audited like any other change. Pure.
 */
export function recordPullRequest(
  repo: Repository,
  snapshot: Loaded<"Snapshot">,
  manifest: SnapshotManifest,
  digest: string,
  base: string,
): DriftPullRequestSpec {
  const { lab, environment, name } = snapshot.doc.metadata;
  const id = `${lab}/${environment}/${name}`;
  const files = [
    { path: recordPath(snapshot), content: recordText(snapshotRecord(manifest, digest)) },
  ];
  const filesDigest = digestOf(files).slice(7);
  const fingerprint = digestOf({ record: id, digest }).slice(7, 39);
  const labDoc = repo.labs.get(lab);
  const reviewers = labDoc
    ? memberAs(labDoc, snapshot.doc.spec.requestedBy, "owner").map((a) => a.login)
    : [];
  const home = manifest.home
    ? `${manifest.home.fileCount} files (${manifest.home.totalBytes} bytes) of ${manifest.home.path} in ${manifest.home.recoveryPointArn}`
    : "no home (not included)";
  const title = `Snapshot ${id} captured`;
  const body = [
    `The snapshot \`${snapshot.file}\` asked for (${snapshot.doc.spec.reason}) was captured at ${manifest.capturedAt}.`,
    "",
    `- manifest \`${snapshotObjects.manifest(id)}\` ${digest}`,
    `- lock ${manifest.lock.digest} (${manifest.lock.domainPack}), commit ${manifest.commit.slice(0, 12)}`,
    ...(manifest.image ? [`- image \`${manifest.image}\``] : []),
    ...(manifest.volume ? [`- /opt/jupyter EBS snapshot ${manifest.volume.snapshotId}`] : []),
    `- home: ${home}`,
    "",
    `This commits the record beside the request (\`${files[0]!.path}\`), so git holds what was captured.`,
    `\`labenv snapshot verify ${id}\` proves every object and file against the manifest.`,
    "",
    fingerprintMarker(fingerprint),
    filesMarker(filesDigest),
  ].join("\n");
  return {
    environment: `${lab}/${environment}`,
    branch: recordBranch(id),
    base,
    title,
    body,
    files,
    commitMessage: `${title}\n\nThe record of ${snapshot.file}: manifest ${digest}`,
    labels: ["labenv", "snapshot"],
    reviewers,
    fingerprint,
    filesDigest,
  };
}
