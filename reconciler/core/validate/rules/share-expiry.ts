import type { Diagnostic } from "../../model/diagnostic.js";
import { isExpired } from "../../desire/share-grants.js";
import { finding, type Rule } from "../rule.js";

/**
 * An expired share is a warning, never an error: it is revoked on the next reconcile and
 * nothing else is held back — one lab's forgotten date stops no one.
 */
export const shareExpiry: Rule = {
  name: "share-expiry",
  description: "A share past its last day is reported; the reconciler revokes it.",
  check(repo, ctx) {
    const out: Diagnostic[] = [];
    for (const sh of repo.shares.values()) {
      if (isExpired(sh, ctx.today)) {
        out.push(
          finding(
            sh,
            ["spec", "expires"],
            "share-expiry",
            `share expired on ${sh.doc.spec.expires} (today is ${ctx.today}): the next reconcile revokes it`,
            "set a later date to renew it, or delete the file to end the share",
            { severity: "warning" },
          ),
        );
      }
    }
    return out;
  },
};
