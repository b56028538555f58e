import { classifyPath } from "../load/classify-path.js";
import { blobsToRead, type ChangeDescriptions } from "./change-descriptions.js";
import type { DocumentReader } from "./document-reader.js";
import { stringField } from "./field-diff.js";
import type { LogEntry } from "./log-entry.js";
import { handedOver } from "./handed-over.js";

/**
 * The objects describing one commit will read and the reader does not have
 * yet: both sides of each changed file, the merged branch's tip commit, the
 * lab.yaml and environment.yaml of what it touches (before and after), and,
 * once a share's or succession's own content is known, the labs and
 * environments it names. `tree` is main's tree (path → blob) just before
 * the commit. A change whose description is remembered needs its blobs only
 * when the timeline reads them for more than words (blobsToRead).
 */
export function missingObjects(
  entry: LogEntry,
  tree: ReadonlyMap<string, string>,
  reader: DocumentReader,
  descriptions?: ChangeDescriptions,
): string[] {
  const wanted = new Set<string>();
  const add = (id: string | undefined) =>
    void (id !== undefined && !reader.has(id) && wanted.add(id));
  const after = new Map(entry.changes.map((c) => [c.path, c.newBlob]));
  const state = (path: string) => (after.has(path) ? after.get(path) : tree.get(path));
  const environment = (key: string) => {
    add(tree.get(`environments/${key}/environment.yaml`));
    add(state(`environments/${key}/environment.yaml`));
  };
  const lab = (name: string) => add(tree.get(`environments/${name}/lab.yaml`));
  if (entry.parents.length > 1) add(entry.parents[1]);
  for (const c of entry.changes) {
    for (const id of blobsToRead(c, descriptions)) add(id);
    for (const path of c.oldPath ? [c.path, c.oldPath] : [c.path]) {
      const id = classifyPath(path);
      const owner = id?.expect.lab ?? (id?.kind === "Lab" ? id.expect.name : undefined);
      if (!id || !owner) continue;
      lab(owner);
      if (id.kind === "Environment" || id.kind === "EnvironmentLock")
        environment(`${owner}/${id.expect.name}`);
      if (id.kind === "Snapshot" || id.kind === "SnapshotRecord")
        environment(`${owner}/${id.expect.environment}`);
      if (id.kind !== "Share" && id.kind !== "Succession") continue;
      const blob = c.newBlob ?? c.oldBlob;
      if (blob === undefined || !reader.has(blob)) continue;
      const doc = reader.document(blob);
      if (id.kind === "Share") {
        const to = stringField(doc, "spec", "to", "lab");
        if (to) lab(to);
        const env = stringField(doc, "spec", "environment");
        if (env) environment(`${owner}/${env}`);
      } else {
        for (const key of handedOver(doc, tree, owner)) environment(key);
      }
    }
  }
  return [...wanted];
}
