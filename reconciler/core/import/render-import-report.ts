import type { ImportCheck } from "./check-import.js";
import type { ImportPlan } from "./to-environment.js";
import { where } from "./wanted-packages.js";

const LIMIT = 15;

/** The human report of an import: the pack and why, what went where, what was left out and what blocks it. */
export function renderImportReport(plan: ImportPlan, check: ImportCheck, written: boolean): string {
  const out: string[] = [
    `labenv import → ${plan.path}`,
    `Read: ${plan.sources.map((s) => `${s.file} (${s.format})`).join(", ")}`,
  ];
  const choice = plan.choice;
  if (choice) {
    out.push(
      "",
      `Domain pack: ${choice.reference} (${choice.chosen.label}, score ${choice.chosen.score})`,
      ...choice.reasons.map((r) => `  - ${r}`),
    );
    out.push(
      "",
      `Packages: ${plan.requirements.length} in environment.yaml, ${plan.fromPack.length} left to the pack (it pins them at versions the import accepts)`,
    );
    out.push(...capped(plan.requirements.map((r) => `  + ${r}`)));
    if (plan.fromPack.length > 0)
      out.push(
        ...capped(
          plan.fromPack.map((f) => `  = ${f.asked} → ${f.name}==${f.pinned} from the pack`),
        ),
      );
    if (plan.provided.length > 0)
      out.push(
        "",
        `Provided by ${choice.chosen.label} (its image has them; nothing to add):`,
        ...capped(
          plan.provided.map(
            (p) =>
              `  = ${p.text}${p.source ? ` (${where(p.source)})` : ""} → ${p.kind === "r" ? (p.name === "R" ? "" : "R package ") : p.kind === "python" ? "" : "system package "}${p.name} ${p.version}`,
          ),
        ),
      );
    if (plan.honoured.length > 0)
      out.push(
        "",
        "Options honoured:",
        ...capped(plan.honoured.map((h) => `  = ${h.text} (${where(h.source)}): ${h.reason}`)),
      );
    const kernels = plan.environment?.spec.kernels;
    out.push(
      `Kernels: ${kernels ? kernels.join(", ") : `every kernel of ${choice.chosen.label} (${choice.chosen.pack.doc.spec.kernels.map((k) => k.name).join(", ")})`}`,
    );
  }
  if (plan.notImported.length > 0) {
    out.push("", `Not carried over (${plan.notImported.length}):`);
    out.push(
      ...capped(
        plan.notImported.map(
          (n) => `  - ${n.text}${n.source ? ` (${where(n.source)})` : ""}: ${n.reason}`,
        ),
      ),
    );
  }
  const warnings = [
    ...plan.warnings.map((w) => `${w.source ? `${where(w.source)}: ` : ""}${w.message}`),
    ...check.warnings.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`),
  ];
  if (warnings.length > 0) out.push("", "Warnings:", ...capped(warnings.map((w) => `  ⚠ ${w}`)));
  const blocking: string[] = [
    ...plan.problems.map(
      (p) =>
        `  ✖ ${p.source ? `${where(p.source)}${p.source.column ? `:${p.source.column}` : ""}: ` : ""}${p.message}${p.hint ? `\n      ${p.hint}` : ""}`,
    ),
    ...plan.conflicts.map(
      (c) =>
        `  ✖ ${c.asked} (${c.sources.map(where).join(", ")})${c.constraint ? " as a constraint" : ""}: ${choice?.chosen.label} pins ${c.name}==${c.pinned}`,
    ),
    ...lockLines(check.lockErrors, plan.indexName),
    ...check.findings.map(
      (d) =>
        `  ✖ ${d.file}:${d.line}:${d.column} [${d.code}] ${d.message}${d.hint ? `\n      ${d.hint}` : ""}`,
    ),
  ];
  if (blocking.length > 0) {
    out.push("", `Blocking (${blocking.length}):`, ...capped(blocking));
    if (plan.conflicts.length > 0)
      out.push(
        "  hint: choose another pack with --pack, or change the versions in the imported files",
      );
  }
  out.push("");
  const names = check.files.map((f) => f.path).join(" and ");
  if (!check.ok)
    out.push(
      `✖ nothing written: the import is blocked (${blocking.length} finding${blocking.length === 1 ? "" : "s"})`,
    );
  else if (written) out.push(`✓ wrote ${names}`);
  else
    out.push(
      `✓ valid with the repository; run again with --write to write ${names}:`,
      ...check.files.flatMap((f) => ["", `--- ${f.path}`, f.text.trimEnd()]),
    );
  return out.join("\n");
}

/** The report as data, for `--json`. */
export function importReportJson(plan: ImportPlan, check: ImportCheck, written: boolean): unknown {
  const c = plan.choice;
  return {
    ok: check.ok,
    written,
    path: plan.path,
    sources: plan.sources,
    pack: c
      ? {
          reference: c.reference,
          chosen: c.chosen.label,
          score: c.chosen.score,
          overridden: c.overridden,
          reasons: c.reasons,
          ranking: c.ranking.map((s) => ({
            pack: s.label,
            score: s.score,
            python: s.python,
            exact: s.exact,
            within: s.within,
            conflicts: s.conflicts.length,
            kernelsMissing: s.kernelsMissing,
          })),
        }
      : null,
    requirements: plan.requirements,
    fromPack: plan.fromPack,
    provided: plan.provided,
    honoured: plan.honoured,
    kernels: plan.environment?.spec.kernels ?? null,
    notImported: plan.notImported,
    conflicts: plan.conflicts,
    problems: plan.problems,
    warnings: plan.warnings,
    lockErrors: check.lockErrors,
    findings: check.findings,
    validationWarnings: check.warnings,
    files: check.files,
  };
}

/** Lock errors, with every "not in the package index" folded into one line. */
function lockLines(errors: readonly string[], indexName: string): string[] {
  const missing = errors.flatMap(
    (e) => /^(\S+) \(required by .*\) is not in the package index$/.exec(e)?.[1] ?? [],
  );
  const rest = errors
    .filter((e) => !/^(\S+) \(required by .*\) is not in the package index$/.test(e))
    .map((e) => `  ✖ lock: ${e}`);
  if (missing.length === 0) return rest;
  const line = `  ✖ lock: ${missing.length === 1 ? "1 package is" : `${missing.length} packages are`} not in the package index (${indexName}): ${missing.join(", ")}\n      add them to the index, or set packageIndex.kind: pypi in labenv.yaml (docs/import-and-index.md)`;
  return [line, ...rest];
}

function capped(lines: string[]): string[] {
  return lines.length <= LIMIT
    ? lines
    : [...lines.slice(0, LIMIT), `  … and ${lines.length - LIMIT} more (--json lists all)`];
}
