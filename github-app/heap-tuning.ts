import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the app's heap grow past what its last full collection
 * kept, in percent. V8's own factor is up to 4× when collections are cheap,
 * and a review allocates far more than it keeps (every document of the labs
 * it reads, parsed with positions): across 20 labs the heap grew to 145 MB
 * for about 40 MB kept between deliveries. The heap has no cap: a review of
 * the whole repository still gets all the memory it needs, collected a
 * little more often (bench/github-app.bench.ts: figures and what else was
 * tried).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The environment of the app's Lambda (infra/lib/github-app.ts), for what
 * can only be set when the process starts: semi-spaces of 8 MB instead of
 * 16, so the young generation holds less garbage (at 4 MB it was collected
 * four times as often for no less memory), and two glibc malloc arenas
 * instead of eight per core (the native buffers of gunzip and of each file
 * read otherwise spread over arenas that are never given back).
 */
export const APP_PROCESS_ENVIRONMENT: Readonly<Record<string, string>> = {
  NODE_OPTIONS: "--max-semi-space-size=8",
  MALLOC_ARENA_MAX: "2",
};

/**
 * Sets that growth for this process (the app's Lambda and server entries).
 * V8 reads the flag at every full collection, so setting it at start-up
 * takes effect although the heap already exists; it changes only when
 * garbage is collected, never what the app does.
 */
export function tuneHeapForReviews(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
