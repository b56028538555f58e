import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedDir, renderTypes } from "../../../scripts/gen-types.js";
import { renderValidators, validatorsDir } from "../../../scripts/gen-validators.js";

describe("types generated from schemas/", () => {
  it("are up to date (run `npm run gen:types` after editing a schema)", async () => {
    const rendered = await renderTypes();
    const onDisk = readdirSync(generatedDir)
      .filter((f) => f.endsWith(".ts"))
      .sort();
    expect(onDisk).toEqual([...rendered.keys()].sort());
    for (const [name, source] of rendered) {
      expect(readFileSync(join(generatedDir, name), "utf8"), `${name} is stale`).toBe(source);
    }
  });
});

describe("validators compiled from schemas/", () => {
  it("are up to date (run `npm run gen:types` after editing a schema or upgrading ajv)", () => {
    const rendered = renderValidators();
    expect(readdirSync(validatorsDir).sort()).toEqual([...rendered.keys()].sort());
    for (const [name, source] of rendered) {
      expect(readFileSync(join(validatorsDir, name), "utf8"), `${name} is stale`).toBe(source);
    }
  });
});
