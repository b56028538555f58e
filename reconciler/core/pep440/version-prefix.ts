import { formatVersion, parseVersion, publicVersion, type Version } from "./version.js";

/**
 * Prefix matching for `==V.*` / `!=V.*` and the prefix half of `~=V`.
 *
 * Python's `packaging` decides these on the *text* of the specifier's version,
 * split into components, not on the parsed version. That makes a few spellings
 * behave differently from their normalized form (`~=1.0.RC1` keeps `1.0.*` as its
 * prefix while `~=1.0.rc1` uses `1.*`; `~=v1.0` matches nothing). labenv follows the
 * same component rules so that a lock agrees with pip on every spelling.
 */

const NUMBER_THEN_PRE = /^([0-9]+)((?:a|b|c|rc)[0-9]+)$/;
const SUFFIX_STARTS = ["dev", "a", "b", "rc", "post"] as const;
const DIGITS = /^[0-9]+$/;

/** `1!2.0rc1` → `["1", "2", "0", "rc1"]`; the epoch always comes first. */
export function splitVersionText(text: string): string[] {
  const bang = text.lastIndexOf("!");
  const epoch = bang >= 0 ? text.slice(0, bang) : "";
  const rest = bang >= 0 ? text.slice(bang + 1) : text;
  const components = [epoch === "" ? "0" : epoch];
  for (const item of rest.split(".")) {
    const match = NUMBER_THEN_PRE.exec(item);
    if (match?.[1] !== undefined && match[2] !== undefined) components.push(match[1], match[2]);
    else components.push(item);
  }
  return components;
}

/** The canonical spelling when the text parses, else the text unchanged. */
function canonicalText(text: string): string {
  const parsed = parseVersion(text);
  return parsed.ok ? formatVersion(parsed.value) : text;
}

function numericPrefixLength(components: readonly string[]): number {
  let count = 0;
  while (count < components.length && DIGITS.test(components[count] ?? "")) count += 1;
  return count;
}

/** Does `prospective` fall under the prefix written as `body` (the text before `.*`)? */
export function matchesVersionPrefix(prospective: Version, body: string): boolean {
  const prefix = splitVersionText(canonicalText(body));
  const prefixNumeric = numericPrefixLength(prefix);
  const candidate = splitVersionText(formatVersion(publicVersion(prospective)));
  const candidateNumeric = numericPrefixLength(candidate);
  const padding = Math.max(0, prefixNumeric - candidateNumeric);
  const padded = [
    ...candidate.slice(0, candidateNumeric),
    ...Array.from({ length: padding }, () => "0"),
    ...candidate.slice(candidateNumeric),
  ];
  const shortened = padded.slice(0, prefix.length);
  return (
    shortened.length === prefix.length && shortened.every((component, i) => component === prefix[i])
  );
}

/** The `X.*` body that `~=text` implies: the release without its last component. */
export function compatiblePrefixBody(text: string): string {
  const components = splitVersionText(text);
  const kept: string[] = [];
  for (const component of components) {
    if (SUFFIX_STARTS.some((start) => component.startsWith(start))) break;
    kept.push(component);
  }
  const [epoch, ...release] = kept.slice(0, -1);
  return `${epoch ?? "0"}!${release.join(".")}`;
}
