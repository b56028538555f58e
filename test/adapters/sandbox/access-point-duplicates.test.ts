// Issue 14 item 18 in the sandbox: a crash between creating an access point's
// replacement and retiring the old one leaves two live access points for one key.
// Observe reports the extra one (it is not hidden), the next reconcile retires it
// (tagged retired, its directory kept) and converges.
import { describe, expect, it } from "vitest";
import { saveAccount } from "../../../reconciler/adapters/sandbox/sandbox-account.js";
import { TAG } from "../../../reconciler/core/model/resources.js";
import { exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";
import { join } from "node:path";

describe("sandbox: two live access points for one key (item 18)", () => {
  it("observe reports the extra one, the plan retires it, its directory stays, the next plan is clean", async () => {
    const s = sandbox();
    const files = exampleFiles();
    expect((await run(files, s)).outcome).toBe("applied");

    // What a crash mid-replacement leaves: a second live access point carrying the same key.
    const account = s.provider.account();
    const home = account.accessPoints.find((a) => a.tags[TAG.resource]?.endsWith("/home"))!;
    const key = home.tags[TAG.resource]!;
    const extraId = "fsap-0ffffffffffffffff";
    account.accessPoints.push({
      ...structuredClone(home),
      id: extraId,
      arn: home.arn.replace(home.id, extraId),
      clientToken: "a replacement cut short",
    });
    saveAccount(join(s.dir, "sandbox", "account.json"), account);

    const seen = (await s.provider.observe()).resources.filter((r) => r.key === key);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.id).toBe(home.id);
    expect(seen[0]?.duplicates).toEqual([extraId]);

    const result = await run(files, s);
    expect(result.outcome).toBe("applied");
    const action = result.plan!.stages.flatMap((st) => st.actions).find((a) => a.key === key);
    expect(action?.outcome).toBe("update");
    expect(action?.reason).toContain(`retire an extra access-point for ${key} (${extraId})`);
    // Retiring an extra access point changes nothing that depends on the kept one.
    const others = result.plan!.stages.flatMap((st) => st.actions).filter((a) => a.key !== key);
    expect(others.every((a) => a.outcome === "unchanged" || a.outcome === "skipped")).toBe(true);

    const after = s.provider.account().accessPoints;
    const extra = after.find((a) => a.id === extraId);
    expect(extra?.tags[TAG.retired]).toBeDefined();
    expect(extra?.rootDirectory).toEqual(home.rootDirectory);
    expect(after.find((a) => a.id === home.id)?.tags[TAG.retired]).toBeUndefined();
    const observed = (await s.provider.observe()).resources.find((r) => r.key === key);
    expect(observed?.duplicates).toBeUndefined();
    expect((await run(files, s)).outcome).toBe("no-changes");
  });
});
