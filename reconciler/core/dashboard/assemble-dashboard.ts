import { environmentAddress, environmentPath } from "../access/environment-address.js";
import { readOnlySharesOf } from "../access/who-may-open.js";
import { buildAuditReport } from "../audit/build-audit-report.js";
import { environmentHistory } from "../audit/environment-history.js";
import type { Timeline, TimelineCommit } from "../audit/timeline-commit.js";
import type { PriceTable } from "../cost/prices.js";
import { keys } from "../desire/names.js";
import type { DriftReport } from "../drift/drift-report.js";
import { lockDigest } from "../lock/build-lock.js";
import { LabenvError } from "../errors.js";
import type { Loaded, Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import type { AppliedRecord, RunRecord } from "../../ports/state-store.js";
import type { DrillRecord } from "../snapshots/drill.js";
import type { SnapshotRow } from "../snapshots/snapshot-list.js";
import type { VerificationRecord } from "../snapshots/verification.js";
import { costByMonth } from "./cost-by-month.js";
import { environmentCost } from "./environment-cost.js";
import type {
  DashboardData,
  DriftView,
  EnvironmentView,
  LabView,
  ShareView,
  SnapshotView,
  TimelineView,
  VerifiedView,
} from "./dashboard-data.js";

/** What labenv already has, read by the CLI (or the reconciler) and handed to the pure assembly. */
export interface DashboardInputs {
  now: Date;
  commit: string;
  provider: string;
  repository: Repository;
  prices: PriceTable;
  applied: readonly AppliedRecord[];
  /** Newest first. */
  runs: readonly RunRecord[];
  observed: readonly ObservedResource[];
  /** The newest drift report per `lab/env` (written when an environment drifted). */
  driftReports: ReadonlyMap<string, DriftReport>;
  /** When each environment's agent (or the sandbox) last reported. */
  observedAt: ReadonlyMap<string, string>;
  /** Every snapshot as `labenv snapshot list` reads it (documents and manifests); none when absent. */
  snapshots?: readonly SnapshotRow[];
  /** The last restore drill per environment (`lab/env`), or why its record cannot be read. */
  drills?: ReadonlyMap<string, { record: DrillRecord } | { problem: string }>;
  /** The last verify record per snapshot id (`lab/env/name`), or why it cannot be read. */
  verifications?: ReadonlyMap<string, { record: VerificationRecord } | { problem: string }>;
  /** Main's history of environments/ and domain-packs/; absent outside a git checkout. */
  timeline?: Timeline;
  /** `https://jupyter.example.edu`: environments' full addresses; without it, their paths. */
  baseUrl?: string;
  /** `owner/name` on GitHub: pull request numbers become links. */
  gitHubRepository?: string;
  /**
   * A site for one lab: its own environments and those another lab shares with it (an
   * unexpired share of the environment or one of its snapshots), its own lab page and
   * funding, and no runs (the reconciler's runs are the engineers' page).
   */
  scope?: string;
}

/** The environments a lab's site shows: its own, and those shared with it until the share expires. */
export function visibleTo(repo: Repository, lab: string, now: Date): Set<string> {
  const keys = new Set([...repo.environments.keys()].filter((k) => k.startsWith(`${lab}/`)));
  for (const s of repo.shares.values())
    if (s.doc.spec.to.lab === lab && s.doc.spec.expires >= today(now))
      keys.add(`${s.doc.metadata.lab}/${s.doc.spec.environment}`);
  return keys;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

function shareView(s: Loaded<"Share">, now: Date): ShareView {
  const { metadata, spec } = s.doc;
  return {
    share: `${metadata.lab}/${metadata.name}`,
    environment: `${metadata.lab}/${spec.environment}`,
    ...(spec.snapshot ? { snapshot: spec.snapshot } : {}),
    to: spec.to.lab,
    members: spec.to.members ?? "all",
    access: spec.access,
    expires: spec.expires,
    purpose: spec.purpose,
    active: spec.expires >= today(now),
  };
}

function driftView(report: DriftReport | undefined, observedAt: string | undefined): DriftView {
  if (report)
    return {
      status: report.status,
      items: report.items,
      observation: report.observation,
      ...((report.observedAt ?? observedAt) ? { observedAt: report.observedAt ?? observedAt } : {}),
    };
  // Drift writes a report only when an environment drifts (or to replace one that did): an
  // observation without a report is a stable environment.
  return observedAt
    ? { status: "STABLE", items: [], observation: "present", observedAt }
    : { status: "UNKNOWN", items: [], observation: "none" };
}

/** The dashboard's data from labenv's records. Pure: the same inputs give the same data. */
export function assembleDashboard(input: DashboardInputs): DashboardData {
  const { repository: repo, now } = input;
  const costOf = (doc: unknown) => environmentCost(repo, doc, input.prices);
  const snapshotsOf = new Map<string, Loaded<"Snapshot">[]>();
  for (const s of repo.snapshots.values()) {
    const key = `${s.doc.metadata.lab}/${s.doc.metadata.environment}`;
    snapshotsOf.set(key, [...(snapshotsOf.get(key) ?? []), s]);
  }
  const rowsOf = new Map<string, SnapshotRow[]>();
  for (const r of input.snapshots ?? []) {
    const key = r.id.split("/").slice(0, 2).join("/");
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), r]);
  }
  const applied = new Map(input.applied.map((a) => [a.environment, a]));
  const commits = input.timeline?.commits ?? [];
  // Each environment's commits and observed resources, found in one pass each (not one pass
  // per environment: 10,000 commits × 1,000 environments is the fleet's real size).
  const commitsOf = commitsByEnvironment(commits);
  const observedOf = new Map<string, ObservedResource[]>();
  for (const r of input.observed) {
    const list = observedOf.get(r.environment);
    if (list) list.push(r);
    else observedOf.set(r.environment, [r]);
  }
  const prUrl = (n: number) =>
    input.gitHubRepository ? `https://github.com/${input.gitHubRepository}/pull/${n}` : undefined;

  if (input.scope !== undefined && !repo.labs.has(input.scope))
    throw new LabenvError("usage", `there is no lab ${input.scope}`, {
      hint: `labs: ${[...repo.labs.keys()].sort().join(", ")}`,
    });
  const visible = input.scope !== undefined ? visibleTo(repo, input.scope, now) : undefined;
  const own = (key: string) => input.scope === undefined || key.startsWith(`${input.scope}/`);
  const environments: EnvironmentView[] = [...repo.environments.entries()]
    .filter(([key]) => !visible || visible.has(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, env]) => {
      const { metadata, spec } = env.doc;
      const lab = repo.labs.get(metadata.lab)?.doc;
      const lock = repo.locks.get(key)?.doc;
      const a = applied.get(key);
      const mine = observedOf.get(key) ?? [];
      const service = mine.find((r) => r.kind === "service");
      const member = (id: string) => lab?.spec.members.find((m) => m.id === id);
      const history = environmentHistory(commitsOf.get(key) ?? [], [key]);
      const lockPath = `environments/${key}/environment.lock.yaml`;
      const snapshots: SnapshotView[] = snapshotViews(
        key,
        snapshotsOf.get(key) ?? [],
        (name) =>
          mine.find(
            (r) =>
              r.kind === "ebs-snapshot" &&
              r.key === keys.snapshot(metadata.lab, metadata.name, name),
          ),
        (file) => history.entries.filter((h) => h.files.includes(file)).at(-1)?.date,
        rowsOf.get(key) ?? [],
        input.verifications,
      );
      const digest = lock ? lockDigest(lock) : "";
      const grantors = [spec.owner, ...(lab?.spec.approvers ?? []).filter((x) => x !== spec.owner)];
      const timeline: TimelineView[] = history.entries.map((h) => ({
        date: h.date,
        commit: h.commit,
        author: h.author,
        ...(h.mergedBy ? { mergedBy: h.mergedBy } : {}),
        ...(h.pullRequest
          ? {
              pullRequest: {
                ...h.pullRequest,
                ...(prUrl(h.pullRequest.number) ? { url: prUrl(h.pullRequest.number)! } : {}),
              },
            }
          : {}),
        via: h.via,
        subject: h.subject,
        changes: h.changes,
      }));
      const lastTaken = snapshots
        .filter((s) => s.captured || s.taken)
        .map((s) => s.captured?.at ?? s.requested ?? s.name)
        .sort()
        .at(-1);
      const lastVerified = snapshots
        .filter((s) => s.captured && s.verified && "ok" in s.verified && s.verified.ok)
        .map((s) => s.captured!.at)
        .sort()
        .at(-1);
      return {
        key,
        lab: metadata.lab,
        name: metadata.name,
        owner: spec.owner,
        ownerName: member(spec.owner)?.name ?? spec.owner,
        state: spec.state === "stopped" ? "stopped" : "running",
        running: service
          ? `${service.runningCount ?? 0}/${(service.spec as { desiredCount: number }).desiredCount}`
          : "not applied",
        ...(metadata.experiment ? { experiment: metadata.experiment } : {}),
        ...(metadata.funding ? { funding: metadata.funding } : {}),
        pack: lock
          ? `${lock.spec.domainPack.name}@${lock.spec.domainPack.version}`
          : spec.domainPack,
        image: lock?.spec.image ?? "",
        lockDigest: digest,
        ...(history.entries.find((h) => h.files.includes(lockPath))
          ? { lockChanged: history.entries.find((h) => h.files.includes(lockPath))!.date }
          : {}),
        ...(a
          ? {
              applied: {
                commit: a.commit,
                at: a.appliedAt,
                lockDigest: a.lockDigest,
                current: a.lockDigest === digest,
              },
            }
          : {}),
        drift: driftView(input.driftReports.get(key), input.observedAt.get(key)),
        snapshots,
        ...(lastTaken ? { lastSnapshot: lastTaken } : {}),
        ...(lastVerified ? { lastVerifiedSnapshot: lastVerified } : {}),
        ...drillView(input.drills?.get(key)),
        monthlyCostUsd: costOf(env.doc),
        resources: {
          cpu: spec.resources.cpu,
          memory: spec.resources.memory,
          storageGiB: spec.resources.storageGiB ?? 0,
          hoursPerWeek: spec.schedule?.hoursPerWeek ?? 168,
        },
        address: input.baseUrl
          ? environmentAddress(input.baseUrl, metadata.lab, metadata.name)
          : environmentPath(metadata.lab, metadata.name),
        access: {
          owner: { id: spec.owner, name: member(spec.owner)?.name ?? spec.owner },
          sharedWith: readOnlySharesOf(repo, metadata.lab, metadata.name)
            .filter((s) => s.doc.spec.expires >= today(now))
            .map((s) => ({
              share: `${s.doc.metadata.lab}/${s.doc.metadata.name}`,
              lab: s.doc.spec.to.lab,
              members: s.doc.spec.to.members ?? "all",
              expires: s.doc.spec.expires,
            })),
          grantors: grantors.map((id) => ({ id, name: member(id)?.name ?? id })),
        },
        packages: (lock?.spec.packages ?? []).map((p) => ({
          name: p.name,
          version: p.version,
          source: p.source,
        })),
        kernels: (lock?.spec.kernels ?? []).map((k) => k.name),
        packageChanges: (commitsOf.get(key) ?? []).flatMap((c) =>
          c.changes
            .filter((ch) => ch.path === lockPath)
            .flatMap((ch) =>
              (ch.packages ?? []).map((p) => ({
                date: c.date,
                commit: c.commit,
                name: p.name,
                ...(p.from ? { from: p.from } : {}),
                ...(p.to ? { to: p.to } : {}),
              })),
            ),
        ),
        timeline,
      };
    });

  const labs: LabView[] = [...repo.labs.values()]
    .filter((l) => input.scope === undefined || l.doc.metadata.name === input.scope)
    .sort((a, b) => a.doc.metadata.name.localeCompare(b.doc.metadata.name))
    .map(({ doc }) => {
      const name = doc.metadata.name;
      const envs = environments.filter((e) => e.lab === name);
      const sum = (f: (e: EnvironmentView) => number) => envs.reduce((s, e) => s + f(e), 0);
      const q = doc.spec.quotas;
      const shares = [...repo.shares.values()].map((s) => shareView(s, now));
      return {
        name,
        displayName: doc.metadata.displayName ?? name,
        pi: doc.spec.pi,
        approvers: doc.spec.approvers,
        members: doc.spec.members.map((m) => ({
          id: m.id,
          name: m.name ?? m.id,
          role: m.role,
          ...(m.github ? { github: m.github } : {}),
          ...(m.until ? { until: m.until } : {}),
        })),
        quotas: [
          { what: "cpu", used: sum((e) => e.resources.cpu), ...(q?.cpu ? { limit: q.cpu } : {}) },
          {
            what: "memory",
            used: sum((e) => e.resources.memory),
            ...(q?.memory ? { limit: q.memory } : {}),
          },
          {
            what: "storageGiB",
            used: sum((e) => e.resources.storageGiB),
            ...(q?.storageGiB ? { limit: q.storageGiB } : {}),
          },
          {
            what: "environments",
            used: envs.length,
            ...(q?.environments ? { limit: q.environments } : {}),
          },
        ],
        environments: envs.map((e) => e.key),
        funding: (doc.spec.funding ?? []).map((f) => ({
          id: f.id,
          funder: f.funder,
          ...(f.award ? { award: f.award } : {}),
          ...(f.until ? { until: f.until } : {}),
        })),
        sharesGiven: shares.filter((s) => s.share.startsWith(`${name}/`)),
        sharesReceived: shares.filter((s) => s.to === name),
        successions: [...repo.successions.values()]
          .filter((s) => s.doc.metadata.lab === name)
          .map((s) => ({
            name: s.doc.metadata.name,
            from: s.doc.spec.from,
            to: s.doc.spec.to,
            effective: s.doc.spec.effective,
            reason: s.doc.spec.reason,
            environments:
              s.doc.spec.environments ??
              envs.filter((e) => e.owner === s.doc.spec.from).map((e) => e.name),
          })),
        monthlyCostUsd: Math.round(sum((e) => e.monthlyCostUsd) * 100) / 100,
      };
    });

  const current = new Map<string, unknown>(
    [...repo.environments].map(([k, e]) => [k, e.doc as unknown]),
  );
  const byMonth = costByMonth(current, commits, costOf, now, own);
  const sourceOf = new Map(
    [...repo.labs.values()].flatMap((l) => (l.doc.spec.funding ?? []).map((f) => [f.id, f])),
  );
  const audit = input.timeline
    ? buildAuditReport({
        timeline: input.timeline,
        query: input.scope !== undefined ? { lab: input.scope } : {},
        head: input.commit,
        approvalNote: "",
      }).byFunding
    : [];
  return {
    generatedAt: now.toISOString(),
    ...(input.scope !== undefined ? { scope: input.scope } : {}),
    commit: input.commit,
    provider: input.provider,
    prices: { region: input.prices.region, asOf: input.prices.asOf },
    history: input.timeline !== undefined,
    environments,
    labs,
    runs: input.scope !== undefined ? [] : [...input.runs],
    funding: {
      months: byMonth.months,
      bySource: byMonth.bySource.map((s) => {
        const f = sourceOf.get(s.funding);
        return {
          ...s,
          ...(f ? { funder: f.funder } : {}),
          ...(f?.award ? { award: f.award } : {}),
        };
      }),
      byExperiment: byMonth.byExperiment,
      audit,
    },
  };
}

/**
 * One environment's snapshots: each Snapshot document with what its manifest and last verify
 * say, and each kept snapshot (its document left git, its manifest and data stay). Newest first.
 */
function snapshotViews(
  key: string,
  docs: readonly Loaded<"Snapshot">[],
  taken: (name: string) => ObservedResource | undefined,
  requestedOn: (file: string) => string | undefined,
  rows: readonly SnapshotRow[],
  verifications: DashboardInputs["verifications"],
): SnapshotView[] {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const facts = (
    id: string,
  ): Omit<SnapshotView, "name" | "requestedBy" | "reason" | "legalHold"> => {
    const row = rowById.get(id);
    const v = verifications?.get(id);
    const verified: VerifiedView | undefined = !v
      ? undefined
      : "problem" in v
        ? { problem: v.problem }
        : {
            at: v.record.verifiedAt,
            ok: v.record.ok,
            findings: v.record.findings.length,
            files: v.record.checked.files,
            objects: v.record.checked.objects,
          };
    return {
      // A pruned snapshot is listed nowhere on the pages (it is not among the views).
      state: row?.state === "pruned" || !row ? "requested" : row.state,
      ...(row?.state === "requested" || row?.state === "failed"
        ? { waiting: row.reason ?? "" }
        : {}),
      ...(row?.capturedAt
        ? {
            captured: {
              at: row.capturedAt,
              digest: row.digest ?? "",
              files: row.files ?? 0,
              bytes: row.bytes ?? 0,
              ...(row.tier ? { tier: row.tier } : {}),
              ...(row.tierFrom ? { tierFrom: row.tierFrom } : {}),
              ...(row.restoreWait ? { restoreWait: row.restoreWait } : {}),
            },
          }
        : {}),
      ...(verified ? { verified } : {}),
    };
  };
  const views: SnapshotView[] = docs.map((s) => {
    const name = s.doc.metadata.name;
    const t = taken(name);
    const created = requestedOn(s.file);
    return {
      name,
      requestedBy: s.doc.spec.requestedBy,
      reason: s.doc.spec.reason,
      ...(created ? { requested: created } : {}),
      ...(s.doc.spec.retention?.keepUntil ? { keepUntil: s.doc.spec.retention.keepUntil } : {}),
      legalHold: s.doc.spec.retention?.legalHold ?? false,
      ...(t ? { taken: { id: t.id, ...(t.status ? { status: t.status } : {}) } } : {}),
      ...facts(`${key}/${name}`),
    };
  });
  const named = new Set(docs.map((s) => `${key}/${s.doc.metadata.name}`));
  for (const r of rows)
    if ((r.state === "kept" || r.state === "scheduled") && !named.has(r.id))
      views.push({
        name: r.id.split("/")[2]!,
        requestedBy: r.request?.requestedBy ?? "—",
        reason: r.request?.reason ?? "—",
        ...(r.keepUntil ? { keepUntil: r.keepUntil } : {}),
        legalHold: r.legalHold ?? false,
        ...facts(r.id),
      });
  return views.sort(
    (x, y) =>
      (y.captured?.at ?? y.requested ?? "").localeCompare(x.captured?.at ?? x.requested ?? "") ||
      x.name.localeCompare(y.name),
  );
}

function drillView(
  d: { record: DrillRecord } | { problem: string } | undefined,
): Pick<EnvironmentView, "lastDrill"> {
  if (!d) return {};
  if ("problem" in d) return { lastDrill: { problem: d.problem } };
  return {
    lastDrill: {
      at: d.record.startedAt,
      ok: d.record.ok,
      snapshot: d.record.snapshot,
      ...(d.record.complete === false ? { partial: true as const } : {}),
    },
  };
}

/**
 * The commits that concern each environment, in timeline order: those `environmentHistory`
 * would keep for it (a change of one of its files, or one that names it).
 */
function commitsByEnvironment(commits: readonly TimelineCommit[]): Map<string, TimelineCommit[]> {
  const out = new Map<string, TimelineCommit[]>();
  for (const c of commits) {
    const keys = new Set<string>();
    for (const ch of c.changes) {
      if (ch.environment) keys.add(ch.environment);
      for (const r of ch.concerns) keys.add(r.key);
    }
    for (const k of keys) {
      const list = out.get(k);
      if (list) list.push(c);
      else out.set(k, [c]);
    }
  }
  return out;
}
