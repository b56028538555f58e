import { describe, expect, it } from "vitest";
import {
  RULE_PRIORITIES,
  environmentAddress,
  environmentOfPath,
  environmentPath,
  preferredPriority,
  rulePriorities,
} from "../../../reconciler/core/access/environment-address.js";

describe("an environment's address", () => {
  it("is one path per environment under one host", () => {
    expect(environmentPath("genomics-core", "rnaseq")).toBe("/genomics-core/rnaseq/");
    expect(environmentAddress("https://jupyter.uni.edu/", "genomics-core", "rnaseq")).toBe(
      "https://jupyter.uni.edu/genomics-core/rnaseq/",
    );
  });

  it("maps request paths back to the environment, and nothing else", () => {
    expect(environmentOfPath("/genomics-core/rnaseq/lab/tree/x.ipynb")).toEqual({
      lab: "genomics-core",
      env: "rnaseq",
    });
    expect(environmentOfPath("/genomics-core/rnaseq")).toEqual({
      lab: "genomics-core",
      env: "rnaseq",
    });
    expect(environmentOfPath("/genomics-core/")).toBeUndefined();
    expect(environmentOfPath("/Genomics/rnaseq/")).toBeUndefined();
    expect(environmentOfPath("/../etc/")).toBeUndefined();
  });
});

describe("listener rule priorities", () => {
  const envs = Array.from({ length: 400 }, (_, i) => `lab-${i % 7}/env-${i}`);

  it("gives every environment a distinct priority inside the environment range", () => {
    const p = rulePriorities(envs);
    expect(p.size).toBe(envs.length);
    expect(new Set(p.values()).size).toBe(envs.length);
    for (const v of p.values()) {
      expect(v).toBeGreaterThanOrEqual(RULE_PRIORITIES.first);
      expect(v).toBeLessThanOrEqual(RULE_PRIORITIES.last);
    }
  });

  it("is the same whatever order the environments come in", () => {
    expect([...rulePriorities([...envs].reverse())].sort()).toEqual(
      [...rulePriorities(envs)].sort(),
    );
  });

  it("does not move an environment when others are added or removed", () => {
    const before = rulePriorities(envs.slice(0, 200));
    const after = rulePriorities(envs.slice(100), before);
    for (const key of envs.slice(100, 200)) expect(after.get(key)).toBe(before.get(key));
  });

  it("resolves a collision: the key that holds the slot keeps it, the newcomer takes the next free one", () => {
    // Find two keys whose hashes meet.
    const bySlot = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const key = `lab/e${i}`;
      const slot = preferredPriority(key);
      const other = bySlot.get(slot);
      if (other) pair = [other, key];
      else bySlot.set(slot, key);
    }
    const [first, second] = pair;
    const slot = preferredPriority(first);
    // `second` already holds the slot on the listener: it keeps it.
    const p = rulePriorities([first, second], new Map([[second, slot]]));
    expect(p.get(second)).toBe(slot);
    expect(p.get(first)).not.toBe(slot);
    // Without history, the key that sorts first wins, every time.
    const fresh = rulePriorities([second, first]);
    const winner = [first, second].sort()[0]!;
    expect(fresh.get(winner)).toBe(slot);
    expect(new Set(fresh.values()).size).toBe(2);
  });

  it("ignores a held priority outside the environment range", () => {
    const p = rulePriorities(
      ["a/x", "a/y"],
      new Map([
        ["a/x", 5],
        ["a/y", 5],
      ]),
    );
    expect(p.get("a/x")).toBe(preferredPriority("a/x"));
  });
});

describe("rule priorities around rules labenv does not own", () => {
  it("never gives out a foreign priority, and moves a held one off it", () => {
    const key = "genomics-core/rnaseq";
    const p = preferredPriority(key);
    expect(rulePriorities([key], new Map(), new Set([p])).get(key)).toBe(p + 1);
    expect(rulePriorities([key], new Map([[key, p]]), new Set([p])).get(key)).toBe(p + 1);
    expect(rulePriorities([key], new Map([[key, 2000]]), new Set([p])).get(key)).toBe(2000);
    // Foreign rules outside labenv's range take nothing from it.
    expect(rulePriorities([key], new Map(), new Set([1, 49000])).get(key)).toBe(p);
  });
});
