// Issue 14 item 20 in the sandbox: when an environment changes owner its home
// access point is replaced (new POSIX user). The task must then mount the new
// access point, as it does on AWS; before, the sandbox kept the revision that
// mounts the retired one and drift said stable.
import { describe, expect, it } from "vitest";
import { saveAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
import { canWriteRoot, directoryAt } from "../../../reconciler/adapters/sandbox/sandbox-efs.js";
import { TAG } from "../../../reconciler/core/model/resources.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";
import { join } from "node:path";

const ENV = "environments/genomics-core/rnaseq/environment.yaml";
const HOME = "access-point:genomics-core/rnaseq/home";

function homeMounted(s: ReturnType<typeof sandbox>) {
  const account = s.provider.account();
  const service = account.services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
  const td = account.taskDefinitions.find((t) => t.arn === service.taskDefinitionArn)!;
  const id = (
    td.body.volumes as {
      name: string;
      efsVolumeConfiguration?: { authorizationConfig: { accessPointId: string } };
    }[]
  ).find((v) => v.name === "home")!.efsVolumeConfiguration!.authorizationConfig.accessPointId;
  return account.accessPoints.find((a) => a.id === id)!;
}

describe("sandbox: an owner change (item 20)", () => {
  it("the running task mounts the new owner's access point, not the retired one", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const before = homeMounted(s);
    const moved = editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], "ajones"));
    expect((await run(moved, s)).outcome).toBe("applied");

    const after = homeMounted(s);
    expect(after.id).not.toBe(before.id);
    expect(after.tags[TAG.retired]).toBeUndefined();
    expect(after.posixUser.uid).not.toBe(before.posixUser.uid);
    expect(after.rootDirectory.owner?.uid).toBe(after.posixUser.uid);
    expect((await run(moved, s)).outcome).toBe("no-changes");
  });

  it("a revision that still mounts a retired access point is not reported as matching git", async () => {
    const s = sandbox();
    const files = exampleFiles();
    const moved = editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], "ajones"));
    await run(files, s);
    await run(moved, s);
    // Put the old state back by hand: the service's revision mounts the retired home.
    const account = s.provider.account();
    const retired = account.accessPoints.find(
      (a) => a.tags[TAG.resource] === HOME && a.tags[TAG.retired],
    )!;
    const live = homeMounted(s);
    for (const t of account.taskDefinitions)
      t.body = JSON.parse(JSON.stringify(t.body).replaceAll(live.id, retired.id));
    saveAccount(join(s.dir, "sandbox", "account.json"), account);

    const observed = (await s.provider.observe()).resources.find(
      (r) => r.kind === "task-definition" && r.key === "task-definition:genomics-core/rnaseq",
    );
    expect((observed?.spec as { homeAccessPoint: string }).homeAccessPoint).toBe(retired.id);
    const again = await run(moved, s, { mode: "plan" });
    expect(again.outcome).not.toBe("no-changes");
  });
});

describe("sandbox EFS: a root directory keeps the owner it was created with (item 20)", () => {
  it("the first owner can write their home; after an owner change the directory is still the old owner's, as on AWS", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    const first = homeMounted(s);
    expect(canWriteRoot(s.provider.account(), first.id)).toBe(true);

    await run(
      editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], "ajones")),
      s,
    );
    const account = s.provider.account();
    const successor = homeMounted(s);
    // The access point asks for the new owner; EFS leaves the existing directory as it was.
    expect(successor.rootDirectory.owner?.uid).toBe(successor.posixUser.uid);
    expect(directoryAt(account, successor.rootDirectory.path)?.owner.uid).toBe(first.posixUser.uid);
  });

  // Not fixed yet: the successor's access point has the same root directory path, which EFS
  // does not re-own. This turns red (and must become a plain `it`) once the plan gives the
  // successor a home they can write (a new root directory path or an ownership-fix step).
  it.fails("the successor can write their home after an owner change", async () => {
    const s = sandbox();
    const files = exampleFiles();
    await run(files, s);
    await run(
      editYaml(files, ENV, (d) => d.setIn(["spec", "owner"], "ajones")),
      s,
    );
    expect(canWriteRoot(s.provider.account(), homeMounted(s).id)).toBe(true);
  });
});
