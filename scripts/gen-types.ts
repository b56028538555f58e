// Generates TypeScript types from schemas/*.schema.json, the single source of
// truth for every document kind, and the validators compiled from them
// (scripts/gen-validators.ts). `npm run gen:types` rewrites the files;
// test/core/model/generated-types.test.ts fails when they are stale.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const schemaDir = join(root, "schemas");
export const generatedDir = join(root, "reconciler/core/model/generated");

/** Renders the TypeScript source for every schema: file name → contents. */
export async function renderTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of readdirSync(schemaDir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as JSONSchema;
    const ts = await compile(schema, String(schema.title), {
      bannerComment: `/* Generated from schemas/${file} by \`npm run gen:types\`. Do not edit. */`,
      additionalProperties: false,
      unreachableDefinitions: false,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: false, printWidth: 100 },
      $refOptions: { resolve: { http: false, external: false } },
    });
    out.set(file.replace(".schema.json", ".ts"), ts);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, source] of await renderTypes()) writeFileSync(join(generatedDir, name), source);
  console.log(`wrote ${generatedDir}`);
  const { renderValidators, validatorsDir } = await import("./gen-validators.js");
  for (const [name, source] of renderValidators()) writeFileSync(join(validatorsDir, name), source);
  console.log(`wrote ${validatorsDir}`);
}
