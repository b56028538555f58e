import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { exampleFiles, text, TODAY, withFile } from "../../helpers/example-repo.js";
import { check, run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();
const TEACHING = "environments/ml-vision/teaching";
const VISION_TEACHING = "environments/ml/vision-teaching";

/** Adds lab `ml` (the same people as ml-vision, its own gid) with an environment `vision-teaching`. */
function withCollidingLab(files: RepoFile[]): RepoFile[] {
  const lab = text(files, "environments/ml-vision/lab.yaml")
    .replace("name: ml-vision", "name: ml")
    .replace("posixGid: 22000", "posixGid: 22900");
  const rename = (t: string) =>
    t.replace("name: teaching", "name: vision-teaching").replace("lab: ml-vision", "lab: ml");
  let out = withFile(files, "environments/ml/lab.yaml", lab);
  out = withFile(
    out,
    `${VISION_TEACHING}/environment.yaml`,
    rename(text(files, `${TEACHING}/environment.yaml`)),
  );
  return withFile(
    out,
    `${VISION_TEACHING}/environment.lock.yaml`,
    rename(text(files, `${TEACHING}/environment.lock.yaml`)),
  );
}

describe("ECS names never collide (issue 14, item 16)", () => {
  it("refuses ml/vision-teaching next to ml-vision/teaching, on both files, at metadata.name", () => {
    const found = validateFiles(withCollidingLab(base), check, { today: TODAY }).diagnostics.filter(
      (d) => d.code === "ecs-names",
    );
    expect(found.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      [`${TEACHING}/environment.yaml`, 5, 9, "error"],
      [`${VISION_TEACHING}/environment.yaml`, 5, 9, "error"],
    ]);
    expect(found[1]!.message).toContain("`labenv-ml-vision-teaching`");
    expect(found[1]!.message).toContain(`ml-vision/teaching (${TEACHING}/environment.yaml)`);
    expect(found[0]!.hint).toMatch(/rename one of these environments/);
  });

  it("the example repository has no collision, and names that only look alike are fine", () => {
    const ok = validateFiles(base, check, { today: TODAY }).diagnostics;
    expect(ok.filter((d) => d.code === "ecs-names")).toEqual([]);
  });

  it("a reconcile holds back both colliding environments and creates neither (issue 14 item 8)", async () => {
    const s = sandbox();
    const r = await run(withCollidingLab(base), s);
    expect(r.diagnostics.some((d) => d.code === "ecs-names")).toBe(true);
    const held = r.plan!.heldBack!.map((h) => h.environment);
    expect(held).toContain("ml-vision/teaching");
    expect(held).toContain("ml/vision-teaching");
    const names = s.provider.account().services.map((x) => x.name);
    expect(names).not.toContain("labenv-ml-vision-teaching");
    // The other labs are not stopped by the collision.
    expect(names).toContain("labenv-genomics-core-rnaseq");
  });
});
