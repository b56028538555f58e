// Drift: how long one drift run takes for 1,000 environments whose agents all
// reported (100 of them drifting), and how many GitHub API calls a run makes
// when nothing changed since the last one (goal: zero writes), counted with
// nock. Everything runs in memory: the ports are the test world's, GitHub is nock.
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { GitHubGitHost } from "../reconciler/adapters/git-host/github-git-host.js";
import { drift } from "../reconciler/core/drift/drift.js";
import { runDrift, type DriftRunInput } from "../reconciler/core/drift/run-drift.js";
import { effectiveRules } from "../reconciler/core/drift/severity-rules.js";
import { loadRepository, type RepoFile } from "../reconciler/core/load/load-repository.js";
import { parseEmbeddedIndex } from "../reconciler/core/lock/package-index.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import type { DriftPullRequestSpec, GitHost } from "../reconciler/ports/git-host.js";
import {
  driftWorld,
  observationOf,
  putObservation,
  withRequests,
} from "../test/core/drift/drift-world.js";
import { exampleFiles } from "../test/helpers/example-repo.js";
import type { Measurement } from "./run.ts";

const ENVIRONMENTS = 1000;
const DRIFTING = 100;

export default async function driftBench(): Promise<Measurement[]> {
  const files = syntheticRepository(ENVIRONMENTS);
  const { repository } = loadRepository(files, createSchemaValidator());
  const index = parseEmbeddedIndex(textOf(files, "package-index.yaml"));
  const keys = [...repository.environments.keys()].filter((k) => k.includes("/bench-")).sort();
  const world = driftWorld(repository);
  for (const [i, key] of keys.entries()) {
    await putObservation(
      world.objects,
      observationOf(
        repository.locks.get(key)!.doc,
        "2026-11-23T11:45:00Z",
        i < DRIFTING ? withRequests : undefined,
      ),
    );
  }
  const input: DriftRunInput = {
    repository,
    index,
    commit: "c".repeat(40),
    baseBranch: "main",
    mode: "act",
    where: "bench",
    maxOpenPerLab: ENVIRONMENTS,
  };
  const now = () => new Date("2026-11-23T12:00:00Z");

  // 1. The pure report alone; whole runs (desire, observe, judge, decide) in report mode; then one acting run that opens 100 pull requests.
  // Times are CPU time of this process (wall time in the note): these machines are shared and wall time swings with their load.
  const rules = effectiveRules(repository.labs.get("genomics-core")?.doc);
  const pure = await measure(async () => {
    for (const key of keys)
      drift({
        lock: repository.locks.get(key)!.doc,
        observation: JSON.parse(world.objects.data.get(`observations/${key}/latest.json`)!),
        infra: { desired: [], observed: [] },
        rules,
      });
  });
  const reportRuns: Timing[] = [];
  for (let i = 0; i < 3; i++)
    reportRuns.push(
      await measure(() =>
        runDrift(
          { ...input, mode: "report" },
          { ...world, now, runId: "bench-report", owner: "bench" },
        ),
      ),
    );
  const report = reportRuns.sort((a, b) => a.cpu - b.cpu)[1]!;
  const captured: DriftPullRequestSpec[] = [];
  const capture: GitHost = {
    name: "github",
    async listDriftPullRequests() {
      return [];
    },
    async closePullRequest() {},
    async readFile() {
      return undefined;
    },
    async ensureDriftPullRequest(spec) {
      captured.push(spec);
      return { number: captured.length, outcome: "created", warnings: [] };
    },
  };
  let first: Awaited<ReturnType<typeof runDrift>> | undefined;
  const acting = await measure(
    async () =>
      void (first = await runDrift(input, {
        ...world,
        gitHost: capture,
        now,
        runId: "bench",
        owner: "bench",
      })),
  );
  const opened = first!.environments.filter((e) => e.pullRequest?.outcome === "created").length;

  // 2. The next run against GitHub, nothing changed: count every request.
  const requests: string[] = [];
  nock.disableNetConnect();
  const onRequest = (req: { method?: string; path?: string }) =>
    void requests.push(`${req.method} ${req.path}`);
  nock.emitter.on("no match", onRequest);
  const pulls = captured.map((s, i) => ({
    number: i + 1,
    state: "open",
    title: s.title,
    body: s.body,
    html_url: "",
    head: { ref: s.branch, sha: "e".repeat(40) },
    labels: s.labels.map((name) => ({ name })),
    created_at: "2026-11-23T12:00:00Z",
    updated_at: "2026-11-23T12:00:00Z",
    closed_at: null,
    merged_at: null,
  }));
  nock("https://api.github.com")
    .get("/repos/westtek-research/labs/pulls")
    .query(true)
    .reply(200, (uri: string) => {
      requests.push(`GET ${uri}`);
      return pulls;
    });
  const octokit = new Octokit({
    auth: "bench",
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
  });
  let second: Awaited<ReturnType<typeof runDrift>> | undefined;
  const again = await measure(
    async () =>
      void (second = await runDrift(input, {
        ...world,
        gitHost: new GitHubGitHost({ owner: "westtek-research", repo: "labs", octokit }),
        now,
        runId: "bench-2",
        owner: "bench",
      })),
  );
  nock.emitter.removeListener("no match", onRequest);
  nock.cleanAll();
  nock.enableNetConnect();
  const writes = requests.filter((r) => !r.startsWith("GET")).length;
  const unchanged = second!.environments.filter(
    (e) => e.pullRequest?.outcome === "unchanged",
  ).length;
  const row = (name: string, m: Timing, goal = true): Measurement => ({
    name,
    value: m.cpu,
    unit: "ms cpu",
    ...(goal ? { goal: "< 2000 ms", met: m.cpu < 2000 } : {}),
    note: `wall ${Math.round(m.wall)} ms`,
  });
  return [
    row(`drift: pure reports for ${keys.length} environments`, pure, false),
    row(`drift: run for ${keys.length} environments, judge and decide (median of 3)`, report),
    row(
      `drift: run for ${keys.length} environments, acting (${opened} pull requests opened)`,
      acting,
    ),
    row(`drift: run again, nothing changed (${unchanged} pull requests unchanged)`, again),
    {
      name: "drift: GitHub API calls when nothing changed",
      value: requests.length,
      unit: "calls",
      note: requests.join(", "),
    },
    {
      name: "drift: GitHub API writes when nothing changed",
      value: writes,
      unit: "writes",
      goal: "0",
      met: writes === 0,
    },
  ];
}

interface Timing {
  cpu: number;
  wall: number;
}

async function measure(f: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await f();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

/** The example repository plus `count` copies of genomics-core/rnaseq (bench-0000…). */
function syntheticRepository(count: number): RepoFile[] {
  const files = exampleFiles().map((f) =>
    f.path === "environments/genomics-core/lab.yaml"
      ? {
          ...f,
          content: textOf([f], f.path).replace(
            "maxOpenPullRequests: 3",
            `maxOpenPullRequests: ${count}`,
          ),
        }
      : f,
  );
  const env = textOf(files, "environments/genomics-core/rnaseq/environment.yaml");
  const lock = textOf(files, "environments/genomics-core/rnaseq/environment.lock.yaml");
  for (let i = 0; i < count; i++) {
    const name = `bench-${String(i).padStart(4, "0")}`;
    files.push({
      path: `environments/genomics-core/${name}/environment.yaml`,
      content: env.replace("name: rnaseq", `name: ${name}`),
    });
    files.push({
      path: `environments/genomics-core/${name}/environment.lock.yaml`,
      content: lock.replace("name: rnaseq", `name: ${name}`),
    });
  }
  return files;
}

function textOf(files: RepoFile[], path: string): string {
  const f = files.find((x) => x.path === path)!;
  return typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8");
}
