// The plan at scale: a sandbox holding the 1,000-environment synthetic
// repository, then the repository with 1% of its environments changed (10
// environments resized). Measures observe + desire + plan, and the pure plan
// alone, in-process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { packImageRegistry } from "../reconciler/adapters/sandbox/sandbox-image.js";
import { SandboxProvider } from "../reconciler/adapters/sandbox/sandbox-provider.js";
import { desire } from "../reconciler/core/desire/desire.js";
import { loadRepository, type RepoFile } from "../reconciler/core/load/load-repository.js";
import { changingActions } from "../reconciler/core/model/plan.js";
import { plan } from "../reconciler/core/plan/plan.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import type { Measurement } from "./run.ts";
import { syntheticFiles } from "./synthetic-repo.js";

export default async function planBench(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "labenv-bench-plan-"));
  try {
    const check = createSchemaValidator();
    const files = syntheticFiles({ labs: 50, envsPerLab: 20, packVersions: 100 });
    const base = loadRepository(files, check).repository;
    const sandbox = new SandboxProvider(dir, { registry: packImageRegistry(base) });
    const seed = plan(desire(base).state, { resources: [] }, { maxDeletes: 5 });
    await sandbox.applyMany(changingActions(seed), () => undefined);
    const changed = changeOnePercent(files);
    const times: { total: number; pure: number; changes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const repo = loadRepository(changed, check).repository;
      const desired = desire(repo).state;
      const observed = await sandbox.observe();
      const t1 = performance.now();
      const p = plan(desired, observed, { maxDeletes: 5 });
      const t2 = performance.now();
      times.push({
        total: (t2 - t0) / 1000,
        pure: (t2 - t1) / 1000,
        changes: changingActions(p).length,
      });
    }
    const m = times.sort((a, b) => a.total - b.total)[1]!;
    return [
      {
        name: `plan: load + desire + observe sandbox + plan, ${base.environments.size} environments, 1% changed`,
        value: m.total,
        unit: "s",
        goal: "< 1 s",
        met: m.total < 1,
        note: `${m.changes} changing actions, ${seed.summary.create} resources in the sandbox`,
      },
      { name: "plan: the pure plan function alone", value: m.pure, unit: "s" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Grows the /opt/jupyter volume of every hundredth environment by 10 GiB (a service update). */
function changeOnePercent(files: RepoFile[]): RepoFile[] {
  let n = 0;
  return files.map((f) => {
    if (!f.path.endsWith("/environment.yaml") || n++ % 100 !== 0) return f;
    const doc = parseDocument(Buffer.from(f.content).toString("utf8"));
    const storage = Number(doc.getIn(["spec", "resources", "storageGiB"]) ?? 50);
    doc.setIn(["spec", "resources", "storageGiB"], storage + 10);
    return { path: f.path, content: doc.toString() };
  });
}
