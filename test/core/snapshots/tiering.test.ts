// EBS archive tiering decisions and their plan items: pure, table-driven.
import { describe, expect, it } from "vitest";
import type { DesiredState, ObservedResource } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { planTiering } from "../../../reconciler/core/snapshots/tiering.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import { editYaml, exampleFiles, withFile } from "../../helpers/example-repo.js";

type Files = ReturnType<typeof exampleFiles>;
const check = createSchemaValidator();
const E = "genomics-core/rnaseq";
const TODAY = "2026-12-07";
const doc = (name: string, retention: string) =>
  [
    "apiVersion: labenv.westtek.io/v1",
    "kind: Snapshot",
    `metadata: { name: ${name}, lab: genomics-core, environment: rnaseq }`,
    `spec: { requestedBy: rpatel, reason: thesis, retention: ${retention} }`,
    "",
  ].join("\n");
const snap = (name: string, over: Partial<ObservedResource> = {}): ObservedResource =>
  ({
    kind: "ebs-snapshot",
    key: `ebs-snapshot:${E}/${name}`,
    environment: E,
    id: `snap-${name}`,
    spec: { trigger: "request" },
    tags: {},
    status: "completed",
    storageTier: "standard",
    startedAt: "2026-09-01T03:00:00.000Z",
    ...over,
  }) as ObservedResource;
const service = (fromSnapshot?: string) =>
  ({
    kind: "service",
    key: `service:${E}`,
    environment: E,
    lab: "genomics-core",
    spec: {
      volume: {
        sizeGiB: 20,
        volumeType: "gp3",
        encrypted: true,
        ...(fromSnapshot ? { fromSnapshot } : {}),
      },
    },
    tags: {},
    specHash: "h",
    dependsOn: [],
  }) as unknown;
const repoOf = (edit: (f: Files) => Files) =>
  validateFiles(edit(exampleFiles()), check, { today: TODAY }).repository;
const withDoc = (retention: string) => (f: Files) =>
  withFile(f, `environments/${E}/snapshots/thesis.yaml`, doc("thesis", retention));
const none: DesiredState = { environments: [], resources: [] };

describe("planTiering", () => {
  it.each<{
    name: string;
    edit: (f: Files) => Files;
    o: Partial<ObservedResource>;
    desired?: DesiredState;
    archived: boolean;
  }>([
    {
      name: "older than its archiveAfterDays: archived",
      edit: withDoc("{ archiveAfterDays: 90 }"),
      o: {},
      archived: true,
    },
    {
      name: "younger: kept hot",
      edit: withDoc("{ archiveAfterDays: 120 }"),
      o: {},
      archived: false,
    },
    {
      name: "exactly at the threshold: archived",
      edit: withDoc("{ archiveAfterDays: 97 }"),
      o: {},
      archived: true,
    },
    {
      name: "no archiveAfterDays: never archived",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: {},
      archived: false,
    },
    {
      name: "no document (scheduled, succession): never archived",
      edit: (f) => f,
      o: {},
      archived: false,
    },
    {
      name: "already archived: nothing",
      edit: withDoc("{ archiveAfterDays: 30 }"),
      o: { storageTier: "archive" },
      archived: false,
    },
    {
      name: "not completed: waits",
      edit: withDoc("{ archiveAfterDays: 30 }"),
      o: { status: "pending" },
      archived: false,
    },
    {
      name: "a provider that reports no tier (the sandbox): nothing",
      edit: withDoc("{ archiveAfterDays: 30 }"),
      o: { storageTier: undefined },
      archived: false,
    },
    {
      name: "an environment restores from it: kept hot",
      edit: (f) =>
        editYaml(
          withDoc("{ archiveAfterDays: 30 }")(f),
          "environments/genomics-core/single-cell/environment.yaml",
          (d) => d.setIn(["spec", "restoreFrom"], { snapshot: `${E}/thesis` }),
        ),
      o: {},
      archived: false,
    },
    {
      name: "a service's volume is made from it: kept hot",
      edit: withDoc("{ archiveAfterDays: 30 }"),
      o: {},
      desired: { environments: [], resources: [service("snap-thesis") as never] },
      archived: false,
    },
  ])("$name", ({ edit, o, desired, archived }) => {
    const { moves } = planTiering(repoOf(edit), [snap("thesis", o)], desired ?? none, TODAY);
    if (archived) {
      expect(moves.get(`ebs-snapshot:${E}/thesis`)).toMatchObject({ to: "archive" });
      expect(moves.get(`ebs-snapshot:${E}/thesis`)!.reason).toMatch(
        /to the EBS archive tier \(ModifySnapshotTier\): 97 days old.*first wait 24–72 hours/,
      );
    } else expect(moves.size).toBe(0);
  });

  it("a restore from an archived snapshot brings it back first, says it takes 24–72 hours, and holds the service", () => {
    const repo = repoOf(withDoc("{ archiveAfterDays: 30 }"));
    const observed = [snap("thesis", { storageTier: "archive" })];
    const desired: DesiredState = {
      environments: [],
      resources: [service("snap-thesis") as never],
    };
    const tiering = planTiering(repo, observed, desired, TODAY);
    expect(tiering.moves.get(`ebs-snapshot:${E}/thesis`)).toEqual({
      to: "standard",
      reason: expect.stringMatching(/RestoreSnapshotTier\): this takes 24–72 hours, not minutes/),
    });
    const p = plan(desired, { resources: observed }, { maxDeletes: 0, tiering });
    const actions = p.stages.flatMap((s) => s.actions);
    expect(actions.find((a) => a.kind === "ebs-snapshot")).toMatchObject({
      outcome: "update",
      changes: [{ field: "storageTier", from: "archive", to: "standard" }],
    });
    expect(actions.find((a) => a.kind === "service")).toMatchObject({
      outcome: "skipped",
      reason: expect.stringMatching(/being restored from the EBS archive tier \(24–72 hours\)/),
    });
    // Without the tiering decision the service would be created from an archived snapshot.
    const naive = plan(desired, { resources: observed }, { maxDeletes: 0 });
    expect(naive.stages.flatMap((s) => s.actions).find((a) => a.kind === "service")!.outcome).toBe(
      "create",
    );
  });

  it("an archive move is an update of the record in the plan, with its reason", () => {
    const repo = repoOf(withDoc("{ archiveAfterDays: 30 }"));
    const observed = [snap("thesis")];
    const tiering = planTiering(repo, observed, none, TODAY);
    const p = plan(none, { resources: observed }, { maxDeletes: 0, tiering });
    expect(p.stages.flatMap((s) => s.actions)).toEqual([
      expect.objectContaining({
        outcome: "update",
        key: `ebs-snapshot:${E}/thesis`,
        changes: [{ field: "storageTier", from: "standard", to: "archive" }],
      }),
    ]);
  });
});
