// The agent and hook the build context carries are exactly reconciler/agent/*.py
// (regenerate with `npx tsx scripts/gen-agent-files.ts`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedFile, renderAgentFiles } from "../../../scripts/gen-agent-files.js";

describe("reconciler/core/image/generated/agent-files.ts", () => {
  it("is up to date with reconciler/agent/*.py", () => {
    expect(readFileSync(generatedFile, "utf8")).toBe(renderAgentFiles());
  });
});
