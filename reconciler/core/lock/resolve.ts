import {
  compareVersions,
  evaluateMarker,
  filter,
  parseRequirement,
  parseSpecifierSet,
  parseVersion,
  satisfies,
  specifierSetNamesPrerelease,
  type Requirement,
  type SpecifierSet,
} from "../pep440/index.js";
import type { IndexVersion, PackageIndexData } from "./package-index.js";

export interface LockedPackage {
  name: string;
  version: string;
  source: "pack" | "environment" | "dependency";
  sha256?: string;
  requestedAs?: string;
}

export interface ResolveInput {
  /** Requirements from environment.yaml, as written. */
  requirements: readonly string[];
  /** Versions the domain pack pins (name → version); never changed by resolution. */
  pins: Readonly<Record<string, string>>;
  /** `genomics@1.2.0`, for messages. */
  packLabel: string;
  /** The exact Python version of the image (e.g. 3.11.9): markers and Requires-Python are judged against it. */
  python: string;
  index: PackageIndexData;
  /**
   * Resolve as the index stood at this instant (ISO 8601): a release counts
   * only when the index gives its file's upload time and it is not later
   * (uv's `exclude-newer`, Renovate's `minimumReleaseAge`). Pins are exempt.
   */
  excludeNewer?: string;
}

export type ResolveResult =
  { ok: true; packages: LockedPackage[] } | { ok: false; errors: string[] };

/**
 * Resolves environment requirements on top of a fully pinned domain pack. Pack
 * pins are fixed; every other package gets the highest version that satisfies
 * every requirement on it, is not yanked (unless asked for with `==`), is not a
 * pre-release (unless a specifier names one) and supports the image's Python.
 * Conflicts name both sides.
 */
export function resolve(input: ResolveInput): ResolveResult {
  const markerEnv = markerEnvironment(input.python);
  const constraints = new Map<string, { spec: SpecifierSet; by: string; text: string }[]>();
  const chosen = new Map<string, LockedPackage>();
  const errors: string[] = [];
  const queue: { req: Requirement; text: string; by: string | undefined }[] = [];
  for (const text of input.requirements) {
    const parsed = parseRequirement(text);
    if (!parsed.ok) errors.push(`\`${text}\` is not a valid requirement: ${parsed.error.message}`);
    else queue.push({ req: parsed.value, text, by: undefined });
  }
  const requestedAs = new Map(queue.map((q) => [q.req.normalizedName, q.text]));
  for (let steps = 0; queue.length > 0 && steps < 10_000; steps++) {
    const { req, text, by } = queue.shift()!;
    if (req.marker) {
      const applies = evaluateMarker(req.marker, { ...markerEnv, extra: "" });
      if (applies.ok && !applies.value) continue;
    }
    const name = req.normalizedName;
    const who = by ?? `\`${text}\``;
    const list = constraints.get(name) ?? [];
    list.push({ spec: req.specifier, by: who, text: `${name}${formatSpec(text, req)}` });
    constraints.set(name, list);
    const pin = input.pins[name];
    if (pin !== undefined) {
      if (!satisfies(pin, req.specifier, { prereleases: true })) {
        errors.push(
          `${by ?? `environment.yaml asks for \`${text}\``}${by ? ` needs ${name}${formatSpec(text, req)}` : ""} but ${input.packLabel} pins ${name}==${pin}`,
        );
      }
      continue;
    }
    const current = chosen.get(name);
    if (current && list.every((c) => satisfies(current.version, c.spec, { prereleases: true })))
      continue;
    const best = pick(
      input.index.get(name),
      list.map((c) => c.spec),
      input.python,
      input.excludeNewer,
    );
    if (!best) {
      const known = input.index.get(name);
      errors.push(
        known
          ? `no version of ${name} satisfies ${list.map((c) => `${c.text} (from ${c.by})`).join(" and ")} with Python ${input.python}${input.excludeNewer ? ` uploaded by ${input.excludeNewer}` : ""} (index has: ${known.map((v) => v.version + (v.yanked ? " yanked" : "") + (input.excludeNewer ? (v.uploadTime ? ` uploaded ${v.uploadTime}` : " with no upload time") : "")).join(", ")})`
          : `${name} (required by ${who}) is not in the package index`,
      );
      continue;
    }
    chosen.set(name, {
      name,
      version: best.version,
      source: requestedAs.has(name) ? "environment" : "dependency",
      ...(best.sha256 ? { sha256: best.sha256 } : {}),
      ...(requestedAs.has(name) ? { requestedAs: requestedAs.get(name)! } : {}),
    });
    for (const dep of best.requires) {
      const parsed = parseRequirement(dep);
      if (parsed.ok) queue.push({ req: parsed.value, text: dep, by: `${name}==${best.version}` });
      else
        errors.push(
          `${name}==${best.version} has an unreadable requirement \`${dep}\` in the package index`,
        );
    }
  }
  if (errors.length > 0) return { ok: false, errors: [...new Set(errors)] };
  const packages: LockedPackage[] = Object.entries(input.pins).map(([name, version]) => {
    const sha256 = input.index.get(name)?.find((v) => v.version === version)?.sha256;
    return {
      name,
      version,
      source: "pack" as const,
      ...(sha256 ? { sha256 } : {}),
      ...(requestedAs.has(name) ? { requestedAs: requestedAs.get(name)! } : {}),
    };
  });
  packages.push(...chosen.values());
  packages.sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, packages };
}

function pick(
  versions: readonly IndexVersion[] | undefined,
  specs: SpecifierSet[],
  python: string,
  excludeNewer: string | undefined,
): IndexVersion | undefined {
  if (!versions) return undefined;
  const cutoff = excludeNewer === undefined ? undefined : Date.parse(excludeNewer);
  const namesPre = specs.some(specifierSetNamesPrerelease);
  const exact = new Set(
    specs.flatMap((s) =>
      s.specifiers.filter((c) => c.operator === "==" || c.operator === "===").map((c) => c.version),
    ),
  );
  const ok = versions.filter((v) => {
    if (v.yanked && !exact.has(v.version)) return false;
    if (cutoff !== undefined && !uploadedBy(v, cutoff)) return false;
    if (v.requiresPython) {
      const rp = parseSpecifierSet(v.requiresPython);
      if (rp.ok && !satisfies(python, rp.value, { prereleases: true })) return false;
    }
    return specs.every((s) => filter([v.version], s, { prereleases: namesPre }).length === 1);
  });
  return ok.sort((a, b) => compareText(b.version, a.version))[0];
}

/** The release's file was uploaded at or before `cutoff` (ms); unknown upload times never are. */
export function uploadedBy(v: { uploadTime?: string | undefined }, cutoff: number): boolean {
  if (!v.uploadTime) return false;
  const t = Date.parse(v.uploadTime);
  return Number.isFinite(t) && t <= cutoff;
}

function compareText(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa.ok && pb.ok ? compareVersions(pa.value, pb.value) : a.localeCompare(b);
}

function formatSpec(_text: string, req: Requirement): string {
  return req.specifier.specifiers.map((s) => `${s.operator}${s.version}`).join(",");
}

/** The marker environment of a Linux x86_64 CPython container. */
export function markerEnvironment(python: string): Record<string, string> {
  const [major, minor] = python.split(".");
  return {
    python_version: `${major}.${minor}`,
    python_full_version: python,
    implementation_version: python,
    implementation_name: "cpython",
    platform_python_implementation: "CPython",
    os_name: "posix",
    sys_platform: "linux",
    platform_system: "Linux",
    platform_machine: "x86_64",
    platform_release: "",
    platform_version: "",
  };
}
