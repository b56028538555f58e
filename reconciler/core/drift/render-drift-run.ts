import type { DriftRunResult } from "./run-drift.js";
import { summarizeItems } from "./drift-summary.js";

/** The human report of a drift run: one line per environment, the items of drifting ones below it. */
export function renderDriftRun(
  result: DriftRunResult,
  options: { verbose?: boolean } = {},
): string {
  const lines: string[] = [];
  for (const e of result.environments) {
    if (e.skipped) {
      if (options.verbose) lines.push(`- ${e.environment}  skipped: ${e.skipped}`);
      continue;
    }
    const r = e.report!;
    if (r.status === "STABLE" && !options.verbose && e.action?.kind === "none") continue;
    const what = r.status === "STABLE" ? "" : ` ${summarizeItems(r.items)}`;
    const seen = r.observation === "present" ? "" : ` (observation ${r.observation})`;
    lines.push(
      `${r.status === "STABLE" ? "✓" : r.status === "CRITICAL_DRIFT" ? "✖" : "!"} ${e.environment}  ${r.status}${what}${seen}${e.outcome ? ` → ${e.outcome}` : ""}`,
    );
    for (const i of r.items) {
      lines.push(
        `    ${i.item} ${i.name}: ${i.locked ?? "—"} → ${i.observed ?? "—"}  ${i.change}, ${i.severity} (${i.why})`,
      );
    }
  }
  const judged = result.environments.filter((e) => e.report);
  const count = (s: string) => judged.filter((e) => e.report!.status === s).length;
  const skipped = result.environments.length - judged.length;
  lines.push(
    `drift: ${judged.length} environments judged — ${count("STABLE")} stable, ${count("MINOR_DRIFT")} minor, ${count("CRITICAL_DRIFT")} critical${skipped > 0 ? `; ${skipped} skipped${options.verbose ? "" : " (-v says why)"}` : ""}`,
  );
  return lines.join("\n");
}
