// Compiles the validator of every document kind from schemas/*.schema.json
// ahead of time, as ajv standalone code: labenv loads it in a few
// milliseconds instead of compiling every schema (about 200 ms) at each
// start of the command line and of a Lambda. `npm run gen:types` rewrites it;
// test/core/model/generated-types.test.ts fails when it is stale (an edited
// schema, or another ajv version).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import addFormatsModule from "ajv-formats";
import { SCHEMAS } from "../reconciler/core/validate/schemas.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const standaloneCode = standaloneCodeModule as unknown as (
  ajv: Ajv2020,
  refs: Record<string, string>,
) => string;

export const validatorsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "reconciler/core/validate/generated",
);

/** validators.js and its declarations: file name → contents. */
export function renderValidators(): Map<string, string> {
  // verbose: errors carry the failing schema and data, which the diagnostics quote.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    verbose: true,
    code: { source: true, esm: true, lines: true },
  });
  addFormats(ajv);
  for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
  const kinds = Object.keys(SCHEMAS).sort();
  const code = standaloneCode(
    ajv,
    Object.fromEntries(kinds.map((kind) => [kind, SCHEMAS[kind as keyof typeof SCHEMAS].$id])),
  );
  // ajv's runtime helpers are required CommonJS-style: import them instead, so the file is plain ESM.
  const deps: string[] = [];
  const body = code
    .replace(/^"use strict";/, "")
    .replace(/require\("([^"]+)"\)/g, (_, spec: string) => {
      if (!deps.includes(spec)) deps.push(spec);
      return `__dep${deps.indexOf(spec)}`;
    });
  const banner =
    "/* Generated from schemas/*.schema.json by `npm run gen:types` (ajv standalone code). Do not edit. */\n";
  const js =
    banner +
    // CommonJS seen from ESM: Node and esbuild make `default` the whole exports object, vitest
    // makes it `exports.default`; take the exports object either way.
    deps
      .map(
        (spec, i) =>
          `import * as __ns${i} from ${JSON.stringify(`${spec}.js`)};\n` +
          `const __dep${i} = __ns${i}.default?.__esModule ? __ns${i}.default : __ns${i};\n`,
      )
      .join("") +
    body.trimStart() +
    (body.endsWith("\n") ? "" : "\n");
  const dts =
    banner +
    'import type { ValidateFunction } from "ajv/dist/2020.js";\n' +
    kinds.map((kind) => `export declare const ${kind}: ValidateFunction;\n`).join("");
  return new Map([
    ["validators.js", js],
    ["validators.d.ts", dts],
  ]);
}
