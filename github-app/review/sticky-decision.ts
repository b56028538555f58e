/**
 * The plan comment is one sticky comment per pull request, found again by a
 * hidden first line that also records which push it shows:
 * `<!-- labenv:plan head=<sha> at=<ISO time of the push event> -->`.
 */
export const PLAN_MARKER_PREFIX = "<!-- labenv:plan";

export interface PlanMarker {
  head: string;
  /** When GitHub recorded the push the comment shows (the pull request's `updated_at` in the event). */
  at: string;
}

export function planMarker(m: PlanMarker): string {
  return `${PLAN_MARKER_PREFIX} head=${m.head} at=${m.at} -->`;
}

export function readPlanMarker(body: string): PlanMarker | undefined {
  const m = /<!-- labenv:plan head=([0-9a-f]{7,64}) at=(\S+) -->/.exec(body);
  return m ? { head: m[1]!, at: m[2]! } : undefined;
}

export type StickyDecision =
  | { action: "create" }
  | { action: "update"; id: number }
  | { action: "keep"; id: number; why: "identical" | "newer-push-shown" };

/**
 * Create when there is no comment; keep it when it already shows a later
 * push of the same pull request (an older run finishing late never
 * overwrites a newer one) or when it says exactly the same; update otherwise.
 */
export function decideStickyComment(
  existing: { id: number; body: string } | undefined,
  next: { body: string; marker: PlanMarker },
): StickyDecision {
  if (!existing) return { action: "create" };
  const shown = readPlanMarker(existing.body);
  if (shown && Date.parse(shown.at) > Date.parse(next.marker.at))
    return { action: "keep", id: existing.id, why: "newer-push-shown" };
  if (withoutMarker(existing.body) === withoutMarker(next.body))
    return { action: "keep", id: existing.id, why: "identical" };
  return { action: "update", id: existing.id };
}

function withoutMarker(body: string): string {
  return body.replace(/<!-- labenv:plan [^>]*-->\n?/, "").trim();
}
