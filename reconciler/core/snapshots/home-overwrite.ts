import { digestOf } from "../lock/canonical.js";
import type { Repository } from "../model/documents.js";
import type { HomeOverwrite, Plan } from "../model/plan.js";
import type { HomeRestorer } from "../../ports/snapshot-sources.js";

/**
 * The restores that will write over a home (`restoreFrom.overwrite: true`), pure: each
 * environment asking for one whose restore is not done yet (`done`: `lab/env from lab/env/name`),
 * and, with `base` (a pull request's preview), only where the base branch did not already ask
 * for exactly that overwrite — what a pull request newly asks for is what needs approving. With
 * the `restorer` that will do it, the reason says whether it can: one that does not say
 * `overwrites` fails the home restore and changes nothing (a preview, with none, says what an
 * overwrite does).
 */
export function homeOverwrites(
  head: Repository,
  options: {
    base?: Repository;
    done?: ReadonlySet<string>;
    restorer?: Pick<HomeRestorer, "overwrites">;
  } = {},
): HomeOverwrite[] {
  const out: HomeOverwrite[] = [];
  for (const [key, env] of [...head.environments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = env.doc.spec.restoreFrom;
    if (!from?.overwrite) continue;
    if (options.done?.has(restoreDone(key, from.snapshot))) continue;
    const before = options.base?.environments.get(key)?.doc.spec.restoreFrom;
    if (before?.overwrite === true && before.snapshot === from.snapshot) continue;
    const lab = env.doc.metadata.lab;
    out.push({
      environment: key,
      snapshot: from.snapshot,
      reason:
        options.restorer && !options.restorer.overwrites
          ? `overwrite ${key}'s home with snapshot ${from.snapshot} (restoreFrom.overwrite: true) is refused here: this provider's restorer cannot restore over a home's files, so the home restore will fail and change nothing — drop overwrite, or restore into a new environment`
          : `overwrite ${key}'s home with snapshot ${from.snapshot} (restoreFrom.overwrite: true): each file whose content differs from the snapshot's is replaced by the snapshot's version, the current version moved first into .labenv-replaced/<time>/ in the home (kept, never deleted); files the snapshot does not have stay — destructive to the home's current versions, so it needs the approvals of a delete (an approver of ${lab})`,
    });
  }
  return out;
}

/** How a done restore is named in `done`. */
export function restoreDone(environment: string, snapshot: string): string {
  return `${environment} from ${snapshot}`;
}

/** The plan with its overwrites, bound into its digest (a plan without any is unchanged). */
export function withHomeOverwrites(plan: Plan, overwrites: readonly HomeOverwrite[]): Plan {
  if (overwrites.length === 0) return plan;
  return {
    ...plan,
    overwrites: [...overwrites],
    digest: digestOf({ actions: plan.digest, overwrites }),
  };
}
