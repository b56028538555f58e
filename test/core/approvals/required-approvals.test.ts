import { describe, expect, it } from "vitest";
import { outsideLabs, requiredApprovals } from "../../../reconciler/core/approvals/index.js";
import { editYaml, withFile, withoutFile } from "../../helpers/example-repo.js";
import { scenario } from "./scenario.js";

function required(s: ReturnType<typeof scenario>) {
  return requiredApprovals(s.changed, s.base, s.head, s.plan);
}

const logins = (r: { anyOf: { login: string }[] }) => r.anyOf.map((a) => a.login).sort();

describe("environment changes", () => {
  it("need the owner or a lab approver by default", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/single-cell/environment.yaml", (d) =>
        d.setIn(["spec", "description"], "new words"),
      ),
    );
    const [r, ...rest] = required(s);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      id: "environment-change:genomics-core/single-cell",
      kind: "environment-change",
      needs: "its owner (ajones) or an approver of genomics-core",
    });
    expect(logins(r!)).toEqual(["ajones-sc", "meichen-lab", "rpatel-bio"]);
    expect(r!.anyOf.find((a) => a.login === "ajones-sc")?.role).toBe("owner");
  });

  it("a restore over the home's files (restoreFrom.overwrite) needs a lab approver, as a delete; without overwrite the owner may approve", () => {
    const ENV = "environments/genomics-core/single-cell/environment.yaml";
    const restoring = (overwrite: boolean) => (f: Parameters<typeof editYaml>[0]) =>
      editYaml(f, ENV, (d) =>
        d.setIn(["spec", "restoreFrom"], {
          snapshot: "genomics-core/rnaseq/before-genomics-2",
          ...(overwrite ? { overwrite: true } : {}),
        }),
      );
    const over = scenario(restoring(true));
    expect(over.plan.overwrites).toEqual([
      expect.objectContaining({
        environment: "genomics-core/single-cell",
        snapshot: "genomics-core/rnaseq/before-genomics-2",
      }),
    ]);
    const [r, ...rest] = required(over);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      id: "home-overwrite:genomics-core/single-cell",
      kind: "storage-change",
      needs: "an approver of genomics-core",
    });
    expect(r!.why).toMatch(/replaced by the snapshot's version.*\.labenv-replaced/);
    expect(logins(r!)).toEqual(["meichen-lab", "rpatel-bio"]);

    const beside = scenario(restoring(false));
    expect(beside.plan.overwrites).toBeUndefined();
    expect(required(beside).map((x) => [x.id, x.needs])).toEqual([
      [
        "environment-change:genomics-core/single-cell",
        "its owner (ajones) or an approver of genomics-core",
      ],
    ]);
    // Already asked for (and approved) on the base branch: another change does not ask again.
    const later = scenario(
      (f) => editYaml(f, ENV, (d) => d.setIn(["spec", "description"], "more cells")),
      restoring(true),
    );
    expect(later.plan.overwrites).toBeUndefined();
    expect(required(later).map((x) => x.id)).toEqual([
      "environment-change:genomics-core/single-cell",
    ]);
  });

  it("a retry (restoreFrom.attempt raised) needs no more than the restore did; a retry over the home's files needs the overwrite's approver again", () => {
    const ENV = "environments/genomics-core/single-cell/environment.yaml";
    const restoring =
      (overwrite: boolean, attempt?: number) => (f: Parameters<typeof editYaml>[0]) =>
        editYaml(f, ENV, (d) =>
          d.setIn(["spec", "restoreFrom"], {
            snapshot: "genomics-core/rnaseq/before-genomics-2",
            ...(overwrite ? { overwrite: true } : {}),
            ...(attempt ? { attempt } : {}),
          }),
        );
    const retry = scenario(restoring(false, 2), restoring(false));
    expect(retry.plan.retries).toEqual([
      expect.objectContaining({
        environment: "genomics-core/single-cell",
        attempt: 2,
        reason: expect.stringMatching(
          /^retry: attempt 2 of the restore from genomics-core\/rnaseq\/before-genomics-2 — a fresh restore.*attempt 1 stays as it is.*never deletes them$/,
        ),
      }),
    ]);
    expect(required(retry).map((x) => [x.id, x.needs])).toEqual([
      [
        "environment-change:genomics-core/single-cell",
        "its owner (ajones) or an approver of genomics-core",
      ],
    ]);
    const overRetry = scenario(restoring(true, 2), restoring(true));
    expect(overRetry.plan.overwrites).toEqual([
      expect.objectContaining({
        environment: "genomics-core/single-cell",
        reason: expect.stringMatching(
          /^retry: attempt 2 — overwrite genomics-core\/single-cell's home/,
        ),
      }),
    ]);
    expect(required(overRetry).map((x) => [x.id, x.needs])).toEqual([
      ["home-overwrite:genomics-core/single-cell", "an approver of genomics-core"],
    ]);
    // The retry is bound into the plan's digest: an apply approved for attempt 1 is not attempt 2's.
    expect(retry.plan.digest).not.toBe(scenario((f) => f, restoring(false)).plan.digest);
  });

  it("need an approver when the lab says approvals.environmentChanges: approver", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/climate-dynamics/ocean-heat/environment.yaml", (d) =>
        d.setIn(["spec", "description"], "x"),
      ),
    );
    const [r] = required(s);
    expect(r!.needs).toBe("an approver of climate-dynamics");
    expect(logins(r!)).toEqual(["ofernandez-climate", "sbauer-esm"]);
    expect(r!.why).toContain("approvals.environmentChanges: approver");
  });

  it("need an approver for a new environment (no owner on the base branch yet)", () => {
    const s = scenario((f) =>
      withFile(
        f,
        "environments/genomics-core/atac/environment.yaml",
        `apiVersion: labenv.westtek.io/v1
kind: Environment
metadata:
  name: atac
  lab: genomics-core
spec:
  owner: ajones
  description: ATAC-seq
  domainPack: "genomics@^1.1"
  resources: { cpu: 1024, memory: 4096 }
`,
      ),
    );
    const r = required(s).find((x) => x.id === "environment-change:genomics-core/atac");
    expect(r?.needs).toBe("an approver of genomics-core");
    expect(logins(r!)).toEqual(["meichen-lab", "rpatel-bio"]);
  });

  it("a lock-only change is an environment change too", () => {
    const s = scenario((f) =>
      f.map((x) =>
        x.path === "environments/ml-vision/teaching/environment.lock.yaml"
          ? { ...x, content: `${Buffer.from(x.content).toString()}\n# touched\n` }
          : x,
      ),
    );
    expect(required(s).map((r) => r.id)).toEqual(["environment-change:ml-vision/teaching"]);
  });

  it("removing an environment needs a lab approver", () => {
    const s = scenario((f) =>
      withoutFile(
        withoutFile(f, "environments/ml-vision/teaching/environment.yaml"),
        "environments/ml-vision/teaching/environment.lock.yaml",
      ),
    );
    const rs = required(s);
    const del = rs.find((r) => r.kind === "environment-delete");
    expect(del).toMatchObject({
      id: "environment-delete:ml-vision/teaching",
      needs: "an approver of ml-vision",
    });
    expect(logins(del!)).toEqual(["dsato-ml", "epetrov"]);
    expect(rs.some((r) => r.kind === "environment-change")).toBe(false);
  });

  it("an owner change needs a lab approver, not just the owner (its home is kept, so no access point is replaced)", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/single-cell/environment.yaml", (d) =>
        d.setIn(["spec", "owner"], "tkim"),
      ),
    );
    expect(
      s.plan.stages
        .flatMap((x) => x.actions)
        .some((a) => a.outcome === "replace" && a.kind === "access-point"),
    ).toBe(false);
    const rs = required(s);
    expect(rs.map((r) => r.id)).toEqual(["environment-change:genomics-core/single-cell"]);
    expect(rs[0]!.needs).toBe("an approver of genomics-core");
    expect(logins(rs[0]!)).not.toContain("ajones-sc");
    expect(rs[0]!.why).toContain("owner changes from ajones to tkim");
  });
});

describe("documents that do not load", () => {
  it("are an environment change, not a deletion, although the plan leaves them out", () => {
    const s = scenario((f) =>
      f.map((x) =>
        x.path === "environments/ml-vision/teaching/environment.yaml"
          ? { ...x, content: "kind: Environment\nmetadata: [\n" }
          : x,
      ),
    );
    expect(s.plan.summary.delete).toBeGreaterThan(0);
    expect(required(s).map((r) => r.id)).toEqual(["environment-change:ml-vision/teaching"]);
  });
});

describe("shares", () => {
  it("need an approver of the lending lab and one of the receiving lab", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml", (d) =>
        d.setIn(["spec", "purpose"], "longer"),
      ),
    );
    const rs = required(s);
    expect(rs.map((r) => r.id)).toEqual([
      "share-lender:genomics-core/rnaseq-to-ml-vision",
      "share-receiver:genomics-core/rnaseq-to-ml-vision:ml-vision",
    ]);
    expect(logins(rs[0]!)).toEqual(["meichen-lab", "rpatel-bio"]);
    expect(logins(rs[1]!)).toEqual(["dsato-ml", "epetrov"]);
    expect(rs[0]!.why).toBe(
      "genomics-core lends rnaseq (snapshot before-genomics-2) to ml-vision (read-only)",
    );
  });

  it("moving a share to another lab needs the old and the new receiving lab", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml", (d) => {
        d.setIn(["spec", "to"], { lab: "climate-dynamics" });
      }),
    );
    expect(
      required(s)
        .map((r) => r.id)
        .sort(),
    ).toEqual([
      "share-lender:genomics-core/rnaseq-to-ml-vision",
      "share-receiver:genomics-core/rnaseq-to-ml-vision:climate-dynamics",
      "share-receiver:genomics-core/rnaseq-to-ml-vision:ml-vision",
    ]);
  });

  it("revoking a share needs only the lending lab", () => {
    const s = scenario((f) =>
      withoutFile(f, "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml"),
    );
    const rs = required(s);
    expect(rs.map((r) => r.id)).toEqual(["share-lender:genomics-core/rnaseq-to-ml-vision"]);
    expect(rs[0]!.why).toBe("genomics-core revokes the share");
  });

  it("a share that says allowRestricted also needs the lending lab's PI", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/shares/rnaseq-to-ml-vision.yaml", (d) =>
        d.setIn(["spec", "allowRestricted"], true),
      ),
    );
    const r = required(s).find((x) => x.kind === "share-restricted");
    expect(r).toMatchObject({
      id: "share-restricted:genomics-core/rnaseq-to-ml-vision",
      needs: "the PI of genomics-core (mchen)",
    });
    expect(r!.anyOf.map((a) => `${a.login} ${a.role}`)).toEqual(["meichen-lab pi"]);
  });
});

describe("successions", () => {
  it("need the PI and the outgoing researcher while they are a member", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/genomics-core/successions/lwu-graduation.yaml", (d) =>
        d.setIn(["spec", "reason"], "graduating"),
      ),
    );
    const rs = required(s);
    expect(rs.map((r) => [r.id, logins(r)])).toEqual([
      ["succession-pi:genomics-core/lwu-graduation", ["meichen-lab"]],
      ["succession-outgoing:genomics-core/lwu-graduation", ["linwu-phd"]],
    ]);
    expect(rs[0]!.anyOf[0]!.role).toBe("pi");
  });

  it("need only the PI once the outgoing researcher has left the lab on the base branch", () => {
    const dropLwu = (f: Parameters<typeof editYaml>[0]) =>
      editYaml(f, "environments/genomics-core/lab.yaml", (d) => {
        const members = d.getIn(["spec", "members"]) as { items: { get(k: string): unknown }[] };
        members.items = members.items.filter((m) => m.get("id") !== "lwu");
      });
    const s = scenario(
      (f) =>
        editYaml(f, "environments/genomics-core/successions/lwu-graduation.yaml", (d) =>
          d.setIn(["spec", "reason"], "left"),
        ),
      dropLwu,
    );
    expect(required(s).map((r) => r.id)).toEqual(["succession-pi:genomics-core/lwu-graduation"]);
  });
});

describe("labs", () => {
  it("a lab.yaml change needs the PI, as named by the base branch", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/ml-vision/lab.yaml", (d) =>
        d.setIn(["spec", "approvers"], ["dsato", "epetrov", "jmueller"]),
      ),
    );
    const rs = required(s);
    expect(rs.map((r) => [r.id, r.needs, logins(r)])).toEqual([
      ["lab-change:ml-vision", "the PI of ml-vision", ["dsato-ml"]],
    ]);
  });

  it("a new PI also replaces the lab's dataset access points (owned by the PI's uid): a lab approver is needed too", () => {
    const s = scenario((f) =>
      editYaml(f, "environments/ml-vision/lab.yaml", (d) => d.setIn(["spec", "pi"], "epetrov")),
    );
    const rs = required(s);
    expect(rs.map((r) => r.id)).toEqual(["lab-change:ml-vision", "storage-change:ml-vision"]);
    expect(rs[1]!.subject).toBe("lab ml-vision storage");
  });

  it("a new lab needs a repository admin; no member of any lab can approve it", () => {
    const s = scenario((f) =>
      withFile(
        f,
        "environments/proteomics/lab.yaml",
        `apiVersion: labenv.westtek.io/v1
kind: Lab
metadata: { name: proteomics }
spec:
  pi: zz
  approvers: [zz]
  posixGid: 23000
  members: [{ id: zz, github: zz-prot, uid: 23001, role: pi }]
`,
      ),
    );
    const rs = required(s);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({
      id: "new-lab:proteomics",
      kind: "new-lab",
      needs: "a repository admin",
      anyOf: [],
      repositoryAdmin: true,
    });
    expect(rs[0]!.why).toContain("CODEOWNERS");
  });
});

describe("paths outside labs", () => {
  it("are left to CODEOWNERS", () => {
    expect(
      outsideLabs([
        "domain-packs/ml/2.1.0/pack.yaml",
        "labenv.yaml",
        "environments/ml-vision/lab.yaml",
        "schemas/lab.schema.json",
      ]),
    ).toEqual(["domain-packs/ml/2.1.0/pack.yaml", "labenv.yaml", "schemas/lab.schema.json"]);
    const s = scenario((f) =>
      f.map((x) =>
        x.path === "labenv.yaml"
          ? { ...x, content: `${Buffer.from(x.content).toString()}# note\n` }
          : x,
      ),
    );
    expect(required(s)).toEqual([]);
  });
});
