// The command line loads only the module of the command it runs: the table in
// reconciler/cli/main.ts must name exactly the commands each module registers,
// or a command would be missing when run on its own.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, main } from "../../reconciler/cli/main.js";
import { processIO } from "../../reconciler/cli/io.js";

describe("labenv's command table", () => {
  it("names exactly what each command module registers, once", async () => {
    const all: string[] = [];
    for (const [names, load] of COMMANDS) {
      const program = new Command("labenv");
      (await load())(program, processIO());
      expect(program.commands.map((c) => c.name())).toEqual(names);
      all.push(...names);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it("runs a command's own help with only that module loaded, and lists every command in the top-level help", async () => {
    const out: string[] = [];
    const io = { ...processIO(), out: (s: string) => void out.push(s), err: () => undefined };
    expect(await main(["status", "--help"], io)).toBe(0);
    expect(out.join("")).toMatch(/^Usage: labenv status \[options\] \[environment\]/);
    out.length = 0;
    expect(await main(["--help"], io)).toBe(0);
    for (const [names] of COMMANDS)
      for (const name of names) expect(out.join("")).toMatch(new RegExp(`^  ${name}\\b`, "m"));
  });
});
