import type { Diagnostic } from "../../model/diagnostic.js";
import { finding, type Rule } from "../rule.js";

/** A share's expiry date lies in the future. */
export const shareExpiry: Rule = {
  name: "share-expiry",
  description: "A share expires in the future.",
  check(repo, ctx) {
    const out: Diagnostic[] = [];
    for (const sh of repo.shares.values()) {
      if (sh.doc.spec.expires <= ctx.today) {
        out.push(
          finding(
            sh,
            ["spec", "expires"],
            "share-expiry",
            `share expired on ${sh.doc.spec.expires} (today is ${ctx.today})`,
            "set a future date to renew it, or delete the file to revoke the share",
          ),
        );
      }
    }
    return out;
  },
};
