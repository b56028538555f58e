import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

describe("a repository whose package index is remote (packageIndex.kind: pypi)", () => {
  it("validates and plans without the embedded file and without calling the index", async () => {
    const dir = copyExampleRepo();
    const config = join(dir, "labenv.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        /packageIndex:\n {4}kind: embedded\n {4}path: package-index.yaml/,
        "packageIndex:\n    kind: pypi\n    url: https://pypi.invalid/",
      ),
    );
    rmSync(join(dir, "package-index.yaml"));
    const v = await runCli(["validate", dir]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
    const p = await runCli(["plan", "--repo", dir]);
    expect(p.code).toBe(0);
    expect(p.stdout).toMatch(/plan only/);
  });

  it("still catches a requirement the lock does not satisfy", async () => {
    const dir = copyExampleRepo();
    const config = join(dir, "labenv.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        /kind: embedded/,
        "kind: pypi\n    url: https://pypi.invalid/",
      ),
    );
    const env = join(dir, "environments/ml-vision/segmentation/environment.yaml");
    writeFileSync(
      env,
      readFileSync(env, "utf8").replace("torchmetrics==1.4.1", "torchmetrics==1.4.0"),
    );
    const v = await runCli(["validate", dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /torchmetrics is locked at 1.4.1, which does not satisfy `torchmetrics==1.4.0`/,
    );
  });
});
