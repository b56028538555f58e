import { TAG } from "../model/tags.js";
import { slotOf } from "./schedule.js";

/**
 * Tags on a volume snapshot or recovery point that stop any deletion by labenv, whatever a plan
 * says: set by hand in AWS (or by an auditor's tooling) to hold a snapshot labenv would prune.
 */
export const HOLD_TAG = {
  /** `true`: never deleted while it stands. */
  legalHold: "labenv:legal-hold",
  /** An ISO date: never deleted on or before it. */
  keepUntil: "labenv:keep-until",
} as const;

/** The tag that says why labenv took a snapshot (`schedule` for a schedule's). */
export const TRIGGER_TAG = "labenv:trigger";

/**
 * Why labenv must not delete this volume snapshot or recovery point, judged from the tags the
 * provider holds on it *now* (read back just before the delete, not taken from the plan), or
 * undefined when it may go. Only a scheduled snapshot labenv took may ever be deleted:
 * - labenv made it: its `labenv:resource` tag names exactly the part the plan prunes;
 * - it is a schedule's: named by its slot (`…/scheduled-YYYYMMDD-HHMM`) and tagged
 *   `labenv:trigger: schedule` (a Snapshot document's, a succession's, a share's or one taken
 *   before a replacement is never pruned, whatever its name);
 * - nothing holds it: no `labenv:legal-hold` other than `false`, no `labenv:keep-until` on or
 *   after today.
 * This is the last check before every prune delete, on AWS and in the sandbox: a hand-edited keep
 * policy, plan or state record can at most ask for a delete this refuses. Pure.
 */
export function pruneRefusal(
  key: string,
  tags: Readonly<Record<string, string>>,
  today: string,
): string | undefined {
  const resource = tags[TAG.resource];
  if (resource === undefined || resource === "")
    return "labenv did not create it (it has no labenv:resource tag)";
  if (resource !== key) return `its labenv:resource tag is ${resource}, not ${key}`;
  const name = key.slice(key.indexOf(":") + 1).split("/")[2] ?? "";
  if (!slotOf(name)) return `${name} is not a scheduled snapshot: only those are ever pruned`;
  const trigger = tags[TRIGGER_TAG];
  if (trigger !== "schedule")
    return `it was not taken by a schedule (labenv:trigger is ${trigger ?? "missing"}): only scheduled snapshots are ever pruned`;
  return holdOf(tags, today);
}

/**
 * Why a hold tag keeps this volume snapshot or recovery point (`labenv:legal-hold` other than
 * exactly `false`, as the IAM policy reads it; a `labenv:keep-until` on or after today, or one
 * that is not a date), or undefined. Pure.
 */
export function holdOf(tags: Readonly<Record<string, string>>, today: string): string | undefined {
  const hold = tags[HOLD_TAG.legalHold];
  if (hold !== undefined && hold !== "false")
    return `it is under legal hold (tag ${HOLD_TAG.legalHold}: ${hold})`;
  const until = tags[HOLD_TAG.keepUntil];
  if (until === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.exec(until.trim())?.[0];
  // A date that cannot be read holds it too: a hold is never read as "no hold".
  if (day === undefined) return `its ${HOLD_TAG.keepUntil} tag (${until}) is not a date`;
  return today.slice(0, 10) <= day
    ? `it is kept until ${day} (tag ${HOLD_TAG.keepUntil})`
    : undefined;
}

/** The hold tags of a record, to carry in what is observed of it (the plan reads them). */
export function holdTagsOf(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.values(HOLD_TAG)
      .filter((k) => tags[k] !== undefined)
      .map((k) => [k, tags[k]!]),
  );
}
