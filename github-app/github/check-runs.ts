import { LabenvError } from "../../reconciler/core/errors.js";
import type { CheckAnnotation, CheckOutput } from "../render/validate-check.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** GitHub accepts at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type CheckName = "labenv/validate" | "labenv/approvals";

export interface CheckRunReport {
  name: CheckName;
  headSha: string;
  status: "in_progress" | "completed";
  conclusion?: "success" | "failure" | "neutral" | "skipped";
  output: CheckOutput;
  annotations?: readonly CheckAnnotation[];
}

/**
 * Publishes a check run on the head commit. With `reuse`, the latest run of
 * that name that this app created on the commit (`reuse.appId`: another
 * app's run of the same name is never touched) is updated in place (the approvals check follows
 * reviews on one run), unless it is completed and the new report is not
 * (then a new run supersedes it). Annotations go 50 per request: the run is
 * created with the first batch and each further batch is an update, the
 * last one carrying the conclusion.
 */
export async function publishCheckRun(
  github: GitHubClient,
  repo: RepoRef,
  report: CheckRunReport,
  options: { reuse?: { appId: number } } = {},
): Promise<number> {
  try {
    const batches = chunk(report.annotations ?? [], ANNOTATIONS_PER_REQUEST);
    const final = {
      status: report.status,
      ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    };
    const first = batches.length > 1 ? { status: "in_progress" as const } : final;
    const output = (annotations: readonly CheckAnnotation[] | undefined) => ({
      ...report.output,
      ...(annotations && annotations.length > 0 ? { annotations: [...annotations] } : {}),
    });
    const existing = options.reuse
      ? await latestRun(github, repo, report, options.reuse.appId)
      : undefined;
    let id: number;
    if (existing !== undefined) {
      await github.rest.checks.update({
        ...repo,
        check_run_id: existing,
        ...first,
        output: output(batches[0]),
      });
      id = existing;
    } else {
      const { data } = await github.rest.checks.create({
        ...repo,
        name: report.name,
        head_sha: report.headSha,
        ...first,
        output: output(batches[0]),
      });
      id = data.id;
    }
    for (let i = 1; i < batches.length; i++) {
      await github.rest.checks.update({
        ...repo,
        check_run_id: id,
        ...(i === batches.length - 1 ? final : {}),
        output: output(batches[i]),
      });
    }
    return id;
  } catch (e) {
    throw new LabenvError(
      "git",
      `cannot publish the ${report.name} check on ${report.headSha.slice(0, 7)}: ${(e as Error).message}`,
      { cause: e },
    );
  }
}

async function latestRun(
  github: GitHubClient,
  repo: RepoRef,
  report: CheckRunReport,
  appId: number,
): Promise<number | undefined> {
  const { data } = await github.rest.checks.listForRef({
    ...repo,
    ref: report.headSha,
    check_name: report.name,
    app_id: appId,
    filter: "latest",
    per_page: 1,
  });
  const run = data.check_runs.find((r) => r.app?.id === appId);
  if (!run) return undefined;
  return run.status === "completed" && report.status !== "completed" ? undefined : run.id;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
