import { createHash } from "node:crypto";

/**
 * Where a browser reaches an environment: one path per environment under one host,
 * `/<lab>/<env>/`. It is derived from the environment's identity only, so a restart, a
 * restore, a new task or a new image never moves it. Jupyter's `base_url` is this path.
 */
export function environmentPath(lab: string, env: string): string {
  return `/${lab}/${env}/`;
}

/** The full address of an environment under `baseUrl` (`https://jupyter.example.edu`). */
export function environmentAddress(baseUrl: string, lab: string, env: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${environmentPath(lab, env)}`;
}

/**
 * The environment a request path addresses (`/genomics-core/rnaseq/lab/tree` →
 * `genomics-core/rnaseq`), or undefined when the path names none.
 */
export function environmentOfPath(path: string): { lab: string; env: string } | undefined {
  const m =
    /^\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\/|$)/.exec(
      path,
    );
  return m ? { lab: m[1]!, env: m[2]! } : undefined;
}

/**
 * Listener rule priorities for environments. An ALB listener needs every rule's priority
 * unique (1–50,000). Environment rules live in [FIRST, LAST]; priorities below FIRST and
 * above LAST are left for rules infra/ owns (the wake page's fallback rule sits at LAST + 1).
 */
export const RULE_PRIORITIES = { first: 1000, last: 48999 } as const;

function preferredPriority(key: string): number {
  const span = RULE_PRIORITIES.last - RULE_PRIORITIES.first + 1;
  const n = createHash("sha256").update(key).digest().readUInt32BE(0);
  return RULE_PRIORITIES.first + (n % span);
}

/**
 * One priority per environment key: each key's own hash picks its slot, so a key's priority
 * does not depend on which other environments exist, except when two hashes meet. Then the
 * key already holding the slot keeps it (`held`: priorities observed on the listener now) and
 * the other takes the next free one; between two new keys the one that sorts first wins.
 * A priority in `foreign` (a rule labenv does not own) is never given out. Deterministic for
 * the same inputs; never two keys on one priority.
 */
export function rulePriorities(
  envKeys: readonly string[],
  held: ReadonlyMap<string, number> = new Map(),
  foreign: ReadonlySet<number> = new Set(),
): Map<string, number> {
  const span = RULE_PRIORITIES.last - RULE_PRIORITIES.first + 1;
  const wanted = [...new Set(envKeys)].sort();
  const free =
    span -
    [...foreign].filter((p) => p >= RULE_PRIORITIES.first && p <= RULE_PRIORITIES.last).length;
  if (wanted.length > free) throw new RangeError(`more than ${free} environments on one listener`);
  // Rules labenv does not own keep their priorities: no environment takes one.
  const taken = new Map<number, string>([...foreign].map((p) => [p, ""]));
  const out = new Map<string, number>();
  // Keys that hold a valid, unshared priority keep it.
  for (const key of wanted) {
    const p = held.get(key);
    if (p === undefined || p < RULE_PRIORITIES.first || p > RULE_PRIORITIES.last) continue;
    if (taken.has(p)) continue;
    taken.set(p, key);
    out.set(key, p);
  }
  for (const key of wanted) {
    if (out.has(key)) continue;
    let p = preferredPriority(key);
    while (taken.has(p)) p = p === RULE_PRIORITIES.last ? RULE_PRIORITIES.first : p + 1;
    taken.set(p, key);
    out.set(key, p);
  }
  return out;
}

/** The priority an environment's rule prefers, before any collision (for tests and docs). */
export { preferredPriority };
