// infra/bin/labenv.ts as `cdk synth` runs it: a child process reading the
// context from CDK_CONTEXT_JSON and writing the cloud assembly to CDK_OUTDIR.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MissingEntryFileError } from "../../infra/lib/entry-file.js";
import { PROJECT_ROOT } from "../../infra/lib/labenv-stack.js";
import { FIXTURE_ENTRY, TEST_REGION, newTestApp } from "./labenv-test-app.js";
import { LabenvStack } from "../../infra/lib/labenv-stack.js";

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function runApp(
  context: Record<string, unknown>,
  env: Record<string, string> = {},
): { result: SpawnSyncReturns<string>; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), "labenv-cdk-"));
  outdirs.push(outdir);
  const result = spawnSync(join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["infra/bin/labenv.ts"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      CDK_CONTEXT_JSON: JSON.stringify(context),
      CDK_OUTDIR: outdir,
      CDK_VALIDATION: "false",
      ...env,
    },
  });
  return { result, outdir };
}

describe("missing Lambda entry files", () => {
  it("stop the stack with an error naming the file", () => {
    const build = () =>
      new LabenvStack(newTestApp(), "Labenv", {
        env: { region: TEST_REGION },
        reconcilerEntry: FIXTURE_ENTRY,
        githubAppEntry: "github-app/nowhere.ts",
        driftEntry: FIXTURE_ENTRY,
      });
    expect(build).toThrow(MissingEntryFileError);
    expect(build).toThrow("the GitHub App Lambda entry file github-app/nowhere.ts does not exist");
    const noDrift = () =>
      new LabenvStack(newTestApp(), "Labenv", {
        env: { region: TEST_REGION },
        reconcilerEntry: FIXTURE_ENTRY,
        githubAppEntry: FIXTURE_ENTRY,
        driftEntry: "reconciler/lambda/nowhere.ts",
      });
    expect(noDrift).toThrow(
      "the drift Lambda entry file reconciler/lambda/nowhere.ts does not exist",
    );
  });

  it("end `cdk synth` with exit code 1 and one clear line", () => {
    const { result } = runApp({
      region: TEST_REGION,
      reconcilerEntry: "reconciler/lambda/nowhere.ts",
      githubAppEntry: relative(PROJECT_ROOT, FIXTURE_ENTRY),
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "labenv infra: the reconciler Lambda entry file reconciler/lambda/nowhere.ts does not exist. It must export an async `handler`. Create it, or point the stack at another file.",
    );
  });
});

describe("bad context", () => {
  it("ends `cdk synth` with exit code 1 naming the context key", () => {
    const { result } = runApp({ region: TEST_REGION, labs: "Not A Lab" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('context "labs"');
  });
});

describe("a good context", () => {
  it(
    "synthesizes the Labenv stack, cdk-nag included, with the four Lambdas bundled",
    { timeout: 120_000 },
    () => {
      const fixture = relative(PROJECT_ROOT, FIXTURE_ENTRY);
      const { result, outdir } = runApp({
        region: TEST_REGION,
        reconcilerEntry: fixture,
        githubAppEntry: fixture,
        driftEntry: fixture,
        dashboardEntry: fixture,
        labs: "genomics-core",
      });
      expect(result.stderr).not.toMatch(/AwsSolutions-/);
      expect(result.status).toBe(0);
      const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
        artifacts: Record<string, { environment?: string }>;
      };
      expect(manifest.artifacts.Labenv?.environment).toBe(`aws://unknown-account/${TEST_REGION}`);
      const template = JSON.parse(readFileSync(join(outdir, "Labenv.template.json"), "utf8")) as {
        Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
      };
      const functions = Object.values(template.Resources).filter(
        (r) => r.Type === "AWS::Lambda::Function",
      );
      expect(functions).toHaveLength(4);
      for (const fn of functions) {
        const asset = fn.Properties.Code!.S3Key!.replace(/\.zip$/, "");
        expect(existsSync(join(outdir, `asset.${asset}`, "index.mjs"))).toBe(true);
      }
      expect(JSON.stringify(template)).not.toContain("AWS::CDK::Metadata");
    },
  );
});
