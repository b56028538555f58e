import type { Rule } from "../core/validate/rule.js";

/** Rules that need more than the documents (package index, lock checks); none yet for a repository path. */
export function extraRules(_repoDir: string): Rule[] {
  return [];
}
