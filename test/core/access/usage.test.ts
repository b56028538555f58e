// Idle shutdown and wake-up as changes to an environment's usage record (pure, table-driven):
// who is parked, when a parking ends, the running spans the cost estimate measures, and the
// wake page's expected wait and progress.
import { describe, expect, it } from "vitest";
import {
  expectedWakeSeconds,
  idleStep,
  measuredHoursPerWeek,
  requestWake,
  wakeReady,
  type IdleInput,
} from "../../../reconciler/core/access/usage.js";
import { wakeProgress } from "../../../reconciler/core/access/wake-progress.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import type { UsageRecord } from "../../../reconciler/ports/state-store.js";

const NOW = new Date("2026-12-03T12:00:00Z");
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000).toISOString();
const ENV = "genomics-core/rnaseq";
const idleFor = (min: number) => ({
  running: true,
  startedAt: ago(min + 10),
  jupyter: {
    status: { started: ago(min + 10), last_activity: ago(min) },
    kernels: [],
    terminals: [],
  },
});
const usage = (p: Partial<UsageRecord> = {}): UsageRecord => ({
  environment: ENV,
  wakes: [],
  running: [],
  ...p,
});

describe("idle stage: idleStep", () => {
  const cases: {
    name: string;
    input: Omit<IdleInput, "environment">;
    action: string;
    why: RegExp;
    parked: boolean;
    running: UsageRecord["running"];
  }[] = [
    {
      name: "idle past the limit: parked, its running span closed",
      input: { wanted: "running", idleShutdownMinutes: 30, seen: idleFor(45) },
      action: "park",
      why: /idle for 45 min/,
      parked: true,
      running: [{ from: ago(55), to: NOW.toISOString() }],
    },
    {
      name: "active within the limit: runs, a span opens at the task's start",
      input: { wanted: "running", idleShutdownMinutes: 30, seen: idleFor(10) },
      action: "runs",
      why: /active 10 min ago/,
      parked: false,
      running: [{ from: ago(20) }],
    },
    {
      name: "a busy kernel is never idle",
      input: {
        wanted: "running",
        idleShutdownMinutes: 30,
        seen: {
          ...idleFor(300),
          jupyter: {
            ...idleFor(300).jupyter,
            kernels: [{ id: "k", execution_state: "busy", last_activity: ago(300) }],
          },
        },
      },
      action: "runs",
      why: /1 kernel is running code/,
      parked: false,
      running: [{ from: ago(310) }],
    },
    {
      name: "no idleShutdownMinutes: never parked",
      input: { wanted: "running", seen: idleFor(10_000) },
      action: "runs",
      why: /not set/,
      parked: false,
      running: [{ from: ago(10_010) }],
    },
    {
      name: "Jupyter did not answer: not parked (labenv stops nothing it cannot measure)",
      input: {
        wanted: "running",
        idleShutdownMinutes: 30,
        seen: { running: true, startedAt: ago(600) },
      },
      action: "runs",
      why: /no activity time/,
      parked: false,
      running: [{ from: ago(600) }],
    },
    {
      name: "parked earlier: stays parked until a wake",
      input: {
        wanted: "running",
        idleShutdownMinutes: 30,
        usage: usage({ parked: { at: ago(60), reason: "idle" } }),
        seen: { running: false },
      },
      action: "parked",
      why: /parked since/,
      parked: true,
      running: [],
    },
    {
      name: "git says stopped: the parking ends (git wins), the open span closes",
      input: {
        wanted: "stopped",
        idleShutdownMinutes: 30,
        usage: usage({ parked: { at: ago(60), reason: "idle" }, running: [{ from: ago(90) }] }),
        seen: { running: false },
      },
      action: "stopped",
      why: /stopped in git/,
      parked: false,
      running: [{ from: ago(90), to: NOW.toISOString() }],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const o = idleStep({ environment: ENV, ...c.input }, NOW);
      expect(o.action).toBe(c.action);
      expect(o.reason).toMatch(c.why);
      expect(o.record.parked !== undefined).toBe(c.parked);
      expect(o.record.running).toEqual(c.running);
    });

  it("an unchanged record is not written again", () => {
    const first = idleStep(
      { environment: ENV, wanted: "running", idleShutdownMinutes: 30, seen: idleFor(5) },
      NOW,
    );
    expect(first.changed).toBe(true);
    const again = idleStep(
      {
        environment: ENV,
        wanted: "running",
        idleShutdownMinutes: 30,
        usage: first.record,
        seen: idleFor(6),
      },
      NOW,
    );
    expect(again.changed).toBe(false);
  });
});

describe("wake", () => {
  it("a wake ends the parking and is measured when Jupyter answers", () => {
    const parked = usage({ parked: { at: ago(60), reason: "idle" } });
    const woken = requestWake(parked, new Date(ago(3)));
    expect(woken.parked).toBeUndefined();
    expect(woken.wakes).toEqual([{ requestedAt: ago(3) }]);
    const ready = wakeReady(woken, new Date(ago(1)));
    expect(ready.wakes).toEqual([{ requestedAt: ago(3), readyAt: ago(1) }]);
    expect(expectedWakeSeconds(ready)).toBe(120);
    expect(wakeReady(ready, NOW)).toBe(ready);
  });

  it("a wake is measured by when Jupyter says it started, at the next idle stage", () => {
    const woken = requestWake(usage({ parked: { at: ago(60), reason: "idle" } }), new Date(ago(5)));
    const o = idleStep(
      {
        environment: ENV,
        wanted: "running",
        idleShutdownMinutes: 30,
        usage: woken,
        seen: {
          running: true,
          startedAt: ago(4),
          jupyter: {
            status: { started: ago(3), last_activity: ago(1) },
            kernels: [],
            terminals: [],
          },
        },
      },
      NOW,
    );
    expect(o.record.wakes).toEqual([{ requestedAt: ago(5), readyAt: ago(3) }]);
    // A server that started before the wake was asked for does not measure it.
    const before = idleStep(
      { environment: ENV, wanted: "running", usage: woken, seen: idleFor(2) },
      NOW,
    );
    expect(before.record.wakes).toEqual([{ requestedAt: ago(5) }]);
  });

  it.each([
    { waits: [], expected: 120 },
    { waits: [30], expected: 30 },
    { waits: [30, 90, 60], expected: 60 },
    { waits: [10, 20, 30, 40], expected: 25 },
    { waits: [900, 10, 20, 30, 40, 50], expected: 30 },
  ])("expected wait from the last five measured starts: $waits → $expected s", (c) => {
    const wakes = c.waits.map((s, i) => ({
      requestedAt: new Date(Date.parse(ago(1000)) + i * 3_600_000).toISOString(),
      readyAt: new Date(Date.parse(ago(1000)) + i * 3_600_000 + s * 1000).toISOString(),
    }));
    expect(expectedWakeSeconds(usage({ wakes }))).toBe(c.expected);
  });
});

describe("measured running hours", () => {
  const DAY = 24 * 60;
  it.each([
    { name: "less than a day measured: none", running: [{ from: ago(600) }], hours: undefined },
    {
      name: "always on for two days: 168 h a week",
      running: [{ from: ago(2 * DAY) }],
      hours: 168,
    },
    {
      name: "2 h a day for a week: 14 h a week",
      running: Array.from({ length: 7 }, (_, d) => ({
        from: ago((7 - d) * DAY),
        to: ago((7 - d) * DAY - 120),
      })),
      hours: 14,
    },
    {
      name: "only the last 28 days count",
      running: [
        { from: ago(60 * DAY), to: ago(29 * DAY) },
        { from: ago(28 * DAY), to: ago(28 * DAY - 60 * 4 * 7) },
      ],
      hours: 7,
    },
  ])("$name", (c) => {
    expect(measuredHoursPerWeek(usage({ running: c.running }), NOW)).toBe(c.hours);
  });
});

describe("wake progress", () => {
  const service = (desiredCount: 0 | 1, runningCount: number) =>
    ({
      kind: "service",
      key: "service:x",
      environment: ENV,
      id: "arn",
      spec: { desiredCount },
      tags: {},
      runningCount,
    }) as unknown as ObservedResource;
  const rule = (forward: string) =>
    ({
      kind: "listener-rule",
      key: "listener-rule:x",
      environment: ENV,
      id: "arn",
      spec: { forward },
      tags: {},
    }) as unknown as ObservedResource;
  it.each([
    { name: "stopped in git", wanted: "stopped", observed: [], state: "stopped-in-git" },
    {
      name: "still parked",
      usage: usage({ parked: { at: ago(5), reason: "idle for 40 min" } }),
      observed: [service(0, 0), rule("wake")],
      state: "parked",
    },
    { name: "service at zero", observed: [service(0, 0), rule("wake")], state: "scaling-up" },
    { name: "task starting", observed: [service(1, 0), rule("wake")], state: "task-starting" },
    { name: "rule not switched", observed: [service(1, 1), rule("wake")], state: "routing" },
    {
      name: "Jupyter not answering",
      observed: [service(1, 1), rule("target-group:x")],
      state: "jupyter-starting",
    },
    {
      name: "ready",
      observed: [service(1, 1), rule("target-group:x")],
      answers: true,
      state: "ready",
    },
  ] as const)("$name", (c) => {
    const p = wakeProgress({
      environment: ENV,
      wanted: ("wanted" in c && c.wanted) || "running",
      usage: "usage" in c ? c.usage : undefined,
      observed: c.observed,
      jupyterAnswers: ("answers" in c && c.answers) || false,
    });
    expect(p.state).toBe(c.state);
    expect(p.ready).toBe(c.state === "ready");
  });
});
