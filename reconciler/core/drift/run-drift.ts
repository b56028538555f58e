import { homeOwnersOf, keepHomeOwners } from "../desire/home-owners.js";
import { keepRulePriorities } from "../desire/keep-rule-priorities.js";
import { desire, type RuntimeSettings } from "../desire/desire.js";
import { isLabenvError } from "../errors.js";
import type { PackageIndexData } from "../lock/package-index.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import type { GitHost, HostedPullRequest } from "../../ports/git-host.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { Provider } from "../../ports/provider.js";
import type { StateStore } from "../../ports/state-store.js";
import type { SchemaCheck } from "../validate/schema-validator.js";
import { actOnDrift, releaseDriftLease, type DriftEffects } from "./act-on-drift.js";
import { decideDrift, type DriftAction } from "./drift-decision.js";
import type { DriftReport } from "./drift-report.js";
import { driftBranch } from "./drift-summary.js";
import { judgeEnvironment } from "./judge-environment.js";
import { readMemory, readObservation } from "./read-drift-objects.js";
import { readShareCopies } from "../shares/snapshot-share-copies.js";

export interface DriftRunInput {
  repository: Repository;
  index: PackageIndexData;
  commit: string;
  /** The branch drift pull requests target. */
  baseBranch: string;
  /** Only these environments (`lab/env`); all by default. */
  only?: readonly string[];
  /** `report` computes reports and decisions and stops; `act` applies the policies. */
  mode: "report" | "act";
  /** Where the environments run, for the pull request body. */
  where: string;
  /** labenv.yaml `drift.maxOpenPullRequestsPerLab`; a lab's own `maxOpenPullRequests` wins. */
  maxOpenPerLab: number;
  /** Today (`YYYY-MM-DD`), for which shares have expired; by default the date of `deps.now()`. */
  today?: string;
  /** What the runtime tells the reconciler (subnets, roles, the observation bucket): drift desires alike. */
  runtime?: RuntimeSettings;
  /**
   * The findings that hold an environment back (see `isolate`): the
   * reconciler leaves such an environment as it runs, so drift neither judges
   * it nor acts on it — a drift pull request or a put-back would work from a
   * document that does not validate.
   */
  heldBy?: (key: string) => readonly Diagnostic[];
}

export interface DriftRunDeps {
  provider: Provider;
  state: StateStore;
  objects: ObjectStore;
  /** Without a git host, pull request actions are reported, not taken. */
  gitHost?: GitHost;
  now: () => Date;
  runId: string;
  owner: string;
  leaseTtlMs?: number;
  /** Checks observations against their schema (an agent's output is input from outside). */
  check?: SchemaCheck;
}

export interface EnvironmentDrift {
  environment: string;
  report?: DriftReport;
  /** Why the environment was not judged. */
  skipped?: string;
  action?: DriftAction;
  /** What was done (or, in report mode, would be done). */
  outcome?: string;
  pullRequest?: {
    number: number;
    outcome: "created" | "updated" | "unchanged" | "closed";
    url?: string;
  };
  /** The files a drift pull request writes (what would be written, in report mode). */
  files?: string[];
}

export interface DriftRunResult {
  environments: EnvironmentDrift[];
}

/** The drift runbook: desire → observe → per environment: judge → decide → act (pull request, put back, alert). */
export async function runDrift(input: DriftRunInput, deps: DriftRunDeps): Promise<DriftRunResult> {
  const { repository: repo } = input;
  const today = input.today ?? deps.now().toISOString().slice(0, 10);
  // Shares of a snapshot open the copies restored for them, as the reconcile grants them.
  const shareCopies = await readShareCopies(deps.objects);
  const wanted = desire(
    repo,
    {
      ...input.runtime,
      imageBuilds: deps.provider.buildsImages ?? false,
      ...(shareCopies.size > 0 ? { shareCopies } : {}),
    },
    { today },
  ).state;
  const seen = await deps.provider.observe();
  const observed = new Map<string, ObservedResource>(seen.resources.map((r) => [r.key, r]));
  const records = await deps.state.listApplied();
  const applied = new Map(records.map((a) => [a.environment, a]));
  // As reconcile plans it: every existing home keeps the identity it was created with, every
  // rule its priority.
  const desired = keepRulePriorities(
    keepHomeOwners(wanted, homeOwnersOf(observed.values(), records)),
    seen,
  );
  const pullRequests = deps.gitHost ? await deps.gitHost.listDriftPullRequests() : [];
  const newest = new Map<string, HostedPullRequest>();
  for (const p of [...pullRequests].sort((a, b) => b.number - a.number))
    if (!newest.has(p.branch)) newest.set(p.branch, p);
  const openByLab = new Map<string, number>();
  for (const p of newest.values())
    if (p.state === "open")
      openByLab.set(p.branch.split("/")[2]!, (openByLab.get(p.branch.split("/")[2]!) ?? 0) + 1);
  const lockDigests = new Map(desired.environments.map((e) => [e.key, e.lockDigest]));
  const desiredByEnv = new Map<string, typeof desired.resources>();
  for (const r of desired.resources) {
    const list = desiredByEnv.get(r.environment) ?? [];
    list.push(r);
    desiredByEnv.set(r.environment, list);
  }
  const effects: DriftEffects = { input, deps, openByLab };
  const out: EnvironmentDrift[] = [];
  try {
    for (const [key, environment] of [...repo.environments].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      if (input.only && input.only.length > 0 && !input.only.includes(key)) continue;
      const lab = environment.doc.metadata.lab;
      const held = input.heldBy?.(key) ?? [];
      if (held.length > 0) {
        const first = held[0]!;
        out.push({
          environment: key,
          skipped: `held back: ${first.file}:${first.line}:${first.column} ${first.message} [${first.code}]${held.length > 1 ? ` (+${held.length - 1} more)` : ""} — fix it and the next reconcile applies it; drift judges it after that`,
        });
        continue;
      }
      let judgement;
      try {
        const memory = await readMemory(deps.objects, key);
        const facts = {
          environment,
          applied: applied.get(key),
          observation: await readObservation(deps.objects, key, deps.check),
          memory,
          observed,
          lockDigest: lockDigests.get(key),
          desired: [...(desiredByEnv.get(key) ?? []), ...(desiredByEnv.get(lab) ?? [])],
        };
        judgement = { facts, result: judgeEnvironment(repo, input.index, facts) };
      } catch (e) {
        if (!isLabenvError(e) || e.code !== "io") throw e;
        out.push({ environment: key, skipped: e.message });
        continue;
      }
      const { facts, result } = judgement;
      if (!result.judged) {
        out.push({ environment: key, skipped: result.reason });
        continue;
      }
      const pr = newest.get(driftBranch(key));
      const labDoc = repo.labs.get(lab)?.doc;
      const decision = decideDrift({
        report: result.report,
        policy: result.policy,
        memory: facts.memory,
        running: result.running,
        ...(pr
          ? {
              pullRequest: {
                number: pr.number,
                state: pr.state,
                ...(pr.fingerprint ? { fingerprint: pr.fingerprint } : {}),
              },
            }
          : {}),
        writable: (result.proposal?.accepted.length ?? 0) > 0,
        openInLab: openByLab.get(lab) ?? 0,
        maxOpenInLab: labDoc?.spec.drift?.maxOpenPullRequests ?? input.maxOpenPerLab,
      });
      const files = result.proposal?.paths;
      const base: EnvironmentDrift = {
        environment: key,
        report: result.report,
        action: decision.action,
        ...(files && files.length > 0 ? { files } : {}),
      };
      if (input.mode === "report") {
        out.push({ ...base, outcome: `would ${describe(decision.action)}` });
        continue;
      }
      out.push({
        ...base,
        ...(await actOnDrift(effects, {
          key,
          environment,
          judgement: result,
          decision,
          facts,
          pr,
        })),
      });
    }
  } finally {
    await releaseDriftLease(effects);
  }
  return { environments: out };
}

function describe(a: DriftAction): string {
  switch (a.kind) {
    case "none":
      return `do nothing (${a.reason})`;
    case "alert":
      return `only report (${a.reason})`;
    case "open-pr":
      return "open a drift pull request";
    case "update-pr":
      return `update drift pull request #${a.number} if it changed`;
    case "close-pr":
      return `close drift pull request #${a.number} (${a.reason})`;
    case "revert":
      return `put it back as locked (${a.reason})`;
  }
}
