import { createDocumentReader } from "../../core/audit/document-reader.js";
import type { LogEntry } from "../../core/audit/log-entry.js";
import { buildTimeline, type TimelineWindow } from "../../core/audit/timeline.js";
import type { Timeline } from "../../core/audit/timeline-commit.js";
import { LabenvError } from "../../core/errors.js";
import { openCatFile } from "./cat-file.js";

/** Rounds of "describe, fetch what was missing": changes, then what shares name, then done. */
const MAX_ROUNDS = 5;

/**
 * Log entries → described commits, reading every object the description
 * needs through one `git cat-file --batch` (a few rounds: a share's content
 * says which environment's labels to read next).
 */
export async function readTimeline(dir: string, entries: readonly LogEntry[], window: TimelineWindow = {}): Promise<Timeline> {
  const reader = createDocumentReader();
  const cat = openCatFile(dir);
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const timeline = buildTimeline(entries, reader, window);
      const missing = reader.takeMissing();
      if (missing.length === 0) return timeline;
      const objects = await cat.read(missing);
      reader.add(new Map(missing.map((id) => [id, objects.get(id)?.content.toString("utf8") ?? ""])));
    }
    throw new LabenvError("internal", `reading the audit trail did not settle after ${MAX_ROUNDS} rounds of object reads`);
  } finally {
    await cat.close();
  }
}
