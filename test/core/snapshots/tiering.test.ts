// EBS archive tiering decisions and their plan items: pure, table-driven.
import { describe, expect, it } from "vitest";
import type { DesiredState, ObservedResource } from "../../../reconciler/core/model/resources.js";
import { desire } from "../../../reconciler/core/desire/desire.js";
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
      name: "no archiveAfterDays, 97 days old: younger than the default year, kept",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: {},
      archived: false,
    },
    {
      name: "no archiveAfterDays, a year old: archived by the default",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: { startedAt: "2025-12-07T03:00:00.000Z" },
      archived: true,
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
        /to the EBS archive tier \(ModifySnapshotTier\): (97|365) days old.*first wait 24–72 hours/,
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

  // The home's recovery point: its move to cold storage (AWS Backup lifecycle) is set on a warm
  // point that lacks it, changed to the request's warmAfterDays, removed while restored from.
  const point = (over: Partial<ObservedResource> = {}): ObservedResource =>
    ({
      kind: "backup-job",
      key: `backup-job:${E}/thesis`,
      environment: E,
      id: "arn:aws:backup:eu-west-1:123456789012:recovery-point:thesis",
      spec: { trigger: "request" },
      tags: {},
      storageClass: "warm",
      lifecycle: {},
      startedAt: "2026-09-01T03:00:00.000Z",
      ...over,
    }) as ObservedResource;
  const restoring = (f: Files) =>
    editYaml(f, "environments/genomics-core/single-cell/environment.yaml", (d) =>
      d.setIn(["spec", "restoreFrom"], { snapshot: `${E}/thesis` }),
    );
  it.each<{
    name: string;
    edit: (f: Files) => Files;
    o: Partial<ObservedResource>;
    change?: { from: number | undefined; to: number | undefined };
  }>([
    {
      name: "backed up without a move: set to the default 30 days",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: {},
      change: { from: undefined, to: 30 },
    },
    {
      name: "the request's warmAfterDays differs: changed",
      edit: withDoc("{ warmAfterDays: 120 }"),
      o: { lifecycle: { coldStorageAfterDays: 30 } },
      change: { from: 30, to: 120 },
    },
    {
      name: "already as the request says: nothing",
      edit: withDoc("{ warmAfterDays: 45 }"),
      o: { lifecycle: { coldStorageAfterDays: 45 } },
    },
    {
      name: "already in cold storage: nothing (AWS cannot change it then)",
      edit: withDoc("{ warmAfterDays: 120 }"),
      o: { storageClass: "cold", lifecycle: { coldStorageAfterDays: 30 } },
    },
    {
      name: "an environment restores from it: the move removed",
      edit: (f) => restoring(withDoc("{ keepUntil: 2040-01-01 }")(f)),
      o: { lifecycle: { coldStorageAfterDays: 30 } },
      change: { from: 30, to: undefined },
    },
    {
      name: "a deletion date that leaves less than 90 days cold: left as it is",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: { lifecycle: { deleteAfterDays: 100 } },
    },
    {
      name: "no document (scheduled, succession, share): stays warm",
      edit: (f) => f,
      o: {},
    },
    {
      name: "a provider that reports no storage (the sandbox): nothing",
      edit: withDoc("{ keepUntil: 2040-01-01 }"),
      o: { storageClass: undefined, lifecycle: undefined },
    },
  ])("home recovery point — $name", ({ edit, o, change }) => {
    const { lifecycles } = planTiering(repoOf(edit), [point(o)], none, TODAY);
    const got = lifecycles.get(`backup-job:${E}/thesis`);
    expect(got ? { from: got.from, to: got.to } : undefined).toEqual(change);
  });

  it("a lifecycle change is an update of the backup job's record in the plan, with its reason", () => {
    const repo = repoOf(withDoc("{ keepUntil: 2040-01-01 }"));
    const observed = [point()];
    const tiering = planTiering(repo, observed, none, TODAY);
    const p = plan(none, { resources: observed }, { maxDeletes: 0, tiering });
    expect(p.stages.flatMap((s) => s.actions)).toEqual([
      expect.objectContaining({
        outcome: "update",
        key: `backup-job:${E}/thesis`,
        changes: [{ field: "coldStorageAfterDays", from: "none", to: "30" }],
        reason: expect.stringMatching(
          /to AWS Backup cold storage 30 days after its backup \(UpdateRecoveryPointLifecycle; warmAfterDays 30, the default; it is 97 days old, so AWS Backup moves it at once\): a restore of the home from there is slower/,
        ),
      }),
    ]);
  });

  it.each([
    ["no warmAfterDays: the default 30", "{ keepUntil: 2040-01-01 }", 30],
    ["warmAfterDays 75", "{ warmAfterDays: 75 }", 75],
    ["archiveAfterDays 10: never warm after archive", "{ archiveAfterDays: 10 }", 10],
  ])("a new backup job of a request moves to cold storage then — %s", (_n, retention, days) => {
    const home = (f: Files) =>
      withFile(
        f,
        `environments/${E}/snapshots/thesis.yaml`,
        doc("thesis", retention).replace(
          "reason: thesis,",
          "reason: thesis, include: { home: true },",
        ),
      );
    const { state } = desire(repoOf(home), {}, { today: TODAY });
    expect(state.resources.find((r) => r.key === `backup-job:${E}/thesis`)!.spec).toMatchObject({
      coldStorageAfterDays: days,
    });
  });
});
