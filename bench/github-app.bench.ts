// A `pull_request.synchronize` for a pull request that changes 20
// environment files in a 1,000-environment repository (50 labs × 20
// environments, each with its lock, generated in memory), GitHub mocked with
// nock: time from the delivery to the app's last API write, and memory.
//
// Each scenario runs in a fresh Node process: this file bundled by esbuild the
// way infra/ bundles the Lambda (one ESM file, no TypeScript loader) and run
// with `--delivery-process`, so its peak RSS is the app's own: Node, Probot,
// the app, the mocked GitHub and the two commits it reads, nothing of the
// generator. In that process: the first delivery (cold code, nothing
// remembered), then pushes whose base the instance has not loaded (both
// commits read), then later pushes to the same pull request (base remembered).
//
// Memory, 20 labs: peak RSS was 299–325 MB. What held it: every remembered
// review (up to 32) kept its plan with the desired and observed resource of
// every action, every task definition and service of the 400 environments
// read, about 4 MB a review; the app now remembers the plan as the comment
// tells it (github-app/github/load-review.ts), and peak heap went from 140 to
// 95 MB. Then 280 MB: process.memoryUsage() sampled every 2 ms showed 75–80 MB
// of ArrayBuffers at the peak, garbage that V8 collects only once 64 MB of it
// has piled up — each delivery unpacked its tarballs whole (about 6 MB of tar
// each, and as much again in the pieces gunzip joined into it). The tar is now
// read as gunzip streams it, each file copied into a buffer of its own
// (github-app/github/tar-archive.ts): ArrayBuffers peak at 20–35 MB, one lab
// went from 217 to 172 MB and 20 labs from 277 to 258 MB. What is left, 20
// labs: the process before any delivery (88 MB: Node, Probot and Octokit,
// and in this bench nock and the test fixtures, which the Lambda does not
// carry), and a heap that V8 lets grow to 130 MB (100 MB used) while a
// delivery with a new base parses both commits' documents of 20 labs (about
// 800 files each, the YAML parser's nodes with positions for every error
// message). Most of that heap is garbage V8 has not collected yet: sampled
// after each stage of the deliveries, heapUsed climbs 10–20 MB a delivery
// (what a delivery holds until it ends survives the young generation) from
// about 45 MB to 117–126 MB, and one full collection brings it back to 45.
// Tried: a young generation of 1 or 4 MB (--max-semi-space-size) changed the
// 20-lab peak by less than 5 MB, one of 32 or 64 MB raised it to 304 and 336
// MB; --max-old-space-size=128 brings it to 188 MB, but a review of the whole
// repository (a change to labenv.yaml) could need more than that and the
// Lambda would then crash, so it is not set. A full collection after each
// delivery (node --expose-gc, globalThis.gc() once its writes were done)
// brought the 20-lab peak to 196–200 MB and peak heap from 117 to 63 MB, but
// cost 23–76 ms a collection and, with the heap grown again each time, 1.2–1.9
// s more CPU over the 11 deliveries (7.3–7.8 s instead of 5.4–6.2 s; one lab
// 3.0–3.1 s instead of 1.4–1.8 s): 20–30% more CPU per review, paid on every
// delivery, to stay under a figure the Lambda's 1,024 MB does not need. Not
// done; the process's CPU is now printed beside the latencies.
//
// What the RSS was made of (process.memoryUsage() sampled every 2 ms, and
// --trace-gc), 20 labs: before the first delivery 89 MB = heap 43 + external
// 5 + 41 of Node itself; at the peak 265 MB = heap 145 + external (buffers)
// 35 + 85, the last grown by 45 MB of native memory (malloc arenas holding
// freed buffers, V8's pool of freed pages). The heap: only three full
// collections in the whole run, the first at 121 MB used for 36 MB kept:
// V8 starts with a large old-generation limit and then sets it up to 4×
// what a collection kept when collections are cheap, as they are here. Tried, each on its own (one run
// each, load 4–8, RSS / CPU of the run; CPU is ±15% at that load):
// --optimize-for-size 153 MB but 9.7–9.9 s CPU instead of 5.3–5.6 (no);
// --heap-growing-percent=25/50/75/100 193–194 / 193–209 / 205–217 / 216–228
// MB; --initial-old-space-size=32 277 MB (no change); MALLOC_ARENA_MAX=2
// 210–244 MB alone, 10–30 MB less than without in every pairing; streaming
// each tarball twice so that only the opened labs' files are ever copied out
// (github-app/github/read-repository.ts) 245–270 MB alone, but buffers 13–17
// MB instead of 17–25 with the rest; --max-semi-space-size=4 with growth 50
// 161–168 MB but four times the young collections (1,000 instead of 250),
// =8 155–165 MB with twice (500). V8 reads --heap-growing-percent at every
// collection, so v8.setFlagsFromString sets it at start-up (checked: the
// heap stays at 88 MB); the semi-space size is fixed when the heap is made
// (set that way it changed nothing), so it is in NODE_OPTIONS.
//
// Done (github-app/heap-tuning.ts): growth 50% set by the Lambda and server
// entries, NODE_OPTIONS=--max-semi-space-size=8 and MALLOC_ARENA_MAX=2 in
// the Lambda's environment (infra/lib/github-app.ts; this bench gives its
// delivery process the same, LABENV_BENCH_APP_UNTUNED=1 runs it without),
// and the two-pass tarball read. `npm run bench -- github-app` three times
// each, alternated, load 8.4–9.3 (medians): 20 labs 247 → 159 MB RSS
// (241–250 → 158–165), peak heap 101 → 64 MB; one lab 177 → 130 MB; the
// process's CPU 5.5 → 6.2 s for 20 labs (+12%), 1.62 → 1.74 s for one lab
// (+7%). Nothing caps the heap, so a review of the whole repository still
// gets what it needs. Delivery latencies at that load were 0.35–1.2 s with
// and without, too noisy to tell apart. Also checked: the schema validators
// are compiled once per app instance (github-app/app.ts), not per delivery.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import nock from "nock";
import { createLabenvApp } from "../github-app/app.js";
import { APP_PROCESS_ENVIRONMENT, tuneHeapForReviews } from "../github-app/heap-tuning.js";
import type { RepoFile } from "../reconciler/core/load/load-repository.js";
import {
  mockApp,
  mockBranch,
  mockJudgement,
  mockToken,
} from "../test/github-app/helpers/github-api.js";
import { OWNER, REPO, pullRequestEvent } from "../test/github-app/helpers/payloads.js";
import { syntheticRepository } from "../test/github-app/helpers/synthetic-repository.js";
import { tarball } from "../test/github-app/helpers/tarball.js";
import { testProbot } from "../test/github-app/helpers/test-probot.js";
import type { Measurement } from "./run.js";

const API = "https://api.github.com";
const R = `/repos/${OWNER}/${REPO}`;
const RUNS = 5;

interface Scenario {
  changed: string[];
  baseGz: Buffer;
  headGz: Buffer;
}

interface Figures {
  firstMs: number;
  newBaseMs: number[];
  laterMs: number[];
  peakHeapMb: number;
  /** Sampled peaks of process.memoryUsage(): rss, heapTotal, external, arrayBuffers. */
  peaksMb: Record<string, number>;
  maxRssMb: number;
  startRssMb: number;
  /** process.memoryUsage() before the first delivery, MB. */
  startMb: Record<string, number>;
  /** CPU time of the whole process (start-up and every delivery). */
  cpuMs: number;
}

const sha = (prefix: string, i: number) => `${prefix}${String(i).padStart(39, "0")}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Mocks one delivery's API calls (the base tarball only when the app must read it); gives the time of the last write. */
function mockDelivery(
  s: Scenario,
  head: string,
  base: string,
  readsBase: boolean,
): { lastWrite: () => number; settle: () => void } {
  let last = 0;
  // The base branch's tip is the pull request's base: the review reads no third commit.
  mockBranch("main", base);
  const write = (body: unknown) => ((last = performance.now()), body);
  nock(API)
    .get(`${R}/pulls/7/files`)
    .query(true)
    .reply(
      200,
      s.changed.map((filename) => ({ filename, status: "modified" })),
    );
  nock(API)
    .get(`${R}/tarball/${head}`)
    .reply(200, s.headGz, { "content-type": "application/x-gzip" });
  if (readsBase)
    nock(API)
      .get(`${R}/tarball/${base}`)
      .reply(200, s.baseGz, { "content-type": "application/x-gzip" });
  nock(API)
    .post(`${R}/check-runs`)
    .reply(201, () => write({ id: 1 }));
  nock(API).get(`${R}/issues/7/comments`).query(true).reply(200, []);
  nock(API)
    .post(`${R}/issues/7/comments`)
    .reply(201, () => write({ id: 2 }));
  const judgement = mockJudgement({
    number: 7,
    head,
    tip: base,
    tipKnown: true,
    author: "user-7-1",
    reviews: [],
  });
  nock(API)
    .get(`${R}/commits/${head}/check-runs`)
    .query(true)
    .reply(200, { total_count: 0, check_runs: [] });
  nock(API)
    .post(`${R}/check-runs`)
    .reply(201, () => write({ id: 3 }));
  return { lastWrite: () => last, settle: () => judgement.settle() };
}

/** The child process: deliveries against one app instance. */
async function deliveryProcess(dir: string): Promise<Figures> {
  // As the app's Lambda and server entries do (LABENV_BENCH_APP_UNTUNED=1: V8's own growth).
  if (process.env.LABENV_BENCH_APP_UNTUNED !== "1") tuneHeapForReviews();
  nock.disableNetConnect();
  const s: Scenario = {
    changed: JSON.parse(readFileSync(join(dir, "changed.json"), "utf8")) as string[],
    baseGz: readFileSync(join(dir, "base.tgz")),
    headGz: readFileSync(join(dir, "head.tgz")),
  };
  const probot = await testProbot(createLabenvApp({ now: () => new Date("2026-11-23T12:00:00Z") }));
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const startMb = Object.fromEntries(
    Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 2 ** 20)]),
  );
  let peak = 0;
  const peaks = { rss: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    for (const k of Object.keys(peaks) as (keyof typeof peaks)[])
      peaks[k] = Math.max(peaks[k], m[k]);
  }, 2);
  let n = 0;
  const deliver = async (head: string, base: string, readsBase: boolean) => {
    const { lastWrite, settle } = mockDelivery(s, head, base, readsBase);
    const start = performance.now();
    await probot.receive({
      id: `d-${n}`,
      name: "pull_request",
      payload: pullRequestEvent("synchronize", {
        head,
        base,
        author: "user-7-1",
        updatedAt: `2026-11-23T10:00:${String(n++ % 60).padStart(2, "0")}Z`,
      }),
    } as never);
    settle();
    if (lastWrite() === 0) throw new Error("the delivery wrote nothing");
    return lastWrite() - start;
  };
  mockToken();
  // The app reads who it is once per instance (GET /app).
  mockApp();
  const firstMs = await deliver(sha("a", 0), sha("b", 0), true);
  const laterMs: number[] = [];
  for (let i = 1; i <= RUNS; i++) laterMs.push(await deliver(sha("a", i), sha("b", 0), false));
  const newBaseMs: number[] = [];
  for (let i = 1; i <= RUNS; i++)
    newBaseMs.push(await deliver(sha("a", 100 + i), sha("c", i), true));
  clearInterval(sampler);
  if (nock.pendingMocks().length > 0)
    throw new Error(`unused mocks: ${nock.pendingMocks().join(", ")}`);
  return {
    firstMs,
    newBaseMs,
    laterMs,
    peakHeapMb: peak / 2 ** 20,
    peaksMb: Object.fromEntries(
      Object.entries(peaks).map(([k, v]) => [k, Math.round(v / 2 ** 20)]),
    ),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
    startMb,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  };
}

function scenario(
  files: RepoFile[],
  environments: string[],
): { changed: string[]; base: Buffer; head: Buffer } {
  const changed = environments.map((e) => `environments/${e}/environment.yaml`);
  const wanted = new Set(changed);
  const head = files.map((f) =>
    wanted.has(f.path)
      ? {
          path: f.path,
          content: Buffer.from(f.content)
            .toString("utf8")
            .replace("idleShutdownMinutes: 120", "idleShutdownMinutes: 90"),
        }
      : f,
  );
  return { changed, base: tarball(files, sha("b", 0)), head: tarball(head, sha("a", 0)) };
}

/** This file as one ESM bundle under node_modules/.cache (so that package look-ups at run time still resolve). */
async function bundleSelf(): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const outdir = join(dirname(self), "..", "node_modules", ".cache", "labenv-bench");
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, "github-app.bench.mjs");
  await build({
    entryPoints: [self],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    banner: {
      js: "import { createRequire as __labenvCreateRequire } from 'node:module'; const require = __labenvCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

function runChild(bundle: string, dir: string): Figures {
  // Extra Node/V8 flags for the delivery process, to compare settings (see the notes above).
  const flags = (process.env.LABENV_BENCH_APP_FLAGS ?? "").split(" ").filter(Boolean);
  // The Lambda's environment (LABENV_BENCH_APP_UNTUNED=1: Node's defaults).
  const untuned = process.env.LABENV_BENCH_APP_UNTUNED === "1";
  const r = spawnSync(process.execPath, [...flags, bundle, "--delivery-process", dir], {
    env: { ...process.env, ...(untuned ? {} : APP_PROCESS_ENVIRONMENT) },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0)
    throw new Error(`delivery process failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Figures;
}

export default async function (): Promise<Measurement[]> {
  const repo = syntheticRepository(50, 20);
  const cases = [
    {
      label: "20 environments in one lab",
      environments: repo.environments.filter((e) => e.startsWith("lab-07/")),
    },
    {
      label: "20 environments in 20 labs",
      environments: repo.labs.slice(0, 20).map((l) => `${l}/env-03`),
    },
  ];
  const bundle = await bundleSelf();
  const out: Measurement[] = [];
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), "labenv-bench-app-"));
    try {
      const s = scenario(repo.files, c.environments);
      writeFileSync(join(dir, "changed.json"), JSON.stringify(s.changed));
      writeFileSync(join(dir, "base.tgz"), s.base);
      writeFileSync(join(dir, "head.tgz"), s.head);
      const f = runChild(bundle, dir);
      const later = median(f.laterMs);
      const fresh = median(f.newBaseMs);
      out.push({
        name: `github-app: ${c.label}: later push (base remembered)`,
        value: later,
        unit: "ms",
        goal: "< 500 ms",
        met: later < 500,
        note: `delivery → last write, median of ${RUNS}, max ${Math.round(Math.max(...f.laterMs))} ms; the process's CPU for all ${2 * RUNS + 1} deliveries and its start ${Math.round(f.cpuMs)} ms`,
      });
      out.push({
        name: `github-app: ${c.label}: new base (both commits read)`,
        value: fresh,
        unit: "ms",
        goal: "< 500 ms",
        met: fresh < 500,
        note: `median of ${RUNS}, max ${Math.round(Math.max(...f.newBaseMs))} ms`,
      });
      out.push({
        name: `github-app: ${c.label}: first delivery of a fresh process`,
        value: f.firstMs,
        unit: "ms",
        note: "cold code paths",
      });
      out.push({
        name: `github-app: ${c.label}: peak heap`,
        value: f.peakHeapMb,
        unit: "MB",
        goal: "< 200 MB",
        met: f.peakHeapMb < 200,
      });
      out.push({
        name: `github-app: ${c.label}: peak RSS of the app process`,
        value: f.maxRssMb,
        unit: "MB",
        goal: "< 200 MB",
        met: f.maxRssMb < 200,
        note: `bundled as for Lambda; Node + Probot + app + nock; RSS before the first delivery ${Math.round(f.startRssMb)} MB; sampled peaks ${Object.entries(
          f.peaksMb,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")} MB`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

if (process.argv[2] === "--delivery-process") {
  const figures = await deliveryProcess(process.argv[3]!);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}
