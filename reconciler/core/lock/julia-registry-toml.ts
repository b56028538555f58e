import { parse, TomlError } from "smol-toml";

/**
 * A Julia registry's files (Registry.toml, Package.toml, Versions.toml, Deps.toml, Compat.toml,
 * as Registrator and LocalRegistry write them), read with a TOML 1.0 parser (smol-toml) and held
 * to the shapes a registry uses: top-level keys, then one level of tables whose values are
 * strings, booleans, arrays of strings or tables of strings. A file that is not TOML is refused
 * with the parser's line and column; a value of another shape (a number, a date, a deeper table)
 * is refused with its table and key, so a registry file in another shape is an error, never a
 * guess. Pure.
 */
export type TomlValue = string | boolean | string[] | Record<string, string>;
export type TomlTables = Map<string, Map<string, TomlValue>>;

export type TomlResult = { ok: true; tables: TomlTables } | { ok: false; error: string };

const EXPECTED = "a string, true/false, an array of strings or a table of strings";

/** Top-level keys are in the table named "". */
export function parseRegistryToml(text: string): TomlResult {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const reason = e.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    return { ok: false, error: `line ${e.line}, column ${e.column}: not TOML (${reason})` };
  }
  const top = new Map<string, TomlValue>();
  const tables: TomlTables = new Map([["", top]]);
  for (const [name, value] of Object.entries(doc)) {
    // A table is a `[name]` of the file (a registry writes no inline table at the top).
    if (isTable(value)) {
      const table = new Map<string, TomlValue>();
      for (const [key, v] of Object.entries(value)) {
        const shaped = registryValue(v);
        if (shaped === undefined)
          return { ok: false, error: `[${name}] ${key}: expected ${EXPECTED}` };
        table.set(key, shaped);
      }
      tables.set(name, table);
      continue;
    }
    const shaped = registryValue(value);
    if (shaped === undefined) return { ok: false, error: `${name}: expected ${EXPECTED}` };
    top.set(name, shaped);
  }
  return { ok: true, tables };
}

function isTable(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype; // not a date
}

function isStringTable(v: unknown): v is Record<string, string> {
  return isTable(v) && Object.values(v).every((x) => typeof x === "string");
}

function registryValue(v: unknown): TomlValue | undefined {
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? v : undefined;
  if (isStringTable(v)) return { ...v };
  return undefined;
}
