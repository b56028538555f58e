import { describe, expect, it } from "vitest";
import {
  selectDueVerifications,
  type VerifyCandidate,
} from "../../../reconciler/core/snapshots/verify-schedule.js";
import { verifyDueSnapshots } from "../../../reconciler/core/snapshots/verify-due.js";
import { recordVerification } from "../../../reconciler/core/snapshots/verification.js";
import { completedSources, storeSnapshot } from "./stored-snapshots.js";
import { driftWorld } from "../drift/drift-world.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";

const NOW = new Date("2026-12-07T12:00:00Z");
const at = (iso: string, ok = true): VerifyCandidate["last"] => ({ verifiedAt: iso, ok });

describe("which snapshots the schedule verifies now", () => {
  const cases: {
    name: string;
    candidates: VerifyCandidate[];
    bounds?: { everyDays: number; maxPerRun: number };
    due: string[];
    left?: string[];
    notDue?: { id: string; dueAt: string }[];
  }[] = [
    { name: "never verified: due", candidates: [{ id: "a/b/c" }], due: ["a/b/c"] },
    {
      name: "verified 6 days ago with a 7-day period: not due, and when it is",
      candidates: [{ id: "a/b/c", last: at("2026-12-01T12:00:00Z") }],
      due: [],
      notDue: [{ id: "a/b/c", dueAt: "2026-12-08T12:00:00.000Z" }],
    },
    {
      name: "exactly one period ago: due",
      candidates: [{ id: "a/b/c", last: at("2026-11-30T12:00:00Z") }],
      due: ["a/b/c"],
    },
    {
      name: "a failed verify is not re-run before its period either",
      candidates: [{ id: "a/b/c", last: at("2026-12-07T11:00:00Z", false) }],
      due: [],
      notDue: [{ id: "a/b/c", dueAt: "2026-12-14T11:00:00.000Z" }],
    },
    {
      name: "an unreadable record, a record without a valid time, one dated in the future: due",
      candidates: [
        { id: "a/b/1", last: "unreadable" },
        { id: "a/b/2", last: at("yesterday") },
        { id: "a/b/3", last: at("2027-01-01T00:00:00Z") },
      ],
      due: ["a/b/1", "a/b/2", "a/b/3"],
    },
    {
      name: "never verified first (by id), then the oldest verification first",
      candidates: [
        { id: "a/b/new", last: at("2026-11-20T00:00:00Z") },
        { id: "a/b/old", last: at("2026-10-01T00:00:00Z") },
        { id: "z/z/never" },
        { id: "a/a/never" },
      ],
      due: ["a/a/never", "z/z/never", "a/b/old", "a/b/new"],
    },
    {
      name: "more due than a run takes: the rest are left, in order",
      candidates: [
        { id: "a/b/1", last: at("2026-10-03T00:00:00Z") },
        { id: "a/b/2", last: at("2026-10-01T00:00:00Z") },
        { id: "a/b/3", last: at("2026-10-02T00:00:00Z") },
      ],
      bounds: { everyDays: 7, maxPerRun: 2 },
      due: ["a/b/2", "a/b/3"],
      left: ["a/b/1"],
    },
    {
      name: "a 1-day period",
      candidates: [{ id: "a/b/c", last: at("2026-12-06T11:59:59Z") }],
      bounds: { everyDays: 1, maxPerRun: 20 },
      due: ["a/b/c"],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const s = selectDueVerifications(
        c.candidates,
        NOW,
        c.bounds ?? { everyDays: 7, maxPerRun: 20 },
      );
      expect(s.due).toEqual(c.due);
      expect(s.left).toEqual(c.left ?? []);
      if (c.notDue) expect(s.notDue).toEqual(c.notDue);
      expect(s.due.length + s.left.length + s.notDue.length).toBe(c.candidates.length);
    });
});

describe("the scheduled verification pass", () => {
  const objectsOf = () =>
    driftWorld(loadRepository(exampleFiles(), createSchemaValidator()).repository).objects;

  it("stops starting verifies once its time budget is spent and leaves the rest, named, for the next run", async () => {
    const objects = objectsOf();
    for (const id of ["lab/env/a", "lab/env/b", "lab/env/c"]) await storeSnapshot(objects, id);
    let t = NOW.getTime();
    // Each verify (and each clock read) takes a minute; the budget is two.
    const now = () => new Date((t += 60_000));
    const r = await verifyDueSnapshots(
      { objects, sources: () => completedSources() },
      { everyDays: 7, maxPerRun: 20, deadline: new Date(NOW.getTime() + 150_000), now, by: "test" },
    );
    expect(r.verified.map((v) => v.id)).toEqual(["lab/env/a"]);
    expect(r.left).toEqual(["lab/env/b", "lab/env/c"]);
    expect(r.leftWhy).toBe("this run's time budget is spent");
    expect(await objects.list("verifications/lab/env/b")).toEqual([]);
  });

  it("reports a snapshot whose last verify failed on every run until it is proved again, and verifies it no sooner", async () => {
    const objects = objectsOf();
    await storeSnapshot(objects, "lab/env/a");
    await recordVerification(
      objects,
      {
        id: "lab/env/a",
        manifestKey: "snapshots/lab/env/a/manifest.json",
        checked: { objects: 3, files: 1, bytes: 10 },
        findings: [{ object: "snapshots/objects/sha256/x", problem: "checksum" }],
        ok: false,
      },
      new Date("2026-12-06T00:00:00Z"),
      "test",
    );
    const calls: string[] = [];
    const r = await verifyDueSnapshots(
      { objects, sources: () => completedSources(calls) },
      {
        everyDays: 7,
        maxPerRun: 20,
        deadline: new Date(NOW.getTime() + 60_000),
        now: () => NOW,
        by: "test",
      },
    );
    expect(r.verified).toEqual([]);
    expect(calls).toEqual([]);
    expect(r.failing).toEqual([
      {
        id: "lab/env/a",
        verifiedAt: "2026-12-06T00:00:00.000Z",
        findings: [{ object: "snapshots/objects/sha256/x", problem: "checksum" }],
      },
    ]);
  });
});
