import { parse } from "yaml";
import { buildLock } from "../lock/build-lock.js";
import type { PackageIndexData } from "../lock/package-index.js";
import { renderLock } from "../lock/render-lock.js";
import type { RepoFile } from "../load/load-repository.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Environment } from "../model/documents.js";
import { packChecksum } from "../packs/checksum.js";
import { lockRules, packsImmutable } from "../validate/rules/lock-rules.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import { validateFiles } from "../validate/validate.js";
import { renderEnvironment } from "./render-environment.js";
import type { ImportPlan } from "./to-environment.js";

export interface ImportCheckInput {
  readonly plan: ImportPlan;
  /** The repository as it is. */
  readonly files: readonly RepoFile[];
  readonly check: SchemaCheck;
  readonly today: string;
  /** What resolving the new environment needs (and what validation judges locks with). */
  readonly index: PackageIndexData;
  /** Why the index could not be read for this environment (e.g. a package the API does not have): the lock is not built. */
  readonly indexError?: string;
}

/** The files an import would add, and whether the repository is still valid with them. */
export interface ImportCheck {
  /** True when nothing blocks: no conflicts or input problems, the lock resolved, no new validation error. */
  readonly ok: boolean;
  /** environment.yaml, and its lock when it resolved. */
  readonly files: readonly { path: string; text: string }[];
  readonly lockErrors: readonly string[];
  /** Validation errors the new files bring (errors already in the repository are not counted). */
  readonly findings: readonly Diagnostic[];
  /** Validation warnings about the new files. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Builds environment.yaml and its lock in memory and runs the full
 * validation (schemas, rules, lock rules) over the repository with both
 * added. Nothing is written here: the caller writes `files` only when `ok`.
 */
export function checkImport(input: ImportCheckInput): ImportCheck {
  const { plan } = input;
  const blocked = plan.conflicts.length > 0 || plan.problems.length > 0;
  if (!plan.environment || !plan.choice)
    return { ok: false, files: [], lockErrors: [], findings: [], warnings: [] };
  const envText = renderEnvironment(plan.environment, plan);
  const environment = parse(envText) as Environment;
  const pack = plan.choice.chosen.pack.doc;
  const built =
    input.indexError !== undefined
      ? { ok: false as const, errors: [input.indexError] }
      : buildLock({ environment, pack, packChecksum: packChecksum(pack), index: input.index });
  const files = [{ path: plan.path, text: envText }];
  if (built.ok)
    files.push({
      path: plan.path.replace(/environment\.yaml$/, "environment.lock.yaml"),
      text: renderLock(built.lock),
    });
  const rules = [lockRules(() => input.index), packsImmutable];
  const ctx = { today: input.today };
  const before = new Set(
    validateFiles(input.files, input.check, ctx, rules)
      .diagnostics.filter((d) => d.severity === "error")
      .map(key),
  );
  const after = validateFiles(
    [...input.files, ...files.map((f) => ({ path: f.path, content: f.text }))],
    input.check,
    ctx,
    rules,
  ).diagnostics;
  const added = new Set(files.map((f) => f.path));
  const findings = after.filter(
    (d) =>
      d.severity === "error" &&
      !before.has(key(d)) &&
      !(built.ok === false && d.code === "lock" && d.file === plan.path),
  );
  const warnings = after.filter((d) => d.severity === "warning" && added.has(d.file));
  const lockErrors = built.ok ? [] : built.errors;
  return {
    ok: !blocked && lockErrors.length === 0 && findings.length === 0,
    files,
    lockErrors,
    findings,
    warnings,
  };
}

function key(d: Diagnostic): string {
  return `${d.file}\u0000${d.code}\u0000${d.message}`;
}
