import type { KeepPolicy } from "./schedule.js";

/** One scheduled snapshot of an environment, with what protects it from pruning (if anything). */
export interface KeepCandidate {
  /** `lab/env/scheduled-…` */
  id: string;
  /** Its slot (ISO time, UTC). */
  slot: string;
  /** Why it may never be pruned: asked for by a document, under legal hold, referenced… */
  protectedBy?: string;
}

export type KeepRule = "daily" | "weekly" | "monthly";
export const KEEP_RULES: readonly KeepRule[] = ["daily", "weekly", "monthly"];

export interface KeepDecision {
  id: string;
  slot: string;
  keep: boolean;
  /** The rules that keep it (newest of its day / week / month among the last n). */
  keptBy: KeepRule[];
  /** Why it is kept or pruned, as the plan says it. */
  reason: string;
}

/** The bucket a slot falls in for a rule: its day, its ISO week (Monday first) or its month, UTC. */
export function bucketOf(rule: KeepRule, slot: string): string {
  if (rule === "daily") return slot.slice(0, 10);
  if (rule === "monthly") return slot.slice(0, 7);
  const d = new Date(`${slot.slice(0, 10)}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of its week names the ISO year
  const year = d.getUTCFullYear();
  // Week 1 is the one whose Thursday falls in January's first seven days.
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 604_800_000) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * Which scheduled snapshots a keep policy keeps, as restic's `--keep-daily/weekly/monthly` do:
 * for each rule, the newest snapshot of each of the newest n days (ISO weeks, months) that have
 * one. The newest snapshot is always kept. A protected snapshot is never pruned, whatever the
 * policy says, and it does not take a rule's place. Without a policy nothing is pruned. Pure;
 * the decisions come newest first.
 */
export function decideKeep(
  candidates: readonly KeepCandidate[],
  policy: KeepPolicy | undefined,
): KeepDecision[] {
  const sorted = [...candidates].sort(
    (a, b) => b.slot.localeCompare(a.slot) || a.id.localeCompare(b.id),
  );
  const keptBy = new Map<string, KeepRule[]>(sorted.map((c) => [c.id, []]));
  for (const rule of KEEP_RULES) {
    const n = policy?.[rule] ?? 0;
    const buckets = new Set<string>();
    for (const c of sorted) {
      if (buckets.size >= n) break;
      const b = bucketOf(rule, c.slot);
      if (buckets.has(b)) continue;
      buckets.add(b);
      keptBy.get(c.id)!.push(rule);
    }
  }
  const rules = policy
    ? KEEP_RULES.filter((r) => policy[r] !== undefined)
        .map((r) => `${r} ${policy[r]}`)
        .join(", ")
    : "";
  return sorted.map((c, i) => {
    const by = keptBy.get(c.id)!;
    const base = { id: c.id, slot: c.slot, keptBy: by };
    if (!policy) return { ...base, keep: true, reason: "kept: the schedule has no keep policy" };
    if (by.length > 0)
      return { ...base, keep: true, reason: `kept: the newest of its ${by.map(unit).join(", ")}` };
    if (c.protectedBy) return { ...base, keep: true, reason: `kept: ${c.protectedBy}` };
    if (i === 0) return { ...base, keep: true, reason: "kept: the newest scheduled snapshot" };
    return {
      ...base,
      keep: false,
      reason: `pruned by keep (${rules || "nothing"}): not the newest of any day, week or month it keeps`,
    };
  });
}

function unit(rule: KeepRule): string {
  return rule === "daily" ? "day" : rule === "weekly" ? "week" : "month";
}
