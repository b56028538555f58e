import { applyPlan } from "../reconcile/apply-plan.js";
import type { Loaded } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { takeLease, type HeldLease } from "../reconcile/lease.js";
import type { DriftPullRequestSpec, HostedPullRequest } from "../../ports/git-host.js";
import { remembered, type DriftDecision } from "./drift-decision.js";
import { driftObjects } from "./drift-objects.js";
import {
  DRIFT_LABEL,
  driftBranch,
  driftTitle,
  pullRequestUpToDate,
  severityLabel,
} from "./drift-summary.js";
import type { EnvironmentFacts, Judgement } from "./judge-environment.js";
import { writeMemory } from "./read-drift-objects.js";
import { proposalFiles } from "./propose-change.js";
import { renderDriftPullRequest } from "./render-drift-pull-request.js";
import { revertPlan } from "./revert-plan.js";
import type { DriftRunDeps, DriftRunInput, EnvironmentDrift } from "./run-drift.js";

/** What acting on drift shares across environments in one run: open pull requests per lab and the lease for put-backs. */
export interface DriftEffects {
  input: DriftRunInput;
  deps: DriftRunDeps;
  openByLab: Map<string, number>;
  lease?: { held: HeldLease } | { refused: string };
}

export interface DriftSubject {
  key: string;
  environment: Loaded<"Environment">;
  judgement: Extract<Judgement, { judged: true }>;
  decision: DriftDecision;
  facts: EnvironmentFacts;
  pr: HostedPullRequest | undefined;
}

/** Carries out one decision; what it remembers is written only after the effect succeeded. */
export async function actOnDrift(
  fx: DriftEffects,
  s: DriftSubject,
): Promise<Partial<EnvironmentDrift>> {
  const { deps } = fx;
  const { report } = s.judgement;
  const action = s.decision.action;
  // A stable environment's report is written only to replace a drifting one: most runs write nothing for it.
  if (
    report.status !== "STABLE" ||
    (await deps.objects.get(driftObjects.report(s.key))) !== undefined
  ) {
    await deps.objects.put(
      driftObjects.report(s.key),
      `${JSON.stringify(report, null, 2)}\n`,
      "application/json",
    );
  }
  let result: Partial<EnvironmentDrift>;
  switch (action.kind) {
    case "none":
    case "alert":
      result = { outcome: action.reason };
      break;
    case "open-pr":
    case "update-pr": {
      if (!deps.gitHost) return { outcome: "no git host is configured: report only" };
      const open = s.pr?.state === "open" ? s.pr : undefined;
      const want = {
        title: driftTitle(report),
        fingerprint: report.fingerprint,
        filesDigest: s.judgement.proposal!.digest,
        labels: [DRIFT_LABEL, severityLabel(report.status)],
      };
      // Nothing changed since the pull request was written: no body or files to render, no call to make.
      const r =
        open && pullRequestUpToDate(open, want)
          ? {
              number: open.number,
              outcome: "unchanged" as const,
              ...(open.url ? { url: open.url } : {}),
              warnings: [],
            }
          : await deps.gitHost.ensureDriftPullRequest(
              {
                ...pullRequestSpec(fx, s),
                files: proposalFiles(s.judgement.proposalInput!, s.judgement.proposal!),
              },
              open,
            );
      if (r.outcome === "created")
        fx.openByLab.set(
          s.environment.doc.metadata.lab,
          (fx.openByLab.get(s.environment.doc.metadata.lab) ?? 0) + 1,
        );
      const verb = { created: "opened", updated: "updated", unchanged: "left unchanged" }[
        r.outcome
      ];
      result = {
        outcome: `${verb} drift pull request #${r.number}${r.warnings.length > 0 ? ` (${r.warnings.join("; ")})` : ""}`,
        pullRequest: { number: r.number, outcome: r.outcome, ...(r.url ? { url: r.url } : {}) },
      };
      break;
    }
    case "close-pr":
      if (!deps.gitHost) return { outcome: "no git host is configured: report only" };
      await deps.gitHost.closePullRequest(
        action.number,
        `labenv closes this pull request: ${action.reason}.`,
      );
      result = {
        outcome: `closed drift pull request #${action.number}: ${action.reason}`,
        pullRequest: { number: action.number, outcome: "closed" },
      };
      break;
    case "revert": {
      const done = await putBack(fx, s);
      if (!done.ok) return { outcome: done.outcome };
      result = { outcome: done.outcome };
      break;
    }
  }
  const next = remembered(s.facts.memory, s.decision, deps.now().toISOString());
  if (JSON.stringify(next) !== JSON.stringify(s.facts.memory))
    await writeMemory(deps.objects, s.key, next);
  return result;
}

export async function releaseDriftLease(fx: DriftEffects): Promise<void> {
  if (fx.lease && "held" in fx.lease) await fx.lease.held.release();
}

async function putBack(
  fx: DriftEffects,
  s: DriftSubject,
): Promise<{ ok: boolean; outcome: string }> {
  const { deps } = fx;
  const reason = s.decision.action.reason;
  const planFrom = (observed: readonly ObservedResource[]) =>
    revertPlan({
      environment: s.key,
      desired: s.facts.desired,
      observed,
      occasion: `${s.judgement.report.fingerprint}@${s.judgement.report.observedAt ?? ""}`,
      why: reason,
    });
  if (!planFrom([...s.facts.observed.values()]))
    return { ok: true, outcome: `${reason}; no task runs, so there is nothing to put back` };
  fx.lease ??= await takeLease({ ...deps, owner: `${deps.owner} (drift)` });
  if ("refused" in fx.lease)
    return { ok: false, outcome: `not put back: ${fx.lease.refused}; the next run tries again` };
  // Under the lease, plan from what runs now: the world the judgement observed may have changed since.
  const observed = (await deps.provider.observe()).resources;
  const plan = planFrom(observed);
  if (!plan)
    return {
      ok: true,
      outcome: `${reason}; no task runs any more, so there is nothing to put back`,
    };
  const startedAt = deps.now().toISOString();
  const run = {
    id: `${deps.runId}-revert-${s.key.replace("/", "-")}`,
    startedAt,
    commit: fx.input.commit,
    trigger: `drift revert ${s.key}`,
    summary: plan.summary,
  };
  const held = fx.lease.held;
  const applied = await applyPlan(
    plan,
    { resources: observed },
    deps.provider,
    undefined,
    held.lost,
  );
  const failed = applied.failed ?? applied.failedBuilds?.[0];
  if (failed) {
    const message = `${failed.action.outcome} ${failed.action.key} failed: ${failed.error.message}`;
    await deps.state.putRun({
      ...run,
      outcome: "failed",
      finishedAt: deps.now().toISOString(),
      error: { stage: "drift-revert", message },
    });
    return { ok: false, outcome: `putting it back failed: ${message} (safe to run again)` };
  }
  await deps.state.putRun({ ...run, outcome: "succeeded", finishedAt: deps.now().toISOString() });
  const snapshot = applied.applied.find((a) => a.action.kind === "ebs-snapshot")?.result.id;
  return {
    ok: true,
    outcome: `put back as locked (${reason}): ${snapshot ? `snapshot ${snapshot}, then ` : ""}a new task from the locked image`,
  };
}

function pullRequestSpec(fx: DriftEffects, s: DriftSubject): Omit<DriftPullRequestSpec, "files"> {
  const { report, proposal, packLabel, lockFile } = s.judgement;
  const lab = fx.input.repository.labs.get(s.environment.doc.metadata.lab)?.doc;
  const member = (id: string) => lab?.spec.members.find((m) => m.id === id);
  const people = [s.environment.doc.spec.owner, ...(lab?.spec.approvers ?? [])].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const reviewers = people.flatMap((id) => (member(id) ? [member(id)!] : []));
  const { title, body } = renderDriftPullRequest({
    report,
    proposal: proposal!,
    packLabel,
    lockFile,
    where: fx.input.where,
    reviewers: reviewers.map((m) => `${m.id} (@${m.github})`),
  });
  return {
    environment: s.key,
    branch: driftBranch(s.key),
    base: fx.input.baseBranch,
    title,
    body,
    commitMessage: `${title}\n\nRecords what runs in ${s.key} (observed ${report.observedAt ?? "by infrastructure only"}).\nDrift fingerprint: ${report.fingerprint}`,
    labels: [DRIFT_LABEL, severityLabel(report.status)],
    reviewers: reviewers.map((m) => m.github),
    fingerprint: report.fingerprint,
    filesDigest: proposal!.digest,
  };
}
