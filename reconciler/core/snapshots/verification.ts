import type { ObjectStore } from "../../ports/object-store.js";
import type { VerifyReport } from "./verify.js";

/**
 * A verify run, kept: when a snapshot was last proved and what was found. Auditors and the
 * dashboard ask "when was this snapshot last shown to be intact"; a report printed once and
 * lost cannot answer that.
 */
export interface VerificationRecord extends VerifyReport {
  verifiedAt: string;
  /** What ran it: `labenv snapshot verify`, a drill… */
  by: string;
}

/**
 * Where verify records live: beside snapshots, not under `snapshots/` (which holds only what a
 * capture wrote and is never rewritten). Each run is kept by its time; `latest.json` is the
 * newest, for readers that want one object per snapshot.
 */
export const verificationObjects = {
  prefix: "verifications/",
  run: (id: string, at: string) => `verifications/${id}/${at.replaceAll(":", "")}.json`,
  latest: (id: string) => `verifications/${id}/latest.json`,
};

/** Keeps the run and makes it the latest. */
export async function recordVerification(
  objects: ObjectStore,
  report: VerifyReport,
  at: Date,
  by: string,
): Promise<VerificationRecord> {
  const record: VerificationRecord = { ...report, verifiedAt: at.toISOString(), by };
  const body = `${JSON.stringify(record, null, 2)}\n`;
  await objects.put(
    verificationObjects.run(report.id, record.verifiedAt),
    body,
    "application/json",
  );
  await objects.put(verificationObjects.latest(report.id), body, "application/json");
  return record;
}

/**
 * The latest verify record of a snapshot; undefined when it was never verified. A record that
 * is not one (damaged, hand-written) reads as never verified with the reason, never as a pass.
 */
export async function latestVerification(
  objects: ObjectStore,
  id: string,
): Promise<{ record: VerificationRecord } | { problem: string } | undefined> {
  const bytes = await objects.get(verificationObjects.latest(id));
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (e) {
    return { problem: `${verificationObjects.latest(id)} is not JSON (${(e as Error).message})` };
  }
  const r = value as Partial<VerificationRecord> | null;
  if (
    !r ||
    typeof r !== "object" ||
    r.id !== id ||
    typeof r.verifiedAt !== "string" ||
    typeof r.ok !== "boolean" ||
    !Array.isArray(r.findings) ||
    typeof r.checked !== "object" ||
    r.checked === null
  )
    return {
      problem: `${verificationObjects.latest(id)} is not a verify record of ${id} (id, verifiedAt, ok, checked or findings missing)`,
    };
  // A record that says ok while listing findings is not believed.
  if (r.ok && r.findings.length > 0)
    return { problem: `${verificationObjects.latest(id)} says ok but lists findings` };
  return { record: r as VerificationRecord };
}

/** The snapshots (of those `ids` picks) whose latest verify passed. */
export async function passedVerifications(
  objects: ObjectStore,
  pick: (id: string) => boolean,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const key of await objects.list(verificationObjects.prefix)) {
    if (!key.endsWith("/latest.json")) continue;
    const id = key.slice(verificationObjects.prefix.length, -"/latest.json".length);
    if (!pick(id)) continue;
    const v = await latestVerification(objects, id);
    if (v && "record" in v && v.record.ok) out.add(id);
  }
  return out;
}
