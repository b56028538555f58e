import { createHash } from "node:crypto";
import type { Repository } from "../../reconciler/core/model/documents.js";
import { BoundedMap } from "../bounded-map.js";
import type { PullRequestReview } from "./review-pull-request.js";
import type { ReviewScope } from "./review-scope.js";

/** A finished review and what it read, small enough to keep. */
export interface RememberedReview {
  review: PullRequestReview;
  filesRead: number;
  environmentsNotRead: number;
}

/**
 * What one app instance remembers between deliveries, bounded: finished
 * reviews (a review event right after a push needs no new reads) and loaded
 * base commits (successive pushes to a pull request share their base). Keys
 * name commits, never branches, so nothing remembered can go stale.
 */
export class ReviewMemory {
  readonly reviews = new BoundedMap<string, RememberedReview>(32);
  readonly bases: BoundedMap<string, Repository>;
  constructor(options: { bases?: number } = {}) {
    this.bases = new BoundedMap(options.bases ?? 1);
  }

  static reviewKey(base: string, head: string, changed: readonly string[], today: string): string {
    return `${base}..${head}@${today}#${createHash("sha256").update(changed.join("\n")).digest("hex")}`;
  }

  static baseKey(sha: string, scope: ReviewScope): string {
    return `${sha}:${scope.kind === "all" ? "*" : [...scope.labs].sort().join(",")}`;
  }
}
