// Researcher access in the sandbox: with `access:` in labenv.yaml every environment gets a
// target group, a listener rule and a service attached to the target group, read back from
// what was applied; a stopped environment's rule forwards to the wake target. Without
// `access:` nothing is routed (the other golden plans do not move).
import { describe, expect, it } from "vitest";
import { sandboxWakeTarget } from "../../../reconciler/adapters/sandbox/drivers/listener-rule.js";
import { preferredPriority } from "../../../reconciler/core/access/environment-address.js";
import { TAG } from "../../../reconciler/core/model/resources.js";
import { editYaml, exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";

const withAccess = () =>
  editYaml(exampleFiles(), "labenv.yaml", (d) =>
    d.setIn(["spec", "access"], d.createNode({ address: "https://jupyter.westtek.example" })),
  );

describe("sandbox: researcher access routing", () => {
  it("routes every environment; the second run changes nothing; a stopped one goes to the wake page", async () => {
    const s = sandbox();
    const first = await run(withAccess(), s);
    expect(first.outcome).toBe("applied");
    const account = s.provider.account();
    const rules = account.listenerRules ?? [];
    expect(rules.length).toBe(9);
    const rule = (env: string) => rules.find((r) => r.tags[TAG.environment] === env)!;
    const group = (env: string) =>
      (account.targetGroups ?? []).find((g) => g.tags[TAG.environment] === env)!;
    expect(rule("genomics-core/rnaseq")).toMatchObject({
      priority: preferredPriority("genomics-core/rnaseq"),
      paths: ["/genomics-core/rnaseq", "/genomics-core/rnaseq/*"],
      forward: group("genomics-core/rnaseq").arn,
    });
    expect(rule("genomics-core/variant-calling").forward).toBe(sandboxWakeTarget(account));
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
    const svc = account.services.find((x) => x.name === "labenv-genomics-core-rnaseq")!;
    expect(svc.body.loadBalancers).toEqual([
      {
        targetGroupArn: group("genomics-core/rnaseq").arn,
        containerName: "authorizer",
        containerPort: 8080,
      },
    ]);

    const td = account.taskDefinitions.find((t) => t.arn === svc.taskDefinitionArn)!.body as {
      containerDefinitions: {
        name: string;
        command?: string[];
        environment: { name: string; value: string }[];
      }[];
    };
    const [jupyter, authorizer] = td.containerDefinitions;
    expect(jupyter!.command).toContain("--ServerApp.base_url=/genomics-core/rnaseq/");
    expect(jupyter!.command).toContain("--ServerApp.ip=127.0.0.1");
    expect(authorizer!.name).toBe("authorizer");
    const access = JSON.parse(
      authorizer!.environment.find((e) => e.name === "LABENV_ACCESS")!.value,
    ) as { owner: string; labs: { name: string }[] };
    expect(access.owner).toBe("rpatel");
    // rnaseq-to-ml-vision shares a snapshot, not the live environment: ml-vision gets no way in.
    expect(access.labs.map((l) => l.name)).toEqual(["genomics-core"]);

    const second = await run(withAccess(), s, { mode: "plan" });
    expect(second.plan?.summary).toMatchObject({ create: 0, update: 0, replace: 0, delete: 0 });
  });

  it("without access: nothing is routed", async () => {
    const s = sandbox();
    await run(exampleFiles(), s);
    expect(s.provider.account().listenerRules ?? []).toEqual([]);
    expect(s.provider.account().targetGroups ?? []).toEqual([]);
  });
});
