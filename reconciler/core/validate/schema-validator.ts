import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Kind } from "../model/documents.js";
import type { Diagnostic } from "../model/diagnostic.js";
import { formatPath } from "../model/diagnostic.js";
import type { PositionIndex } from "../load/positions.js";
import { capFindingsPerFile, MAX_FINDINGS_PER_FILE } from "../load/yaml-limits.js";
import { SCHEMAS } from "./schemas.js";
import * as validators from "./generated/validators.js";

export { SCHEMAS, SCHEMA_FILES } from "./schemas.js";

export type SchemaCheck = (
  kind: Kind,
  value: unknown,
  file: string,
  positions: PositionIndex,
) => Diagnostic[];

/**
 * A checker that maps each ajv error back to the file, line and column it is
 * about. The validators were compiled from schemas/ ahead of time (ajv's
 * standalone code, ./generated/validators.js): loading them takes a few
 * milliseconds where compiling took about 200 ms at every start.
 */
export function createSchemaValidator(): SchemaCheck {
  const compiled = new Map<Kind, ValidateFunction>(
    Object.keys(SCHEMAS).map((kind) => [kind as Kind, validators[kind as Kind]]),
  );
  return (kind, value, file, positions) => {
    const validate = compiled.get(kind)!;
    if (validate(value)) return [];
    // Only the findings that will be shown are located (one more says how many were left out).
    const errors = dedupe(validate.errors ?? []);
    return capFindingsPerFile(
      errors.slice(0, MAX_FINDINGS_PER_FILE + 1).map((e) => toDiagnostic(e, file, positions)),
    ).map((d) =>
      d.code === "too-many-findings"
        ? {
            ...d,
            message: `${errors.length - MAX_FINDINGS_PER_FILE} more schema findings in this file are not listed: only the first ${MAX_FINDINGS_PER_FILE} are`,
          }
        : d,
    );
  };
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  // A failed propertyNames check reports the inner failure and then itself; keep one.
  const named = new Set(
    errors.filter((e) => e.keyword === "propertyNames").map((e) => e.instancePath),
  );
  return errors.filter(
    (e) =>
      !(named.has(e.instancePath) && e.propertyName !== undefined && e.keyword !== "propertyNames"),
  );
}

function toDiagnostic(e: ErrorObject, file: string, positions: PositionIndex): Diagnostic {
  const path: (string | number)[] = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let message: string;
  let pointAtKey = false;
  let hint = describe(e.parentSchema);
  const where = formatPath(path) || "document";
  switch (e.keyword) {
    case "additionalProperties": {
      const extra = String(e.params.additionalProperty);
      path.push(extra);
      pointAtKey = true;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      message = `unknown field \`${extra}\` in ${where}`;
      const near = closest(extra, allowed);
      hint = near
        ? `did you mean \`${near}\`? Allowed: ${allowed.join(", ")}`
        : `allowed fields: ${allowed.join(", ")}`;
      break;
    }
    case "required": {
      const missing = String(e.params.missingProperty);
      message = `${where} is missing required field \`${missing}\``;
      const sub = (e.parentSchema as { properties?: Record<string, unknown> })?.properties?.[
        missing
      ];
      hint = describe(sub) ?? hint;
      break;
    }
    case "propertyNames": {
      const name = String(e.params.propertyName);
      path.push(name);
      pointAtKey = true;
      message = `key \`${name}\` is not allowed in ${where}`;
      hint = /[Ss]ecret|[Tt]oken|[Pp]ass/.test(
        JSON.stringify((e.parentSchema as { propertyNames?: unknown })?.propertyNames),
      )
        ? "keys must not look like secrets (password, token, secret, api key, private key, credential) and must use letters, digits, `.`, `_`, `-`"
        : hint;
      break;
    }
    case "enum":
      message = `${where} must be one of: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")} (got ${JSON.stringify(e.data)})`;
      break;
    case "const":
      message = `${where} must be ${JSON.stringify(e.params.allowedValue)} (got ${JSON.stringify(e.data)})`;
      break;
    case "type":
      message = `${where} must be ${e.params.type} (got ${typeName(e.data)})`;
      break;
    case "pattern":
      message = `${where} has an invalid value ${JSON.stringify(e.data)}`;
      break;
    case "format":
      message = `${where} must be a valid ${e.params.format} (got ${JSON.stringify(e.data)})`;
      break;
    default:
      message = `${where} ${e.message ?? "is invalid"}`;
  }
  const pos = positions.at(path, { key: pointAtKey });
  return {
    file,
    line: pos.line,
    column: pos.column,
    severity: "error",
    code: "schema",
    path: formatPath(path),
    message,
    ...(hint ? { hint } : {}),
  };
}

function describe(schema: unknown): string | undefined {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === "string" ? d : undefined;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** The allowed name nearest to a misspelt one (edit distance ≤ 2). */
function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) ((best = o), (bestD = d));
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
