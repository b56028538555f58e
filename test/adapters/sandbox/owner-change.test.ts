// Issue 14 item 20 in the sandbox: when an environment changes owner its home
// access point is replaced (new POSIX user). The task must then mount the new
// access point, as it does on AWS; before, the sandbox kept the revision that
// mounts the retired one and drift said stable.
import { describe, expect, it } from "vitest";
import { saveAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
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
    expect(after.rootDirectory.owner.uid).toBe(after.posixUser.uid);
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
