// Environment images at scale, on the 1,000-environment synthetic repository: generating every
// build context (pure), and how many builds a plan starts when one lock changed (goal: exactly
// one — a lock that was built is never built again).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packImageRegistry } from "../reconciler/adapters/sandbox/sandbox-image.js";
import { SandboxProvider } from "../reconciler/adapters/sandbox/sandbox-provider.js";
import { desire } from "../reconciler/core/desire/desire.js";
import { buildContext } from "../reconciler/core/image/build-context.js";
import { loadRepository } from "../reconciler/core/load/load-repository.js";
import { changingActions } from "../reconciler/core/model/plan.js";
import { publishedVersions } from "../reconciler/core/packs/resolve-pack.js";
import { plan } from "../reconciler/core/plan/plan.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import type { Measurement } from "./run.ts";
import { syntheticFiles } from "./synthetic-repo.js";

export default async function imagesBench(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "labenv-bench-images-"));
  try {
    const files = syntheticFiles({ labs: 50, envsPerLab: 20, packVersions: 100 });
    const repo = loadRepository(files, createSchemaValidator()).repository;
    const inputs = [...repo.environments].map(([key, env]) => {
      const lock = repo.locks.get(key)!.doc;
      const pack = publishedVersions(repo, lock.spec.domainPack.name).find(
        (p) => p.doc.metadata.version === lock.spec.domainPack.version,
      )!;
      return { lock, environment: env.doc, pack: pack.doc };
    });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      for (const input of inputs) buildContext(input);
      times.push((performance.now() - t0) / 1000);
    }
    const contexts = times.sort((a, b) => a - b)[1]!;

    const sandbox = new SandboxProvider(dir, { registry: packImageRegistry(repo) });
    const seed = plan(desire(repo).state, { resources: [] }, { maxDeletes: 5 });
    await sandbox.applyMany(changingActions(seed), () => undefined);
    // One environment's lock changes (a package version moves); every other lock stays.
    const [firstKey] = [...repo.locks.keys()].sort();
    const lock = repo.locks.get(firstKey!)!.doc;
    const moved = lock.spec.packages.find((p) => p.source !== "pack") ?? lock.spec.packages[0]!;
    moved.version = `${moved.version}.post1`;
    const next = plan(desire(repo).state, await sandbox.observe(), { maxDeletes: 5 });
    const builds = changingActions(next).filter((a) => a.kind === "image-build").length;
    return [
      {
        name: `images: build contexts for ${inputs.length} environments (pure)`,
        value: contexts,
        unit: "s",
        goal: "< 1 s",
        met: contexts < 1,
      },
      {
        name: `images: builds planned when 1 of ${inputs.length} locks changed`,
        value: builds,
        unit: "builds",
        goal: "exactly 1",
        met: builds === 1,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
