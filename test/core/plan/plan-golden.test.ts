import { join } from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { renderPlan } from "../../../reconciler/cli/render/plan.js";
import { desire } from "../../../reconciler/core/desire/desire.js";
import { loadRepository, type RepoFile } from "../../../reconciler/core/load/load-repository.js";
import type { ObservedState } from "../../../reconciler/core/model/resources.js";
import { asObserved } from "../../../reconciler/core/plan/preview.js";
import { plan } from "../../../reconciler/core/plan/plan.js";
import { homeOwnersOf, keepHomeOwners } from "../../../reconciler/core/desire/home-owners.js";
import { createSchemaValidator } from "../../../reconciler/core/validate/schema-validator.js";
import { editYaml, exampleFiles, repoRoot, withoutFile } from "../../helpers/example-repo.js";
import { expectGolden } from "../../helpers/golden.js";

/**
 * Golden plans: the example repository as running (observed), a change in git
 * (desired), and the plan a reviewer reads in test/fixtures/plan/<case>/expected.txt.
 * Regenerate with LABENV_UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
const check = createSchemaValidator();
const desired = (files: RepoFile[]) => desire(loadRepository(files, check).repository).state;
const base = exampleFiles();
const running: ObservedState = asObserved(desired(base));
const RNASEQ = "environments/genomics-core/rnaseq/environment.yaml";

const cases: Record<string, { files: RepoFile[]; observed?: ObservedState; maxDeletes?: number }> =
  {
    "empty-account": { files: base, observed: { resources: [] } },
    "no-changes": { files: base },
    "memory-change-snapshots-first": {
      files: editYaml(base, RNASEQ, (d) => d.setIn(["spec", "resources", "memory"], 6144)),
    },
    "stop-environment": {
      files: editYaml(base, RNASEQ, (d) => d.setIn(["spec", "state"], "stopped")),
    },
    // The home keeps the uid it was made with (issue 14 item 20): an owner change replaces nothing.
    "owner-change-keeps-home": {
      files: editYaml(base, RNASEQ, (d) => d.setIn(["spec", "owner"], "ajones")),
    },
    "environment-removed-keeps-data": {
      files: withoutFile(
        withoutFile(
          withoutFile(
            withoutFile(base, RNASEQ),
            RNASEQ.replace("environment.yaml", "environment.lock.yaml"),
          ),
          "environments/genomics-core/rnaseq/snapshots/before-genomics-2.yaml",
        ),
        "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml",
      ),
    },
    "mass-delete-blocked": {
      files: base.filter((f) => !f.path.startsWith("environments/ml-vision/")),
      maxDeletes: 2,
    },
    "aws-defaults-are-not-drift": {
      files: base,
      // What a provider reports after normalizing: same specs, extra tags AWS or people added, other ids.
      observed: {
        resources: running.resources.map((r) => ({
          ...r,
          id: `arn:aws:example:${r.key}`,
          tags: { ...r.tags, Name: r.key, "aws:cloudformation:stack-name": "x" },
          status: "ACTIVE",
        })),
      },
    },
  };

describe("plan golden cases", () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const costsBefore = Object.fromEntries(
        desired(base).environments.map((e) => [
          e.key,
          c.observed?.resources.length === 0 ? 0 : e.monthlyCostUsd,
        ]),
      );
      const observed = c.observed ?? running;
      // As reconcile plans: every existing home keeps the identity it was created with.
      const wanted = keepHomeOwners(desired(c.files), homeOwnersOf(observed.resources, []));
      const p = plan(wanted, observed, {
        maxDeletes: c.maxDeletes ?? 5,
        costsBefore,
      });
      const actual = `${renderPlan(p)}\n`;
      expectGolden(join(repoRoot, "test/fixtures/plan", name, "expected.txt"), actual);
    });
  }

  it("the plan is a pure value: same inputs, same digest", () => {
    const files = editYaml(base, RNASEQ, (d) => d.setIn(["spec", "resources", "memory"], 6144));
    expect(plan(desired(files), running, { maxDeletes: 5 }).digest).toBe(
      plan(desired(files), running, { maxDeletes: 5 }).digest,
    );
    expect(plan(desired(files), running, { maxDeletes: 5 }).digest).not.toBe(
      plan(desired(base), running, { maxDeletes: 5 }).digest,
    );
  });

  it("storage is never deleted and deletes run in reverse order", () => {
    const files = cases["environment-removed-keeps-data"]!.files;
    const p = plan(desired(files), running, { maxDeletes: 5 });
    const retire = p.stages
      .find((s) => s.name === "retire")!
      .actions.filter((a) => a.environment === "genomics-core/rnaseq");
    expect(retire.map((a) => `${a.outcome} ${a.kind}`)).toEqual([
      "create ebs-snapshot",
      "delete service",
      "delete task-definition",
      "skipped access-point",
    ]);
    expect(
      p.stages
        .flatMap((s) => s.actions)
        .some(
          (a) =>
            a.outcome === "delete" &&
            (a.kind === "access-point" || a.kind === "ebs-snapshot" || a.kind === "backup-job"),
        ),
    ).toBe(false);
  });

  it("a yaml comment in environment.yaml changes nothing", () => {
    const files = base.map((f) =>
      f.path === RNASEQ
        ? {
            path: f.path,
            content: `# note\n${parseDocument(Buffer.from(f.content).toString()).toString()}`,
          }
        : f,
    );
    expect(plan(desired(files), running, { maxDeletes: 5 }).summary).toMatchObject({
      create: 0,
      update: 0,
      replace: 0,
      delete: 0,
    });
  });
});
