import { describe, expect, it } from "vitest";
import {
  commitOrigin,
  driftTarget,
  revertedCommit,
} from "../../../reconciler/core/audit/commit-origin.js";

describe("how a commit reached main", () => {
  it("reads GitHub's merge commits: number, branch, and the title from the body", () => {
    expect(
      commitOrigin(
        "Merge pull request #12 from westtek/rpatel/bump-numpy\n\nBump numpy to 2.0.1",
        2,
      ),
    ).toEqual({
      via: "merge",
      pullRequest: 12,
      title: "Bump numpy to 2.0.1",
      branch: "rpatel/bump-numpy",
    });
  });

  it("reads squash commits `Title (#12)`", () => {
    expect(commitOrigin("Bump numpy to 2.0.1 (#12)\n\n* wip\n* fix", 1)).toEqual({
      via: "squash",
      pullRequest: 12,
      title: "Bump numpy to 2.0.1",
    });
  });

  it("tells a merge of a branch without a pull request, and a direct push", () => {
    expect(commitOrigin("Merge branch 'labenv/drift/genomics-core/rnaseq'", 2)).toEqual({
      via: "branch-merge",
      branch: "labenv/drift/genomics-core/rnaseq",
    });
    expect(commitOrigin("Give rnaseq more CPU", 1)).toEqual({ via: "direct" });
    // A message that only looks like a merge is not one when the commit has a single parent.
    expect(commitOrigin("Merge pull request #3 from a/b", 1)).toEqual({ via: "direct" });
  });

  it("finds drift pull requests by branch or title, and reverts by git's message", () => {
    expect(
      driftTarget(
        commitOrigin(
          "Merge pull request #9 from westtek/labenv/drift/genomics-core/rnaseq\n\ndrift: genomics-core/rnaseq",
          2,
        ),
      ),
    ).toBe("genomics-core/rnaseq");
    expect(
      driftTarget(commitOrigin("drift: ml-vision/teaching: torch 2.3.0 → 2.3.1 (#40)", 1)),
    ).toBe("ml-vision/teaching");
    expect(driftTarget(commitOrigin("Bump torch (#41)", 1))).toBeUndefined();
    expect(
      revertedCommit('Revert "x"\n\nThis reverts commit 05c0eab3e1da4afe53865e629eae06db68d197fb.'),
    ).toBe("05c0eab3e1da4afe53865e629eae06db68d197fb");
  });
});
