import { describe, expect, it } from "vitest";
import type { Provider } from "../../../reconciler/ports/provider.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";

const base = exampleFiles();

/** A provider that pauses right after observing until `release()` is called. */
function pausedAfterObserve(inner: Provider) {
  let observed!: () => void;
  let release!: () => void;
  const hasObserved = new Promise<void>((r) => (observed = r));
  const gate = new Promise<void>((r) => (release = r));
  const provider: Provider = {
    name: inner.name,
    label: inner.label,
    buildsImages: inner.buildsImages ?? false,
    observe: async () => {
      const world = await inner.observe();
      observed();
      await gate;
      return world;
    },
    apply: (action, resolve) => inner.apply(action, resolve),
  };
  return { provider, hasObserved, release };
}

describe("the lease is taken before observing (issue 14, item 15)", () => {
  it("a reconcile that observed before another one applied never applies its stale plan", async () => {
    const s = sandbox();
    const slow = pausedAfterObserve(s.provider);
    // Reconciler B observes the empty account and is paused before planning…
    const b = run(base, s, { provider: slow.provider, owner: "b" });
    await slow.hasObserved;
    // …while reconciler A runs from start to end.
    const a = await run(base, s, { owner: "a" });
    slow.release();
    const bDone = await b;
    // Only one of them applied; the other was refused at the lease, and nothing was done twice.
    expect([a.outcome, bDone.outcome].sort()).toEqual(["applied", "refused"]);
    expect([a, bDone].find((r) => r.outcome === "refused")!.stage).toBe("lease");
    const account = s.provider.account();
    expect(account.services.filter((x) => x.status === "ACTIVE")).toHaveLength(9);
    expect(account.accessPoints).toHaveLength(13);
    // Two Snapshot documents and the clone share's snapshot.
    expect(account.snapshots).toHaveLength(3);
    expect(account.backupJobs).toHaveLength(3);
    expect((await run(base, s)).outcome).toBe("no-changes");
  });

  it("a dry run takes no lease: it plans while a reconcile applies", async () => {
    const s = sandbox();
    const slow = pausedAfterObserve(s.provider);
    const applying = run(base, s, { provider: slow.provider, owner: "applier" });
    await slow.hasObserved;
    const planned = await run(base, s, { mode: "plan", owner: "planner" });
    expect(planned.outcome).toBe("planned");
    slow.release();
    expect((await applying).outcome).toBe("applied");
  });
});
