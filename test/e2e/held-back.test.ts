import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

// Issue 14 item 8 end to end on the sandbox, through the CLI: one lab's bad file while another
// lab's change merges. The good change applies; the bad lab's environment runs on unchanged.

const OCEAN = "environments/climate-dynamics/ocean-heat/environment.yaml";
const SEGMENTATION = "environments/ml-vision/segmentation/environment.yaml";

interface Status {
  environments: { environment: string; running: string; commit: string }[];
  runs: { outcome: string; heldBack?: { environment: string; reasons: string[] }[] }[];
}

async function status(dir: string): Promise<Status> {
  return JSON.parse((await runCli(["status", "--repo", dir, "--json"])).stdout) as Status;
}

describe("labenv reconcile holds back what a bad document affects and applies the rest", () => {
  it("a bad file in lab A while lab B's change applies; A keeps running unchanged", async () => {
    const dir = exampleGitRepo();
    expect((await runCli(["reconcile", "--repo", dir])).code).toBe(0);
    const first = git(dir, "rev-parse", "HEAD");
    const account = () =>
      JSON.parse(readFileSync(join(dir, ".labenv/sandbox/account.json"), "utf8")) as {
        services: { name: string; status: string; taskDefinitionArn: string }[];
      };
    const ocean = () =>
      account().services.find((s) => s.name === "labenv-climate-dynamics-ocean-heat");
    const segmentation = () =>
      account().services.find((s) => s.name === "labenv-ml-vision-segmentation");
    const oceanBefore = ocean();
    const segmentationBefore = segmentation()!.taskDefinitionArn;

    // One merge: lab A's environment.yaml no longer parses, lab B's environment grows.
    writeFileSync(
      join(dir, OCEAN),
      "apiVersion: labenv.westtek.io/v1\nkind: Environment\nspec: [\n",
    );
    const seg = join(dir, SEGMENTATION);
    writeFileSync(seg, readFileSync(seg, "utf8").replace("memory: 16384", "memory: 20480"));
    git(dir, "commit", "-qam", "break ocean-heat, grow segmentation");

    const r = await runCli(["reconcile", "--repo", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✓ applied \d+ changes/);
    expect(r.stdout).toContain("HELD BACK: 1 environment left exactly as it runs");
    expect(r.stdout).toMatch(
      /climate-dynamics\/ocean-heat \(\d+ resources kept as they are\)\n {4}environments\/climate-dynamics\/ocean-heat\/environment\.yaml:\d+:\d+ /,
    );
    expect(r.stdout).toContain("✖ held back 1 environment (climate-dynamics/ocean-heat)");
    expect(segmentation()!.taskDefinitionArn).not.toBe(segmentationBefore);
    expect(ocean()).toEqual(oceanBefore);

    const s = await status(dir);
    expect(s.runs[0]!.outcome).toBe("succeeded");
    expect(s.runs[0]!.heldBack!.map((h) => h.environment)).toEqual(["climate-dynamics/ocean-heat"]);
    // The held environment's record still says what runs: the first commit.
    expect(
      s.environments.find((e) => e.environment === "climate-dynamics/ocean-heat")!.commit,
    ).toBe(first);

    // Even with its whole directory gone and its lab.yaml broken, it is held, never deleted.
    rmSync(join(dir, "environments/climate-dynamics/ocean-heat"), { recursive: true });
    writeFileSync(join(dir, "environments/climate-dynamics/lab.yaml"), "kind: Lab\n");
    git(dir, "commit", "-qam", "remove ocean-heat, break the lab");
    const again = await runCli(["reconcile", "--repo", dir]);
    expect(again.code).toBe(1);
    expect(ocean()!.status).toBe("ACTIVE");
    expect(again.stdout).toMatch(
      /held back 3 environments \(climate-dynamics\/cmip6-analysis, climate-dynamics\/ocean-heat, climate-dynamics\/regional-downscaling\)/,
    );
  });

  it("labenv plan shows what is held back and exits 1", async () => {
    const dir = exampleGitRepo();
    writeFileSync(join(dir, OCEAN), "spec: [\n");
    git(dir, "commit", "-qam", "break ocean-heat");
    const r = await runCli(["plan", "--repo", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("climate-dynamics/ocean-heat (not created)");
    expect(r.stdout).toContain(
      "held back 1 environment (climate-dynamics/ocean-heat): fix the findings above; everything else is planned",
    );
  });
});
