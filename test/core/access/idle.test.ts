import { describe, expect, it } from "vitest";
import { decideIdle, type JupyterActivity } from "../../../reconciler/core/access/idle.js";

const NOW = new Date("2026-12-03T12:00:00Z");
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000).toISOString();

function activity(p: Partial<JupyterActivity> = {}): JupyterActivity {
  return {
    status: { started: ago(600), last_activity: ago(600) },
    kernels: [],
    terminals: [],
    ...p,
  };
}

describe("idle shutdown decisions", () => {
  const cases: {
    name: string;
    a: JupyterActivity;
    minutes?: number;
    stop: boolean;
    why: RegExp;
  }[] = [
    { name: "no setting: never", a: activity(), stop: false, why: /not set/ },
    {
      name: "idle longer than the limit",
      a: activity(),
      minutes: 60,
      stop: true,
      why: /idle for 600 min/,
    },
    {
      name: "server activity 10 min ago",
      a: activity({ status: { started: ago(600), last_activity: ago(10) } }),
      minutes: 60,
      stop: false,
      why: /active 10 min ago/,
    },
    {
      name: "a kernel active 59 min ago keeps it up",
      a: activity({ kernels: [{ id: "k", last_activity: ago(59), execution_state: "idle" }] }),
      minutes: 60,
      stop: false,
      why: /active 59 min ago/,
    },
    {
      name: "exactly at the limit it stops",
      a: activity({ kernels: [{ id: "k", last_activity: ago(60), execution_state: "idle" }] }),
      minutes: 60,
      stop: true,
      why: /idle for 60 min/,
    },
    {
      name: "a terminal in use keeps it up",
      a: activity({ terminals: [{ name: "1", last_activity: ago(5) }] }),
      minutes: 30,
      stop: false,
      why: /active 5 min ago/,
    },
    {
      name: "a busy kernel keeps it up even with an old activity time (a long computation)",
      a: activity({ kernels: [{ id: "k", last_activity: ago(300), execution_state: "busy" }] }),
      minutes: 60,
      stop: false,
      why: /1 kernel is running code/,
    },
    {
      name: "no activity time at all: not stopped",
      a: { status: {}, kernels: [], terminals: [] },
      minutes: 60,
      stop: false,
      why: /no activity time/,
    },
    {
      name: "unparsable times are ignored, the rest counts",
      a: activity({
        status: { last_activity: "yesterday" },
        terminals: [{ name: "1", last_activity: ago(90) }],
      }),
      minutes: 60,
      stop: true,
      why: /idle for 90 min/,
    },
  ];
  it.each(cases)("$name", (c) => {
    const d = decideIdle(c.a, c.minutes, NOW);
    expect(d.stop).toBe(c.stop);
    expect(d.reason).toMatch(c.why);
  });
});
