/**
 * A small structural check for JSON that labenv wrote itself and reads back
 * (state records, the sandbox account): the first field that is missing or
 * of the wrong type, so corrupt state is a named error instead of a
 * TypeError somewhere later.
 */
export type Shape =
  | "string"
  | "number"
  | "boolean"
  | "object"
  | "string-map"
  | { optional: Shape }
  | { arrayOf: Shape }
  | { oneOf: readonly string[] }
  | { valuesOf: Shape }
  | { [field: string]: Shape };

/** Where `value` first differs from `shape` and how (`resources[2].id is a number, expected a string`), or undefined. */
export function shapeProblem(value: unknown, shape: Shape, at = ""): string | undefined {
  const here = at || "the value";
  if (typeof shape === "string") {
    switch (shape) {
      case "string":
      case "number":
      case "boolean":
        return typeof value === shape
          ? undefined
          : `${here} is ${describe(value)}, expected a ${shape}`;
      case "object":
        return isObject(value) ? undefined : `${here} is ${describe(value)}, expected an object`;
      case "string-map": {
        if (!isObject(value)) return `${here} is ${describe(value)}, expected an object of strings`;
        const bad = Object.entries(value).find(([, v]) => typeof v !== "string");
        return bad ? `${join(at, bad[0])} is ${describe(bad[1])}, expected a string` : undefined;
      }
    }
  }
  if ("optional" in shape && Object.keys(shape).length === 1)
    return value === undefined ? undefined : shapeProblem(value, shape.optional, at);
  if ("arrayOf" in shape && Object.keys(shape).length === 1) {
    if (!Array.isArray(value)) return `${here} is ${describe(value)}, expected a list`;
    for (const [i, item] of value.entries()) {
      const problem = shapeProblem(item, shape.arrayOf, `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if ("oneOf" in shape && Array.isArray(shape.oneOf) && Object.keys(shape).length === 1) {
    const allowed = shape.oneOf as readonly string[];
    return typeof value === "string" && allowed.includes(value)
      ? undefined
      : `${here} is ${describe(value)}, expected one of ${allowed.join(", ")}`;
  }
  if ("valuesOf" in shape && Object.keys(shape).length === 1) {
    if (!isObject(value)) return `${here} is ${describe(value)}, expected an object`;
    for (const [field, item] of Object.entries(value)) {
      const problem = shapeProblem(item, shape.valuesOf, join(at, field));
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isObject(value)) return `${here} is ${describe(value)}, expected an object`;
  for (const [field, inner] of Object.entries(shape as Record<string, Shape>)) {
    const problem = shapeProblem(value[field], inner, join(at, field));
    if (problem) return problem;
  }
  return undefined;
}

function join(at: string, field: string): string {
  return at ? `${at}.${field}` : field;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string")
    return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  return typeof v === "object" ? "an object" : `a ${typeof v} (${String(v)})`;
}
