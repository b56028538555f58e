// Idle shutdown in the sandbox: an environment nobody used for its idleShutdownMinutes (by the
// simulated Jupyter's activity API: its task's start, or its owner's last visit) is parked by the
// reconcile — its /opt/jupyter volume snapshotted, then scaled to zero, its rule on the wake
// page — and stays parked, with nothing more to apply, until a wake ends the parking.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStateStore } from "../../../reconciler/adapters/file/file-state-store.js";
import { sandboxWakeTarget } from "../../../reconciler/adapters/sandbox/drivers/listener-rule.js";
import { recordVisit } from "../../../reconciler/adapters/sandbox/sandbox-jupyter.js";
import { SandboxProvider } from "../../../reconciler/adapters/sandbox/sandbox-provider.js";
import { requestWake } from "../../../reconciler/core/access/usage.js";
import { TAG } from "../../../reconciler/core/model/resources.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { packImages, run, sandbox } from "../../helpers/sandbox.js";

const ENV = "genomics-core/rnaseq";
const files = () =>
  editYaml(exampleFiles(), "labenv.yaml", (d) =>
    d.setIn(["spec", "access"], d.createNode({ address: "https://jupyter.westtek.example" })),
  );

/** A sandbox whose clock the test moves (each call still ticks a second, so runs order). */
function clocked() {
  const base = sandbox();
  let clock = Date.parse("2026-11-23T12:00:00Z");
  const now = () => new Date((clock += 1000));
  return {
    ...base,
    now,
    provider: new SandboxProvider(base.dir, { now, registry: packImages }),
    state: new FileStateStore(join(base.dir, "state")),
    advance: (min: number) => void (clock += min * 60_000),
  };
}

describe("sandbox: idle shutdown", () => {
  it("parks an idle environment (snapshot first), keeps it parked, and a wake runs it again", async () => {
    const s = clocked();
    expect((await run(files(), s)).outcome).toBe("applied");
    const account = () => s.provider.account();
    const rule = () => account().listenerRules!.find((r) => r.tags[TAG.environment] === ENV)!;
    const service = () => account().services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
    const groupArn = rule().forward;

    // Used 100 minutes in: idle for 119 minutes at 219 — not yet (idleShutdownMinutes: 120).
    s.advance(100);
    recordVisit(s.provider.jupyterActivityFile, ENV, s.now());
    s.advance(119);
    const active = await run(files(), s);
    expect(active.idle?.find((i) => i.environment === ENV)).toMatchObject({ action: "runs" });
    expect(service().desiredCount).toBe(1);

    s.advance(2);
    const parked = await run(files(), s);
    expect(parked.outcome).toBe("applied");
    expect(parked.idle?.find((i) => i.environment === ENV)).toMatchObject({
      action: "park",
      reason: expect.stringMatching(/^idle for 12\d min/),
    });
    expect(service().desiredCount).toBe(0);
    expect(rule().forward).toBe(sandboxWakeTarget(account()));
    // The stop snapshotted /opt/jupyter first, as for any stop.
    const actions = parked
      .plan!.stages.flatMap((st) => st.actions)
      .filter((a) => a.environment === ENV && a.outcome !== "unchanged")
      .map((a) => `${a.outcome} ${a.kind}`);
    expect(actions).toEqual(
      expect.arrayContaining(["create ebs-snapshot", "update service", "update listener-rule"]),
    );
    expect(actions.indexOf("create ebs-snapshot")).toBeLessThan(actions.indexOf("update service"));
    expect(account().snapshots.some((x) => x.tags[TAG.environment] === ENV)).toBe(true);
    // Its cost is what it was: a parking is not a stop.
    const cost = parked.plan!.costs.find((c) => c.environment === ENV)!;
    expect(cost.afterUsd).toBe(cost.beforeUsd);
    const record = (await s.state.listUsage()).find((r) => r.environment === ENV)!;
    expect(record.parked?.lastActivity).toBeDefined();
    expect(record.running.at(-1)?.to).toBeDefined();

    const again = await run(files(), s);
    expect(again.outcome).toBe("no-changes");
    expect(again.idle?.find((i) => i.environment === ENV)?.action).toBe("parked");

    await s.state.putUsage(requestWake(record, s.now()));
    const woken = await run(files(), s);
    expect(woken.outcome).toBe("applied");
    expect(service().desiredCount).toBe(1);
    expect(rule().forward).toBe(groupArn);
    // Its new task's volume comes from the snapshot taken when it was parked.
    const task = account()
      .tasks.filter((t) => t.serviceArn === service().arn)
      .at(-1)!;
    const volume = account().volumes.find((v) => v.id === task.volumeId)!;
    expect(volume.fromSnapshot).toBe(
      account()
        .snapshots.filter((x) => x.tags[TAG.environment] === ENV)
        .at(-1)!.id,
    );
  });

  it("a plan shows the parking but records nothing", async () => {
    const s = clocked();
    await run(files(), s);
    s.advance(121);
    const plan = await run(files(), s, { mode: "plan" });
    expect(plan.idle?.find((i) => i.environment === ENV)?.action).toBe("park");
    expect((await s.state.listUsage()).some((r) => r.parked)).toBe(false);
  });
});
