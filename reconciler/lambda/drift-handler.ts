import { randomUUID } from "node:crypto";
import { requireUsableConfig } from "../core/load/repo-config.js";
import { runDrift, type DriftRunDeps } from "../core/drift/run-drift.js";
import { LabenvError } from "../core/errors.js";
import { loadRepository } from "../core/load/load-repository.js";
import { fromFiles, indexForChecks } from "../core/lock/embedded-index-from-files.js";
import type { RepoFile } from "../core/load/load-repository.js";
import { isolate } from "../core/reconcile/hold-back.js";
import { lockRules, packsImmutable } from "../core/validate/rules/lock-rules.js";
import { createSchemaValidator } from "../core/validate/schema-validator.js";
import { validateFiles } from "../core/validate/validate.js";
import { readLambdaEnv, runtimeSettings } from "./lambda-env.js";
import type { RuntimeSettings } from "../core/desire/desire.js";
import type { SnapshotSources } from "../ports/snapshot-sources.js";
import {
  renderDueVerifications,
  verifyDueSnapshots,
  type DueVerifications,
} from "../core/snapshots/verify-due.js";
import {
  DEFAULT_VERIFY_EVERY_DAYS,
  DEFAULT_VERIFY_MAX_PER_RUN,
  VERIFY_BUDGET_MS,
} from "../core/snapshots/verify-schedule.js";

/** The schedule (or an ECS task state change), or the GitHub App after a drift pull request was closed unmerged (`revert`). */
export type DriftEvent = {
  source: "aws.events" | "aws.ecs" | "labenv.github-app";
  revert?: string;
  fingerprint?: string;
  repository?: string;
  installationId?: number;
};

/** What one drift run needs: the repository on the default branch and the ports. */
export interface DriftRuntime extends Omit<DriftRunDeps, "runId" | "owner"> {
  files: RepoFile[];
  commit: string;
  where: string;
  /** What infra/ told the function (as the reconciler gets it). */
  runtime?: RuntimeSettings;
  /** Where a snapshot's evidence is read (AWS's APIs): the scheduled verification needs it. */
  snapshotSources?: () => SnapshotSources;
}

/** What the scheduled verification leaves of the Lambda's time (a verify started just before runs on). */
export const VERIFY_MARGIN_MS = 90_000;

/**
 * The scheduled drift Lambda: reads main, judges every environment (or the
 * one a closed drift pull request names) and applies its policy. Returns a
 * summary; a failed put-back throws so Lambda retries and finally dead-letters it.
 */
export function createDriftHandler(open: (event: DriftEvent) => Promise<DriftRuntime>) {
  return async (
    event: DriftEvent,
    context?: { awsRequestId?: string; getRemainingTimeInMillis?: () => number },
  ) => {
    const rt = await open(event);
    const check = createSchemaValidator();
    const { repository, diagnostics } = loadRepository(rt.files, check);
    requireUsableConfig(diagnostics);
    const config = repository.config?.doc.spec;
    const index = indexForChecks(repository, fromFiles(rt.files));
    // What the reconciler holds back (a finding in its documents) drift leaves alone too.
    const isolation = isolate(
      repository,
      validateFiles(rt.files, check, { today: rt.now().toISOString().slice(0, 10) }, [
        lockRules(() => index),
        packsImmutable,
      ]).diagnostics,
    );
    const result = await runDrift(
      {
        repository,
        heldBy: isolation.heldBy,
        index: index ?? new Map(),
        commit: rt.commit,
        baseBranch: config?.git?.defaultBranch ?? "main",
        mode: "act",
        where: rt.where,
        maxOpenPerLab: config?.drift?.maxOpenPullRequestsPerLab ?? 5,
        ...(rt.runtime ? { runtime: rt.runtime } : {}),
        ...(event.revert ? { only: [event.revert] } : {}),
      },
      {
        ...rt,
        check,
        runId: context?.awsRequestId ?? randomUUID(),
        owner: `lambda:${context?.awsRequestId ?? "local"}`,
      },
    );
    const environments = result.environments.map((e) => ({
      environment: e.environment,
      status: e.report?.status ?? "SKIPPED",
      action: e.action?.kind,
      outcome: e.outcome ?? e.skipped,
    }));
    const failed = environments.filter((e) => e.outcome?.startsWith("putting it back failed"));
    // On the schedule only: prove stored snapshots intact, a bounded number per run.
    const verifications =
      event.source === "aws.events" && rt.snapshotSources
        ? await verifyDueSnapshots(
            { objects: rt.objects, sources: rt.snapshotSources },
            {
              everyDays: config?.snapshots?.verifyEveryDays ?? DEFAULT_VERIFY_EVERY_DAYS,
              maxPerRun: config?.snapshots?.verifyMaxPerRun ?? DEFAULT_VERIFY_MAX_PER_RUN,
              deadline: verifyDeadline(rt.now(), context?.getRemainingTimeInMillis?.()),
              now: rt.now,
              by: "the drift Lambda's schedule",
            },
          )
        : undefined;
    if (verifications) logVerifications(verifications);
    if (failed.length > 0)
      throw Object.assign(
        new Error(`drift: ${failed.map((f) => `${f.environment}: ${f.outcome}`).join("; ")}`),
        { environments, ...(verifications ? { verifications } : {}) },
      );
    return { commit: rt.commit, environments, ...(verifications ? { verifications } : {}) };
  };
}

/** When the verification stops starting verifies: its budget, or the Lambda's time less a margin. */
export function verifyDeadline(now: Date, remainingMs?: number): Date {
  const budget =
    remainingMs === undefined
      ? VERIFY_BUDGET_MS
      : Math.max(0, Math.min(VERIFY_BUDGET_MS, remainingMs - VERIFY_MARGIN_MS));
  return new Date(now.getTime() + budget);
}

/** A failed verification is an error in the function's log, where alarms and people look. */
function logVerifications(v: DueVerifications): void {
  const lines = renderDueVerifications(v);
  if (v.failing.length > 0 || v.error) console.error(lines.join("\n"));
  else console.log(lines.join("\n"));
}

/** Production wiring from the variables infra/ sets: AWS provider, DynamoDB state, S3 objects, GitHub through the App's installation. */
export async function openFromEnvironment(
  event: DriftEvent = { source: "aws.events" },
): Promise<DriftRuntime> {
  // A put-back request from the GitHub App names its repository and installation; the schedule uses the configured ones.
  const env = {
    ...readLambdaEnv(process.env),
    ...(event.repository ? { githubRepository: event.repository } : {}),
    ...(event.installationId ? { githubInstallationId: event.installationId } : {}),
  };
  // The AWS SDK clients and GitHub are loaded here, by the first invocation, not at import (as
  // the reconciler Lambda does): the cold import stays short.
  const [{ awsContext, awsSnapshotSources }, { lambdaGitHost }, { readRepository }] =
    await Promise.all([
      import("./aws-context.js"),
      import("./lambda-git-host.js"),
      import("./repository-source.js"),
    ]);
  const repo = await readRepository(env, {});
  const { provider, state, objects } = awsContext(env);
  if (!objects)
    throw new LabenvError("config", "drift needs the object store (observations, reports)", {
      hint: "set LABENV_OBJECT_BUCKET",
    });
  return {
    files: repo.files,
    commit: repo.commit,
    provider,
    state,
    objects,
    gitHost: await lambdaGitHost(env),
    now: () => new Date(),
    where: provider.label,
    runtime: runtimeSettings(env),
    snapshotSources: () => awsSnapshotSources(env, objects, [], () => new Date()),
  };
}

export const handler = createDriftHandler(openFromEnvironment);
