// Hostile hands on retention: a keep policy edited to keep almost nothing, records that name a
// snapshot, a service running from one, hold tags and a forged name never make the plan prune
// a protected scheduled snapshot. Table-driven over what protects it.
import { describe, expect, it } from "vitest";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { planPrunes } from "../../../reconciler/core/snapshots/prune-plan.js";
import { editYaml, exampleFiles, TODAY, withFile } from "../../helpers/example-repo.js";

type Files = ReturnType<typeof exampleFiles>;
const check = createSchemaValidator();
const LAB = "environments/genomics-core/lab.yaml";
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";
const OLD = "scheduled-20261101-0300";
const NEW = "scheduled-20261120-0300";
const E = "genomics-core/rnaseq";

/** The lab's schedule, edited by hand down to keeping one snapshot a day for one day. */
const keepOne = (f: Files) =>
  editYaml(f, LAB, (d) =>
    d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *", keep: { daily: 1 } }),
  );

const part = (
  name: string,
  over: {
    kind?: "ebs-snapshot" | "backup-job";
    trigger?: string;
    tags?: Record<string, string>;
  } = {},
): ObservedResource => {
  const kind = over.kind ?? "ebs-snapshot";
  return {
    kind,
    key: `${kind}:${E}/${name}`,
    environment: E,
    id:
      kind === "ebs-snapshot"
        ? `snap-${name.slice(10, 18)}0000000`
        : `arn:aws:backup:eu-west-1:123456789012:recovery-point:${name}`,
    spec: { trigger: over.trigger ?? "schedule" },
    tags: over.tags ?? {},
    status: "completed",
  } as unknown as ObservedResource;
};
const OLD_SNAP = "snap-202611010000000";

const record = [
  "apiVersion: labenv.westtek.io/v1",
  "kind: SnapshotRecord",
  `metadata: { name: thesis, lab: genomics-core, environment: rnaseq }`,
  "spec:",
  "  state: captured",
  "  capturedAt: 2026-11-01T03:00:41.000Z",
  `  manifest: { key: snapshots/${E}/thesis/manifest.json, digest: "sha256:${"a".repeat(64)}" }`,
  `  commit: ${"b".repeat(40)}`,
  "  provider: aws eu-west-1",
  `  lock: { digest: "sha256:${"c".repeat(64)}", domainPack: genomics@1.2.0 }`,
  `  volumeSnapshotId: ${OLD_SNAP}`,
  "",
].join("\n");

const snapshotDoc = (retention: string) =>
  [
    "apiVersion: labenv.westtek.io/v1",
    "kind: Snapshot",
    `metadata: { name: ${OLD}, lab: genomics-core, environment: rnaseq }`,
    `spec: { requestedBy: rpatel, reason: keep it, retention: ${retention} }`,
    "",
  ].join("\n");

describe("a hand-edited keep policy never prunes a protected scheduled snapshot", () => {
  it.each<{
    name: string;
    edit?: (f: Files) => Files;
    old?: Partial<Parameters<typeof part>[1]>;
    extra?: ObservedResource[];
    why: RegExp;
  }>([
    {
      name: "a Snapshot document under legal hold",
      edit: (f) =>
        withFile(f, `environments/${E}/snapshots/${OLD}.yaml`, snapshotDoc("{ legalHold: true }")),
      why: /under legal hold/,
    },
    {
      name: "a Snapshot document whose keepUntil has not passed",
      edit: (f) =>
        withFile(
          f,
          `environments/${E}/snapshots/${OLD}.yaml`,
          snapshotDoc("{ keepUntil: 2036-12-31 }"),
        ),
      why: /kept until 2036-12-31/,
    },
    {
      name: "an environment restoring from it",
      edit: (f) =>
        editYaml(f, "environments/genomics-core/single-cell/environment.yaml", (d) =>
          d.setIn(["spec", "restoreFrom"], { snapshot: `${E}/${OLD}` }),
        ),
      why: /restores from it/,
    },
    {
      name: "a SnapshotRecord in git naming its volume snapshot",
      edit: (f) => withFile(f, `environments/${E}/snapshots/thesis.lock.yaml`, record),
      why: /thesis\.lock\.yaml names snap-/,
    },
    {
      name: "a service whose volume is created from it",
      extra: [
        {
          kind: "service",
          key: `service:${E}`,
          environment: E,
          id: "arn:aws:ecs:eu-west-1:123456789012:service/labenv/labenv-genomics-core-rnaseq",
          spec: { volume: { fromSnapshot: OLD_SNAP } },
          tags: {},
        } as unknown as ObservedResource,
      ],
      why: /volume is created from snap-/,
    },
    {
      name: "one a document asked for (trigger request)",
      old: { trigger: "request" },
      why: /not taken by a schedule/,
    },
    {
      name: "a legal-hold tag set in AWS",
      old: { tags: { "labenv:legal-hold": "true" } },
      why: /legal hold/,
    },
    {
      name: "a keep-until tag set in AWS",
      old: { tags: { "labenv:keep-until": "2030-01-01" } },
      why: /kept until 2030-01-01/,
    },
  ])("$name", ({ edit, old, extra, why }) => {
    const { repository } = validateFiles(
      (edit ?? ((f: Files) => f))(keepOne(exampleFiles())),
      check,
      {
        today: TODAY,
      },
    );
    const observed = [part(OLD, old), part(NEW), ...(extra ?? [])];
    const { prune, decisions } = planPrunes(repository, observed, TODAY);
    expect([...prune.keys()]).toEqual([]);
    expect(decisions.get(E)!.find((d) => d.id.endsWith(OLD))!.reason).toMatch(why);
    // The same snapshot without its protection is pruned: the table tests the protection.
    const bare = validateFiles(keepOne(exampleFiles()), check, { today: TODAY }).repository;
    expect([...planPrunes(bare, [part(OLD), part(NEW)], TODAY).prune.keys()]).toEqual([
      `ebs-snapshot:${E}/${OLD}`,
    ]);
  });

  it("an environment's own keep policy (over its lab's) still never prunes its record-named snapshot", () => {
    const { repository } = validateFiles(
      withFile(
        editYaml(exampleFiles(), RNASEQ, (d) =>
          d.setIn(["spec", "snapshots"], { schedule: "*/5 * * * *", keep: { monthly: 1 } }),
        ),
        `environments/${E}/snapshots/thesis.lock.yaml`,
        record,
      ),
      check,
      { today: TODAY },
    );
    expect([...planPrunes(repository, [part(OLD), part(NEW)], TODAY).prune.keys()]).toEqual([]);
  });

  it("one part protected keeps the whole snapshot: its recovery point is not pruned alone", () => {
    const { repository } = validateFiles(keepOne(exampleFiles()), check, { today: TODAY });
    const observed = [
      part(OLD, { tags: { "labenv:legal-hold": "true" } }),
      part(OLD, { kind: "backup-job" }),
      part(NEW),
    ];
    expect([...planPrunes(repository, observed, TODAY).prune.keys()]).toEqual([]);
  });
});
