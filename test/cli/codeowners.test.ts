import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CODEOWNERS_MARKER } from "../../reconciler/core/approvals/codeowners.js";
import { runCli } from "../helpers/cli.js";
import { copyExampleRepo, repoRoot } from "../helpers/example-repo.js";

describe("labenv codeowners", () => {
  it("writes .github/CODEOWNERS: lab directories by approvers, lab.yaml and successions by the PI, packs by their maintainer", async () => {
    const dir = copyExampleRepo();
    const r = await runCli(["codeowners", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote      .github/CODEOWNERS (3 labs, 3 domain packs)");
    const text = readFileSync(join(dir, ".github/CODEOWNERS"), "utf8");
    const lines = text.split("\n");
    expect(lines).toContain("/environments/genomics-core/ @meichen-lab @rpatel-bio");
    expect(lines).toContain("/environments/genomics-core/lab.yaml @meichen-lab");
    expect(lines).toContain("/environments/genomics-core/successions/ @meichen-lab");
    expect(lines).toContain("/environments/climate-dynamics/ @ofernandez-climate @sbauer-esm");
    expect(lines).toContain("/domain-packs/ml/ @jmueller-cv");
    // GitHub uses the last matching line: the PI's lines come after the lab directory's.
    expect(lines.indexOf("/environments/genomics-core/lab.yaml @meichen-lab")).toBeGreaterThan(
      lines.indexOf("/environments/genomics-core/ @meichen-lab @rpatel-bio"),
    );
    expect(text).toContain(CODEOWNERS_MARKER);
  });

  it("--check passes on a fresh file and fails, changing nothing, when a lab's approvers change", async () => {
    const dir = copyExampleRepo();
    expect((await runCli(["codeowners", dir, "--check"])).code).toBe(1);
    expect(existsSync(join(dir, ".github/CODEOWNERS"))).toBe(false);
    await runCli(["codeowners", dir]);
    const ok = await runCli(["codeowners", dir, "--check"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✓ .github/CODEOWNERS matches");
    const lab = join(dir, "environments/ml-vision/lab.yaml");
    writeFileSync(
      lab,
      readFileSync(lab, "utf8").replace(
        "approvers: [dsato, epetrov]",
        "approvers: [dsato, epetrov, jmueller]",
      ),
    );
    const before = readFileSync(join(dir, ".github/CODEOWNERS"), "utf8");
    const stale = await runCli(["codeowners", dir, "--check", "--json"]);
    expect(stale.code).toBe(1);
    const json = JSON.parse(stale.stdout);
    expect(json.ok).toBe(false);
    expect(json.expected).toContain("/environments/ml-vision/ @dsato-ml @epetrov @jmueller-cv");
    expect(readFileSync(join(dir, ".github/CODEOWNERS"), "utf8")).toBe(before);
  });

  it("keeps the hand-written lines above the marker", async () => {
    const dir = copyExampleRepo();
    mkdirSync(join(dir, ".github"));
    writeFileSync(
      join(dir, ".github/CODEOWNERS"),
      `* @westtek-research/labenv-admins\n${CODEOWNERS_MARKER}\n/old/ @gone\n`,
    );
    await runCli(["codeowners", dir]);
    const text = readFileSync(join(dir, ".github/CODEOWNERS"), "utf8");
    expect(text.startsWith(`* @westtek-research/labenv-admins\n${CODEOWNERS_MARKER}\n`)).toBe(true);
    expect(text).not.toContain("/old/");
    expect((await runCli(["codeowners", dir])).stdout).toContain("unchanged");
  });

  it("refuses when a lab.yaml does not load", async () => {
    const dir = copyExampleRepo();
    writeFileSync(join(dir, "environments/ml-vision/lab.yaml"), "kind: Lab\nmetadata: [\n");
    const r = await runCli(["codeowners", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot derive code owners");
    expect(existsSync(join(dir, ".github/CODEOWNERS"))).toBe(false);
  });

  it("the committed .github/CODEOWNERS of this repository is current", async () => {
    const r = await runCli(["codeowners", repoRoot, "--check"]);
    expect(r.stdout).toContain("✓");
    expect(r.code).toBe(0);
  });
});
