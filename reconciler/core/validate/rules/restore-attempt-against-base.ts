import type { Diagnostic } from "../../model/diagnostic.js";
import type { Repository } from "../../model/documents.js";
import { restoreAttempt } from "../../snapshots/restore-attempt.js";
import { finding, type Rule } from "../rule.js";

/**
 * A restore's attempts only go up: each is a fresh restore with its own record, so a pull request
 * that lowers `restoreFrom.attempt` of the same snapshot would point back at an attempt already
 * tried (its record, or its failure) and restore nothing. Judged against the base (the App's
 * check, `labenv validate --changed-from`).
 */
export function restoreAttemptAgainstBase(base: Repository): Rule {
  return {
    name: "restore-attempt-against-base",
    description: "A pull request raises restoreFrom.attempt, never lowers it.",
    check(repo) {
      const out: Diagnostic[] = [];
      for (const [key, env] of repo.environments) {
        const from = env.doc.spec.restoreFrom;
        const before = base.environments.get(key);
        if (!from || before?.doc.spec.restoreFrom?.snapshot !== from.snapshot) continue;
        const was = restoreAttempt(before);
        const is = restoreAttempt(env);
        if (is >= was) continue;
        out.push(
          finding(
            env,
            from.attempt === undefined
              ? ["spec", "restoreFrom"]
              : ["spec", "restoreFrom", "attempt"],
            "restore-attempt",
            `${key}'s restoreFrom.attempt goes down from ${was} to ${is}: attempt ${is} was already tried, so nothing would be restored`,
            `keep attempt: ${was}, or raise it to ${was + 1} for a fresh restore`,
          ),
        );
      }
      return out;
    },
  };
}
