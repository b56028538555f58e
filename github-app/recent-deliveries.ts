import { BoundedMap } from "./bounded-map.js";

/**
 * Deliveries this app instance has handled or is handling, bounded (oldest
 * forgotten first). GitHub may deliver an event twice; a delivery that failed
 * is forgotten so that GitHub's "Redeliver" (same delivery id) runs it again.
 * One per app instance, never module-level.
 */
export class RecentDeliveries {
  readonly #seen: BoundedMap<string, "running" | "done">;
  constructor(capacity = 1000) {
    this.#seen = new BoundedMap(capacity);
  }

  /** True when the delivery is new and now marked running; false when it runs or ran already. */
  begin(key: string): boolean {
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, "running");
    return true;
  }

  finish(key: string, ok: boolean): void {
    if (ok) this.#seen.set(key, "done");
    else this.#seen.delete(key);
  }
}
