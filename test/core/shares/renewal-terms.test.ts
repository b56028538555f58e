// Issue 16: a share's renewal term and notice period, from its own `spec.renewal`, else
// labenv.yaml `shares`, else 7 and 90 days — and a notice not shorter than the term refused
// with where each number came from.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import {
  renewalDue,
  renewalPullRequest,
  renewalTerms,
} from "../../../reconciler/core/shares/renewal-pull-request.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const SHARE = "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml";
const ID = "genomics-core/rnaseq-to-ml-vision";

/** The example with the rnaseq share ending 2026-11-30, edited by `edit` and labenv.yaml by `config`. */
function files(
  edit: (d: ReturnType<typeof import("yaml").parseDocument>) => void = () => {},
  config: (d: ReturnType<typeof import("yaml").parseDocument>) => void = () => {},
): RepoFile[] {
  const shared = editYaml(exampleFiles(), SHARE, (d) => {
    d.setIn(["spec", "expires"], "2026-11-30");
    edit(d);
  });
  return editYaml(shared, "labenv.yaml", config);
}
const load = (f: RepoFile[]) => loadRepository(f, check).repository;
const findings = (f: RepoFile[]) =>
  validateFiles(f, check, { today: "2026-11-01" }).diagnostics.filter(
    (d) => d.code === "share-renewal" || d.code === "schema",
  );

describe("renewal terms", () => {
  it("default to a week's notice for 90 more days, as before", () => {
    const repo = load(files());
    const share = repo.shares.get(ID)!;
    expect(renewalTerms(repo, share)).toEqual({ noticeDays: 7, termDays: 90 });
    expect(renewalDue(share, "2026-11-22", renewalTerms(repo, share))).toBe(false);
    expect(renewalDue(share, "2026-11-23", renewalTerms(repo, share))).toBe(true);
    expect(renewalPullRequest(repo, share, "main").title).toBe(
      `Renew share ${ID} until 2027-02-28 (it ends 2026-11-30)`,
    );
  });

  it("labenv.yaml `shares` sets them for every share; a share's own `spec.renewal` wins", () => {
    const wide = load(
      files(undefined, (d) =>
        d.setIn(["spec", "shares"], { renewalNoticeDays: 30, renewalTermDays: 365 }),
      ),
    );
    const share = wide.shares.get(ID)!;
    expect(renewalTerms(wide, share)).toEqual({ noticeDays: 30, termDays: 365 });
    expect(renewalDue(share, "2026-10-31", renewalTerms(wide, share))).toBe(true);
    expect(renewalDue(share, "2026-10-30", renewalTerms(wide, share))).toBe(false);

    const own = load(
      files(
        (d) => d.setIn(["spec", "renewal"], { termDays: 180 }),
        (d) => d.setIn(["spec", "shares"], { renewalNoticeDays: 30, renewalTermDays: 365 }),
      ),
    );
    const s = own.shares.get(ID)!;
    expect(renewalTerms(own, s)).toEqual({ noticeDays: 30, termDays: 180 });
    const pr = renewalPullRequest(own, s, "main");
    expect(pr.title).toBe(`Renew share ${ID} until 2027-05-29 (it ends 2026-11-30)`);
    expect(pr.body).toContain("(180 days more)");
    expect(pr.commitMessage).toContain("proposed by labenv 30 days or less before it ends");
    expect(parse(pr.files[0]!.content).spec).toMatchObject({
      expires: "2027-05-29",
      renewal: { termDays: 180 },
    });
    expect(findings(files((d) => d.setIn(["spec", "renewal"], { termDays: 180 })))).toEqual([]);
  });

  it("a notice not shorter than the term is an error at the share's field, naming where each number came from", () => {
    const [d, ...rest] = findings(
      files(
        (d) => d.setIn(["spec", "renewal"], { termDays: 20 }),
        (d) => d.setIn(["spec", "shares"], { renewalNoticeDays: 30 }),
      ),
    );
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      file: SHARE,
      severity: "error",
      code: "share-renewal",
      path: "spec.renewal.termDays",
    });
    expect(d!.line).toBeGreaterThan(0);
    expect(d!.message).toBe(
      "the renewal notice of 30 days (labenv.yaml shares.renewalNoticeDays) is not shorter than the renewal term of 20 days (spec.renewal.termDays): a renewal would be due again the day it merges",
    );
    expect(d!.hint).toMatch(/noticeDays smaller than/);
  });

  it("labenv.yaml defaults that disagree are a warning there, not an error that would stop every lab", () => {
    const [d] = findings(
      files(undefined, (d) => d.setIn(["spec", "shares"], { renewalNoticeDays: 90 })),
    );
    expect(d).toMatchObject({
      file: "labenv.yaml",
      severity: "warning",
      code: "share-renewal",
      path: "spec.shares.renewalNoticeDays",
    });
    expect(d!.message).toMatch(/notice of 90 days is not shorter than the renewal term of 90 days/);
  });

  it("out-of-range or non-integer values are schema errors at their field", () => {
    for (const bad of [{ termDays: 0 }, { noticeDays: 1.5 }, { termDays: 5000 }, { every: 3 }]) {
      const [d] = findings(files((d) => d.setIn(["spec", "renewal"], bad)));
      expect(d).toMatchObject({ file: SHARE, code: "schema" });
      expect(d!.path).toMatch(/^spec\.renewal/);
    }
    const [c] = findings(
      files(undefined, (d) => d.setIn(["spec", "shares"], { renewalTermDays: -1 })),
    );
    expect(c).toMatchObject({
      file: "labenv.yaml",
      code: "schema",
      path: "spec.shares.renewalTermDays",
    });
  });
});
