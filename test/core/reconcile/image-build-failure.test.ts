// A failed image build fails only its environment: its task definition and service are left as
// they run, every other environment is applied, and the run says which build failed and why.
// The build fails for real in the sandbox: the upstream registry no longer has the pack image
// (the sandbox's `docker build` cannot pull its FROM), as a CodeBuild run fails in its BUILD phase.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRepositoryFiles } from "../../../reconciler/adapters/fs/read-repository-files.js";
import { SandboxProvider } from "../../../reconciler/adapters/sandbox/sandbox-provider.js";
import type {
  ObservedResource,
  ServiceSpec,
  TaskDefinitionSpec,
} from "../../../reconciler/core/model/resources.js";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo } from "../../helpers/example-repo.js";
import { packImages, run, sandbox } from "../../helpers/sandbox.js";

const SEGMENTATION = "environments/ml-vision/segmentation";
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), "utf8");
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
}

describe("a failed image build", () => {
  it("fails only its environment's apply, leaves its running task alone, and applies the others", async () => {
    const dir = copyExampleRepo();
    const s = sandbox();
    const first = await run(readRepositoryFiles(dir), s);
    expect(first.outcome, first.reason).toBe("applied");
    const before = await s.provider.observe();
    const byKey = (o: { resources: ObservedResource[] }, key: string) =>
      o.resources.find((r) => r.key === key);
    const segmentationTask = byKey(before, "task-definition:ml-vision/segmentation")!;
    const firstRecords = new Map((await s.state.listApplied()).map((r) => [r.environment, r]));

    // segmentation asks for one more package (a new lock: a new build); rnaseq gets less memory.
    edit(
      dir,
      `${SEGMENTATION}/environment.yaml`,
      `"torchmetrics==1.4.1"`,
      `"torchmetrics==1.4.1"\n    - "einops==0.8.0"`,
    );
    edit(dir, RNASEQ, "memory: 8192", "memory: 6144");
    const locked = await runCli(["lock", "--repo", dir]);
    expect(locked.code, `${locked.stdout}${locked.stderr}`).toBe(0);
    const mlImage = (readFileSync(join(dir, `${SEGMENTATION}/environment.lock.yaml`), "utf8").match(
      /^ {2}image: (\S+)$/m,
    ) ?? [])[1]!;
    // The ml pack's image is gone upstream: its environment's build cannot pull its base.
    const provider = new SandboxProvider(s.dir, {
      now: s.now,
      registry: (ref) => (ref === mlImage ? undefined : packImages(ref)),
    });
    const second = await run(readRepositoryFiles(dir), s, { provider });

    expect(second.outcome).toBe("failed");
    expect(second.stage).toBe("apply");
    expect(second.reason).toMatch(
      /^ml-vision\/segmentation was not applied \(its task runs on unchanged\): .*is not in the registry/,
    );
    const after = await provider.observe();
    // segmentation: the same task definition revision and service as before the failed build.
    expect(byKey(after, "task-definition:ml-vision/segmentation")).toEqual(segmentationTask);
    expect(byKey(after, "service:ml-vision/segmentation")?.spec).toEqual(
      byKey(before, "service:ml-vision/segmentation")?.spec,
    );
    // rnaseq, in another lab, was applied.
    const rnaseq = byKey(after, "task-definition:genomics-core/rnaseq")!;
    expect((rnaseq.spec as TaskDefinitionSpec).memory).toBe(6144);
    expect((byKey(after, "service:genomics-core/rnaseq")!.spec as ServiceSpec).taskDefinition).toBe(
      "task-definition:genomics-core/rnaseq",
    );
    // Only what was applied is recorded: segmentation keeps its record from the first run.
    const records = new Map((await s.state.listApplied()).map((r) => [r.environment, r]));
    expect(records.get("ml-vision/segmentation")).toEqual(
      firstRecords.get("ml-vision/segmentation"),
    );
    expect(records.get("genomics-core/rnaseq")?.planDigest).toBe(second.plan?.digest);
    const [latest] = await s.state.listRuns(1);
    expect(latest?.outcome).toBe("failed");
    expect(latest?.error?.message).toContain("ml-vision/segmentation was not applied");

    // Once the image is back upstream, the next run builds it and applies segmentation.
    const third = await run(readRepositoryFiles(dir), s);
    expect(third.outcome, third.reason).toBe("applied");
    const final = await s.provider.observe();
    expect(byKey(final, "task-definition:ml-vision/segmentation")?.spec).not.toEqual(
      segmentationTask.spec,
    );
  }, 120_000);
});
