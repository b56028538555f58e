/**
 * Julia's versions and the sets of them a registry writes. Pure.
 *
 * A registry range, as the keys and values of a registry's Deps.toml and Compat.toml are written
 * (Pkg's `VersionRange`): each bound matches by prefix, so `"1.2"` is `[1.2.0, 1.3.0)`, `"1"` is
 * `[1.0.0, 2.0.0)`, `"0.5-0.7"` is `[0.5.0, 0.8.0)`, `"1.6.0-1"` is `[1.6.0, 2.0.0)`; a
 * Compat.toml value may be an array of them (the union). (A Project.toml `[compat]` entry is a
 * semver specifier instead, where `"1.2"` means `[1.2.0, 2.0.0)`; labenv writes only exact ones,
 * `"=x.y.z"`, and reads none.)
 *
 * Versions are `major.minor.patch` (pre-release and build suffixes are refused).
 */
export type JuliaVersion = readonly [number, number, number];

/** `[lower, upper)`; `upper` undefined for no upper bound. */
export interface VersionInterval {
  lower: JuliaVersion;
  upper?: JuliaVersion;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const PART = /^(0|[1-9][0-9]{0,8})$/;

/** `1.2.3` (exactly three parts). */
export function parseJuliaVersion(text: string): JuliaVersion | undefined {
  const parts = partsOf(text.trim());
  return parts && parts.length === 3 ? [parts[0]!, parts[1]!, parts[2]!] : undefined;
}

export function compareJuliaVersions(a: JuliaVersion, b: JuliaVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatJuliaVersion(v: JuliaVersion): string {
  return v.join(".");
}

export function inIntervals(v: JuliaVersion, intervals: readonly VersionInterval[]): boolean {
  return intervals.some(
    (i) =>
      compareJuliaVersions(v, i.lower) >= 0 &&
      (i.upper === undefined || compareJuliaVersions(v, i.upper) < 0),
  );
}

/** A registry range (see above), or an array of them from Compat.toml, as intervals. */
export function parseRegistryRange(text: string | readonly string[]): Parsed<VersionInterval[]> {
  const out: VersionInterval[] = [];
  for (const raw of typeof text === "string" ? [text] : text) {
    const item = raw.trim();
    if (item === "*") {
      out.push({ lower: [0, 0, 0] });
      continue;
    }
    const m = item.match(/^([0-9.]+)(?:\s*-\s*([0-9.]+|\*))?$/);
    const lower = m ? partsOf(m[1]!) : undefined;
    const upperText = m?.[2] ?? m?.[1];
    const upper = upperText === "*" ? [] : upperText ? partsOf(upperText) : undefined;
    if (!m || !lower || !upper)
      return bad(item, "a registry range such as 1.2, 0.5-0.7 or 1.6.0-1");
    out.push(
      upper.length ? { lower: pad(lower), upper: nextAfterPrefix(upper) } : { lower: pad(lower) },
    );
  }
  return { ok: true, value: out };
}

function partsOf(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length > 3 || !parts.every((p) => PART.test(p))) return undefined;
  return parts.map(Number);
}

function pad(parts: readonly number[]): JuliaVersion {
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** The first version that does not start with these parts: 1.2 → 1.3.0, 1 → 2.0.0, 1.2.3 → 1.2.4. */
function nextAfterPrefix(parts: readonly number[]): JuliaVersion {
  const p = [...parts];
  p[p.length - 1]! += 1;
  return pad(p);
}

function bad(item: string, expected: string): Parsed<never> {
  return { ok: false, error: `"${item}" is not ${expected}` };
}
