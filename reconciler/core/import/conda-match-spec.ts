import { normalizeName, parseSpecifierSet, formatSpecifierSet } from "../pep440/index.js";

/**
 * A conda match spec (`numpy=1.26`, `scipy>=1.11,<1.14`, `conda-forge::xarray`,
 * `htseq 2.0.5 py311h*`, `pysam[version='>=0.22']`) turned into a PEP 440
 * specifier where the meaning carries over:
 *   `=1.26`  → `==1.26.*`  (conda's fuzzy match)
 *   `==1.26` → `==1.26`    (exact)
 *   `numpy 1.26` (a bare version) → `==1.26`, `1.26*` → `==1.26.*`
 *   `>=`, `<=`, `>`, `<`, `!=`, `~=` keep their meaning; `,` is "and".
 * `|` (or) and versions that are not PEP 440 (`1.1.1w`, `2.0_1`) do not carry over.
 */
export interface CondaSpec {
  readonly name: string;
  readonly channel?: string;
  readonly specifier: string;
  readonly build?: string;
}

export type CondaSpecResult =
  | { readonly ok: true; readonly value: CondaSpec }
  | { readonly ok: false; readonly reason: string };

/** conda names: letters, digits, `_`, `.`, `-`, `+`; never ending in a separator. */
const NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.+-]*[A-Za-z0-9_+])?/;

export function convertCondaSpec(text: string): CondaSpecResult {
  if (text.includes("|"))
    return {
      ok: false,
      reason: `"|" (either one of) in ${JSON.stringify(text)} has no PEP 440 equivalent; list the one the project uses`,
    };
  let rest = text.trim();
  let channel: string | undefined;
  const separator = rest.lastIndexOf("::");
  if (separator >= 0) {
    channel = rest.slice(0, separator).split("/")[0];
    rest = rest.slice(separator + 2).trim();
  }
  const name = NAME.exec(rest)?.[0];
  if (!name)
    return { ok: false, reason: `no package name at the start of ${JSON.stringify(text)}` };
  if (name.startsWith("_"))
    return {
      ok: false,
      reason: `${name} is conda's own bookkeeping package (its name starts with _); it means nothing outside conda`,
    };
  rest = rest.slice(name.length).trim();
  let version = "";
  let build: string | undefined;
  if (rest.startsWith("[")) {
    const bracket = readBracket(rest);
    if (!bracket.ok) return bracket;
    ({ version, build } = bracket);
  } else if (rest !== "") {
    const words = rest.split(/\s+/);
    if (words.length > 2)
      return { ok: false, reason: `expected "name version build" in ${JSON.stringify(text)}` };
    const [versionWord = "", buildWord] = words;
    // `name=1.2=build` and `name==1.2=build` carry the build after a second '='.
    const equalsBuild = /^(==?[^=]+)=(.+)$/.exec(versionWord);
    version = equalsBuild ? (equalsBuild[1] ?? "") : versionWord;
    build = buildWord ?? equalsBuild?.[2];
    if (equalsBuild && buildWord !== undefined)
      return { ok: false, reason: `two build strings in ${JSON.stringify(text)}` };
    if (build?.includes("="))
      return { ok: false, reason: `too many '=' in ${JSON.stringify(text)}` };
  }
  const specifier = versionToPep440(version);
  if (!specifier.ok) return specifier;
  return {
    ok: true,
    value: {
      name: normalizeName(name),
      ...(channel ? { channel } : {}),
      specifier: specifier.value,
      ...(build ? { build } : {}),
    },
  };
}

function readBracket(
  rest: string,
): { ok: true; version: string; build?: string } | { ok: false; reason: string } {
  if (!rest.endsWith("]")) return { ok: false, reason: "unclosed [ in match spec" };
  let version = "";
  let build: string | undefined;
  for (const pair of rest.slice(1, -1).split(/,(?=\s*\w+\s*=)/)) {
    const match = /^\s*(\w+)\s*=\s*(['"]?)(.*?)\2\s*$/.exec(pair);
    if (!match) return { ok: false, reason: `cannot read ${JSON.stringify(pair)} in [ ]` };
    const [, key, , value = ""] = match;
    if (key === "version") version = value;
    else if (key === "build") build = value;
    else return { ok: false, reason: `match spec key ${key ?? ""} has no PEP 440 equivalent` };
  }
  return { ok: true, version, ...(build !== undefined ? { build } : {}) };
}

function versionToPep440(
  version: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (version === "" || version === "*") return { ok: true, value: "" };
  const clauses: string[] = [];
  for (const raw of version.split(",")) {
    const part = raw.trim();
    const [, operator = "", value = ""] = /^(==|!=|>=|<=|~=|>|<|=)?\s*(.*)$/.exec(part) ?? [];
    const prefix = value.replace(/\.?\*$/, "");
    const wildcard = value.endsWith("*");
    if (wildcard && prefix === "") continue;
    if (operator === "=" || (operator === "" && wildcard)) clauses.push(`==${prefix}.*`);
    else if (operator === "") clauses.push(`==${value}`);
    else if (wildcard && (operator === "==" || operator === "!="))
      clauses.push(`${operator}${prefix}.*`);
    else if (wildcard) return { ok: false, reason: `${part} mixes a comparison with a wildcard` };
    else clauses.push(`${operator}${value}`);
  }
  const parsed = parseSpecifierSet(clauses.join(","));
  if (!parsed.ok)
    return {
      ok: false,
      reason: `conda version ${JSON.stringify(version)} is not a PEP 440 version range`,
    };
  return { ok: true, value: formatSpecifierSet(parsed.value) };
}
