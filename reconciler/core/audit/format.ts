/** Small formatting shared by the audit renderers. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

/** `2026-03-02T10:04:00Z` → `2026-03-02 10:04Z`. */
export function shortDate(iso: string): string {
  return iso.length >= 16 && iso[10] === "T" ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : iso;
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** How a commit reached main, in words. */
export function originLabel(
  pullRequest: { number: number; title: string } | undefined,
  via: string,
): string {
  if (pullRequest) return `PR #${pullRequest.number}: ${pullRequest.title}`;
  return via === "branch-merge" ? "merged branch, no pull request" : "direct push";
}

/** Any ISO 8601 instant → UTC to the second (`2026-03-02T10:04:00Z`). */
export function utc(iso: string): string {
  if (iso.length === 25 && iso.endsWith("+00:00")) return `${iso.slice(0, 19)}Z`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().replace(".000Z", "Z");
}
