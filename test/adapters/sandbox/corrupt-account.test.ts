import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExecState } from "../../../reconciler/adapters/sandbox/sandbox-exec-state.js";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";
import { copyExampleRepo, exampleFiles } from "../../helpers/example-repo.js";
import { run, sandbox } from "../../helpers/sandbox.js";

/** A sandbox with the example applied, then its account file edited. */
async function corrupted(edit: (account: Record<string, unknown>) => void) {
  const s = sandbox();
  await run(exampleFiles(), s);
  const file = join(s.dir, "sandbox", "account.json");
  const account = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(account);
  writeFileSync(file, JSON.stringify(account));
  return { s, file };
}

describe("a corrupt sandbox account is a named error (issue 14, item 21)", () => {
  it("a list that is not a list names the file and the field, not a TypeError", async () => {
    const { s, file } = await corrupted((a) => (a.accessPoints = null));
    await expect(s.provider.observe()).rejects.toMatchObject({
      name: "LabenvError",
      message: `the sandbox account ${file} is corrupt: accessPoints is null, expected a list`,
    });
  });

  it("a wrongly typed field deep in a resource names its place", async () => {
    const { s, file } = await corrupted((a) => {
      const services = a.services as { desiredCount: unknown }[];
      services[2]!.desiredCount = "1";
      (a.tasks as { volumeId: unknown }[])[0]!.volumeId = 7;
    });
    const error = await s.provider.observe().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toMatchObject({ name: "LabenvError", code: "provider" });
    expect(error!.message).toBe(
      `the sandbox account ${file} is corrupt: services[2].desiredCount is a string ("1"), expected a number`,
    );
    const tags = await corrupted((a) => {
      (a.snapshots as { tags: Record<string, unknown> }[])[0]!.tags["labenv:lab"] = 5;
    });
    await expect(tags.s.provider.observe()).rejects.toThrow(
      /snapshots\[0\]\.tags\.labenv:lab is a number \(5\), expected a string/,
    );
  });

  it("the CLI says so with exit 2 and the hint, no stack trace", async () => {
    const dir = copyExampleRepo();
    expect((await runCli(["reconcile", "--repo", dir])).code).toBe(0);
    const file = join(dir, ".labenv", "sandbox", "account.json");
    const account = JSON.parse(readFileSync(file, "utf8"));
    account.taskDefinitions = { broken: true };
    writeFileSync(file, JSON.stringify(account));
    const out = await runCli(["status", "--repo", dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      `the sandbox account ${file} is corrupt: taskDefinitions is an object, expected a list`,
    );
    expect(out.stderr).toMatch(/delete \.labenv\/sandbox to start a fresh simulation/);
    expect(out.stderr).not.toMatch(/TypeError|at .*\.ts:\d+/);
  });

  it("the sandbox exec record is checked the same way", () => {
    const file = join(mkdtempSync(join(tmpdir(), "labenv-exec-")), "exec.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        environments: {
          "genomics-core/rnaseq": { task: "arn:task", changes: [{ op: "pip-fly" }] },
        },
      }),
    );
    expect(() => loadExecState(file)).toThrow(
      `the sandbox exec record ${file} is corrupt: environments.genomics-core/rnaseq.changes[0].op is a string ("pip-fly"), expected one of pip-install`,
    );
  });
});
