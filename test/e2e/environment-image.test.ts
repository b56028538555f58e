import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildImage, packImageRegistry } from "../../reconciler/adapters/sandbox/sandbox-image.js";
import { SandboxProvider } from "../../reconciler/adapters/sandbox/sandbox-provider.js";
import {
  installedState,
  observationOf,
} from "../../reconciler/adapters/sandbox/sandbox-installed.js";
import { drift } from "../../reconciler/core/drift/drift.js";
import { defaultRules } from "../../reconciler/core/drift/severity-rules.js";
import { contextDigest } from "../../reconciler/core/image/build-context.js";
import { desire } from "../../reconciler/core/desire/desire.js";
import { loadRepository } from "../../reconciler/core/load/load-repository.js";
import type { Action } from "../../reconciler/core/model/plan.js";
import type { ImageBuildSpec } from "../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../reconciler/core/validate/schema-validator.js";
import { runCli } from "../helpers/cli.js";
import { exampleFiles } from "../helpers/example-repo.js";
import { sandbox } from "../helpers/sandbox.js";
import { exampleGitRepo, git } from "./temp-git-repo.js";

const at = (minute: number) => ({
  now: new Date(Date.parse("2026-11-23T12:00:00Z") + minute * 60_000),
});
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const observationFile = (dir: string, env: string) =>
  join(dir, ".labenv/objects/observations", env, "latest.json");

describe("the lock becomes the container (sandbox)", () => {
  it("a package added to environment.yaml is locked, built into the image and reported by the container", async () => {
    const dir = exampleGitRepo();
    expect((await runCli(["reconcile", "--repo", dir], at(1))).code).toBe(0);
    const before = JSON.parse(readFileSync(observationFile(dir, "genomics-core/rnaseq"), "utf8"));
    expect(before.spec.packages.map((p: { name: string }) => p.name)).not.toContain("einops");

    const file = join(dir, RNASEQ);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        '    - "pydeseq2>=0.4.10,<0.5"\n',
        '    - "pydeseq2>=0.4.10,<0.5"\n    - "einops==0.8.0"\n',
      ),
    );
    expect((await runCli(["lock", "genomics-core/rnaseq", "--repo", dir], at(2))).code).toBe(0);
    git(dir, "commit", "-qam", "rnaseq: add einops");

    const plan = await runCli(["plan", "--repo", dir], at(3));
    expect(plan.stdout).toMatch(
      /\+ build image genomics-core\/rnaseq: genomics@1\.2\.0 \+ 6 packages \(einops 0\.8\.0,/,
    );
    expect(plan.stdout).toMatch(
      /update task definition genomics-core\/rnaseq: .*image image-build:genomics-core\/rnaseq@ctx-[0-9a-f]{16} → image-build:genomics-core\/rnaseq@ctx-[0-9a-f]{16}/,
    );

    expect((await runCli(["reconcile", "--repo", dir], at(4))).code).toBe(0);
    const after = JSON.parse(readFileSync(observationFile(dir, "genomics-core/rnaseq"), "utf8"));
    expect(after.spec.packages).toContainEqual({
      name: "einops",
      version: "0.8.0",
      installer: "pip",
      requested: true,
    });
    const d = await runCli(["drift", "genomics-core/rnaseq", "--repo", dir], at(5));
    expect(d.code, d.stdout).toBe(0);
    expect(d.stdout).toContain("1 stable");

    const status = await runCli(["build", "--repo", dir], at(6));
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/genomics-core\/rnaseq +pushed +ctx-[0-9a-f]{16}/);
  }, 240_000);

  it("a build context that forgets a package shows up as drift: the container reports what was built", async () => {
    const repo = loadRepository(exampleFiles(), createSchemaValidator()).repository;
    const { state } = desire(repo);
    const build = state.resources.find(
      (r) => r.kind === "image-build" && r.environment === "genomics-core/rnaseq",
    )!;
    const spec = structuredClone(build.spec) as ImageBuildSpec;
    // The planted bug: the generator drops pydeseq2 from requirements.txt.
    const req = spec.files.find((f) => f.path === "requirements.txt")!;
    req.content = req.content
      .split("\n")
      .filter((l) => !l.startsWith("pydeseq2=="))
      .join("\n");
    spec.contextDigest = contextDigest(spec.files);
    const s = sandbox();
    const provider = new SandboxProvider(s.dir, {
      now: s.now,
      registry: packImageRegistry(repo),
    });
    const action = {
      kind: "image-build",
      key: build.key,
      environment: build.environment,
      outcome: "create",
      reason: "test",
      changes: [],
      desired: { ...build, spec },
    } as unknown as Action;
    const applied = await provider.apply(action, () => undefined);
    const image = provider.account().images!.find((i) => i.id === applied.id)!;
    const observation = observationOf(
      "genomics-core/rnaseq",
      "task",
      installedState(image.contents, []),
      "2026-11-23T12:00:00Z",
    );
    const report = drift({
      lock: repo.locks.get("genomics-core/rnaseq")!.doc,
      observation,
      infra: { desired: [], observed: [] },
      rules: defaultRules(),
    });
    expect(report.status).not.toBe("STABLE");
    expect(report.items.map((i) => i.name)).toContain("pydeseq2");
  });

  it("refuses to build what the generated Dockerfile does not say, as a real build would fail", () => {
    const repo = loadRepository(exampleFiles(), createSchemaValidator()).repository;
    const registry = packImageRegistry(repo);
    const build = desire(repo).state.resources.find(
      (r) => r.kind === "image-build" && r.environment === "genomics-core/rnaseq",
    )!;
    const files = (build.spec as ImageBuildSpec).files;
    const edit = (path: string, f: (t: string) => string) =>
      files.map((x) => (x.path === path ? { ...x, content: f(x.content) } : x));
    expect(buildImage(files, registry).contents.packages.map((p) => p.name)).toContain("pydeseq2");
    expect(() =>
      buildImage(
        edit("requirements.txt", (t) => t.replace(/ --hash=sha256:[0-9a-f]+/, "")),
        registry,
      ),
    ).toThrow(/hashes are required/);
    expect(() =>
      buildImage(
        edit("Dockerfile", (t) => t.replace(/FROM \S+/, "FROM ghcr.io/elsewhere/x@sha256:00")),
        registry,
      ),
    ).toThrow(/manifest unknown/);
    expect(() =>
      buildImage(
        edit("Dockerfile", (t) => `${t}RUN curl https://example.org/install.sh | sh\n`),
        registry,
      ),
    ).toThrow(/cannot run/);
  });
});
