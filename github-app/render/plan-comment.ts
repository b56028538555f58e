import { formatDelta, formatUsd } from "../../reconciler/core/cost/estimate.js";
import {
  OUTCOMES,
  type Action,
  type Outcome,
  type Plan,
} from "../../reconciler/core/model/plan.js";
import { GITHUB_TEXT_LIMIT, cell, code, plural } from "./text-limits.js";

export interface PlanCommentContext {
  headSha: string;
  /** The hidden first line that finds this comment again (see sticky-comment). */
  marker: string;
  /** Environments in labs the review did not read: unchanged by construction. */
  environmentsNotRead?: number;
  /** Errors `labenv/validate` found: documents that do not load are missing from the plan. */
  headErrors?: number;
}

interface EnvironmentPlan {
  name: string;
  actions: Action[];
  counts: Record<Outcome, number>;
  before: number;
  after: number;
}

/** Room kept below GitHub's limit for the marker line and safety. */
const MARGIN = 512;

/**
 * The sticky plan comment: the summary (outcome counts, monthly cost before
 * → after, plan digest, a note when the plan is blocked), one table row per
 * changing environment, then one section per environment with each changing
 * action's reason. When it would exceed GitHub's 65,536 characters the
 * summary is always kept, sections are dropped from the end and then table
 * rows, and the comment says what was cut.
 */
export function renderPlanComment(
  plan: Plan,
  ctx: PlanCommentContext,
  limit = GITHUB_TEXT_LIMIT,
): string {
  const envs = changingEnvironments(plan);
  const changing = new Set(envs.map((e) => e.name));
  const all = new Set([
    ...plan.stages.flatMap((s) => s.actions.map((a) => a.environment)),
    ...plan.costs.map((c) => c.environment),
  ]);
  const unchanged =
    [...all].filter((e) => e.includes("/") && !changing.has(e)).length +
    (ctx.environmentsNotRead ?? 0);
  const before = plan.costs.reduce((s, c) => s + c.beforeUsd, 0);
  const after = plan.costs.reduce((s, c) => s + c.afterUsd, 0);
  const summary = [
    ctx.marker,
    `## labenv plan for ${code(ctx.headSha.slice(0, 7))}`,
    "",
    envs.length === 0
      ? "**No environment changes.**"
      : `**${plural(envs.length, "environment")} ${envs.length === 1 ? "changes" : "change"}:** ${OUTCOMES.map((o) => `${plan.summary[o]} ${o}`).join(" · ")}`,
    `Monthly cost: ${formatUsd(before)} → ${formatUsd(after)} (${formatDelta(after - before)})`,
    `Plan digest: ${code(plan.digest)} — an apply is bound to this digest.`,
    ...(plan.blocked ? ["", "> [!CAUTION]", `> **This plan is blocked:** ${plan.blocked}`] : []),
    ...(plan.overwrites
      ? [
          "",
          "> [!CAUTION]",
          `> **Destructive: ${plural(plan.overwrites.length, "home")} restored over.** Needs the approvals of a delete.`,
          // Bounded: the summary is always kept whole.
          ...plan.overwrites
            .slice(0, 20)
            .map((w) => `> - ${escapeHtml(w.reason.replace(/\r?\n/g, " "))}`),
          ...(plan.overwrites.length > 20
            ? [`> - … and ${plan.overwrites.length - 20} more (\`labenv plan\` lists them)`]
            : []),
        ]
      : []),
    ...(plan.retries
      ? [
          "",
          "> [!NOTE]",
          `> **${plural(plan.retries.length, "restore")} retried** (\`restoreFrom.attempt\` raised): each a fresh restore; nothing an earlier attempt left is deleted.`,
          // Bounded like the overwrites above.
          ...plan.retries
            .slice(0, 20)
            .map((r) => `> - ${escapeHtml(r.reason.replace(/\r?\n/g, " "))}`),
          ...(plan.retries.length > 20
            ? [`> - … and ${plan.retries.length - 20} more (\`labenv plan\` lists them)`]
            : []),
        ]
      : []),
    ...(plan.restoreSources
      ? [
          "",
          "> [!NOTE]",
          `> **${plural(plan.restoreSources.length, "restore")} from a snapshot**: where each comes from and what it waits for before it starts (a cold tier takes hours, not minutes).`,
          // Bounded like the overwrites above.
          ...plan.restoreSources
            .slice(0, 20)
            .map(
              (r) => `> - ${code(r.environment)}: ${escapeHtml(r.reason.replace(/\r?\n/g, " "))}`,
            ),
          ...(plan.restoreSources.length > 20
            ? [`> - … and ${plan.restoreSources.length - 20} more (\`labenv plan\` lists them)`]
            : []),
        ]
      : []),
    ...(ctx.headErrors
      ? [
          "",
          "> [!WARNING]",
          `> \`labenv/validate\` found ${plural(ctx.headErrors, "error")}: documents that do not load are left out of this plan, so their environments can appear removed. Fix them first.`,
        ]
      : []),
  ].join("\n");
  const footer = `<sub>${unchanged > 0 ? `${plural(unchanged, "other environment")} ${unchanged === 1 ? "is" : "are"} unchanged. ` : ""}Updated on every push; run \`labenv plan\` to see it locally.</sub>`;
  const rows = envs.map(tableRow);
  const sections = envs.map(section);
  const budget = limit - MARGIN;
  const header =
    "| environment | create | update | replace | delete | skipped | monthly cost | delta |\n|---|---:|---:|---:|---:|---:|---|---:|";
  const compose = (shownRows: number, shownSections: number) => {
    const parts = [summary];
    if (envs.length > 0) {
      const cutRows = envs.length - shownRows;
      parts.push(
        [
          header,
          ...rows.slice(0, shownRows),
          ...(cutRows > 0
            ? [`| … and ${plural(cutRows, "more environment")} | | | | | | | |`]
            : []),
        ].join("\n"),
      );
      parts.push(...sections.slice(0, shownSections));
      const cut = envs.slice(shownSections).map((e) => e.name);
      if (cut.length > 0) parts.push(cutNote(cut));
    }
    parts.push(footer);
    return parts.join("\n\n");
  };
  const full = compose(rows.length, sections.length);
  if (full.length <= budget) return full;
  const sectionsShown = largestFitting(
    sections.length,
    (n) => compose(rows.length, n).length <= budget,
  );
  if (sectionsShown !== undefined) return compose(rows.length, sectionsShown);
  const rowsShown = largestFitting(rows.length, (n) => compose(n, 0).length <= budget);
  return rowsShown !== undefined
    ? compose(rowsShown, 0)
    : `${summary}\n\n${cutNote(envs.map((e) => e.name))}`;
}

/** The largest n in [0, max] with fits(n), when fits is monotonic (true up to some n); undefined when even 0 does not fit. */
function largestFitting(max: number, fits: (n: number) => boolean): number | undefined {
  if (!fits(0)) return undefined;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function changingEnvironments(plan: Plan): EnvironmentPlan[] {
  const byEnv = new Map<string, Action[]>();
  for (const a of plan.stages.flatMap((s) => s.actions))
    byEnv.set(a.environment, [...(byEnv.get(a.environment) ?? []), a]);
  const costs = new Map(plan.costs.map((c) => [c.environment, c]));
  const names = new Set([...byEnv.keys(), ...costs.keys()]);
  const out: EnvironmentPlan[] = [];
  for (const name of [...names].sort()) {
    const actions = byEnv.get(name) ?? [];
    const counts = Object.fromEntries(
      OUTCOMES.map((o) => [o, actions.filter((a) => a.outcome === o).length]),
    ) as Record<Outcome, number>;
    const cost = costs.get(name);
    const changes =
      counts.create + counts.update + counts.replace + counts.delete > 0 ||
      (cost && cost.beforeUsd !== cost.afterUsd);
    if (changes)
      out.push({ name, actions, counts, before: cost?.beforeUsd ?? 0, after: cost?.afterUsd ?? 0 });
  }
  return out;
}

function label(name: string): string {
  return name.includes("/") ? name : `${name} (lab storage)`;
}

function tableRow(e: EnvironmentPlan): string {
  const c = e.counts;
  return `| ${cell(label(e.name))} | ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${c.skipped} | ${formatUsd(e.before)} → ${formatUsd(e.after)} | ${formatDelta(e.after - e.before)} |`;
}

function section(e: EnvironmentPlan): string {
  const changing = e.actions.filter((a) => a.outcome !== "unchanged");
  const what =
    OUTCOMES.filter((o) => o !== "unchanged" && e.counts[o] > 0)
      .map((o) => `${e.counts[o]} ${o}`)
      .join(", ") || "cost only";
  const lines = changing.map(
    (a) => `- **${a.outcome}** ${a.kind}: ${a.reason.replace(/\r?\n/g, " ")}`,
  );
  return `<details><summary><b>${escapeHtml(label(e.name))}</b> — ${what}; ${formatUsd(e.before)} → ${formatUsd(e.after)} a month (${formatDelta(e.after - e.before)})</summary>\n\n${lines.join("\n") || "- no resource changes; the cost estimate changes"}\n\n</details>`;
}

function cutNote(names: readonly string[]): string {
  const shown = names.slice(0, 40).map(label).join(", ");
  const more = names.length > 40 ? ` and ${names.length - 40} more` : "";
  return `> [!NOTE]\n> The reasons for ${plural(names.length, "environment")} are not shown here: the comment would exceed GitHub's 65,536 characters. Cut: ${shown}${more}. Run \`labenv plan\` for the full plan; the digest above covers all of it.`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
