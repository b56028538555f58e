import { blobsToRead, type ChangeDescriptions } from "../../core/audit/change-descriptions.js";
import { createDocumentReader, type DocumentReader } from "../../core/audit/document-reader.js";
import type { LogEntry } from "../../core/audit/log-entry.js";
import { buildTimeline, type TimelineWindow } from "../../core/audit/timeline.js";
import type { Timeline } from "../../core/audit/timeline-commit.js";
import { LabenvError } from "../../core/errors.js";
import { openCatFile, type CatFile } from "./cat-file.js";
import { readFirstParentLog, type LogQuery } from "./git-log.js";

/** Rounds of "describe, fetch what was missing": changes, then what shares name, then done. */
const MAX_ROUNDS = 5;

/**
 * Log entries → described commits, reading every object the description
 * needs through one `git cat-file --batch-command` (a few rounds: a share's
 * content says which environment's labels to read next).
 */
export async function readTimeline(
  dir: string,
  entries: readonly LogEntry[],
  window: TimelineWindow = {},
  descriptions?: ChangeDescriptions,
): Promise<Timeline> {
  const cat = openCatFile(dir);
  try {
    return await settle(entries, createDocumentReader(), cat, window, descriptions);
  } finally {
    await cat.close();
  }
}

/**
 * Streams the log and describes it, reading the changed files' blobs while
 * git is still writing the log (the two git processes and labenv work at
 * once), then settling what the description needs beyond them. Blobs of
 * changes `descriptions` remembers are read only when the timeline needs
 * them for more than words.
 */
export async function readLoggedTimeline(
  dir: string,
  query: LogQuery,
  window: TimelineWindow = {},
  descriptions?: ChangeDescriptions,
): Promise<Timeline> {
  const reader = createDocumentReader();
  const cat = openCatFile(dir);
  try {
    const fetches: Promise<void>[] = [];
    const inWindow = (e: LogEntry) => {
      const at = Date.parse(e.committerDate);
      return (
        (window.since === undefined || at >= window.since) &&
        (window.until === undefined || at <= window.until)
      );
    };
    const entries = await readFirstParentLog(dir, {
      ...query,
      onEntries: (batch) => {
        const ids = batch
          .filter(inWindow)
          .flatMap((e) => [...e.changes.flatMap((c) => blobsToRead(c, descriptions)), e.parents[1]])
          .filter((id): id is string => id !== undefined);
        if (ids.length > 0) fetches.push(fetchInto(reader, cat, ids));
      },
    });
    await Promise.all(fetches);
    return await settle(entries, reader, cat, window, descriptions);
  } finally {
    await cat.close();
  }
}

async function settle(
  entries: readonly LogEntry[],
  reader: DocumentReader,
  cat: CatFile,
  window: TimelineWindow,
  descriptions: ChangeDescriptions | undefined,
): Promise<Timeline> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const timeline = buildTimeline(entries, reader, window, descriptions);
    const missing = reader.takeMissing();
    if (missing.length === 0) return timeline;
    await fetchInto(reader, cat, missing);
  }
  throw new LabenvError(
    "internal",
    `reading the audit trail did not settle after ${MAX_ROUNDS} rounds of object reads`,
  );
}

async function fetchInto(
  reader: DocumentReader,
  cat: CatFile,
  ids: readonly string[],
): Promise<void> {
  const objects = await cat.read(ids);
  // An object git does not have reads as empty text: described as unreadable, not asked for again.
  reader.add(new Map(ids.map((id) => [id, objects.get(id)?.content.toString("utf8") ?? ""])));
}
