/**
 * The part of TOML a Julia registry is written in (Registry.toml, Package.toml, Versions.toml,
 * Deps.toml, Compat.toml, as Registrator and LocalRegistry write them): `[table]` and
 * `["quoted table"]` headers, `key = value` with bare or quoted keys, and values that are basic
 * strings, booleans, arrays of strings (one line or several) and one-line inline tables of strings.
 * Anything else is refused with its line, so a registry file in another shape is an error, never
 * a guess. (No TOML library is among labenv's dependencies.) Pure.
 */
export type TomlValue = string | boolean | string[] | Record<string, string>;
export type TomlTables = Map<string, Map<string, TomlValue>>;

export type TomlResult = { ok: true; tables: TomlTables } | { ok: false; error: string };

/** Top-level keys are in the table named "". */
export function parseRegistryToml(text: string): TomlResult {
  const tables: TomlTables = new Map([["", new Map()]]);
  let table = tables.get("")!;
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = stripComment(lines[i]!).trim();
    if (!line) continue;
    const header = line.match(/^\[\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.-]+)\s*\]$/);
    if (header) {
      const name = header[1]!.startsWith('"') ? unquote(header[1]!) : header[1]!;
      if (name === undefined) return fail(lineNo, "a table name in quotes");
      if (tables.has(name)) return fail(lineNo, `a table [${name}] only once`);
      table = new Map();
      tables.set(name, table);
      continue;
    }
    // A multi-line basic string (General's Registry.toml has a """description""").
    const multi = line.match(/^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)\s*=\s*"""(.*)$/);
    if (multi) {
      const key = multi[1]!.startsWith('"') ? unquote(multi[1]!) : multi[1]!;
      const body: string[] = [multi[2]!];
      while (!body[body.length - 1]!.includes('"""') && i + 1 < lines.length)
        body.push(lines[++i]!);
      const text = body.join("\n");
      const end = text.indexOf('"""');
      if (
        key === undefined ||
        end < 0 ||
        text
          .slice(end + 3)
          .trim()
          .replace(/^#.*/, "")
      )
        return fail(lineNo, 'a multi-line string closed by """');
      if (table.has(key)) return fail(lineNo, `the key ${key} only once in its table`);
      table.set(key, text.slice(0, end).replace(/^\n/, ""));
      continue;
    }
    // An array may go on over several lines until its closing bracket.
    while (/=\s*\[/.test(line) && !balanced(line) && i + 1 < lines.length)
      line += ` ${stripComment(lines[++i]!).trim()}`;
    const kv = line.match(/^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)\s*=\s*(.+)$/);
    if (!kv) return fail(lineNo, "[table] or key = value");
    const key = kv[1]!.startsWith('"') ? unquote(kv[1]!) : kv[1]!;
    const value = parseValue(kv[2]!.trim());
    if (key === undefined || value === undefined)
      return fail(
        lineNo,
        "a string, true/false, an array of strings or an inline table of strings",
      );
    if (table.has(key)) return fail(lineNo, `the key ${key} only once in its table`);
    table.set(key, value);
  }
  return { ok: true, tables };
}

function fail(line: number, expected: string): TomlResult {
  return { ok: false, error: `line ${line}: expected ${expected}` };
}

function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === "#" && !quoted) return line.slice(0, i);
  }
  return line;
}

function balanced(line: string): boolean {
  const noStrings = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return (noStrings.match(/\[/g) ?? []).length === (noStrings.match(/\]/g) ?? []).length;
}

const STRING = /^"((?:[^"\\]|\\.)*)"$/;

function unquote(text: string): string | undefined {
  const m = text.match(STRING);
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1]!}"`) as string;
  } catch {
    return undefined;
  }
}

function parseValue(text: string): TomlValue | undefined {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text.startsWith('"')) return unquote(text);
  if (text.startsWith("[") && text.endsWith("]")) {
    const inner = text.slice(1, -1).trim().replace(/,\s*$/, "");
    if (!inner) return [];
    const items = splitTop(inner).map((s) => unquote(s.trim()));
    return items.every((s) => s !== undefined) ? items : undefined;
  }
  if (text.startsWith("{") && text.endsWith("}")) {
    const out: Record<string, string> = {};
    const inner = text.slice(1, -1).trim();
    if (!inner) return out;
    for (const pair of splitTop(inner)) {
      const m = pair.trim().match(/^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)\s*=\s*(".*")$/);
      const key = m && (m[1]!.startsWith('"') ? unquote(m[1]!) : m[1]!);
      const value = m && unquote(m[2]!);
      if (key == null || value == null) return undefined;
      out[key] = value;
    }
    return out;
  }
  return undefined;
}

/** Splits on commas outside strings. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
