// Apply at scale through the aws provider: the synthetic repository (1,000 environments by
// default) reconciled into an empty account on moto_server (127.0.0.1), behind a proxy that holds
// every call for a fixed latency, as AWS's round trip would. Wall time, calls and the most calls
// in flight; then a second reconcile with nothing changed. Anchor: Flux's published 1,000
// Kustomizations in 4 min 16 s.
//
// Sizes: LABENV_BENCH_APPLY_ENVIRONMENTS (default 1000, 20 per lab), LABENV_BENCH_LATENCY_MS
// (default 20). LABENV_BENCH_APPLY_ONE_AT_A_TIME=1 applies without lanes (as before issue 20), to
// compare. Nothing here runs in `npm test`.
//
// What moto cannot do shapes the plan: it implements no AWS Backup and its services never start a
// task, so the synthetic repository's requested snapshots (one environment in four) cannot be
// taken there; their snapshot documents are left out of the bench repository, and the figure is
// for access points, task definitions and services (moto accepts and ignores managed EBS).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAwsClients } from "../reconciler/adapters/aws/aws-clients.js";
import { AwsProvider } from "../reconciler/adapters/aws/aws-provider.js";
import { FileStateStore } from "../reconciler/adapters/file/file-state-store.js";
import { reconcile, type ReconcileResult } from "../reconciler/core/reconcile/reconcile.js";
import { createSchemaValidator } from "../reconciler/core/validate/schema-validator.js";
import { createAccountFixtures } from "../test/integration/aws/account-fixtures.js";
import { testClients, warmUpMoto } from "../test/integration/aws/aws-test-clients.js";
import { startMoto } from "../test/integration/moto.js";
import type { Provider } from "../reconciler/ports/provider.js";
import { startDelayingProxy } from "./delaying-proxy.js";
import type { Measurement } from "./run.js";
import { syntheticFiles, syntheticIndex } from "./synthetic-repo.js";

const ENVIRONMENTS = Number(process.env.LABENV_BENCH_APPLY_ENVIRONMENTS ?? 1000);
const LATENCY_MS = Number(process.env.LABENV_BENCH_LATENCY_MS ?? 20);
const ONE_AT_A_TIME = process.env.LABENV_BENCH_APPLY_ONE_AT_A_TIME === "1";
const PER_LAB = 20;
const FLUX_SECONDS = 4 * 60 + 16;

export default async function awsApplyBench(): Promise<Measurement[]> {
  const labs = Math.max(1, Math.ceil(ENVIRONMENTS / PER_LAB));
  const files = syntheticFiles({
    labs,
    envsPerLab: Math.min(PER_LAB, ENVIRONMENTS),
    packVersions: 100,
  }).filter((f) => !f.path.includes("/snapshots/"));
  const moto = await startMoto();
  const dir = mkdtempSync(join(tmpdir(), "labenv-bench-apply-"));
  const proxy = await startDelayingProxy(moto.endpoint, LATENCY_MS);
  try {
    await warmUpMoto(moto.endpoint);
    await moto.reset();
    const config = await createAccountFixtures(testClients(moto.endpoint), proxy.endpoint);
    // The clients labenv builds for itself (adaptive retry, 8 attempts), pointed at the proxy.
    const aws = new AwsProvider(config, createAwsClients(config));
    const { lanes: _lanes, ...withoutLanes } = aws;
    const provider: Provider = ONE_AT_A_TIME
      ? { ...withoutLanes, observe: () => aws.observe(), apply: (a, r) => aws.apply(a, r) }
      : aws;
    const state = new FileStateStore(join(dir, "state"));
    const check = createSchemaValidator();
    const index = syntheticIndex();
    let run = 0;
    const once = async (): Promise<{ result: ReconcileResult; seconds: number }> => {
      proxy.reset();
      const started = performance.now();
      const result = await reconcile(
        {
          files,
          commit: "c0ffee",
          today: "2026-12-06",
          index: () => index,
          mode: "apply",
          trigger: "bench",
          // What infra/ gives the Lambda; images are not built (moto runs no CodeBuild build).
          runtime: {
            subnets: config.subnets,
            securityGroups: config.securityGroups,
            imageBuilds: false,
          },
        },
        {
          provider,
          state,
          check,
          now: () => new Date(),
          runId: `bench-${++run}`,
          owner: "bench",
        },
      );
      return { result, seconds: (performance.now() - started) / 1000 };
    };

    const first = await once();
    const applyCalls = proxy.calls;
    const applyPeak = proxy.peak;
    const byService = [...proxy.byService]
      .sort((a, b) => b[1] - a[1])
      .map(([s, n]) => `${s} ${n}`)
      .join(", ");
    const second = await once();
    const envs = labs * Math.min(PER_LAB, ENVIRONMENTS);
    const created = first.result.plan?.summary.create ?? 0;
    const outcome = (r: ReconcileResult) =>
      r.outcome === "applied" || r.outcome === "no-changes"
        ? r.outcome
        : `${r.outcome}: ${(r.reason ?? "").slice(0, 200)}`;
    return [
      {
        name: `aws-apply: reconcile ${envs} new environments, moto + ${LATENCY_MS} ms a call${ONE_AT_A_TIME ? ", one at a time" : ""}: wall`,
        value: first.seconds,
        unit: "s",
        goal: "< 60 s",
        met: first.seconds < 60 && first.result.outcome === "applied",
        note: `${created} resources created (${outcome(first.result)}); anchor: Flux, 1,000 Kustomizations in ${FLUX_SECONDS} s`,
      },
      {
        name: `aws-apply: AWS API calls / most in flight at once`,
        value: applyCalls,
        unit: "calls",
        note: `peak ${applyPeak} in flight; ${byService}`,
      },
      {
        name: `aws-apply: reconcile ${envs} environments, nothing changed: wall`,
        value: second.seconds,
        unit: "s",
        goal: "< 10 s",
        met: second.seconds < 10 && second.result.outcome === "no-changes",
        note: `${proxy.calls} calls, peak ${proxy.peak} in flight (${outcome(second.result)})`,
      },
    ];
  } finally {
    await proxy.close();
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
