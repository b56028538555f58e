// Pruning scheduled snapshots on AWS (moto's EC2): the plan's deletes go through the EBS
// driver's DeleteSnapshot, which reads every snapshot's tags back first. An expired one is
// deleted, a held one survives, one labenv did not take is never touched — even when a forged
// plan action names it — and a delete repeated after success is done.
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
} from "@aws-sdk/client-ec2";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AwsProvider } from "../../../reconciler/adapters/aws/aws-provider.js";
import type { AwsClients } from "../../../reconciler/adapters/aws/aws-clients.js";
import type { AwsProviderConfig } from "../../../reconciler/adapters/aws/aws-provider-config.js";
import { ebsSnapshotDriver } from "../../../reconciler/adapters/aws/ebs-snapshot-driver.js";
import type { Action } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource, ResourceKind } from "../../../reconciler/core/model/resources.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { applyPlan } from "../../../reconciler/core/reconcile/apply-plan.js";
import { planPrunes } from "../../../reconciler/core/snapshots/prune-plan.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { validateFiles } from "../../../reconciler/core/validate/validate.js";
import type { Repository } from "../../../reconciler/core/model/documents.js";
import { editYaml, exampleFiles, TODAY } from "../../helpers/example-repo.js";
import { useMoto } from "../moto.js";
import { REGION, CREDENTIALS, testClients } from "./aws-test-clients.js";

const moto = useMoto();
const E = "genomics-core/rnaseq";
const key = (name: string) => `ebs-snapshot:${E}/${name}`;

describe("pruning scheduled volume snapshots on AWS (moto)", () => {
  let clients: AwsClients;
  let config: AwsProviderConfig;
  let provider: AwsProvider;
  let volumeId: string;
  let repository: Repository;

  beforeAll(() => {
    // The lab keeps one snapshot a day for one day: everything older is pruned unless protected.
    repository = validateFiles(
      editYaml(exampleFiles(), "environments/genomics-core/lab.yaml", (d) =>
        d.setIn(["spec", "snapshots"], { schedule: "0 3 * * *", keep: { daily: 1 } }),
      ),
      createSchemaValidator(),
      { today: TODAY },
    ).repository;
  });

  beforeEach(async () => {
    clients = testClients(moto.endpoint);
    config = {
      region: REGION,
      cluster: "labenv",
      fileSystemId: "fs-00000000",
      subnets: [],
      securityGroups: [],
      endpoint: moto.endpoint,
      credentials: CREDENTIALS,
    };
    provider = new AwsProvider(config, clients, { now: () => new Date(`${TODAY}T12:00:00Z`) });
    const v = await clients.ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 1 }),
    );
    volumeId = v.VolumeId!;
  });

  async function snapshot(tags: Record<string, string>): Promise<string> {
    const s = await clients.ec2.send(
      new CreateSnapshotCommand({
        VolumeId: volumeId,
        TagSpecifications: [
          {
            ResourceType: "snapshot",
            Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
          },
        ],
      }),
    );
    return s.SnapshotId!;
  }
  const scheduled = (name: string, extra: Record<string, string> = {}) =>
    snapshot({
      "labenv:lab": "genomics-core",
      "labenv:environment": E,
      "labenv:resource": key(name),
      "labenv:trigger": "schedule",
      ...extra,
    });
  async function held(): Promise<string[]> {
    const r = await clients.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }));
    return (r.Snapshots ?? []).map((s) => s.SnapshotId!).sort();
  }
  const observe = () =>
    ebsSnapshotDriver.observe({ config, clients, keyOf: () => undefined }) as Promise<
      ObservedResource[]
    >;

  it("deletes the expired and unprotected, keeps the held, never touches a foreign one; the plan says which", async () => {
    const expired = await scheduled("scheduled-20261101-0300", {
      "labenv:keep-until": "2026-11-15",
    });
    const old = await scheduled("scheduled-20261105-0300");
    const onHold = await scheduled("scheduled-20261110-0300", { "labenv:legal-hold": "true" });
    const kept = await scheduled("scheduled-20261120-0300", { "labenv:keep-until": "2027-01-01" });
    const newest = await scheduled("scheduled-20261122-0300");
    const foreign = await snapshot({ Name: "someone else's backup" });
    const forged = await snapshot({
      "labenv:lab": "genomics-core",
      "labenv:environment": E,
      "labenv:resource": key("scheduled-20261102-0300"),
      "labenv:trigger": "request",
    });

    const observed = await observe();
    expect(observed.map((o) => o.id)).not.toContain(foreign);
    const { prune, decisions } = planPrunes(repository, observed, TODAY);
    expect([...prune.keys()].sort()).toEqual([
      key("scheduled-20261101-0300"),
      key("scheduled-20261105-0300"),
    ]);
    const why = (name: string) => decisions.get(E)!.find((d) => d.id.endsWith(name))!.reason;
    expect(why("20261110-0300")).toMatch(/legal hold/);
    expect(why("20261120-0300")).toMatch(/kept until 2027-01-01/);
    expect(why("20261102-0300")).toMatch(/not taken by a schedule \(request\)/);

    const p = plan(
      { environments: [], resources: [] },
      { resources: observed },
      { prune, maxDeletes: 0 },
    );
    const deletes = p.stages.flatMap((s) => s.actions).filter((a) => a.outcome === "delete");
    expect(deletes.map((a) => a.reason)).toEqual([
      expect.stringMatching(
        /^delete scheduled-20261101-0300's \/opt\/jupyter volume snapshot snap-.*pruned by keep \(daily 1\)/,
      ),
      expect.stringMatching(/^delete scheduled-20261105-0300's/),
    ]);
    const result = await applyPlan(p, { resources: observed }, provider);
    expect(result.failed).toBeUndefined();
    expect(await held()).toEqual([onHold, kept, newest, foreign, forged].sort());
    expect(await held()).not.toContain(expired);
    expect(await held()).not.toContain(old);

    // Applying the same plan again (a run that died after its deletes): done, nothing else goes.
    const again = await applyPlan(p, { resources: observed }, provider);
    expect(again.failed).toBeUndefined();
    expect(await held()).toEqual([onHold, kept, newest, foreign, forged].sort());
  });

  it("a forged delete (a hand-edited plan or state record) of a held, foreign or document's snapshot is refused and changes nothing", async () => {
    const onHold = await scheduled("scheduled-20261110-0300", { "labenv:legal-hold": "true" });
    const foreign = await snapshot({ Name: "someone else's" });
    const request = await snapshot({
      "labenv:lab": "genomics-core",
      "labenv:environment": E,
      "labenv:resource": key("scheduled-20261102-0300"),
      "labenv:trigger": "request",
    });
    const forge = (k: string, id: string, kind: ResourceKind = "ebs-snapshot"): Action => ({
      outcome: "delete",
      kind,
      key: k,
      environment: E,
      observed: {
        kind,
        key: k,
        environment: E,
        id,
        spec: {},
        tags: {},
      } as unknown as ObservedResource,
      changes: [],
      reason: "pruned by keep (daily 1)",
    });
    const cases: [Action, RegExp][] = [
      [forge(key("scheduled-20261110-0300"), onHold), /under legal hold/],
      [forge(key("scheduled-20261101-0300"), foreign), /labenv did not create it/],
      [forge(key("scheduled-20261101-0300"), request), /its labenv:resource tag is/],
      [forge(key("scheduled-20261102-0300"), request), /not taken by a schedule/],
      [forge(key("scheduled-20261102-0300"), "vol-0123"), /names no volume snapshot/],
    ];
    for (const [action, refused] of cases)
      await expect(provider.apply(action, () => undefined)).rejects.toThrow(refused);
    expect(await held()).toEqual([onHold, foreign, request].sort());
  });
});
