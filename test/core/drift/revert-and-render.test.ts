import { describe, expect, it } from "vitest";
import { desire } from "../../../reconciler/core/desire/desire.js";
import type { DriftItem, DriftReport } from "../../../reconciler/core/drift/drift-report.js";
import {
  driftTitle,
  readFilesDigest,
  readFingerprint,
  summarizeItems,
} from "../../../reconciler/core/drift/drift-summary.js";
import {
  MAX_BODY_CHARACTERS,
  renderDriftPullRequest,
} from "../../../reconciler/core/drift/render-drift-pull-request.js";
import { revertPlan } from "../../../reconciler/core/drift/revert-plan.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { changingActions } from "../../../reconciler/core/model/plan.js";
import type { ObservedResource } from "../../../reconciler/core/model/resources.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { exampleFiles } from "../../helpers/example-repo.js";

describe("revert plan", () => {
  const { repository } = loadRepository(exampleFiles(), createSchemaValidator());
  const desired = desire(repository).state.resources.filter(
    (r) => r.environment === "genomics-core/rnaseq",
  );
  const observed = desired.map((r) => ({
    kind: r.kind,
    key: r.key,
    environment: r.environment,
    id: `id:${r.key}`,
    spec: r.spec,
    tags: r.tags,
    ...(r.kind === "service" ? { runningCount: 1 } : {}),
  }));

  it("snapshots /opt/jupyter first, then replaces the task; the same occasion takes no second snapshot", () => {
    const plan = revertPlan({
      environment: "genomics-core/rnaseq",
      desired,
      observed,
      occasion: "fp@t1",
      why: "rejected",
    })!;
    expect(changingActions(plan).map((a) => `${a.outcome} ${a.kind}`)).toEqual([
      "create ebs-snapshot",
      "replace service",
    ]);
    const snapshotKey = plan.stages[0]!.actions[0]!.key;
    expect(snapshotKey).toMatch(
      /^ebs-snapshot:genomics-core\/rnaseq\/before-replace-[0-9a-f]{12}$/,
    );
    const taken = [
      ...observed,
      {
        kind: "ebs-snapshot",
        key: snapshotKey,
        environment: "genomics-core/rnaseq",
        id: "snap-1",
        spec: { service: "", description: "", trigger: "before-replace" },
        tags: {},
      } as ObservedResource,
    ];
    const again = revertPlan({
      environment: "genomics-core/rnaseq",
      desired,
      observed: taken,
      occasion: "fp@t1",
      why: "rejected",
    })!;
    expect(changingActions(again).map((a) => a.outcome)).toEqual(["replace"]);
    expect(
      revertPlan({
        environment: "genomics-core/rnaseq",
        desired,
        observed,
        occasion: "fp@t2",
        why: "x",
      })!.stages[0]!.actions[0]!.key,
    ).not.toBe(snapshotKey);
  });

  it("has nothing to put back when no task runs", () => {
    const stopped = observed.map((o) => (o.kind === "service" ? { ...o, runningCount: 0 } : o));
    expect(
      revertPlan({
        environment: "genomics-core/rnaseq",
        desired,
        observed: stopped,
        occasion: "x",
        why: "x",
      }),
    ).toBeUndefined();
  });
});

describe("drift pull request text", () => {
  const item = (i: number): DriftItem => ({
    item: "package",
    change: "added",
    name: `package-number-${i}`,
    observed: `1.0.${i}`,
    severity: "minor",
    why: "default: an added package nothing pins",
  });

  it("titles say counts per kind and change", () => {
    const items: DriftItem[] = [
      item(1),
      item(2),
      { ...item(3), change: "changed", locked: "1" },
      { item: "kernel", change: "removed", name: "ir", severity: "critical", why: "x" },
    ];
    expect(summarizeItems(items)).toBe("2 packages added, 1 changed, 1 kernel removed");
    const report: DriftReport = {
      environment: "genomics-core/rnaseq",
      status: "CRITICAL_DRIFT",
      items,
      fingerprint: "f".repeat(64),
      ignored: 0,
      observation: "present",
    };
    expect(driftTitle(report)).toBe(
      "drift: genomics-core/rnaseq — 2 packages added, 1 changed, 1 kernel removed (CRITICAL_DRIFT)",
    );
  });

  it("stays below GitHub's 65,536 characters however large the drift, keeping the markers", () => {
    const items = Array.from({ length: 5000 }, (_, i) => item(i));
    const report: DriftReport = {
      environment: "genomics-core/rnaseq",
      status: "MINOR_DRIFT",
      items,
      fingerprint: "f".repeat(64),
      ignored: 0,
      observation: "present",
    };
    const { body } = renderDriftPullRequest({
      report,
      proposal: {
        paths: [],
        digest: "0".repeat(64),
        edit: { requirements: [], requirementsChanged: false, packages: [] },
        accepted: [],
        kept: [],
        requirementsAdded: [],
        requirementsRemoved: [],
      },
      packLabel: "genomics@1.2.0",
      lockFile: "x",
      where: "sandbox",
      reviewers: [],
    });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS + 2000);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain("more items: `labenv drift genomics-core/rnaseq --json` lists them all");
    expect(body).toContain("### Merge or close");
    expect(readFingerprint(body)).toBe("f".repeat(64));
    expect(readFilesDigest(body)).toMatch(/^[0-9a-f]{64}$/);
  });
});
