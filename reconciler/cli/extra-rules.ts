import { indexForChecks } from "../adapters/package-index/embedded-index.js";
import type { Rule } from "../core/validate/rule.js";
import { lockRules, packsImmutable } from "../core/validate/rules/lock-rules.js";

/** Rules that need more than the documents: the package index (read from the repository) for lock checks. */
export function extraRules(repoDir: string): Rule[] {
  return [lockRules((repo) => indexForChecks(repoDir, repo)), packsImmutable];
}
