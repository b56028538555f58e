import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../github-app/keyed-queue.js";

describe("KeyedQueue", () => {
  it("runs tasks of one key in arrival order, one at a time, and other keys alongside; a failure does not stop the queue", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = queue.run("head-a", async () => {
      log.push("a1 start");
      await gate;
      log.push("a1 end");
      throw new Error("a1 failed");
    });
    const second = queue.run("head-a", async () => (log.push("a2"), 2));
    const other = queue.run("head-b", async () => (log.push("b1"), "b"));
    expect(await other).toBe("b");
    expect(log).toEqual(["a1 start", "b1"]);
    release();
    await expect(first).rejects.toThrow("a1 failed");
    expect(await second).toBe(2);
    expect(log).toEqual(["a1 start", "b1", "a1 end", "a2"]);
  });
});
