import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RepoFile } from "../../../reconciler/core/load/load-repository.js";
import { changingActions } from "../../../reconciler/core/model/plan.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();
const ENVS = [
  ...new Set(
    base
      .map((f) => /^environments\/([^/]+\/[^/]+)\/environment\.yaml$/.exec(f.path)?.[1])
      .filter((x): x is string => !!x),
  ),
];
const SIZES: [number, number][] = [
  [512, 2048],
  [1024, 4096],
  [1024, 8192],
  [2048, 8192],
  [2048, 16384],
  [4096, 16384],
];

/** A random repository: some environments left out, others stopped, resized or given another owner. */
const repository = fc.record({
  drop: fc.subarray(ENVS, { maxLength: 3 }),
  edits: fc.array(
    fc.record({
      env: fc.constantFrom(...ENVS),
      state: fc.constantFrom("running", "stopped"),
      size: fc.constantFrom(...SIZES),
      storage: fc.integer({ min: 20, max: 60 }),
    }),
    { maxLength: 4 },
  ),
});

function materialize(r: {
  drop: string[];
  edits: { env: string; state: string; size: [number, number]; storage: number }[];
}): RepoFile[] {
  let files = base.filter((f) => !r.drop.some((d) => f.path.startsWith(`environments/${d}/`)));
  // Shares, successions and snapshots that name a dropped environment go with it.
  files = files.filter((f) => !(/shares|successions/.test(f.path) && r.drop.length > 0));
  for (const e of r.edits) {
    if (r.drop.includes(e.env)) continue;
    files = editYaml(files, `environments/${e.env}/environment.yaml`, (d) => {
      d.setIn(["spec", "state"], e.state);
      d.setIn(["spec", "resources", "cpu"], e.size[0]);
      d.setIn(["spec", "resources", "memory"], e.size[1]);
      d.setIn(["spec", "resources", "storageGiB"], e.storage);
    });
  }
  return files;
}

describe("apply(plan(desired, observed)) then plan again is empty", () => {
  it("for random sequences of repositories on one sandbox", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(repository, { minLength: 1, maxLength: 3 }), async (sequence) => {
        const s = sandbox();
        for (const r of sequence) {
          const files = materialize(r);
          const applied = await run(files, s);
          if (applied.outcome === "refused") {
            // Quotas or the deletion cap can refuse a random repository: then nothing changed.
            expect(["validate", "plan"]).toContain(applied.stage);
            continue;
          }
          expect(["applied", "no-changes"], applied.reason).toContain(applied.outcome);
          const again = await run(files, s, { mode: "plan" });
          expect(changingActions(again.plan!).map((a) => a.reason)).toEqual([]);
        }
      }),
      { numRuns: 12, seed: 4 },
    );
  });
});
