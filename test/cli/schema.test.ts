import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo } from "../helpers/example-repo.js";

describe("labenv schema --install", () => {
  it("writes VS Code YAML settings and keeps existing settings", async () => {
    const dir = copyExampleRepo();
    mkdirSync(join(dir, ".vscode"));
    writeFileSync(join(dir, ".vscode/settings.json"), JSON.stringify({ "editor.tabSize": 2 }));
    const r = await runCli(["schema", dir, "--install"]);
    expect(r.code).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8"));
    expect(settings["editor.tabSize"]).toBe(2);
    expect(settings["yaml.schemas"]["./schemas/environment.schema.json"]).toEqual([
      "environments/*/*/environment.yaml",
    ]);
  });

  it("changes nothing when settings.json is not plain JSON", async () => {
    const dir = copyExampleRepo();
    mkdirSync(join(dir, ".vscode"));
    const original = '{ // comment\n "a": 1 }';
    writeFileSync(join(dir, ".vscode/settings.json"), original);
    const r = await runCli(["schema", dir, "--install"]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, ".vscode/settings.json"), "utf8")).toBe(original);
    expect(r.stderr).toMatch(/nothing was changed/);
  });
});
