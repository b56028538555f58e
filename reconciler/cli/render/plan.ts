import { formatDelta, formatUsd } from "../../core/cost/estimate.js";
import type { Action, Outcome, Plan } from "../../core/model/plan.js";
import { OUTCOMES } from "../../core/model/plan.js";

const MARK: Record<Outcome, string> = {
  create: "+",
  update: "~",
  replace: "±",
  delete: "-",
  unchanged: "=",
  skipped: "·",
};

/** The plan per environment: what changes and why, with the monthly cost before and after. */
export function renderPlan(plan: Plan, options: { verbose?: boolean } = {}): string {
  const actions = plan.stages.flatMap((s) => s.actions);
  const envs = [
    ...new Set([
      ...actions.map((a) => a.environment),
      ...plan.costs.map((c) => c.environment),
      ...(plan.retries ?? []).map((r) => r.environment),
      ...(plan.restoreSources ?? []).map((r) => r.environment),
    ]),
  ].sort();
  const byEnvironment = new Map<string, Action[]>();
  for (const a of actions) {
    const list = byEnvironment.get(a.environment);
    if (list) list.push(a);
    else byEnvironment.set(a.environment, [a]);
  }
  const costs = new Map(plan.costs.map((c) => [c.environment, c]));
  const lines: string[] = [];
  for (const env of envs) {
    const mine = byEnvironment.get(env) ?? [];
    const cost = costs.get(env);
    const changing = mine.filter(
      (a) =>
        a.outcome !== "unchanged" &&
        (a.outcome !== "skipped" || options.verbose || a.kind === "access-point"),
    );
    const unchanged = mine.length - changing.length;
    const costText = cost
      ? `${formatUsd(cost.beforeUsd)} → ${formatUsd(cost.afterUsd)}/month (${formatDelta(cost.afterUsd - cost.beforeUsd)})`
      : "";
    lines.push(
      `${env.padEnd(44)} ${changing.length === 0 ? "no changes" : ""}${changing.length === 0 && costText ? "  " : ""}${costText}`,
    );
    for (const a of changing) lines.push(`  ${MARK[a.outcome]} ${a.reason}`);
    for (const w of (plan.overwrites ?? []).filter((x) => x.environment === env))
      lines.push(`  ! ${w.reason}`);
    for (const r of (plan.retries ?? []).filter((x) => x.environment === env))
      lines.push(`  ↻ ${r.reason}`);
    for (const r of (plan.restoreSources ?? []).filter((x) => x.environment === env))
      lines.push(`  ← ${r.reason}`);
    if (options.verbose && unchanged > 0)
      for (const a of mine.filter((x) => x.outcome === "unchanged"))
        lines.push(`  = ${a.kind} ${a.key}: ${a.reason}`);
  }
  const totalBefore = plan.costs.reduce((s, c) => s + c.beforeUsd, 0);
  const totalAfter = plan.costs.reduce((s, c) => s + c.afterUsd, 0);
  lines.push("");
  lines.push(
    `Summary: ${OUTCOMES.map((o) => `${plan.summary[o]} ${o === "skipped" || o === "unchanged" ? o : `to ${o}`}`).join(", ")}`,
  );
  lines.push(
    `Monthly cost: ${formatUsd(totalBefore)} → ${formatUsd(totalAfter)} (${formatDelta(totalAfter - totalBefore)})`,
  );
  lines.push(`Plan digest: ${plan.digest}`);
  if (plan.blocked) lines.push(`BLOCKED: ${plan.blocked}`);
  if (plan.overwrites)
    lines.push(
      `DESTRUCTIVE: ${plan.overwrites.length} ${plan.overwrites.length === 1 ? "home is" : "homes are"} restored over (${plan.overwrites.map((w) => w.environment).join(", ")}): the replaced versions are kept in .labenv-replaced/, and it needs the approvals of a delete`,
    );
  if (plan.heldBack) lines.push("", ...renderHeldBack(plan.heldBack));
  return lines.join("\n");
}

/** What the plan holds back and why: each environment with the findings that stop it. */
export function renderHeldBack(held: NonNullable<Plan["heldBack"]>): string[] {
  const lines = [
    `HELD BACK: ${held.length} ${held.length === 1 ? "environment" : "environments"} left exactly as ${held.length === 1 ? "it runs" : "they run"} until these findings are fixed (nothing of ${held.length === 1 ? "it" : "theirs"} is planned):`,
  ];
  for (const h of held) {
    lines.push(
      `  ${h.environment} (${h.kept > 0 ? `${h.kept} resources kept as they are` : "not created"})`,
    );
    for (const r of h.reasons) lines.push(`    ${r}`);
    if (h.findings > h.reasons.length)
      lines.push(`    … and ${h.findings - h.reasons.length} more (labenv validate lists them)`);
  }
  return lines;
}
