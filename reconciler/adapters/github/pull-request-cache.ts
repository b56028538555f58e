import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PullRequestRecord } from "../../ports/pull-requests.js";

const CACHE_VERSION = 1;

/**
 * Closed pull requests on disk under `.labenv/cache/github/<owner>/<repo>/`,
 * so a second audit of the same period makes no requests. Only closed pull
 * requests are cached: an open one can still change.
 */
export interface PullRequestCache {
  read(number: number): PullRequestRecord | undefined;
  write(record: PullRequestRecord): void;
}

export function fileCache(root: string, owner: string, repo: string): PullRequestCache {
  const file = (n: number) => join(root, safe(owner), safe(repo), "pulls", `${n}.json`);
  return {
    read(number) {
      try {
        const data = JSON.parse(readFileSync(file(number), "utf8")) as {
          version?: number;
          record?: PullRequestRecord;
        };
        return data.version === CACHE_VERSION && data.record?.number === number
          ? data.record
          : undefined;
      } catch {
        return undefined;
      }
    },
    write(record) {
      const path = file(record.number);
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ version: CACHE_VERSION, record }, null, 2)}\n`);
      renameSync(tmp, path);
    },
  };
}

export function noCache(): PullRequestCache {
  return { read: () => undefined, write: () => undefined };
}

function safe(segment: string): string {
  return segment.replace(/[^A-Za-z0-9._-]/g, "_");
}
