import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAS } from "../../../reconciler/core/validate/schema-validator.js";
import { repoRoot } from "../../helpers/example-repo.js";

const dir = join(repoRoot, "schemas");
const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));

function walk(
  node: unknown,
  visit: (n: Record<string, unknown>, path: string) => void,
  path = "#",
): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, visit, `${path}/${i}`));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe("schemas/", () => {
  it("holds one draft 2020-12 schema per kind, each with a stable $id", () => {
    expect(files.length).toBe(Object.keys(SCHEMAS).length);
    for (const f of files) {
      const s = JSON.parse(readFileSync(join(dir, f), "utf8"));
      expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(s.$id).toBe(`https://labenv.westtek.io/schemas/v1/${f}`);
      expect(s.properties.apiVersion.const).toBe("labenv.westtek.io/v1");
      expect(s.required).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    }
  });

  it("describes every field an editor shows", () => {
    for (const f of files) {
      const s = JSON.parse(readFileSync(join(dir, f), "utf8"));
      walk(s.properties.spec, (node, path) => {
        const props = node.properties as Record<string, Record<string, unknown>> | undefined;
        if (!props) return;
        for (const [name, sub] of Object.entries(props)) {
          const described =
            typeof sub.description === "string" ||
            (sub.type === "object" && sub.properties) ||
            sub.$ref;
          expect(described, `${f} ${path}/properties/${name} has no description`).toBeTruthy();
        }
      });
    }
  });

  it("closes every object so typos are caught", () => {
    for (const f of files) {
      const s = JSON.parse(readFileSync(join(dir, f), "utf8"));
      walk(s, (node, path) => {
        if (node.type === "object" && node.properties)
          expect(node.additionalProperties, `${f} ${path}`).toBe(false);
      });
    }
  });
});
