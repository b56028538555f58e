import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { holderIsDeadOnThisHost } from "../../../reconciler/cli/lease-holder.js";
import { breakLease, markAbandoned } from "../../../reconciler/core/reconcile/lease.js";
import { reconcile } from "../../../reconciler/core/reconcile/reconcile.js";
import type { Provider } from "../../../reconciler/ports/provider.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { check, index, packImages, sandbox as simulated } from "../../helpers/sandbox.js";
import { SandboxProvider } from "../../../reconciler/adapters/sandbox/sandbox-provider.js";

const base = exampleFiles();
const realNow = () => new Date();

/** A sandbox on the wall clock, as the leases are (one clock: its tasks start when the runs do). */
function sandbox() {
  const s = simulated();
  return {
    ...s,
    now: realNow,
    provider: new SandboxProvider(s.dir, { now: realNow, registry: packImages }),
  };
}

/** A provider whose every apply takes `ms`, counting the applies. */
function slow(inner: Provider, ms: number) {
  let applied = 0;
  const provider: Provider = {
    name: inner.name,
    label: inner.label,
    buildsImages: inner.buildsImages ?? false,
    observe: () => inner.observe(),
    apply: async (action, resolve) => {
      await new Promise((r) => setTimeout(r, ms));
      applied += 1;
      return inner.apply(action, resolve);
    },
  };
  return { provider, applied: () => applied };
}

function reconcileWith(
  s: ReturnType<typeof sandbox>,
  options: {
    provider?: Provider;
    owner: string;
    runId?: string;
    leaseTtlMs?: number;
    holderIsDead?: (owner: string) => boolean;
  },
) {
  return reconcile(
    {
      files: base,
      commit: "c0ffee",
      today: "2026-11-23",
      index: () => index,
      mode: "apply",
      trigger: "test",
    },
    {
      provider: options.provider ?? s.provider,
      state: s.state,
      check,
      now: realNow,
      runId: options.runId ?? options.owner,
      owner: options.owner,
      ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
      ...(options.holderIsDead ? { holderIsDead: options.holderIsDead } : {}),
    },
  );
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid;
}

describe("leases (issue 14, item 19)", () => {
  it("a heartbeat keeps a short lease through an apply longer than its time to live", async () => {
    const s = sandbox();
    const long = slow(s.provider, 60); // 45 actions: over 2 s, about four times the lease's 600 ms
    const first = reconcileWith(s, { provider: long.provider, owner: "first", leaseTtlMs: 600 });
    await until(() => long.applied() > 0);
    await new Promise((r) => setTimeout(r, 800)); // the lease, unrenewed, would have expired by now
    expect(long.applied()).toBeLessThan(45);
    const second = await reconcileWith(s, { owner: "second", leaseTtlMs: 600 });
    expect(second).toMatchObject({ outcome: "refused", stage: "lease" });
    expect((await first).outcome).toBe("applied");
    expect((await reconcileWith(s, { owner: "third" })).outcome).toBe("no-changes");
  });

  it("a broken lease stops its holder before its next action, and the next run converges", async () => {
    const s = sandbox();
    const long = slow(s.provider, 40);
    const holder = reconcileWith(s, { provider: long.provider, owner: "holder", leaseTtlMs: 300 });
    await until(() => long.applied() > 2);
    const { broken, record } = await breakLease(s.state, {
      by: "rpatel@laptop",
      reason: "the holder's machine was rebooted",
      now: new Date(),
    });
    expect(broken).toMatchObject({ owner: "holder", runId: "holder" });
    expect(record).toMatchObject({ id: "holder", outcome: "abandoned", error: { stage: "lease" } });
    expect(record!.error!.message).toContain("broken by rpatel@laptop: the holder's machine");
    const r = await holder;
    expect(r).toMatchObject({ outcome: "failed", stage: "lease" });
    expect(r.reason).toMatch(/lost the lease/);
    expect(long.applied()).toBeLessThan(45);
    let next = await reconcileWith(s, { owner: "next" });
    if (next.outcome === "applied") next = await reconcileWith(s, { owner: "after" });
    expect(next.outcome).toBe("no-changes");
    expect(s.provider.account().services.filter((x) => x.status === "ACTIVE")).toHaveLength(9);
  });

  it("a dead holder on this host is detected: its lease is broken with a record and the run goes ahead", async () => {
    const s = sandbox();
    const crashed = `${hostname()}:${deadPid()}`;
    const got = await s.state.acquireLease(crashed, 15 * 60_000, new Date(), "crashed-run");
    expect(got.acquired).toBe(true);
    const startedAt = new Date().toISOString();
    await s.state.putRun({
      id: "crashed-run",
      startedAt,
      commit: "c0ffee",
      trigger: "cli reconcile",
      outcome: "running",
      summary: {},
    });
    const r = await reconcileWith(s, { owner: "next", holderIsDead: holderIsDeadOnThisHost });
    expect(r.outcome).toBe("applied");
    const runs = await s.state.listRuns(10);
    const old = runs.find((x) => x.id === "crashed-run")!;
    expect(old.outcome).toBe("abandoned");
    expect(old.error!.message).toContain(`is no longer running on this host`);
  });

  it("a live holder, or one on another host, is never judged dead", async () => {
    expect(holderIsDeadOnThisHost(`${hostname()}:${process.pid}`)).toBe(false);
    expect(holderIsDeadOnThisHost(`${hostname()}:${process.ppid}`)).toBe(false);
    expect(holderIsDeadOnThisHost(`another-host.example:${deadPid()}`)).toBe(false);
    expect(holderIsDeadOnThisHost("lambda:8f0c2a")).toBe(false);
    expect(holderIsDeadOnThisHost(`${hostname()}:${deadPid()} (drift)`)).toBe(true);
    const s = sandbox();
    await s.state.acquireLease("another-host.example:4242", 15 * 60_000, new Date());
    const r = await reconcileWith(s, { owner: "next", holderIsDead: holderIsDeadOnThisHost });
    expect(r).toMatchObject({ outcome: "refused", stage: "lease" });
    expect(r.reason).toMatch(/labenv lease break/);
  });

  it("a run left `running` without a live lease is shown as abandoned", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const running = {
      id: "r1",
      startedAt: "2026-11-23T11:00:00Z",
      commit: "c0ffee",
      trigger: "merge",
      outcome: "running" as const,
      summary: {},
    };
    const live = { owner: "a", token: "t", expiresAt: "2026-11-23T12:01:00Z", runId: "r1" };
    expect(markAbandoned([running], live, now)[0]!.outcome).toBe("running");
    expect(markAbandoned([running], undefined, now)[0]!.outcome).toBe("abandoned");
    expect(
      markAbandoned([running], { ...live, expiresAt: "2026-11-23T11:59:00Z" }, now)[0]!.outcome,
    ).toBe("abandoned");
    expect(markAbandoned([{ ...running, outcome: "succeeded" }], undefined, now)[0]!.outcome).toBe(
      "succeeded",
    );
  });
});
