// `labenv validate` over a synthetic repository of 50 labs × 20 environments
// (1,000 environments with locks, snapshots, shares and 100 domain pack
// versions), side by side with ajv-cli validating the same files against the
// same schemas (schema checks only, one ajv-cli process per document kind).
// Wall time and peak memory are measured in child processes with
// /usr/bin/time; the in-process time of the core (files already read) is
// reported too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readRepositoryFiles } from "../reconciler/adapters/fs/read-repository-files.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../reconciler/core/validate/validate.js";
import { lockRules, packsImmutable } from "../reconciler/core/validate/rules/lock-rules.js";
import { SCHEMA_GLOBS } from "../reconciler/core/model/schema-globs.js";
import { SCHEMA_FILES } from "../reconciler/core/validate/schema-validator.js";
import type { Kind } from "../reconciler/core/model/documents.js";
import type { Measurement } from "./run.ts";
import { syntheticIndex, writeSyntheticRepo } from "./synthetic-repo.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHAPE = { labs: 50, envsPerLab: 20, packVersions: 100 };

export default async function validateBench(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "labenv-bench-validate-"));
  try {
    writeSyntheticRepo(dir, SHAPE);
    const files = readRepositoryFiles(dir);
    const check = createSchemaValidator();
    const index = syntheticIndex();
    const inProcess = median(3, () => {
      const r = validateFiles(files, check, { today: "2026-11-23" }, [
        lockRules(() => index),
        packsImmutable,
      ]);
      if (r.diagnostics.some((d) => d.severity === "error"))
        throw new Error("the synthetic repository does not validate");
    });
    const cli = timed(process.execPath, [join(root, "bin/labenv.mjs"), "validate", dir]);
    if (cli.status !== 0)
      throw new Error(`labenv validate exited ${cli.status}: ${cli.stdout.slice(-500)}`);
    let ajvSeconds = 0;
    let ajvPeakMb = 0;
    let ajvFiles = 0;
    for (const [kind, globs] of Object.entries(SCHEMA_GLOBS)) {
      const schema = join(root, "schemas", SCHEMA_FILES[kind as Kind]);
      for (const glob of globs) {
        const r = timed(process.execPath, [
          join(root, "node_modules/ajv-cli/dist/index.js"),
          "validate",
          "--spec=draft2020",
          "-c",
          "ajv-formats",
          "--all-errors",
          "-s",
          schema,
          "-d",
          join(dir, glob),
        ]);
        ajvSeconds += r.seconds;
        ajvPeakMb = Math.max(ajvPeakMb, r.peakMb);
        ajvFiles += (r.stdout.match(/ valid$/gm) ?? []).length;
      }
    }
    return [
      {
        name: `validate: labenv validate, ${files.length} files (CLI process, rules included)`,
        value: cli.seconds,
        unit: "s",
        goal: "< 1 s",
        met: cli.seconds < 1,
        note: `peak ${cli.peakMb} MB`,
      },
      {
        name: "validate: core only (files in memory, schemas + every rule)",
        value: inProcess,
        unit: "s",
        goal: "< 1 s",
        met: inProcess < 1,
      },
      {
        name: `validate: ajv-cli, same files, schemas only (${ajvFiles} files valid)`,
        value: ajvSeconds,
        unit: "s",
        note: `peak ${ajvPeakMb} MB, ${Object.values(SCHEMA_GLOBS).flat().length} processes`,
      },
      {
        name: "validate: labenv vs ajv-cli (schema-only) wall time",
        value: cli.seconds / ajvSeconds,
        unit: "×",
        goal: "< 1 (faster)",
        met: cli.seconds < ajvSeconds,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(
  cmd: string,
  args: string[],
): { seconds: number; peakMb: number; status: number | null; stdout: string } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const last = r.stderr.trim().split("\n").pop() ?? "0 0";
  const [seconds, kb] = last.split(" ").map(Number) as [number, number];
  return { seconds, peakMb: Math.round(kb / 1024), status: r.status, stdout: r.stdout };
}

function median(n: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push((performance.now() - t) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}
