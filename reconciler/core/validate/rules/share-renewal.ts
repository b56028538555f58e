import type { Diagnostic } from "../../model/diagnostic.js";
import {
  RENEWAL_NOTICE_DAYS,
  RENEWAL_TERM_DAYS,
  renewalTerms,
} from "../../shares/renewal-pull-request.js";
import { finding, type Rule } from "../rule.js";

/**
 * A renewal's notice must be shorter than its term: otherwise a merged renewal is due again the
 * day it merges, and labenv would propose another one at once. A share that sets its own
 * `spec.renewal` is an error at that field (it holds back only what the share lends); labenv.yaml
 * defaults that disagree are a warning there, since an error in labenv.yaml stops every lab.
 */
export const shareRenewal: Rule = {
  name: "share-renewal",
  description: "A share's renewal notice is shorter than its renewal term.",
  check(repo) {
    const out: Diagnostic[] = [];
    const config = repo.config;
    const repoWide = config?.doc.spec.shares;
    if (config && repoWide) {
      const notice = repoWide.renewalNoticeDays ?? RENEWAL_NOTICE_DAYS;
      const term = repoWide.renewalTermDays ?? RENEWAL_TERM_DAYS;
      if (notice >= term)
        out.push(
          finding(
            config,
            [
              "spec",
              "shares",
              repoWide.renewalNoticeDays !== undefined ? "renewalNoticeDays" : "renewalTermDays",
            ],
            "share-renewal",
            `a renewal notice of ${notice} days is not shorter than the renewal term of ${term} days: every renewal would be due again the day it merges`,
            `set shares.renewalNoticeDays below shares.renewalTermDays (the defaults are ${RENEWAL_NOTICE_DAYS} and ${RENEWAL_TERM_DAYS})`,
            { severity: "warning" },
          ),
        );
    }
    for (const sh of repo.shares.values()) {
      const own = sh.doc.spec.renewal;
      if (!own || (own.noticeDays === undefined && own.termDays === undefined)) continue;
      const { noticeDays, termDays } = renewalTerms(repo, sh);
      if (noticeDays < termDays) continue;
      const from = (field: "noticeDays" | "termDays", key: string, fallback: number) =>
        own[field] !== undefined
          ? `spec.renewal.${field}`
          : repoWide?.[key as "renewalNoticeDays"] !== undefined
            ? `labenv.yaml shares.${key}`
            : `the default ${fallback}`;
      out.push(
        finding(
          sh,
          ["spec", "renewal", own.noticeDays !== undefined ? "noticeDays" : "termDays"],
          "share-renewal",
          `the renewal notice of ${noticeDays} days (${from("noticeDays", "renewalNoticeDays", RENEWAL_NOTICE_DAYS)}) is not shorter than the renewal term of ${termDays} days (${from("termDays", "renewalTermDays", RENEWAL_TERM_DAYS)}): a renewal would be due again the day it merges`,
          "make spec.renewal.noticeDays smaller than spec.renewal.termDays",
        ),
      );
    }
    return out;
  },
};
