// The built command line (dist/, from scripts/build.mjs) runs only while it
// matches the sources: after any change to a source it was built from, the
// sources run instead, so an edit is never shadowed by an old build. Checked
// on a small stand-in project (its own reconciler/cli/main.ts) with the real
// bin/labenv.mjs, stamp check and build.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/example-repo.js";
// @ts-expect-error: plain JavaScript (it runs in `npm ci` before anything is compiled)
import { build } from "../../scripts/build.mjs";

const project = mkdtempSync(join(tmpdir(), "labenv-start-up-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

for (const file of ["bin/labenv.mjs", "scripts/build-stamp.mjs"]) {
  mkdirSync(join(project, file, ".."), { recursive: true });
  copyFileSync(join(repoRoot, file), join(project, file));
}
symlinkSync(join(repoRoot, "node_modules"), join(project, "node_modules"));
writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
mkdirSync(join(project, "reconciler/cli"), { recursive: true });

/** main.ts prints which copy runs (the sources or dist/) and what its helper says. */
function writeSources(word: string): void {
  writeFileSync(
    join(project, "reconciler/cli/main.ts"),
    [
      'import { word } from "./word.js";',
      "export async function main(args: string[]): Promise<number> {",
      '  process.stdout.write(`${import.meta.url.includes("/dist") ? "built" : "sources"} ${word} ${args.join(" ")}\\n`);',
      "  return 0;",
      "}",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(project, "reconciler/cli/word.ts"),
    `export const word: string = ${JSON.stringify(word)};\n`,
  );
}

function labenv(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(project, "bin/labenv.mjs"), ...args], {
    encoding: "utf8",
    env: { ...process.env, LABENV_FROM_SOURCE: "", ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function buildProject(): Promise<void> {
  // A source's modification time and the build's start may share a millisecond: step past it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await (build as (o: { root: string }) => Promise<unknown>)({ root: project });
}

describe("labenv start-up: the built command line and the sources", () => {
  it("runs the sources when there is no build", () => {
    writeSources("one");
    expect(labenv(["status"])).toBe("sources one status\n");
  });

  it("runs the build once built, and prints the built --help without loading the commands", async () => {
    await buildProject();
    expect(labenv(["status"])).toBe("built one status\n");
    expect(labenv(["--help"])).toBe("built one --help\n");
    expect(readFileSync(join(project, "dist/cli/help.txt"), "utf8")).toBe("built one --help\n");
    expect(labenv(["status"], { LABENV_FROM_SOURCE: "1" })).toBe("sources one status\n");
  });

  it("runs the edited sources, not the old build, after a file the build came from changes", async () => {
    writeFileSync(
      join(project, "reconciler/cli/word.ts"),
      `export const word: string = ${JSON.stringify("two")};\n`,
    );
    expect(labenv(["status"])).toBe("sources two status\n");
    expect(labenv(["--help"])).toBe("sources two --help\n");
    await buildProject();
    expect(labenv(["status"])).toBe("built two status\n");
  });

  it("also when an older copy comes back with its old modification time", async () => {
    const word = join(project, "reconciler/cli/word.ts");
    writeFileSync(word, `export const word: string = ${JSON.stringify("three")};\n`);
    await buildProject();
    expect(labenv(["status"])).toBe("built three status\n");
    writeFileSync(word, `export const word: string = ${JSON.stringify("two")};\n`);
    const past = new Date(Date.now() - 86_400_000);
    utimesSync(word, past, past);
    expect(labenv(["status"])).toBe("sources two status\n");
  });

  it("and when a file the build came from is removed", async () => {
    await buildProject();
    expect(labenv(["status"])).toBe("built two status\n");
    rmSync(join(project, "reconciler/cli/word.ts"));
    const r = spawnSync(process.execPath, [join(project, "bin/labenv.mjs"), "status"], {
      encoding: "utf8",
    });
    // The sources run, and fail on the missing module, as they would without a build.
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/word/);
  });
});
