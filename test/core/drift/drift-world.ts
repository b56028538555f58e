import { desire } from "../../../reconciler/core/desire/desire.js";
import { driftObjects } from "../../../reconciler/core/drift/drift-objects.js";
import { lockDigest } from "../../../reconciler/core/lock/build-lock.js";
import type {
  EnvironmentLock,
  Observation,
  Repository,
} from "../../../reconciler/core/model/documents.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import type { ObjectStore } from "../../../reconciler/ports/object-store.js";
import type { AppliedResource, Provider } from "../../../reconciler/ports/provider.js";
import type {
  AppliedRecord,
  Lease,
  LeaseResult,
  RunRecord,
  StateStore,
} from "../../../reconciler/ports/state-store.js";

/** In-memory ports for drift runs: what was applied is observed exactly, every environment runs. */
export interface DriftWorld {
  provider: Provider & { applied: Action[] };
  state: StateStore & { runs: RunRecord[] };
  objects: ObjectStore & { data: Map<string, string> };
}

export function driftWorld(repository: Repository, appliedAt = "2026-11-23T08:00:00Z"): DriftWorld {
  const desired = desire(repository).state;
  const observed: ObservedResource[] = desired.resources.map((r) => ({
    kind: r.kind,
    key: r.key,
    environment: r.environment,
    id: `id:${r.key}`,
    spec: structuredClone(r.spec),
    tags: { ...r.tags },
    ...(r.kind === "service" ? { runningCount: 1 } : {}),
  }));
  const applied = new Map<string, AppliedRecord>();
  for (const env of desired.environments) {
    const resources = desired.resources.filter(
      (r) => r.environment === env.key || (r.environment === env.lab && r.kind === "access-point"),
    );
    applied.set(env.key, {
      environment: env.key,
      commit: "c".repeat(40),
      lockDigest: env.lockDigest,
      planDigest: "sha256:plan",
      appliedAt,
      resources: resources.map((r) => ({
        key: r.key,
        kind: r.kind,
        id: `id:${r.key}`,
        specHash: r.specHash,
      })),
    });
  }
  const providerApplied: Action[] = [];
  const provider = {
    name: "sandbox" as const,
    label: "test world",
    applied: providerApplied,
    async observe() {
      return { resources: observed.map((o) => ({ ...o })) };
    },
    async apply(action: Action): Promise<AppliedResource> {
      providerApplied.push(action);
      if (action.kind === "ebs-snapshot")
        observed.push({
          kind: "ebs-snapshot",
          key: action.key,
          environment: action.environment,
          id: `snap-${providerApplied.length}`,
          spec: action.desired!.spec,
          tags: action.desired!.tags,
        });
      return {
        key: action.key,
        id: action.kind === "ebs-snapshot" ? `snap-${providerApplied.length}` : `id:${action.key}`,
      };
    },
  };
  const runs: RunRecord[] = [];
  let lease: Lease | undefined;
  const state = {
    runs,
    async getApplied(e: string) {
      return applied.get(e);
    },
    async listApplied() {
      return [...applied.values()];
    },
    async putApplied(r: AppliedRecord) {
      applied.set(r.environment, r);
    },
    async deleteApplied(e: string) {
      applied.delete(e);
    },
    async putRun(r: RunRecord) {
      runs.push(r);
    },
    async listRuns(n: number) {
      return runs.slice(-n);
    },
    async acquireLease(owner: string, ttl: number, now: Date): Promise<LeaseResult> {
      if (lease) return { acquired: false, heldBy: lease.owner, expiresAt: lease.expiresAt };
      lease = { owner, token: "t", expiresAt: new Date(now.getTime() + ttl).toISOString() };
      return { acquired: true, lease };
    },
    async releaseLease() {
      lease = undefined;
    },
    async renewLease(l: Lease, ttl: number, now: Date) {
      if (lease?.token !== l.token) return undefined;
      lease = { ...l, expiresAt: new Date(now.getTime() + ttl).toISOString() };
      return lease;
    },
    async readLease() {
      return lease;
    },
    async breakLease(token: string) {
      const held = lease?.token === token ? lease : undefined;
      if (held) lease = undefined;
      return held;
    },
    async getSuccession() {
      return undefined;
    },
    async listSuccessions() {
      return [];
    },
    async putSuccession() {
      throw new Error("drift records no succession");
    },
    async putShareEvent() {
      throw new Error("drift records no share event");
    },
    async listShareEvents() {
      return [];
    },
    async listUsage() {
      return [];
    },
    async putUsage() {
      throw new Error("drift records no usage");
    },
  };
  const data = new Map<string, string>();
  const objects = {
    data,
    async put(key: string, body: string | Uint8Array) {
      data.set(key, typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
    },
    async get(key: string) {
      return data.has(key) ? new TextEncoder().encode(data.get(key)) : undefined;
    },
    async list(prefix: string) {
      return [...data.keys()].filter((k) => k.startsWith(prefix)).sort();
    },
  };
  void lockDigest;
  return { provider, state, objects };
}

/** An observation of exactly the lock, then changed. */
export function observationOf(
  lock: EnvironmentLock,
  observedAt: string,
  change: (spec: Observation["spec"]) => void = () => undefined,
): Observation {
  const spec: Observation["spec"] = {
    python: lock.spec.python,
    packages: lock.spec.packages.map((p) => ({
      name: p.name,
      version: p.version,
      installer: "pip",
      requested: p.source !== "dependency",
    })),
    kernels: lock.spec.kernels.map((k) => ({ ...k })),
    extensions: lock.spec.extensions.map((e) => ({ ...e })),
    jupyterConfig: lock.spec.jupyterConfig.map((c) => ({ ...c })),
  };
  change(spec);
  return {
    apiVersion: "labenv.westtek.io/v1",
    kind: "Observation",
    metadata: {
      lab: lock.metadata.lab,
      environment: lock.metadata.name,
      observedAt,
      source: "agent",
      task: `task/${lock.metadata.name}`,
    },
    spec,
  };
}

export async function putObservation(objects: ObjectStore, o: Observation): Promise<void> {
  await objects.put(
    driftObjects.observation(`${o.metadata.lab}/${o.metadata.environment}`),
    JSON.stringify(o),
  );
}

/** `pip install requests==2.32.3` as the agent reports it. */
export function withRequests(spec: Observation["spec"]): void {
  spec.packages.push(
    { name: "requests", version: "2.32.3", installer: "pip", requested: true },
    { name: "certifi", version: "2024.7.4", installer: "pip", requested: false },
    { name: "charset-normalizer", version: "3.3.2", installer: "pip", requested: false },
    { name: "idna", version: "3.8", installer: "pip", requested: false },
    { name: "urllib3", version: "2.2.2", installer: "pip", requested: false },
  );
}
