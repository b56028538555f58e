import { LabenvError } from "../errors.js";
import type { Loaded, Repository } from "../model/documents.js";
import type { ObservedState } from "../model/resources.js";
import { captureSnapshots } from "../snapshots/capture.js";
import { parseManifest, snapshotObjects } from "../snapshots/manifest.js";
import type { GitHost } from "../../ports/git-host.js";
import type { ObjectStore } from "../../ports/object-store.js";
import type { SnapshotSources } from "../../ports/snapshot-sources.js";
import {
  SUCCESSION_STEPS,
  type StateStore,
  type SuccessionRecord,
  type SuccessionStep,
  type SuccessionStepDone,
} from "../../ports/state-store.js";
import { ownershipPullRequest, successionBranch } from "./ownership-pull-request.js";
import { proposePullRequest } from "../proposals/propose-pull-request.js";
import { driftObjects } from "../drift/drift-objects.js";
import type { DriftReport } from "../drift/drift-report.js";
import { renderReproducing, type HistoryLine } from "./reproducing.js";
import { accessStep, revokeStep, type StepResult } from "./read-access.js";
import {
  successionDue,
  successionEnvironments,
  successionId,
  successionSnapshotName,
} from "./succession-environments.js";

/** Why a succession's snapshot step waits where no snapshot manifest can be built. */
export const NO_SNAPSHOT_SOURCES =
  "no snapshot manifest can be built where this runs (it needs target: sandbox or aws, and the object store): the hand-over waits here, and nothing later is done before";

export interface SuccessionRunInput {
  repository: Repository;
  commit: string;
  /** YYYY-MM-DD: a succession is carried out from its effective date on, never before. */
  today: string;
  /** The branch the ownership pull request targets. */
  baseBranch: string;
  /** The provider's label, recorded in snapshot manifests. */
  provider: string;
  /** This run's id, recorded with each step it does. */
  run?: string;
}

export interface SuccessionRunDeps {
  state: StateStore;
  objects: ObjectStore;
  /**
   * Where the snapshots' evidence is read, or why it cannot be where this runs (on AWS manifests
   * are not built yet): then the snapshot step waits, saying so, and no later step runs.
   */
  sources: SnapshotSources | { unavailable: string };
  /** What the provider holds now (after the reconcile took the succession's snapshots). */
  observe: () => Promise<ObservedState>;
  /**
   * Without one the ownership step fails, naming why, and is tried again on the next run. A
   * function is called only when the ownership step needs the host (the Lambda's GitHub
   * installation token is not made on runs that do not).
   */
  gitHost?: GitHost | (() => Promise<GitHost>);
  /** An environment's history from git, newest first (for the hand-over package). */
  history?: (environment: string) => Promise<HistoryLine[] | undefined>;
  /** Whether `history` read who approved each pull request from the git host. */
  approvalsRead?: boolean;
  now: () => Date;
}

/** Where one succession stands. */
export interface SuccessionStatus {
  succession: string;
  file: string;
  from: string;
  to: string;
  effective: string;
  environments: string[];
  /** `not-due` before its effective date; `waiting` for something outside labenv; `done` when every step is. */
  stage: "not-due" | "waiting" | "failed" | "done";
  /** The first step not done yet. */
  next?: SuccessionStep;
  /** Why it waits, or why its step failed. */
  reason?: string;
  done: SuccessionStepDone[];
  pullRequest?: SuccessionRecord["pullRequest"];
}

/**
 * Carries out every due succession as a sequence of recorded steps — snapshot every
 * environment handed over, write each one's hand-over package next to its snapshot, open the
 * pull request that changes their owner in git (done once git says the successor owns them),
 * see the predecessor's read-only access granted, then revoked after `keepAccessDays` —
 * each recorded in the state store only once confirmed. A step that fails is recorded with
 * why and leaves the later steps untouched; the next run continues from the first step not
 * recorded. Nothing is done before a succession's effective date.
 */
export async function runSuccessions(
  input: SuccessionRunInput,
  deps: SuccessionRunDeps,
): Promise<SuccessionStatus[]> {
  const out: SuccessionStatus[] = [];
  let observed: ObservedState | undefined;
  const observe = async () => (observed ??= await deps.observe());
  for (const s of [...input.repository.successions.values()].sort((a, b) =>
    a.file.localeCompare(b.file),
  )) {
    const id = successionId(s);
    const recorded = await deps.state.getSuccession(id);
    if (!successionDue(s, input.today) && !recorded) {
      out.push(statusOf(s, undefined, input.repository, input.today));
      continue;
    }
    const now = deps.now().toISOString();
    let record: SuccessionRecord = recorded ?? {
      succession: id,
      from: s.doc.spec.from,
      to: s.doc.spec.to,
      effective: s.doc.spec.effective,
      environments: successionEnvironments(input.repository, s),
      startedAt: now,
      updatedAt: now,
      done: [],
    };
    if (!recorded) await deps.state.putSuccession(record);
    let reason: string | undefined;
    for (const step of SUCCESSION_STEPS) {
      if (record.done.some((d) => d.step === step)) continue;
      let result: StepResult;
      try {
        result = await runStep(step, s, record, input, { ...deps, observe });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        record = {
          ...record,
          updatedAt: deps.now().toISOString(),
          failed: { step, at: deps.now().toISOString(), message },
        };
        await deps.state.putSuccession(record);
        break;
      }
      const { failed: cleared, waiting: was, ...rest } = record;
      if ("waiting" in result) {
        reason = result.waiting;
        if (result.record || cleared || was?.step !== step || was.reason !== result.waiting) {
          const at = deps.now().toISOString();
          record = {
            ...rest,
            ...result.record,
            waiting: { step, at, reason: result.waiting },
            updatedAt: at,
          };
          await deps.state.putSuccession(record);
        }
        break;
      }
      record = {
        ...rest,
        updatedAt: deps.now().toISOString(),
        done: [
          ...record.done,
          {
            step,
            doneAt: deps.now().toISOString(),
            ...(input.run ? { run: input.run } : {}),
            ...result.done,
          },
        ],
      };
      await deps.state.putSuccession(record);
    }
    out.push(statusOf(s, record, input.repository, input.today, reason));
  }
  return out;
}

async function runStep(
  step: SuccessionStep,
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  input: SuccessionRunInput,
  deps: SuccessionRunDeps,
): Promise<StepResult> {
  switch (step) {
    case "snapshot":
      return snapshotStep(s, record, input, deps);
    case "package":
      return packageStep(s, record, input, deps);
    case "ownership":
      return ownershipStep(s, record, input, deps);
    case "access":
    case "revoke": {
      const view = {
        repository: input.repository,
        today: input.today,
        resources: (await deps.observe()).resources,
        events: await deps.state.listShareEvents(),
      };
      return step === "access" ? accessStep(s, record, view) : revokeStep(s, record, view);
    }
  }
}

/** The snapshot ids (`lab/env/succession-<name>`) a succession takes. */
function snapshotIds(s: Loaded<"Succession">, record: SuccessionRecord): string[] {
  return record.environments.map((e) => `${e}/${successionSnapshotName(s)}`);
}

async function snapshotStep(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  input: SuccessionRunInput,
  deps: SuccessionRunDeps,
): Promise<StepResult> {
  if (s.doc.spec.data?.snapshotFirst === false)
    return { done: { detail: "no snapshot (data.snapshotFirst: false)", refs: [] } };
  const repo = input.repository;
  const missing = record.environments.filter((e) => !repo.environments.has(e));
  if (missing.length > 0)
    throw new LabenvError(
      "plan",
      `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in git: there is nothing to snapshot`,
    );
  // Snapshot first, always: where no manifest can be built, the hand-over waits here.
  const sources = deps.sources;
  if ("unavailable" in sources) return { waiting: sources.unavailable };
  // Each environment's snapshot is a Snapshot of its packages and home, captured like any other
  // (manifest last), so `labenv restore` restores it.
  const snapshots = new Map(repo.snapshots);
  for (const e of record.environments) {
    const [lab, environment] = e.split("/") as [string, string];
    const name = successionSnapshotName(s);
    snapshots.set(`${e}/${name}`, {
      kind: "Snapshot",
      file: s.file,
      positions: s.positions,
      text: s.text,
      doc: {
        apiVersion: "labenv.westtek.io/v1",
        kind: "Snapshot",
        metadata: { name, lab, environment },
        spec: {
          requestedBy: s.doc.spec.from,
          reason: `before hand-over ${s.doc.spec.from} → ${s.doc.spec.to}: ${s.doc.spec.reason}`,
          include: { packages: true, home: true },
        },
      },
    });
  }
  const ids = snapshotIds(s, record);
  const results = await captureSnapshots(
    {
      repository: { ...repo, snapshots },
      commit: input.commit,
      provider: input.provider,
      observed: (await deps.observe()).resources,
      only: ids,
    },
    { objects: deps.objects, sources, now: deps.now },
  );
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length > 0)
    throw new LabenvError(
      "plan",
      failed.map((r) => `${r.id}: ${"reason" in r ? r.reason : "failed"}`).join("; "),
    );
  const waiting = results.filter((r) => r.outcome === "requested");
  if (waiting.length > 0)
    return { waiting: waiting.map((r) => `${r.id}: ${"reason" in r ? r.reason : ""}`).join("; ") };
  return {
    done: { detail: `captured ${ids.length} snapshot${ids.length === 1 ? "" : "s"}`, refs: ids },
  };
}

/** The environment's newest drift report, if drift ever judged it; a corrupt one is named. */
async function driftReportOf(objects: ObjectStore, env: string): Promise<DriftReport | undefined> {
  const key = driftObjects.report(env);
  const bytes = await objects.get(key);
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8")) as DriftReport;
  } catch (e) {
    throw new LabenvError("state", `the drift report ${key} is not JSON`, {
      cause: e,
      hint: "run `labenv drift` to write it again",
    });
  }
}

/** Where an environment's hand-over package is kept: next to its snapshot's manifest. */
export function packageKey(snapshotId: string): string {
  return `snapshots/${snapshotId}/REPRODUCING.md`;
}

async function packageStep(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  input: SuccessionRunInput,
  deps: SuccessionRunDeps,
): Promise<StepResult> {
  if (s.doc.spec.data?.handoverPackage === false)
    return { done: { detail: "no hand-over package (data.handoverPackage: false)", refs: [] } };
  if (s.doc.spec.data?.snapshotFirst === false)
    throw new LabenvError(
      "config",
      "a hand-over package is written from the snapshot, and data.snapshotFirst is false",
      { hint: "set data.handoverPackage: false too, or let it snapshot first" },
    );
  const keys: string[] = [];
  for (const id of snapshotIds(s, record)) {
    const env = id.split("/").slice(0, 2).join("/");
    const environment = input.repository.environments.get(env);
    if (!environment) throw new LabenvError("plan", `${env} is not in git`);
    const manifestKey = snapshotObjects.manifest(id);
    const bytes = await deps.objects.get(manifestKey);
    if (!bytes) throw new LabenvError("state", `the manifest of ${id} (${manifestKey}) is missing`);
    const parsed = parseManifest(bytes);
    if ("problem" in parsed) throw new LabenvError("state", `${manifestKey}: ${parsed.problem}`);
    const history = deps.history ? await deps.history(env) : undefined;
    const drift = await driftReportOf(deps.objects, env);
    const text = renderReproducing({
      succession: s,
      environment,
      lock: input.repository.locks.get(env),
      snapshotId: id,
      manifest: parsed.manifest,
      manifestKey,
      ...(history ? { history, approvalsRead: deps.approvalsRead === true } : {}),
      ...(drift ? { drift } : {}),
    });
    const key = packageKey(id);
    await deps.objects.put(key, text, "text/markdown; charset=utf-8");
    keys.push(key);
  }
  return {
    done: {
      detail: `wrote ${keys.length} hand-over package${keys.length === 1 ? "" : "s"} (REPRODUCING.md)`,
      refs: keys,
    },
  };
}

async function ownershipStep(
  s: Loaded<"Succession">,
  record: SuccessionRecord,
  input: SuccessionRunInput,
  deps: SuccessionRunDeps,
): Promise<StepResult> {
  const repo = input.repository;
  const { from, to } = s.doc.spec;
  const still = record.environments.filter(
    (e) => repo.environments.get(e)?.doc.spec.owner === from,
  );
  if (still.length === 0)
    return {
      done: {
        detail: `git says ${to} owns ${record.environments.join(", ") || "nothing handed over"}`,
        refs: record.pullRequest ? [`#${record.pullRequest.number}`] : [],
      },
    };
  const closed = (n: number) =>
    `pull request #${n} setting the owner to ${to} was closed without merging: reopen it to go on, or change or remove the succession document`;
  if (record.pullRequest) {
    // A pull request closed without merging is said so, never waited on as if it could merge.
    const number = record.pullRequest.number;
    const host = deps.gitHost
      ? typeof deps.gitHost === "function"
        ? await deps.gitHost()
        : deps.gitHost
      : undefined;
    const branch = successionBranch(s);
    const found = host?.findPullRequests ? await host.findPullRequests(branch) : [];
    if (found.find((p) => p.number === number)?.state === "closed")
      return { waiting: closed(number) };
    return { waiting: `pull request #${number} sets the owner to ${to}: waiting for it to merge` };
  }
  if (!deps.gitHost)
    throw new LabenvError("config", "no git host to open the ownership pull request on", {
      hint: "run from a git repository (git.host: local) or give git.host: github a token",
    });
  const host = typeof deps.gitHost === "function" ? await deps.gitHost() : deps.gitHost;
  const packages = record.done.find((d) => d.step === "package")?.refs ?? [];
  const spec = ownershipPullRequest(repo, s, still, packages, input.baseBranch);
  // One proposing this very hand-over that was closed without merging is not opened again; a run
  // that died after opening it but before recording it left it open on its branch: that one is
  // updated, never a second opened beside it.
  const proposal = await proposePullRequest(host, spec, closed);
  if (proposal.outcome === "declined") return { waiting: proposal.reason! };
  if (proposal.outcome === "failed")
    throw new LabenvError("provider", `the ownership pull request: ${proposal.reason}`);
  return {
    waiting: `opened pull request #${proposal.number} setting the owner to ${to}: waiting for it to merge`,
    record: {
      pullRequest: {
        number: proposal.number!,
        ...(proposal.url ? { url: proposal.url } : {}),
        openedAt: deps.now().toISOString(),
      },
    },
  };
}

/** Where a succession stands, from its document and its record. Pure. */
export function statusOf(
  s: Loaded<"Succession">,
  record: SuccessionRecord | undefined,
  repo: Repository,
  today: string,
  waiting?: string,
): SuccessionStatus {
  const base = {
    succession: successionId(s),
    file: s.file,
    from: s.doc.spec.from,
    to: s.doc.spec.to,
    effective: s.doc.spec.effective,
    environments: record?.environments ?? successionEnvironments(repo, s),
    done: record?.done ?? [],
    ...(record?.pullRequest ? { pullRequest: record.pullRequest } : {}),
  };
  if (!record)
    return successionDue(s, today)
      ? { ...base, stage: "waiting", next: "snapshot", reason: "due: the next reconcile starts it" }
      : {
          ...base,
          stage: "not-due",
          next: "snapshot",
          reason: `effective ${s.doc.spec.effective}: nothing is done before then`,
        };
  const next = SUCCESSION_STEPS.find((step) => !record.done.some((d) => d.step === step));
  if (!next) return { ...base, stage: "done" };
  if (record.failed)
    return {
      ...base,
      stage: "failed",
      next,
      reason: `${record.failed.step} failed at ${record.failed.at}: ${record.failed.message} (the next run tries it again)`,
    };
  return {
    ...base,
    stage: "waiting",
    next,
    reason:
      waiting ??
      (record.waiting?.step === next ? record.waiting.reason : "the next reconcile continues it"),
  };
}
