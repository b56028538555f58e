// Locks at scale: a synthetic repository of 50 labs × 20 environments (1,000
// environments with locks, shares and snapshots, on 100 domain pack versions)
// against the embedded package index. Measures, in-process, a full re-lock
// (`labenv lock --upgrade`: every environment resolved again) and
// `labenv lock --check` (also with one lock edited by hand, which it must
// catch), both through the command line (reading and parsing the files
// included) and in the core alone (repository already loaded).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../reconciler/cli/main.js";
import type { CliIO } from "../reconciler/cli/io.js";
import { loadRepository } from "../reconciler/core/load/load-repository.js";
import { lockFreshness, lockRepository } from "../reconciler/core/lock/lock-repository.js";
import { lockRules, packsImmutable } from "../reconciler/core/validate/rules/lock-rules.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../reconciler/core/validate/validate.js";
import type { Measurement } from "./run.ts";
import { syntheticIndex, writeSyntheticRepo } from "./synthetic-repo.js";

const SHAPE = { labs: 50, envsPerLab: 20, packVersions: 100 };
const RUNS = 3;
const TODAY = "2026-11-23";

export default async function lockBench(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), "labenv-bench-lock-"));
  try {
    const started = performance.now();
    const files = writeSyntheticRepo(dir, SHAPE);
    const generated = (performance.now() - started) / 1000;
    const index = syntheticIndex();
    const check = createSchemaValidator();
    const validation = validateFiles(files, check, { today: TODAY }, [
      lockRules(() => index),
      packsImmutable,
    ]);
    const errors = validation.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0)
      throw new Error(
        `the synthetic repository does not validate: ${errors
          .slice(0, 3)
          .map((d) => `${d.file}: ${d.message}`)
          .join("; ")}`,
      );
    const { repository } = loadRepository(files, check);
    const envs = repository.environments.size;
    const shape = `${envs} environments, ${repository.locks.size} locks, ${repository.snapshots.size} snapshots, ${repository.shares.size} shares, ${repository.packs.size} pack versions`;

    const relockCli = await median(async () =>
      expectCode(await cli(["lock", "--upgrade", "--repo", dir]), 0),
    );
    const checkCli = await median(async () =>
      expectCode(await cli(["lock", "--check", "--repo", dir]), 0),
    );
    const relockCore = await median(async () => {
      const outcomes = lockRepository(repository, index, { upgrade: true });
      if (outcomes.some((o) => o.outcome !== "unchanged"))
        throw new Error("a full re-lock changed a committed lock");
    });
    // One lock edited by hand (its image replaced): the check finds it among 1,000 and exits 1.
    const edited = [...repository.locks.values()][Math.floor(repository.locks.size / 2)]!;
    const original = readFileSync(join(dir, edited.file), "utf8");
    writeFileSync(
      join(dir, edited.file),
      original.replace(
        /image: \S+/,
        `image: docker.io/someone-else/notebook@sha256:${"0".repeat(64)}`,
      ),
    );
    const checkEditedCli = await median(async () => {
      const r = await cli(["lock", "--check", "--repo", dir]);
      expectCode(r, 1);
      if (!r.out.includes("[lock-edited]")) throw new Error("the edited lock was not caught");
    });
    writeFileSync(join(dir, edited.file), original);
    const checkCore = await median(async () => {
      const parsed = new Map();
      for (const env of repository.environments.values())
        if (lockFreshness(repository, env, index, parsed).status !== "fresh")
          throw new Error("a lock is not fresh");
    });
    return [
      {
        name: "lock: generate synthetic repository (written to disk)",
        value: generated,
        unit: "s",
        note: shape,
      },
      {
        name: `lock: validate synthetic repository (schemas + all rules)`,
        value: validation.diagnostics.length === 0 ? 0 : validation.diagnostics.length,
        unit: "findings",
        note: `${errors.length} errors`,
      },
      {
        name: `lock: labenv lock --upgrade, ${envs} environments (in-process CLI)`,
        value: relockCli,
        unit: "s",
        goal: "< 3 s",
        met: relockCli < 3,
      },
      {
        name: `lock: labenv lock --check, ${envs} environments (in-process CLI)`,
        value: checkCli,
        unit: "s",
        goal: "< 1 s",
        met: checkCli < 1,
      },
      {
        name: `lock: labenv lock --check, ${envs} environments, one edited by hand (in-process CLI, exit 1)`,
        value: checkEditedCli,
        unit: "s",
        goal: "< 1 s",
        met: checkEditedCli < 1,
      },
      {
        name: `lock: core re-resolve of ${envs} environments (repository loaded)`,
        value: relockCore,
        unit: "s",
      },
      {
        name: `lock: core freshness check of ${envs} locks (repository loaded)`,
        value: checkCore,
        unit: "s",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall time in seconds over RUNS runs, after one warm-up. */
async function median(run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push((performance.now() - t) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io: CliIO & { code: number } = {
    code: 0,
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (out += `${t}\n`),
    exit: (c) => void (io.code = Math.max(io.code, c)),
    today: () => TODAY,
    now: () => new Date(`${TODAY}T12:00:00Z`),
  };
  return { code: await main(args, io), out };
}

function expectCode(r: { code: number; out: string }, code: number): void {
  if (r.code !== code) throw new Error(`exit ${r.code}: ${r.out.slice(0, 500)}`);
}
