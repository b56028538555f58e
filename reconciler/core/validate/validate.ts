import type { Diagnostic } from "../model/diagnostic.js";
import { compareDiagnostics } from "../model/diagnostic.js";
import type { Repository } from "../model/documents.js";
import { loadRepository, type RepoFile } from "../load/load-repository.js";
import type { Rule, RuleContext } from "./rule.js";
import { capFindingsPerFile } from "../load/yaml-limits.js";
import type { SchemaCheck } from "./schema-validator.js";
import { domainPackReferences } from "./rules/domain-pack-references.js";
import { fargateResources } from "./rules/fargate-resources.js";
import { labQuotas } from "./rules/lab-quotas.js";
import { environmentReferences, labExists, labMembers } from "./rules/lab-references.js";
import { noSecrets } from "./rules/no-secrets.js";
import { shareExpiry } from "./rules/share-expiry.js";
import { snapshotSchedules } from "./rules/snapshot-schedules.js";
import { snapshotRetention } from "./rules/snapshot-retention.js";
import { shareGrantRules } from "./rules/share-grants.js";
import { shareRenewal } from "./rules/share-renewal.js";
import {
  restoreReferences,
  shareReferences,
  snapshotReferences,
  successionReferences,
} from "./rules/subject-references.js";
import { uniqueIds } from "./rules/unique-ids.js";
import { ecsNames } from "./rules/ecs-names.js";
import { packageRequirements } from "./rules/package-requirements.js";
import { packSources } from "./rules/pack-sources.js";
import { packExamplesRule } from "./rules/pack-examples.js";
import { rPackagesRule } from "./rules/r-packages.js";
import { juliaPackagesRule } from "./rules/julia-packages.js";
import { labPackTrustRule } from "./rules/lab-pack-trust.js";

/** Every cross-document rule, in the order their findings are most useful. */
export const RULES: readonly Rule[] = [
  labExists,
  labMembers,
  uniqueIds,
  ecsNames,
  environmentReferences,
  domainPackReferences,
  packSources,
  packExamplesRule,
  labPackTrustRule,
  fargateResources,
  labQuotas,
  packageRequirements,
  rPackagesRule,
  juliaPackagesRule,
  snapshotReferences,
  restoreReferences,
  snapshotSchedules,
  snapshotRetention,
  shareReferences,
  successionReferences,
  shareExpiry,
  shareGrantRules,
  shareRenewal,
  noSecrets,
];

export interface ValidationResult {
  repository: Repository;
  diagnostics: Diagnostic[];
}

/**
 * Stage one: parse and check each file against its schema (in the loader).
 * Stage two: run every cross-document rule over the documents that passed.
 * Extra rules (lock checks, pack immutability) are passed in by their owners.
 */
export function validateFiles(
  files: readonly RepoFile[],
  check: SchemaCheck,
  ctx: RuleContext,
  extraRules: readonly Rule[] = [],
): ValidationResult {
  const { repository, diagnostics } = loadRepository(files, check);
  return {
    repository,
    // At most MAX_FINDINGS_PER_FILE findings per file: one hostile file cannot flood a report.
    diagnostics: capFindingsPerFile(
      [...diagnostics, ...runRules(repository, ctx, [...RULES, ...extraRules])].sort(
        compareDiagnostics,
      ),
    ),
  };
}

export function runRules(
  repo: Repository,
  ctx: RuleContext,
  rules: readonly Rule[] = RULES,
): Diagnostic[] {
  return rules.flatMap((r) => r.check(repo, ctx));
}
