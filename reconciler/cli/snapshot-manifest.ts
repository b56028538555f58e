import { LabenvError } from "../core/errors.js";
import {
  parseManifest,
  snapshotObjects,
  type SnapshotManifest,
} from "../core/snapshots/manifest.js";
import type { ObjectStore } from "../ports/object-store.js";

const PART = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** `lab/env/name` as the CLI takes it; anything else is a usage error saying what is expected. */
export function parseSnapshotRef(id: string): { lab: string; env: string; name: string } {
  const parts = id.split("/");
  if (parts.length !== 3 || !parts.every((p) => PART.test(p)))
    throw new LabenvError(
      "usage",
      `${JSON.stringify(id)} is not a snapshot: expected lab/env/name`,
      {
        hint: "`labenv snapshot list` shows every snapshot by its lab/env/name",
      },
    );
  const [lab, env, name] = parts as [string, string, string];
  return { lab, env, name };
}

/**
 * The manifest of a captured snapshot, for the commands that read one (show, restore): a
 * snapshot never captured is a usage error, an unreadable manifest a state error naming what
 * is wrong with it.
 */
export async function readManifest(objects: ObjectStore, id: string): Promise<SnapshotManifest> {
  parseSnapshotRef(id);
  const bytes = await objects.get(snapshotObjects.manifest(id));
  if (!bytes)
    throw new LabenvError("usage", `${id} has no manifest: it was never captured`, {
      hint: "`labenv snapshot list` shows what was captured, and why a snapshot waits",
    });
  const parsed = parseManifest(bytes);
  if ("problem" in parsed)
    throw new LabenvError("state", `the manifest of ${id} is unreadable: ${parsed.problem}`, {
      hint: "`labenv snapshot verify` reports what is damaged",
    });
  return parsed.manifest;
}
