import { describe, expect, it } from "vitest";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import {
  cronProblem,
  dueScheduledSnapshots,
  dueSlot,
  slotName,
  slotOf,
} from "../../../reconciler/core/snapshots/schedule.js";
import { planPrunes } from "../../../reconciler/core/snapshots/prune-plan.js";
import { desire } from "../../../reconciler/core/desire/desire.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { editYaml, exampleFiles, TODAY, withFile } from "../../helpers/example-repo.js";

const check = createSchemaValidator();
const LAB = "environments/genomics-core/lab.yaml";
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const SINGLE = "environments/genomics-core/single-cell/environment.yaml";

function scheduled(
  edit: (files: ReturnType<typeof exampleFiles>) => ReturnType<typeof exampleFiles>,
) {
  const v = validateFiles(edit(exampleFiles()), check, { today: TODAY });
  return v;
}
const labDaily = (files: ReturnType<typeof exampleFiles>) =>
  editYaml(files, LAB, (d) =>
    d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *", keep: { daily: 2 } }),
  );

describe("snapshot schedules", () => {
  it.each([
    // now, expected slot (a run that missed several slots gets the newest one only)
    ["2026-12-07T03:00:00Z", "2026-12-07T03:00:00.000Z"],
    ["2026-12-07T02:59:59Z", "2026-12-06T03:00:00.000Z"],
    ["2026-12-10T12:00:00Z", "2026-12-10T03:00:00.000Z"],
  ])("at %s the due slot of 0 3 * * * is %s", (now, slot) => {
    expect(dueSlot("0 3 * * *", new Date(now))?.toISOString()).toBe(slot);
  });

  it("names a slot and reads it back; other names are not slots", () => {
    const slot = new Date("2026-12-07T03:00:00Z");
    expect(slotName(slot)).toBe("scheduled-20261207-0300");
    expect(slotOf("scheduled-20261207-0300")?.toISOString()).toBe(slot.toISOString());
    expect(slotOf("scheduled-20261307-0300")).toBeUndefined();
    expect(slotOf("thesis")).toBeUndefined();
  });

  it.each([
    ["0 3 * * *", undefined],
    ["@daily", undefined],
    ["0 25 * * *", /expected range 0-23/],
    ["0 0 3 * * *", /has 6 fields, a cron schedule has five/],
    ["every day", /has 2 fields/],
  ])("cron %s", (expr, problem) => {
    const p = cronProblem(expr);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });

  it("a lab's schedule applies to its running environments; an environment's own overrides it; paused and stopped take none", () => {
    const { repository, diagnostics } = scheduled((f) =>
      editYaml(
        editYaml(labDaily(f), RNASEQ, (d) =>
          d.setIn(["spec", "snapshots"], { schedule: "30 4 * * 1" }),
        ),
        SINGLE,
        (d) => d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *", paused: true }),
      ),
    );
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const due = dueScheduledSnapshots(repository, new Date("2026-12-09T10:00:00Z"));
    // rnaseq: Mondays 04:30 → 2026-12-07; single-cell paused; variant-calling stopped.
    expect([...due.keys()]).toEqual(["genomics-core/rnaseq/scheduled-20261207-0430"]);
    expect(dueScheduledSnapshots(repository, undefined).size).toBe(0);
    const doc = due.get("genomics-core/rnaseq/scheduled-20261207-0430")!;
    expect(doc.file).toBe(RNASEQ);
    expect(doc.doc.spec).toMatchObject({
      requestedBy: "rpatel",
      include: { packages: true, home: false },
    });
    // desire takes its volume snapshot only when told the time.
    const keys = (now?: Date) =>
      desire(repository, {}, { today: TODAY, ...(now ? { now } : {}) })
        .state.resources.map((r) => r.key)
        .filter((k) => k.includes("scheduled-"));
    expect(keys(new Date("2026-12-09T10:00:00Z"))).toEqual([
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261207-0430",
    ]);
    expect(keys()).toEqual([]);
  });

  it("bad schedules and keep policies are findings at their field", () => {
    const { diagnostics } = scheduled((f) =>
      editYaml(
        editYaml(f, LAB, (d) =>
          d.setIn(["spec", "snapshots"], { schedule: "0 25 * * *", keep: { daily: 0 } }),
        ),
        RNASEQ,
        (d) => d.setIn(["spec", "snapshots"], { schedule: "0 0 3 * * *" }),
      ),
    );
    const found = diagnostics.filter((d) => d.code?.startsWith("snapshot-"));
    expect(found.map((d) => [d.file, d.code, d.path])).toEqual([
      [LAB, "snapshot-schedule", "spec.snapshots.schedule"],
      [LAB, "snapshot-keep", "spec.snapshots.keep"],
      [RNASEQ, "snapshot-schedule", "spec.snapshots.schedule"],
    ]);
    for (const d of found) expect(d.line).toBeGreaterThan(1);
    expect(found[0]!.hint).toMatch(/0 3 \* \* \*/);
  });

  it("a schedule firing more often than hourly is a warning that holds nothing back", () => {
    const { diagnostics } = scheduled((f) =>
      editYaml(f, RNASEQ, (d) => d.setIn(["spec", "snapshots"], { schedule: "*/10 * * * *" })),
    );
    const found = diagnostics.filter((d) => d.code === "snapshot-schedule");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: RNASEQ, severity: "warning" });
    expect(found[0]!.message).toMatch(/fires more often than hourly/);
  });

  it("a keep policy of the wrong type is a schema finding", () => {
    const { diagnostics } = scheduled((f) =>
      editYaml(f, LAB, (d) =>
        d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *", keep: { daily: "seven" } }),
      ),
    );
    expect(diagnostics.some((d) => d.file === LAB && d.severity === "error")).toBe(true);
  });
});

describe("pruning scheduled snapshots", () => {
  const held = (
    name: string,
    kind: "ebs-snapshot" | "backup-job" = "ebs-snapshot",
  ): ObservedResource =>
    ({
      kind,
      key: `${kind}:genomics-core/rnaseq/${name}`,
      environment: "genomics-core/rnaseq",
      id: `id-${name}`,
      spec: { trigger: "schedule" },
      tags: {},
      status: kind === "ebs-snapshot" ? "completed" : "COMPLETED",
    }) as unknown as ObservedResource;
  const four = [
    "scheduled-20261203-0300",
    "scheduled-20261204-0300",
    "scheduled-20261205-0300",
    "scheduled-20261206-0300",
  ];

  it("prunes past daily 2, both parts of each, and never a protected one", () => {
    const { repository } = scheduled((f) =>
      editYaml(labDaily(f), "environments/genomics-core/single-cell/environment.yaml", (d) =>
        d.setIn(["spec", "restoreFrom"], {
          snapshot: "genomics-core/rnaseq/scheduled-20261203-0300",
        }),
      ),
    );
    const observed = [
      ...four.map((n) => held(n)),
      held("scheduled-20261204-0300", "backup-job"),
      held("thesis"),
    ];
    const { prune, decisions } = planPrunes(repository, observed, TODAY, {
      verified: new Set(["genomics-core/rnaseq/scheduled-20261203-0300"]),
    });
    // 0303: restored from (and verified); 0304: pruned (both its parts); 0305, 0306: daily 2.
    expect([...prune.keys()].sort()).toEqual([
      "backup-job:genomics-core/rnaseq/scheduled-20261204-0300",
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261204-0300",
    ]);
    expect(
      decisions.get("genomics-core/rnaseq")!.find((d) => d.id.endsWith("1203-0300"))!.reason,
    ).toMatch(/restores from it/);
  });

  it("keeps the last verified one, a slot due now, and everything without a keep policy", () => {
    const { repository } = scheduled(labDaily);
    const observed = four.map((n) => held(n));
    const verified = new Set(["genomics-core/rnaseq/scheduled-20261204-0300"]);
    const { prune } = planPrunes(repository, observed, TODAY, { verified });
    expect([...prune.keys()]).toEqual([
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261203-0300",
    ]);
    const due = new Set(["genomics-core/rnaseq/scheduled-20261207-0300"]);
    // With today's slot being taken, 0306 and the due one are the two newest days.
    expect(
      [...planPrunes(repository, observed, TODAY, { verified }, due).prune.keys()].sort(),
    ).toEqual([
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261203-0300",
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261205-0300",
    ]);
    const { repository: plain } = scheduled((f) =>
      editYaml(f, LAB, (d) => d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *" })),
    );
    expect(planPrunes(plain, observed, TODAY).prune.size).toBe(0);
  });

  it("a Snapshot document of a scheduled snapshot's name keeps it (and its legal hold)", () => {
    const name = "scheduled-20261203-0300";
    const { repository } = scheduled((f) =>
      withFile(
        labDaily(f),
        `environments/genomics-core/rnaseq/snapshots/${name}.yaml`,
        [
          "apiVersion: labenv.westtek.io/v1",
          "kind: Snapshot",
          `metadata: { name: ${name}, lab: genomics-core, environment: rnaseq }`,
          "spec: { requestedBy: rpatel, reason: keep the one before the upgrade, retention: { legalHold: true } }",
          "",
        ].join("\n"),
      ),
    );
    const { prune, decisions } = planPrunes(
      repository,
      four.map((n) => held(n)),
      TODAY,
    );
    expect([...prune.keys()]).toEqual([
      "ebs-snapshot:genomics-core/rnaseq/scheduled-20261204-0300",
    ]);
    expect(decisions.get("genomics-core/rnaseq")!.at(-1)!.reason).toMatch(/under legal hold/);
  });
});

describe("the plan of a prune", () => {
  const o = {
    kind: "ebs-snapshot",
    key: "ebs-snapshot:genomics-core/rnaseq/scheduled-20261203-0300",
    environment: "genomics-core/rnaseq",
    id: "snap-0123456789abcdef0",
    spec: {},
    tags: {},
    status: "completed",
  } as unknown as ObservedResource;
  const empty = { environments: [], resources: [] };

  it("deletes only the records a keep policy prunes, and a prune is not an environment deletion", () => {
    expect(
      plan(empty, { resources: [o] }, { maxDeletes: 0 }).stages.flatMap((s) => s.actions),
    ).toEqual([]);
    const p = plan(
      empty,
      { resources: [o] },
      { maxDeletes: 0, prune: new Map([[o.key, "pruned by keep (daily 2)"]]) },
    );
    expect(p.stages.find((s) => s.name === "retire")!.actions).toMatchObject([
      { outcome: "delete", key: o.key, reason: "pruned by keep (daily 2)" },
    ]);
    expect(p.blocked).toBeUndefined();
  });
});
