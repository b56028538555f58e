import type { Loaded } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { keys } from "../desire/names.js";

/**
 * What a Snapshot document is, now: `captured` (its manifest was written), `capture` (every part
 * it asks for is taken and complete: write the manifest), `requested` (waiting, and why) or
 * `failed` (why). History, `labenv snapshot list` and the record all say one of these, never
 * "captured" for a request.
 */
export type CaptureDecision =
  | { id: string; outcome: "captured"; manifestKey: string }
  | { id: string; outcome: "capture"; volumeSnapshotId?: string; backupId?: string }
  | { id: string; outcome: "requested"; reason: string }
  | { id: string; outcome: "failed"; reason: string };

/** Provider states of an EBS snapshot and an AWS Backup job, as their APIs say them. */
const DONE = new Set(["completed", "COMPLETED"]);
const FAILED = new Set(["error", "ABORTED", "FAILED", "EXPIRED", "PARTIAL"]);

export interface CaptureFacts {
  snapshot: Loaded<"Snapshot">;
  /** Whether its environment is in git, and runs. */
  environment: "running" | "stopped" | "absent";
  /** What the provider holds, by key. */
  observed: ReadonlyMap<string, ObservedResource>;
  /** The manifest's key when one was written already. */
  manifestKey?: string;
}

/** Decides one Snapshot document from the facts. Pure. */
export function decideCapture(f: CaptureFacts): CaptureDecision {
  const { lab, environment, name } = f.snapshot.doc.metadata;
  const id = `${lab}/${environment}/${name}`;
  if (f.manifestKey) return { id, outcome: "captured", manifestKey: f.manifestKey };
  if (f.environment === "absent")
    return {
      id,
      outcome: "failed",
      reason: `the environment ${lab}/${environment} is not in git, so there is nothing to capture`,
    };
  const include = f.snapshot.doc.spec.include ?? {};
  const parts: { what: string; key: string }[] = [];
  if (include.packages !== false)
    parts.push({
      what: "the /opt/jupyter volume snapshot",
      key: keys.snapshot(lab, environment, name),
    });
  if (include.home === true)
    parts.push({ what: "the home's backup", key: keys.backup(lab, environment, name) });
  if (parts.length === 0)
    return { id, outcome: "failed", reason: "it includes neither packages nor home" };
  const ids: { volumeSnapshotId?: string; backupId?: string } = {};
  for (const p of parts) {
    const o = f.observed.get(p.key);
    if (!o) {
      const reason =
        f.environment === "stopped" && p.key.startsWith("ebs-snapshot:")
          ? `${lab}/${environment} is stopped, so there is no volume to snapshot; it is taken when the environment runs again`
          : `${p.what} has not been taken yet (the next reconcile takes it)`;
      return { id, outcome: "requested", reason };
    }
    if (o.status !== undefined && FAILED.has(o.status))
      return { id, outcome: "failed", reason: `${p.what} ${o.id} ended ${o.status}` };
    if (o.status !== undefined && !DONE.has(o.status))
      return { id, outcome: "requested", reason: `waiting for ${p.what} ${o.id} (${o.status})` };
    if (o.kind === "ebs-snapshot") ids.volumeSnapshotId = o.id;
    else ids.backupId = o.id;
  }
  if (f.environment === "stopped")
    return {
      id,
      outcome: "requested",
      reason: `${lab}/${environment} is stopped: its container cannot be observed at the moment of capture; it is captured when the environment runs again`,
    };
  return { id, outcome: "capture", ...ids };
}
