import type { Diagnostic } from "../../model/diagnostic.js";
import { finding, type Rule } from "../rule.js";

/**
 * A Snapshot's `retention.warmAfterDays` may not come after its `archiveAfterDays`: an archived
 * volume snapshot's home is at least in cold storage. A bad one holds back only that snapshot's
 * environment.
 */
export const snapshotRetention: Rule = {
  name: "snapshot-retention",
  description: "A snapshot's warmAfterDays is not later than its archiveAfterDays.",
  check(repo) {
    const out: Diagnostic[] = [];
    for (const s of repo.snapshots.values()) {
      const r = s.doc.spec.retention;
      if (r?.warmAfterDays === undefined || r.archiveAfterDays === undefined) continue;
      if (r.warmAfterDays <= r.archiveAfterDays) continue;
      out.push(
        finding(
          s,
          ["spec", "retention", "warmAfterDays"],
          "snapshot-retention",
          `warmAfterDays (${r.warmAfterDays}) is later than archiveAfterDays (${r.archiveAfterDays}): the volume snapshot would be archived while the home is still in warm storage`,
          `set warmAfterDays to ${r.archiveAfterDays} or less, or archiveAfterDays to ${r.warmAfterDays} or more`,
        ),
      );
    }
    return out;
  },
};
