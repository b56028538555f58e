/**
 * Julia's versions and the two ways its package manager writes sets of them. Pure.
 *
 * - A compat specifier, as in a Project.toml `[compat]` entry (Pkg's `semver_spec`): `"1.2"` and
 *   `"^1.2"` are `[1.2.0, 2.0.0)`, `"0.3"` is `[0.3.0, 0.4.0)`, `"0.0.3"` is `[0.0.3, 0.0.4)`,
 *   `"~1.2.3"` is `[1.2.3, 1.3.0)`, `"=1.2.3"` is exactly 1.2.3, `"1.2 - 2"` is `[1.2.0, 3.0.0)`,
 *   and a comma list is the union.
 * - A registry range, as the keys and values of a registry's Deps.toml and Compat.toml are
 *   written (Pkg's `VersionRange`): each bound matches by prefix, so `"1.2"` is `[1.2.0, 1.3.0)`,
 *   `"1"` is `[1.0.0, 2.0.0)`, `"0.5-0.7"` is `[0.5.0, 0.8.0)`, `"1.6.0-1"` is `[1.6.0, 2.0.0)`;
 *   a Compat.toml value may be an array of them (the union).
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

/** A Project.toml compat specifier (see above) as intervals. */
export function parseCompatSpec(text: string): Parsed<VersionInterval[]> {
  const out: VersionInterval[] = [];
  if (text.length > 1024) return { ok: false, error: "is longer than 1024 characters" };
  for (const raw of text.split(",")) {
    const item = raw.trim();
    const hyphen = item.match(/^(\S+)\s+-\s+(\S+)$/);
    if (hyphen) {
      const lower = partsOf(hyphen[1]!);
      const upper = partsOf(hyphen[2]!);
      if (!lower || !upper) return bad(item);
      out.push({ lower: pad(lower), upper: nextAfterPrefix(upper) });
      continue;
    }
    const m = item.match(/^(\^|~|=)?\s*(\S+)$/);
    const parts = m ? partsOf(m[2]!) : undefined;
    if (!m || !parts) return bad(item);
    const lower = pad(parts);
    if (m[1] === "=") out.push({ lower, upper: nextAfterPrefix(parts) });
    else if (m[1] === "~") out.push({ lower, upper: tildeUpper(parts) });
    else out.push({ lower, upper: caretUpper(parts) });
  }
  return { ok: true, value: out };
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

/** Caret: the leftmost non-zero part may not change; all zeros given: the last given may not. */
function caretUpper(parts: readonly number[]): JuliaVersion {
  const first = parts.findIndex((p) => p !== 0);
  return nextAfterPrefix(parts.slice(0, first === -1 ? parts.length : first + 1));
}

/** Tilde: ~1 is 1.x; ~1.2 and ~1.2.3 keep major.minor; with a zero major, as caret. */
function tildeUpper(parts: readonly number[]): JuliaVersion {
  if (parts.length === 1) return nextAfterPrefix(parts);
  if (parts[0] === 0) return caretUpper(parts);
  return nextAfterPrefix(parts.slice(0, 2));
}

function bad(
  item: string,
  expected = "a Julia compat specifier such as 1.2, ~1.2.3, =1.2.3, 0.3 or 1.2 - 2",
): Parsed<never> {
  return { ok: false, error: `"${item}" is not ${expected}` };
}
