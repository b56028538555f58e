// Issue 14 item 20 in the sandbox: an owner change keeps the environment's home as it was
// made. EFS applies an access point's CreationInfo only when it creates the root directory,
// so a new access point for the new owner's uid over the same directory could not write it
// (the directory stays the old uid's, 0750). The home access point therefore keeps mapping
// to the uid the home was created with — every request through it is made as that uid, so
// the successor reaches every file, old and new — while who may open the environment (the
// authorizer's access list) follows spec.owner.
import { describe, expect, it } from "vitest";
import { saveAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
import { canWriteRoot, directoryAt } from "../../../reconciler/adapters/sandbox/sandbox-efs.js";
import { TAG } from "../../../reconciler/core/model/resources.js";
import { loadRepository } from "../../../reconciler/core/load/load-repository.js";
import { previewPlan } from "../../../reconciler/core/plan/preview.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { check, index, run, sandbox } from "../../helpers/sandbox.js";
import { runDrift } from "../../../reconciler/core/drift/run-drift.js";
import { DirectoryObjectStore } from "../../../reconciler/adapters/file/directory-object-store.js";
import { join } from "node:path";

const ENV = "environments/genomics-core/rnaseq/environment.yaml";
const HOME = "access-point:genomics-core/rnaseq/home";
const moveTo = (files: ReturnType<typeof exampleFiles>, owner: string) =>
  editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], owner));
const withAccess = (files: ReturnType<typeof exampleFiles>) =>
  editYaml(files, "labenv.yaml", (d) =>
    d.setIn(["spec", "access"], d.createNode({ address: "https://jupyter.westtek.example" })),
  );

function serviceRevision(s: ReturnType<typeof sandbox>) {
  const account = s.provider.account();
  const service = account.services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
  return account.taskDefinitions.find((t) => t.arn === service.taskDefinitionArn)!;
}

function homeMounted(s: ReturnType<typeof sandbox>) {
  const td = serviceRevision(s);
  const id = (
    td.body.volumes as {
      name: string;
      efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
    }[]
  ).find((v) => v.name === "home")!.efsVolumeConfiguration!.authorizationConfig.accessPointId;
  return s.provider.account().accessPoints.find((a) => a.id === id)!;
}

/** The owner the running task's authorizer lets in (LABENV_ACCESS in its task definition). */
function ownerLetIn(s: ReturnType<typeof sandbox>): string {
  const containers = serviceRevision(s).body.containerDefinitions as {
    environment?: { name: string; value: string }[];
  }[];
  const value = containers
    .flatMap((c) => c.environment ?? [])
    .find((e) => e.name === "LABENV_ACCESS")!.value;
  return (JSON.parse(value) as { owner: string }).owner;
}

describe("sandbox: an owner change (item 20)", () => {
  it("keeps the home access point and its uid; nothing is replaced and the next run has nothing to do", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const before = homeMounted(s);
    const moved = moveTo(files, "ajones");
    const result = await run(moved, s);
    // Without an `access` section nothing in AWS depends on the owner any more.
    expect(result.outcome).toBe("no-changes");
    const after = homeMounted(s);
    expect(after.id).toBe(before.id);
    expect(after.posixUser).toEqual(before.posixUser);
    expect(after.tags[TAG.retired]).toBeUndefined();
    expect(
      s.provider.account().accessPoints.filter((a) => a.tags[TAG.resource] === HOME),
    ).toHaveLength(1);
    expect((await run(moved, s)).outcome).toBe("no-changes");
  });

  it("who may open the environment follows spec.owner: the authorizer's access list names the successor", async () => {
    const s = sandbox();
    const files = withAccess(exampleFiles());
    await run(files, s);
    expect(ownerLetIn(s)).toBe("rpatel");
    const before = homeMounted(s);
    const moved = moveTo(files, "ajones");
    const result = await run(moved, s);
    expect(result.outcome).toBe("applied");
    const changed = result
      .plan!.stages.flatMap((st) => st.actions)
      .filter((a) => a.outcome !== "unchanged" && a.outcome !== "skipped");
    expect(changed.map((a) => `${a.outcome} ${a.kind}`).sort()).not.toContain(
      "replace access-point",
    );
    expect(ownerLetIn(s)).toBe("ajones");
    expect(homeMounted(s).id).toBe(before.id);
    expect((await run(moved, s)).outcome).toBe("no-changes");
  });

  it("a revision that still mounts a retired access point is not reported as matching git", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    // A home replaced by an earlier labenv, put back by hand: the revision mounts the retired one.
    const account = s.provider.account();
    const live = homeMounted(s);
    const retired = {
      ...structuredClone(live),
      id: "fsap-0retired000000",
      clientToken: "by-hand",
      tags: { ...live.tags, [TAG.retired]: "2026-11-23T12:00:00.000Z" },
    };
    account.accessPoints.push(retired);
    for (const t of account.taskDefinitions)
      t.body = JSON.parse(JSON.stringify(t.body).replaceAll(live.id, retired.id));
    saveAccount(join(s.dir, "sandbox", "account.json"), account);

    const observed = (await s.provider.observe()).resources.find(
      (r) => r.kind === "task-definition" && r.key === "task-definition:genomics-core/rnaseq",
    );
    expect((observed?.spec as { homeAccessPoint: string }).homeAccessPoint).toBe(retired.id);
    const again = await run(files, s, { mode: "plan" });
    expect(again.outcome).not.toBe("no-changes");
  });
});

describe("sandbox EFS: the successor writes the home the predecessor made (item 20)", () => {
  it("the successor can write their home after an owner change", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const first = homeMounted(s);
    expect(canWriteRoot(s.provider.account(), first.id)).toBe(true);
    await run(moveTo(files, "ajones"), s);
    const account = s.provider.account();
    const home = homeMounted(s);
    expect(canWriteRoot(account, home.id)).toBe(true);
    // The directory is still the one the first owner made, and the access point maps to its owner.
    expect(directoryAt(account, home.rootDirectory.path)?.owner.uid).toBe(first.posixUser.uid);
    expect(home.posixUser.uid).toBe(first.posixUser.uid);
  });

  it("a home access point deleted by hand is made again for the recorded uid, not the new owner's", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const first = homeMounted(s);
    await run(moveTo(files, "ajones"), s);
    const account = s.provider.account();
    account.accessPoints = account.accessPoints.filter((a) => a.id !== first.id);
    saveAccount(join(s.dir, "sandbox", "account.json"), account);

    const result = await run(moveTo(files, "ajones"), s);
    expect(result.outcome).toBe("applied");
    const made = homeMounted(s);
    expect(made.id).not.toBe(first.id);
    expect(made.posixUser).toEqual(first.posixUser);
    expect(canWriteRoot(s.provider.account(), made.id)).toBe(true);
  });

  it("a new environment's home is made with its owner's uid", async () => {
    const s = sandbox();
    const files = moveTo(exampleFiles(), "ajones");
    await run(files, s);
    const repo = loadRepository(files, check).repository;
    const ajones = repo.labs.get("genomics-core")!.doc.spec.members.find((m) => m.id === "ajones")!;
    expect(homeMounted(s).posixUser.uid).toBe(ajones.uid);
    expect(canWriteRoot(s.provider.account(), homeMounted(s).id)).toBe(true);
  });

  it("the pull request's plan keeps main's home: an owner change replaces no access point", () => {
    const files = exampleFiles();
    const p = previewPlan(
      loadRepository(files, check).repository,
      loadRepository(moveTo(files, "ajones"), check).repository,
    );
    const home = p.stages.flatMap((st) => st.actions).find((a) => a.key === HOME)!;
    expect(home.outcome).toBe("unchanged");
  });
});

describe("drift after an owner change (item 20)", () => {
  it("the kept home is not infrastructure drift", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const moved = moveTo(files, "ajones");
    await run(moved, s);
    const drift = () =>
      runDrift(
        {
          repository: loadRepository(moved, check).repository,
          index,
          commit: "c0ffee",
          baseBranch: "main",
          mode: "report",
          where: "sandbox",
          maxOpenPerLab: 5,
          today: "2026-11-23",
        },
        {
          provider: s.provider,
          state: s.state,
          objects: new DirectoryObjectStore(join(s.dir, "objects")),
          now: s.now,
          runId: "drift-test",
          owner: "drift-test",
          check,
        },
      );
    const infrastructure = async () =>
      (await drift()).environments
        .find((e) => e.environment === "genomics-core/rnaseq")
        ?.report?.items.filter((i) => i.item === "infrastructure")
        .map((i) => `${i.name} ${i.change}`);
    expect(await infrastructure()).toEqual([]);
    // And the kept home is still judged: a tag changed behind labenv's back is drift.
    const account = s.provider.account();
    const home = homeMounted(s);
    account.accessPoints.find((a) => a.id === home.id)!.tags[TAG.lab] = "someone-else";
    saveAccount(join(s.dir, "sandbox", "account.json"), account);
    expect(await infrastructure()).toEqual([`${HOME} changed`]);
  });
});
