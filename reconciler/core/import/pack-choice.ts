import semver from "semver";
import { markerEnvironment } from "../lock/resolve.js";
import type { Loaded, Repository } from "../model/documents.js";
import { evaluateMarker, parseSpecifierSet, satisfies, type Requirement } from "../pep440/index.js";
import { packProvides } from "./pack-provides.js";
import type { SourceLine } from "./types.js";
import { samePin, type WantedEnvironment, type WantedPackage } from "./wanted-packages.js";

/** An imported requirement or constraint that the pack's pin does not satisfy. */
export interface PinConflict {
  readonly name: string;
  /** The requirement as imported, e.g. `matplotlib==3.8.4`. */
  readonly asked: string;
  readonly pinned: string;
  readonly constraint: boolean;
  readonly sources: readonly SourceLine[];
}

/** How well one pack version fits an import. Higher `score` is better. */
export interface PackScore {
  readonly pack: Loaded<"DomainPack">;
  /** `genomics@1.2.0`. */
  readonly label: string;
  readonly score: number;
  readonly python: "match" | "same-minor" | "mismatch" | "unknown";
  /** Packages (applicable on the image) the score was computed over. */
  readonly considered: number;
  /** Imported exact pins equal to the pack's pin. */
  readonly exact: readonly string[];
  /** Imported ranges (or "any version") the pack's pin satisfies. */
  readonly within: readonly string[];
  readonly conflicts: readonly PinConflict[];
  readonly kernelsOffered: readonly string[];
  readonly kernelsMissing: readonly string[];
  /** System and R software the files name (apt.txt, install.R, runtime.txt `r-…`), and how much of it the pack provides. */
  readonly softwareAsked: number;
  readonly softwareProvided: number;
  /** The files ask for R and the pack has none. */
  readonly lacksR: boolean;
  readonly deprecated: boolean;
}

type Wanted = Pick<WantedEnvironment, "packages" | "constraints" | "python" | "kernels"> &
  Partial<Pick<WantedEnvironment, "notImported">>;

/** Does the requirement apply on the pack's image (its markers, judged with the pack's Python on Linux x86_64)? */
export function appliesOn(pack: Loaded<"DomainPack">, requirement: Requirement): boolean {
  if (!requirement.marker) return true;
  const m = evaluateMarker(requirement.marker, {
    ...markerEnvironment(pack.doc.spec.python),
    extra: "",
  });
  return !m.ok || m.value;
}

/**
 * Scores a pack version: the share of imported packages it pins at the
 * imported version (an exact pin counts 1, a satisfied range ½), minus twice
 * the share that conflict; +25 when its Python satisfies the import's, +15 for
 * the same minor version, −100 for another; up to +20 for the imported kernels
 * it offers; up to +20 for the system and R software it provides, −100 when
 * the files ask for R and it has none; −5 when deprecated.
 */
export function scorePack(pack: Loaded<"DomainPack">, wanted: Wanted): PackScore {
  const pins = pack.doc.spec.packages as Record<string, string>;
  const exact: string[] = [];
  const within: string[] = [];
  const conflicts: PinConflict[] = [];
  const applicable = wanted.packages.filter((w) => appliesOn(pack, w.requirement));
  for (const w of applicable) {
    const pin = pins[w.name];
    if (pin === undefined) continue;
    if (!satisfies(pin, w.requirement.specifier, { prereleases: true }))
      conflicts.push(conflict(w, pin, false));
    else if (w.exact !== undefined && samePin(w.exact, pin)) exact.push(w.name);
    else within.push(w.name);
  }
  for (const c of wanted.constraints) {
    const pin = pins[c.name];
    if (
      pin !== undefined &&
      appliesOn(pack, c.requirement) &&
      !satisfies(pin, c.requirement.specifier, { prereleases: true })
    )
      conflicts.push(conflict(c, pin, true));
  }
  const n = Math.max(1, applicable.length);
  const python = pythonFit(pack.doc.spec.python, wanted.python);
  const offered = new Set(pack.doc.spec.kernels.map((k) => k.name));
  const kernelsOffered = wanted.kernels.filter((k) => offered.has(k.name)).map((k) => k.name);
  const kernelsMissing = wanted.kernels.filter((k) => !offered.has(k.name)).map((k) => k.name);
  const deprecated = pack.doc.spec.deprecated !== undefined;
  const software = (wanted.notImported ?? []).filter(
    (n) => (n.kind === "system-package" || n.kind === "r-package") && n.name,
  );
  const provided = software.filter(
    (n) => packProvides(pack, n.kind === "system-package" ? "system" : "r", n.name!) !== undefined,
  ).length;
  const lacksR =
    software.some((n) => n.kind === "r-package") && packProvides(pack, "r", "R") === undefined;
  const score =
    (software.length > 0 ? (20 * provided) / software.length : 0) -
    (lacksR ? 100 : 0) +
    100 * ((exact.length + within.length / 2) / n - (2 * conflicts.length) / n) +
    { match: 25, "same-minor": 15, unknown: 0, mismatch: -100 }[python] +
    (wanted.kernels.length > 0 ? (20 * kernelsOffered.length) / wanted.kernels.length : 0) -
    (deprecated ? 5 : 0);
  return {
    pack,
    label: `${pack.doc.metadata.name}@${pack.doc.metadata.version}`,
    score: Math.round(score * 10) / 10,
    python,
    considered: applicable.length,
    exact,
    within,
    conflicts,
    kernelsOffered,
    kernelsMissing,
    softwareAsked: software.length,
    softwareProvided: provided,
    lacksR,
    deprecated,
  };
}

/** Every published, non-yanked pack version, best first; ties go to the highest version. */
export function rankPacks(repo: Repository, wanted: Wanted): PackScore[] {
  return [...repo.packs.values()]
    .filter((p) => !p.doc.spec.yanked)
    .map((p) => scorePack(p, wanted))
    .sort(
      (a, b) =>
        b.score - a.score ||
        semver.rcompare(a.pack.doc.metadata.version, b.pack.doc.metadata.version) ||
        a.pack.doc.metadata.name.localeCompare(b.pack.doc.metadata.name),
    );
}

/** Why a pack scored as it did, in a few sentences. */
export function explainScore(s: PackScore, python: string | undefined): string[] {
  const out: string[] = [];
  const py = s.pack.doc.spec.python;
  out.push(
    python === undefined
      ? `Python ${py} (the import names no Python version)`
      : s.python === "match"
        ? `Python ${py} matches the import's ${python}`
        : s.python === "same-minor"
          ? `Python ${py} is the same minor version as the import's ${python}`
          : `Python ${py} does not match the import's ${python}`,
  );
  if (s.considered > 0) {
    const list = (names: readonly string[]) =>
      names.length > 6 ? `${names.slice(0, 6).join(", ")}, …` : names.join(", ");
    out.push(
      `${s.exact.length} of ${s.considered} imported packages pinned at the same version${s.exact.length ? ` (${list(s.exact)})` : ""}${s.within.length ? `; ${s.within.length} more within the imported ranges (${list(s.within)})` : ""}`,
    );
  }
  out.push(
    s.conflicts.length === 0
      ? "no conflicts with its pins"
      : `${s.conflicts.length} conflict${s.conflicts.length > 1 ? "s" : ""}: ${s.conflicts.map((c) => `${c.asked} (pins ${c.pinned})`).join(", ")}`,
  );
  if (s.kernelsOffered.length + s.kernelsMissing.length > 0)
    out.push(
      `kernels: ${s.kernelsOffered.length ? `offers ${s.kernelsOffered.join(", ")}` : "offers none of the imported kernels"}${s.kernelsMissing.length ? `; not ${s.kernelsMissing.join(", ")}` : ""}`,
    );
  if (s.softwareAsked > 0)
    out.push(
      `provides ${s.softwareProvided} of the ${s.softwareAsked} system and R packages the files name${s.lacksR ? "; has no R, which the files ask for" : ""}`,
    );
  if (s.deprecated)
    out.push(
      `deprecated: ${s.pack.doc.spec.deprecated?.reason ?? `use ${s.pack.doc.spec.deprecated?.use}`}`,
    );
  return out;
}

function conflict(w: WantedPackage, pinned: string, constraint: boolean): PinConflict {
  return { name: w.name, asked: w.text, pinned, constraint, sources: w.sources };
}

function pythonFit(packPython: string, wanted: string | undefined): PackScore["python"] {
  if (wanted === undefined) return "unknown";
  const spec = parseSpecifierSet(wanted);
  if (!spec.ok) return "unknown";
  if (satisfies(packPython, spec.value, { prereleases: true })) return "match";
  const minor = (v: string) => v.replace(/\.\*$/, "").split(".").slice(0, 2).join(".");
  const named = spec.value.specifiers.find((c) => c.operator === "==" || c.operator === "===");
  return named && minor(named.version) === minor(packPython) ? "same-minor" : "mismatch";
}
