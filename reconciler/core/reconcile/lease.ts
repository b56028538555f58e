import type { Lease, RunRecord, StateStore } from "../../ports/state-store.js";

/**
 * A short lease, renewed while the run works: a crashed holder blocks the
 * next run for two minutes at most, and a long apply keeps mutual exclusion.
 */
export const LEASE_TTL_MS = 2 * 60_000;

/** Calls `fn` every `ms` until the returned function is called (a timer that never keeps the process alive). */
export type Every = (ms: number, fn: () => Promise<void>) => () => void;

export const everyInterval: Every = (ms, fn) => {
  const timer = setInterval(() => void fn(), ms);
  timer.unref?.();
  return () => clearInterval(timer);
};

export interface LeaseDeps {
  state: StateStore;
  now: () => Date;
  owner: string;
  runId: string;
  leaseTtlMs?: number;
  /** True when the holder's process is known to be gone (same host, no such process): its lease is broken, with a record. */
  holderIsDead?: (owner: string) => boolean;
  every?: Every;
}

/** A lease being held: renewed in the background until released. */
export interface HeldLease {
  /** Why the lease was lost (broken or taken over), or undefined while it is held. */
  lost(): string | undefined;
  release(): Promise<void>;
}

export type TakeLeaseResult = { held: HeldLease } | { refused: string };

/** Takes the lease (breaking a dead holder's, with a record) and keeps it alive with a heartbeat. */
export async function takeLease(deps: LeaseDeps): Promise<TakeLeaseResult> {
  const ttl = deps.leaseTtlMs ?? LEASE_TTL_MS;
  let got = await deps.state.acquireLease(deps.owner, ttl, deps.now(), deps.runId);
  if (!got.acquired && got.held && deps.holderIsDead?.(got.held.owner)) {
    await breakLease(deps.state, {
      by: deps.owner,
      reason: `its process (${got.held.owner}) is no longer running on this host`,
      now: deps.now(),
      token: got.held.token,
    });
    got = await deps.state.acquireLease(deps.owner, ttl, deps.now(), deps.runId);
  }
  if (!got.acquired)
    return {
      refused: `another reconcile (${got.heldBy}) holds the lease until ${got.expiresAt}; try again later (or \`labenv lease break\` if it is gone)`,
    };
  let lease = got.lease;
  let lost: string | undefined;
  const stop = (deps.every ?? everyInterval)(Math.max(1, Math.floor(ttl / 3)), async () => {
    if (lost) return;
    try {
      const renewed = await deps.state.renewLease(lease, ttl, deps.now());
      if (renewed) lease = renewed;
      else lost = `lost the lease (it was broken or taken over after ${lease.expiresAt})`;
    } catch (e) {
      // The store did not answer: the lease holds until it expires, and no longer.
      if (deps.now() >= new Date(lease.expiresAt))
        lost = `could not renew the lease before it expired: ${(e as Error).message}`;
    }
  });
  return {
    held: {
      lost: () => lost,
      release: async () => {
        stop();
        if (!lost) await deps.state.releaseLease(lease);
      },
    },
  };
}

/**
 * Breaks the lease (the one with `token`, or whichever is held) and records
 * it: the holder's run, when it is found, is marked abandoned; otherwise the
 * break is recorded as a run of its own. The holder, if it still runs, finds
 * the lease lost at its next heartbeat and stops before its next action.
 */
export async function breakLease(
  state: StateStore,
  options: { by: string; reason: string; now: Date; token?: string },
): Promise<{ broken?: Lease; record?: RunRecord }> {
  const token = options.token ?? (await state.readLease())?.token;
  if (!token) return {};
  const broken = await state.breakLease(token);
  if (!broken) return {};
  const at = options.now.toISOString();
  const message = `the lease of ${broken.owner} (until ${broken.expiresAt}) was broken by ${options.by}: ${options.reason}`;
  const run = broken.runId
    ? (await state.listRuns(50)).find((r) => r.id === broken.runId && r.outcome === "running")
    : undefined;
  const record: RunRecord = run
    ? { ...run, outcome: "abandoned", finishedAt: at, error: { stage: "lease", message } }
    : {
        id: `lease-break-${broken.token.slice(0, 12)}`,
        startedAt: at,
        finishedAt: at,
        commit: "",
        trigger: `lease break by ${options.by}`,
        outcome: "abandoned",
        summary: {},
        error: { stage: "lease", message },
      };
  await state.putRun(record);
  return { broken, record };
}

/**
 * Runs as they should be shown: a run still `running` whose lease is gone or
 * expired stopped without finishing (crashed, killed) and is abandoned.
 */
export function markAbandoned(
  runs: readonly RunRecord[],
  lease: Lease | undefined,
  now: Date,
): RunRecord[] {
  const live = lease && new Date(lease.expiresAt) > now ? lease.runId : undefined;
  return runs.map((r) =>
    r.outcome !== "running" || r.id === live
      ? r
      : {
          ...r,
          outcome: "abandoned",
          error: {
            stage: "lease",
            message:
              "the run stopped without finishing (its lease is gone or expired); run `labenv reconcile` again: it converges",
          },
        },
  );
}
