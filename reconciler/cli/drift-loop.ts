import { join } from "node:path";
import { GitHubGitHost } from "../adapters/git-host/github-git-host.js";
import { LocalGitHost } from "../adapters/git-host/local-git-host.js";
import { SandboxContainers } from "../adapters/sandbox/sandbox-observation.js";
import { SandboxProvider } from "../adapters/sandbox/sandbox-provider.js";
import { renderDriftRun } from "../core/drift/render-drift-run.js";
import { runDrift, type DriftRunResult } from "../core/drift/run-drift.js";
import { LabenvError } from "../core/errors.js";
import type { Repository } from "../core/model/documents.js";
import { isolate } from "../core/reconcile/hold-back.js";
import { validateFiles } from "../core/validate/validate.js";
import { extraRules } from "./extra-rules.js";
import type { GitHost } from "../ports/git-host.js";
import type { RunContext } from "./context.js";
import type { CliIO } from "./io.js";

export interface DriftOptions {
  only?: readonly string[];
  /** `act` applies the policies (pull requests, put-backs); `report` only reports. */
  mode: "report" | "act";
}

/** The state directory (`.labenv` unless labenv.yaml says otherwise). */
export function stateDirOf(ctx: RunContext): string {
  return join(ctx.dir, ctx.config.state?.directory ?? ".labenv");
}

/** The git host labenv.yaml names: `local` (default) or `github` (token from GITHUB_TOKEN). */
export function openGitHost(
  ctx: RunContext,
  now: () => Date,
  env: NodeJS.ProcessEnv = process.env,
): GitHost {
  const git = ctx.config.git ?? {};
  if ((git.host ?? "local") === "local")
    return new LocalGitHost(ctx.dir, join(stateDirOf(ctx), "prs"), now);
  const [owner, repo] = (git.repository ?? "").split("/");
  if (!owner || !repo)
    throw new LabenvError(
      "config",
      "git.host: github needs git.repository: <owner>/<name> in labenv.yaml",
    );
  if (!env.GITHUB_TOKEN)
    throw new LabenvError("config", "git.host: github needs a token", {
      hint: "set GITHUB_TOKEN (contents and pull requests: write)",
    });
  return new GitHubGitHost({ owner, repo, token: env.GITHUB_TOKEN });
}

/** In the sandbox, the simulated containers report first, as the agents would on their schedule. */
export async function observeSandbox(
  ctx: RunContext,
  repository: Repository,
  now: () => Date,
): Promise<SandboxContainers | undefined> {
  if (!(ctx.provider instanceof SandboxProvider)) return undefined;
  const provider = ctx.provider;
  const containers = new SandboxContainers({
    stateDir: stateDirOf(ctx),
    account: () => provider.account(),
    repository,
    objects: ctx.objects,
    now,
  });
  await containers.observeAll();
  return containers;
}

/** Judges drift for the repository in `ctx` and, in `act` mode, applies each environment's policy. */
export async function runDriftForContext(
  ctx: RunContext,
  io: CliIO,
  options: DriftOptions,
): Promise<DriftRunResult> {
  const repository = ctx.repository;
  for (const e of options.only ?? []) {
    if (!repository.environments.has(e))
      throw new LabenvError("usage", `there is no environment ${e}`, {
        hint: `known: ${[...repository.environments.keys()].sort().join(", ")}`,
      });
  }
  const gitHost = openGitHost(ctx, io.now);
  // What the reconciler holds back (a finding in its documents) drift leaves alone too.
  const isolation = isolate(
    repository,
    validateFiles(ctx.files, ctx.check, { today: io.today() }, extraRules(ctx.dir)).diagnostics,
  );
  await observeSandbox(ctx, repository, io.now);
  return runDrift(
    {
      repository,
      index: ctx.index,
      commit: ctx.commit,
      baseBranch: ctx.config.git?.defaultBranch ?? "main",
      mode: options.mode,
      where: ctx.provider.label,
      maxOpenPerLab: ctx.config.drift?.maxOpenPullRequestsPerLab ?? 5,
      today: io.today(),
      heldBy: isolation.heldBy,
      ...(options.only ? { only: options.only } : {}),
    },
    {
      provider: ctx.provider,
      state: ctx.state,
      objects: ctx.objects,
      gitHost,
      now: io.now,
      runId: ctx.runId,
      owner: ctx.owner,
      check: ctx.check,
    },
  );
}

/**
 * The drift step at the end of `labenv reconcile`: every environment's drift
 * judged and its policy applied (drift pull requests opened, updated or
 * closed; rejected drift put back). Prints a short report unless `json`;
 * returns the result for the caller's JSON. A put-back that failed sets exit code 1.
 */
export async function runDriftAfterReconcile(
  ctx: RunContext,
  io: CliIO,
  options: { json?: boolean } = {},
): Promise<DriftRunResult> {
  const result = await runDriftForContext(ctx, io, { mode: "act" });
  if (!options.json) io.out(renderDriftRun(result));
  if (result.environments.some((e) => e.outcome?.startsWith("putting it back failed"))) io.exit(1);
  return result;
}
