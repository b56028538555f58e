// infra/: how long `cdk synth` of the whole app takes and how much memory it
// needs, and for each Lambda the zipped bundle size and the time a fresh Node
// process takes to import it (the cold-start share that is ours). The bundles
// measured are the ones synth wrote to the cloud assembly, i.e. what deploys.
// A Lambda whose entry file does not exist yet is reported as skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateRawSync } from "node:zlib";
import { ENV } from "../infra/lib/runtime-environment.js";
import type { Measurement } from "./run.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const FIXTURE = "test/infra/fixtures/handler.ts";
const LAMBDAS = [
  {
    name: "reconciler",
    entry: "reconciler/lambda/handler.ts",
    context: "reconcilerEntry",
    logicalIdPrefix: "ReconcilerLambdaFunction",
  },
  {
    name: "github-app",
    entry: "github-app/lambda.ts",
    context: "githubAppEntry",
    logicalIdPrefix: "GithubAppLambdaFunction",
  },
  {
    name: "drift",
    entry: "reconciler/lambda/drift-handler.ts",
    context: "driftEntry",
    logicalIdPrefix: "DriftLambdaFunction",
  },
];
const ZIP_GOAL_BYTES = 3 * 1024 * 1024;
const IMPORT_GOAL_MS = 300;
const IMPORT_RUNS = 3;

// Written into the child before the app runs: reports the child's peak RSS.
const PEAK_RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("labenv-bench-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))`;

export default async function infraBench(): Promise<Measurement[]> {
  const outdir = mkdtempSync(join(tmpdir(), "labenv-bench-cdk-"));
  try {
    const context: Record<string, string> = { region: "eu-west-1" };
    const missing = LAMBDAS.filter((lambda) => !existsSync(join(ROOT, lambda.entry)));
    for (const lambda of missing) context[lambda.context] = FIXTURE;
    const synth = synthesize(outdir, context);
    const note =
      missing.length > 0
        ? `(${missing.map((l) => l.entry).join(", ")} missing: fixture handler bundled instead)`
        : undefined;
    const results: Measurement[] = [
      {
        name: "infra: cdk synth, whole app (nag + CloudFormation validation)",
        value: synth.seconds,
        unit: "s",
        ...(note && { note }),
      },
      {
        name: "infra: cdk synth peak memory",
        value: synth.peakMiB,
        unit: "MiB",
        ...(note && { note }),
      },
    ];
    const template = JSON.parse(
      readFileSync(join(outdir, "Labenv.template.json"), "utf8"),
    ) as Template;
    for (const lambda of LAMBDAS) {
      if (missing.includes(lambda)) {
        const skipped = `skipped: ${lambda.entry} does not exist yet`;
        results.push({
          name: `infra: ${lambda.name} bundle zipped`,
          value: 0,
          unit: "KiB",
          note: skipped,
        });
        results.push({
          name: `infra: ${lambda.name} cold import`,
          value: 0,
          unit: "ms",
          note: skipped,
        });
        continue;
      }
      const bundle = assetDirectory(outdir, template, lambda.logicalIdPrefix);
      const zipped = zippedBytes(bundle);
      results.push({
        name: `infra: ${lambda.name} bundle zipped`,
        value: zipped.bytes / 1024,
        unit: "KiB",
        goal: "< 3 MiB",
        met: zipped.bytes < ZIP_GOAL_BYTES,
        ...(zipped.estimated && { note: "estimated with deflate (no zip command)" }),
      });
      const imported = coldImport(join(bundle, "index.mjs"));
      results.push(
        "error" in imported
          ? {
              name: `infra: ${lambda.name} cold import`,
              value: 0,
              unit: "ms",
              note: `import failed: ${imported.error}`,
            }
          : {
              name: `infra: ${lambda.name} cold import (median of ${IMPORT_RUNS})`,
              value: imported.ms,
              unit: "ms",
              goal: "< 300 ms",
              met: imported.ms < IMPORT_GOAL_MS,
              // Wall time includes waiting for a core on a loaded machine; CPU time does not.
              note: `${Math.round(imported.cpuMs)} ms CPU`,
            },
      );
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

interface Template {
  Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
}

function synthesize(
  outdir: string,
  context: Record<string, string>,
): { seconds: number; peakMiB: number } {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--import", PEAK_RSS_HOOK, "infra/bin/labenv.ts"],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify(context),
        CDK_DISABLE_CLI_TELEMETRY: "true",
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0)
    throw new Error(`infra bench: synth failed (exit ${child.status}):\n${child.stderr}`);
  const rss = /labenv-bench-maxrss-kb=(\d+)/.exec(child.stderr);
  return { seconds, peakMiB: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

function assetDirectory(outdir: string, template: Template, logicalIdPrefix: string): string {
  const fn = Object.entries(template.Resources).find(
    ([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith(logicalIdPrefix),
  );
  const key = fn?.[1].Properties.Code?.S3Key;
  if (key === undefined)
    throw new Error(`infra bench: no Lambda ${logicalIdPrefix}* in the template`);
  return join(outdir, `asset.${key.replace(/\.zip$/, "")}`);
}

function zippedBytes(directory: string): { bytes: number; estimated: boolean } {
  const target = join(mkdtempSync(join(tmpdir(), "labenv-bench-zip-")), "bundle.zip");
  const zip = spawnSync("zip", ["-q", "-r", "-X", "-9", target, "."], { cwd: directory });
  if (zip.status === 0) {
    const bytes = statSync(target).size;
    rmSync(resolve(target, ".."), { recursive: true, force: true });
    return { bytes, estimated: false };
  }
  rmSync(resolve(target, ".."), { recursive: true, force: true });
  const files = readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  const bytes = files.reduce(
    (sum, file) =>
      sum +
      deflateRawSync(readFileSync(join(file.parentPath, file.name)), { level: 9 }).length +
      100,
    22,
  );
  return { bytes, estimated: true };
}

// Lambda-like environment: every LABENV_* name set, so top-level code that
// reads its configuration does not fail on an empty environment.
function coldImport(file: string): { ms: number; cpuMs: number } | { error: string } {
  const script = `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});const u=process.cpuUsage(c);process.stdout.write((performance.now()-t)+" "+(u.user+u.system)/1000);`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", AWS_REGION: "eu-west-1" };
  for (const name of Object.values(ENV))
    env[name] =
      name === ENV.taskRoleArns
        ? "{}"
        : name === ENV.githubInstallationId
          ? "1"
          : "bench-placeholder";
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env,
    });
    if (child.status !== 0) return { error: child.stderr.trim().split("\n").slice(0, 3).join(" ") };
    const [wall, used] = child.stdout.split(" ").map(Number);
    times.push(wall!);
    cpu.push(used!);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms: median(times), cpuMs: median(cpu) };
}
