import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { previewPlan } from "../../../reconciler/core/plan/preview.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, TODAY } from "../../helpers/example-repo.js";
import { check, run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();
const withCap = (files: RepoFile[], cap: number) =>
  editYaml(files, "labenv.yaml", (d) => d.setIn(["spec", "plan", "maxDeletes"], cap));
/** Removes ml-vision's three environments (two resources each are deleted: service and task definition). */
const withoutMlVision = (files: RepoFile[]) =>
  files.filter((f) => !/^environments\/ml-vision\/[^/]+\//.test(f.path));
const repo = (files: RepoFile[]) => validateFiles(files, check, { today: TODAY }).repository;

describe("plan.maxDeletes counts environments and is read from the base (issue 14, item 21)", () => {
  it("removing three environments is three deletions, not six", async () => {
    const s = sandbox();
    expect((await run(withCap(base, 3), s)).outcome).toBe("applied");
    const r = await run(withCap(withoutMlVision(base), 3), s);
    expect(r.outcome).toBe("applied");
    expect(r.plan!.summary.delete).toBe(6);
  });

  it("more environments than the cap are refused, naming them", async () => {
    const s = sandbox();
    await run(withCap(base, 2), s);
    const r = await run(withCap(withoutMlVision(base), 2), s);
    expect(r).toMatchObject({ outcome: "refused", stage: "plan" });
    expect(r.reason).toContain(
      "deletes 3 environments (ml-vision/segmentation, ml-vision/self-supervised, ml-vision/teaching), more than the cap of 2",
    );
  });

  it("a commit cannot raise its own cap; once the raise is applied on its own, the deletions go ahead", async () => {
    const s = sandbox();
    expect((await run(withCap(base, 1), s)).outcome).toBe("applied");
    const raisedAndDeleting = await run(withCap(withoutMlVision(base), 10), s);
    expect(raisedAndDeleting).toMatchObject({ outcome: "refused", stage: "plan" });
    expect(raisedAndDeleting.reason).toMatch(
      /more than the cap of 1 .*cannot raise its own cap to 10/,
    );
    expect(s.provider.account().services.filter((x) => x.status === "ACTIVE")).toHaveLength(9);
    expect((await run(withCap(base, 10), s)).outcome).toBe("no-changes"); // the raise alone
    expect((await run(withCap(withoutMlVision(base), 10), s)).outcome).toBe("applied");
  });

  it("a pull request's plan uses the base branch's cap", () => {
    const plan = previewPlan(repo(withCap(base, 1)), repo(withCap(withoutMlVision(base), 10)));
    expect(plan.blocked).toMatch(/deletes 3 environments .* more than the cap of 1/);
    const lowered = previewPlan(repo(withCap(base, 10)), repo(withCap(withoutMlVision(base), 2)));
    expect(lowered.blocked).toMatch(/more than the cap of 2/);
  });
});
