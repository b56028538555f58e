import type { Environment, Loaded, Repository } from "../model/documents.js";
import { API_VERSION, envKey } from "../model/documents.js";
import { satisfies } from "../pep440/index.js";
import { resolvePack } from "../packs/resolve-pack.js";
import type { ImportFormat, ReadImport } from "./import-source.js";
import { judgeOption, packProvides } from "./pack-provides.js";
import type { SourceLine } from "./types.js";
import {
  appliesOn,
  explainScore,
  rankPacks,
  scorePack,
  type PackScore,
  type PinConflict,
} from "./pack-choice.js";
import {
  joinSpecifiers,
  requirementText,
  wantedEnvironment,
  type ImportProblem,
  type NotImported,
  type WantedPackage,
  where,
} from "./wanted-packages.js";

export interface ImportRequest {
  readonly imports: readonly ReadImport[];
  readonly lab: string;
  readonly name: string;
  readonly owner: string;
  /** `--pack genomics@^1.2`: use this pack instead of the best scoring one. */
  readonly pack?: string;
  readonly repository: Repository;
  /** Names the package index has: decides whether a conda package is a Python package. */
  readonly knownPackages: ReadonlySet<string>;
  /** The index, for messages (`package-index.yaml`, `https://pypi.org`). */
  readonly indexName: string;
  /**
   * `pypi`: the index answers for any name, so a conda package it lacks is not
   * a PyPI package. `embedded` (the default): it lists only what the lab put
   * in it, so it cannot tell, and such a package is an error.
   */
  readonly indexKind?: "embedded" | "pypi";
}

/** Something the imported files ask for that the pack's image already has (system or R software). */
export interface ProvidedByPack {
  /** `python`: the Python a file names (conda `python=`, runtime.txt, `[requires]`) is the pack's. */
  readonly kind: "system" | "r" | "conda" | "python";
  readonly text: string;
  readonly name: string;
  /** The version the pack provides. */
  readonly version: string;
  readonly source?: SourceLine;
}

/** A pip option of an imported file that labenv already does (`--index-url` of the lab's own index). */
export interface HonouredOption {
  readonly text: string;
  readonly reason: string;
  readonly source: SourceLine;
}

export interface PackChoice {
  /** What `spec.domainPack` says: the pack at `~version` (or the `--pack` reference). */
  readonly reference: string;
  readonly chosen: PackScore;
  /** Every candidate, best first. */
  readonly ranking: readonly PackScore[];
  readonly overridden: boolean;
  readonly reasons: readonly string[];
}

/** An imported package the pack already pins at a version the import accepts: not repeated in environment.yaml. */
export interface FromPack {
  readonly name: string;
  readonly pinned: string;
  readonly asked: string;
}

/** What an import would write, and everything that stands in its way. A value: nothing is written here. */
export interface ImportPlan {
  /** `environments/<lab>/<name>/environment.yaml`. */
  readonly path: string;
  readonly sources: readonly { file: string; format: ImportFormat }[];
  readonly choice?: PackChoice;
  readonly environment?: Environment;
  readonly requirements: readonly string[];
  readonly fromPack: readonly FromPack[];
  /** System and R software, and conda packages that are not Python packages, the pack's image provides. */
  readonly provided: readonly ProvidedByPack[];
  readonly honoured: readonly HonouredOption[];
  readonly notImported: readonly NotImported[];
  /** Blocking: an imported version the pack pins differently. */
  readonly conflicts: readonly PinConflict[];
  /** Blocking: unreadable input, disagreeing files, a name already taken. */
  readonly problems: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
  /** The package index the lock resolves against, for messages. */
  readonly indexName: string;
}

/** The conda packages whose presence on the package index decides whether they are Python packages. */
export function namesToLookUp(imports: readonly ReadImport[]): string[] {
  return wantedEnvironment(imports)
    .packages.filter((w) => w.origin === "conda")
    .map((w) => w.name);
}

/**
 * Turns imported files into an environment on the best fitting domain pack:
 * pins the pack already satisfies are left to the pack, other packages become
 * requirements (exact for pip freeze/inspect, as written for requirements
 * files), and everything that cannot be carried over is listed with why.
 */
export function planImport(request: ImportRequest): ImportPlan {
  const { repository: repo, lab, name } = request;
  const wanted = wantedEnvironment(request.imports);
  const pinnedSomewhere = new Set(
    [...repo.packs.values()].flatMap((p) => Object.keys(p.doc.spec.packages)),
  );
  const isPython = (w: WantedPackage) =>
    w.origin === "pip" || pinnedSomewhere.has(w.name) || request.knownPackages.has(w.name);
  const python = { ...wanted, packages: wanted.packages.filter(isPython) };
  const path = `environments/${lab}/${name}/environment.yaml`;
  const problems: ImportProblem[] = [...wanted.problems];
  const warnings: ImportProblem[] = [...wanted.warnings];
  const notImported: NotImported[] = [...wanted.notImported];
  const base = {
    path,
    indexName: request.indexName,
    sources: request.imports.map((i) => ({ file: i.file, format: i.format })),
    requirements: [],
    fromPack: [],
    provided: [],
    honoured: [],
    conflicts: [],
  };
  if (!repo.labs.has(lab))
    problems.push({
      message: `lab ${lab} does not exist`,
      hint: `known labs: ${[...repo.labs.keys()].join(", ")}`,
    });
  if (repo.environments.has(envKey(lab, name)) || repo.files.has(path))
    problems.push({
      message: `${path} already exists`,
      hint: "pick another --name; labenv import never overwrites an environment",
    });
  const allRanked = rankPacks(repo, python);
  // The Python the files name chooses the pack: only packs with that Python are candidates.
  const withPython =
    wanted.python === undefined ? allRanked : allRanked.filter((s) => s.python !== "mismatch");
  // Likewise R: files that ask for R (runtime.txt `r-…`, install.R, conda r-*) need a pack with R.
  const ranking = withPython.filter((s) => !s.lacksR);
  const pythonAt = wanted.pythonSources[0];
  const rAt = wanted.notImported.find((n) => n.kind === "r-package")?.source;
  if (ranking.length === 0 && withPython.length > 0)
    return {
      ...base,
      notImported,
      problems: [
        ...problems,
        {
          input: true,
          message: `the import asks for R${wanted.python !== undefined ? ` with Python ${pythonLabel(wanted.python)}` : ""}, and no domain pack offers it (packs with R: ${
            allRanked
              .filter((s) => !s.lacksR)
              .map((s) => `${s.label} (Python ${s.pack.doc.spec.python})`)
              .join(", ") || "none"
          })`,
          ...(rAt ? { source: rAt } : {}),
          hint: "choose the Python of a pack with an R kernel, or publish a pack with R (README: Domain packs and lockfiles)",
        },
      ],
      warnings,
    };
  if (wanted.python !== undefined && ranking.length === 0 && allRanked.length > 0)
    return {
      ...base,
      notImported,
      problems: [
        ...problems,
        {
          input: true,
          message: `the import asks for Python ${pythonLabel(wanted.python)}, and no domain pack offers it (the packs offer Python ${[...new Set(allRanked.map((s) => s.pack.doc.spec.python))].sort().join(", ")})`,
          ...(pythonAt ? { source: pythonAt } : {}),
          hint: "name a Python that a pack offers, or publish a pack with this Python (README: Domain packs and lockfiles)",
        },
      ],
      warnings,
    };
  const chosen = choose(repo, request.pack ? allRanked : ranking, python, request.pack);
  if ("problem" in chosen)
    return { ...base, notImported, problems: [...problems, chosen.problem], warnings };
  const choice: PackChoice = { ...chosen, ranking: allRanked };
  const pack = choice.chosen.pack;
  const pins = pack.doc.spec.packages as Record<string, string>;
  if (choice.chosen.lacksR)
    problems.push({
      input: true,
      message: `the import asks for R; ${choice.chosen.label} (--pack ${request.pack ?? ""}) has no R`,
      ...(rAt ? { source: rAt } : {}),
      hint: `drop --pack to choose among the packs with R${ranking[0] ? ` (best: ${ranking[0].label})` : ""}`,
    });
  if (choice.chosen.python === "mismatch")
    problems.push({
      input: true,
      message: `the import asks for Python ${pythonLabel(wanted.python ?? "")}; ${choice.chosen.label} (--pack ${request.pack ?? ""}) has Python ${pack.doc.spec.python}`,
      ...(pythonAt ? { source: pythonAt } : {}),
      hint: `drop --pack to choose among the packs with that Python${ranking[0] ? ` (best: ${ranking[0].label})` : ""}`,
    });
  const provided: ProvidedByPack[] = [];
  const honoured: HonouredOption[] = [];
  const label = choice.chosen.label;
  // The Python the files name chose the pack: each line that names it is the pack's Python.
  if (wanted.python !== undefined && choice.chosen.python !== "mismatch")
    for (const source of wanted.pythonSources)
      provided.push({
        kind: "python",
        text: `python ${pythonLabel(wanted.python)}`,
        name: "Python",
        version: pack.doc.spec.python,
        source,
      });
  // System and R software the files name: the pack's image provides it, or it is not carried over.
  for (let i = notImported.length - 1; i >= 0; i -= 1) {
    const n = notImported[i]!;
    if ((n.kind !== "system-package" && n.kind !== "r-package") || !n.name) continue;
    const kind = n.kind === "system-package" ? "system" : "r";
    const version = packProvides(pack, kind, n.name);
    if (version !== undefined) {
      provided.push({
        kind,
        text: n.text,
        name: n.name,
        version,
        ...(n.source ? { source: n.source } : {}),
      });
      notImported.splice(i, 1);
    } else
      notImported[i] = {
        ...n,
        reason: `${n.reason}, and ${label} does not provide it (spec.provides.${kind} of the pack): not supported`,
      };
  }
  const missing = notImported.filter(
    (n) => (n.kind === "system-package" || n.kind === "r-package") && n.name !== undefined,
  );
  if (missing.length > 0) problems.push(notProvided(repo, label, missing));
  for (const option of wanted.options) {
    const judged = judgeOption(option, request.indexName);
    const text = `${option.name}${option.value !== undefined ? ` ${option.value}` : ""}`;
    if (judged.honoured) honoured.push({ text, reason: judged.reason, source: option.source });
    else notImported.push({ kind: "option", text, reason: judged.reason, source: option.source });
  }
  // A package the files could not carry over may still be there: the pack may pin it.
  notImported.forEach((n, i) => {
    if (n.name && pins[n.name] !== undefined)
      notImported[i] = {
        ...n,
        reason: `${n.reason}; ${choice.chosen.label} provides ${n.name}==${pins[n.name]}`,
      };
  });
  const requirements: string[] = [];
  const fromPack: FromPack[] = [];
  for (const w of wanted.packages) {
    const source = w.sources[0];
    if (w.origin === "conda" && pins[w.name] === undefined && !request.knownPackages.has(w.name)) {
      const text = `${w.written}${w.specifier}`;
      const version =
        packProvides(pack, "system", w.written) ?? packProvides(pack, "system", w.name);
      if (version !== undefined)
        provided.push({
          kind: "conda",
          text,
          name: w.written,
          version,
          ...(source ? { source } : {}),
        });
      else problems.push(condaOnly(repo, request, label, w, text));
    } else if (!appliesOn(pack, w.requirement)) {
      notImported.push({
        kind: "marker",
        text: w.text,
        name: w.name,
        reason: `does not apply on the image (Python ${pack.doc.spec.python}, Linux x86_64)`,
        ...(source ? { source } : {}),
      });
    } else if (pins[w.name] !== undefined) {
      if (satisfies(pins[w.name]!, w.requirement.specifier, { prereleases: true }))
        fromPack.push({ name: w.name, pinned: pins[w.name]!, asked: w.text });
    } else {
      const limits = wanted.constraints
        .filter((c) => c.name === w.name && appliesOn(pack, c.requirement))
        .map((c) => c.specifier);
      requirements.push(
        limits.length === 0
          ? w.text
          : requirementText(w.name, w.extras, joinSpecifiers([w.specifier, ...limits]), w.markers),
      );
    }
  }
  const requested = new Set(wanted.packages.map((w) => w.name));
  for (const c of wanted.constraints) {
    if (requested.has(c.name) || pins[c.name] !== undefined) continue;
    notImported.push({
      kind: "constraint",
      text: c.text,
      name: c.name,
      reason:
        "a constraint (-c) only limits versions and nothing imported asks for it, so there is nothing to keep",
      ...(c.sources[0] ? { source: c.sources[0] } : {}),
    });
  }
  const offered = new Map(pack.doc.spec.kernels.map((k) => [k.name, k]));
  for (const k of wanted.kernels) {
    if (offered.has(k.name)) continue;
    const same = pack.doc.spec.kernels
      .filter((o) => o.language.toLowerCase() === k.language.toLowerCase())
      .map((o) => o.name);
    notImported.push({
      kind: "kernel",
      text: k.name,
      name: k.name,
      reason: `kernel ${k.name} (${k.language}) is not offered by ${choice.chosen.label}${same.length ? `; it offers ${same.join(", ")} for ${k.language}` : ` (it offers ${[...offered.keys()].join(", ")})`}`,
      source: k.source,
    });
  }
  notImported.sort(
    (a, b) =>
      (a.source?.file ?? "\uffff").localeCompare(b.source?.file ?? "\uffff") ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0),
  );
  const kernels = wanted.kernels.filter((k) => offered.has(k.name)).map((k) => k.name);
  const environment = environmentDoc(
    request,
    pack,
    choice.reference,
    requirements.sort((a, b) => a.localeCompare(b)),
    kernels,
  );
  return {
    ...base,
    choice,
    environment,
    requirements,
    fromPack,
    provided: provided.sort(
      (a, b) =>
        (a.source?.file ?? "").localeCompare(b.source?.file ?? "") ||
        (a.source?.line ?? 0) - (b.source?.line ?? 0),
    ),
    honoured,
    notImported,
    conflicts: choice.chosen.conflicts,
    problems,
    warnings,
  };
}

/**
 * System and R software the files name that the chosen pack does not provide blocks the import
 * (exit 1): the environment would run without it. The message lists every one, with its line;
 * the hint names the packs that provide them all, when there are any.
 */
function notProvided(
  repo: Repository,
  label: string,
  missing: readonly NotImported[],
): ImportProblem {
  const kindOf = (n: NotImported) => (n.kind === "system-package" ? "system" : "r");
  const listed = missing
    .map((n) => `${n.name}${n.source ? ` (${where(n.source)})` : ""}`)
    .join(", ");
  const all = [...repo.packs.values()]
    .filter((p) => missing.every((n) => packProvides(p, kindOf(n), n.name!) !== undefined))
    .map((p) => `${p.doc.metadata.name}@${p.doc.metadata.version}`)
    .sort();
  const kinds = [...new Set(missing.map((n) => (kindOf(n) === "system" ? "system" : "R")))].join(
    " and ",
  );
  return {
    message: `${missing.length === 1 ? `1 ${kinds} package the files name is` : `${missing.length} ${kinds} packages the files name are`} not provided by ${label}, so the environment would run without ${missing.length === 1 ? "it" : "them"}: ${listed}`,
    ...(missing[0]!.source ? { source: missing[0]!.source } : {}),
    hint: `${all.length > 0 ? `choose a pack that provides ${missing.length === 1 ? "it" : "them all"} with --pack (${all.join(", ")})` : "no domain pack provides them all: choose a pack that provides what matters with --pack, or publish a pack version that declares them in spec.provides (README: Domain packs and lockfiles)"}, or remove the lines the environment does not need`,
  };
}

/** `==3.11.*` → `3.11`, `==3.11.7` → `3.11.7`; other specifiers as written. */
function pythonLabel(spec: string): string {
  return /^==[\d.]+(\.\*)?$/.test(spec) ? spec.slice(2).replace(/\.\*$/, "") : spec;
}

function choose(
  repo: Repository,
  ranking: PackScore[],
  wanted: Parameters<typeof scorePack>[1],
  override: string | undefined,
): PackChoice | { problem: ImportProblem } {
  if (override !== undefined) {
    const r = resolvePack(repo, override);
    if (!r.ok)
      return {
        problem: { message: r.message, hint: "pass --pack as <pack>@<range>, e.g. genomics@^1.2" },
      };
    const chosen = ranking.find((s) => s.pack === r.pack) ?? scorePack(r.pack, wanted);
    return {
      reference: override,
      chosen,
      ranking,
      overridden: true,
      reasons: [`chosen with --pack ${override}`, ...explainScore(chosen, wanted.python)],
    };
  }
  const best = ranking[0];
  if (!best)
    return {
      problem: {
        message: "the repository publishes no domain pack to build on",
        hint: "add one under domain-packs/<pack>/<version>/pack.yaml",
      },
    };
  const { name, version } = best.pack.doc.metadata;
  const tilde = `${name}@~${version}`;
  const r = resolvePack(repo, tilde);
  const reference = r.ok && r.version === version ? tilde : `${name}@${version}`;
  const others = ranking
    .slice(1, 4)
    .map(
      (s) =>
        `${s.label} (${s.score}${s.conflicts.length ? `, ${s.conflicts.length} conflict${s.conflicts.length > 1 ? "s" : ""}` : ""})`,
    );
  return {
    reference,
    chosen: best,
    ranking,
    overridden: false,
    reasons: [
      ...explainScore(best, wanted.python),
      ...(others.length ? [`next: ${others.join(", ")}`] : []),
    ],
  };
}

function environmentDoc(
  request: ImportRequest,
  pack: Loaded<"DomainPack">,
  reference: string,
  packages: string[],
  kernels: string[],
): Environment {
  const files = request.imports.map((i) => i.file.split(/[\\/]/).pop()).join(", ");
  return {
    apiVersion: API_VERSION,
    kind: "Environment",
    metadata: { name: request.name, lab: request.lab },
    spec: {
      owner: request.owner,
      description: `Imported with labenv import from ${files}.`.slice(0, 1024),
      domainPack: reference,
      resources: { ...(pack.doc.spec.defaults?.resources ?? { cpu: 1024, memory: 4096 }) },
      ...(packages.length > 0 ? { packages } : {}),
      ...(kernels.length > 0 ? { kernels } : {}),
    },
  };
}

/**
 * A conda package that is neither on the package index nor provided by the
 * pack: the environment would run without it, so the import stops at its
 * line. With a PyPI-compatible index the index's 404 says it is no PyPI
 * project; the embedded index lists only what the lab put in it, so labenv
 * cannot tell.
 */
function condaOnly(
  repo: Repository,
  request: ImportRequest,
  label: string,
  w: WantedPackage,
  text: string,
): ImportProblem {
  const source = w.sources[0];
  const providers = [...repo.packs.values()]
    .filter(
      (p) =>
        packProvides(p, "system", w.written) !== undefined ||
        packProvides(p, "system", w.name) !== undefined,
    )
    .map((p) => `${p.doc.metadata.name}@${p.doc.metadata.version}`)
    .sort();
  const byPack =
    providers.length > 0
      ? `choose a pack that provides it with --pack (${providers.join(", ")})`
      : "no domain pack provides it: publish a pack version that declares it in spec.provides.system";
  return request.indexKind === "pypi"
    ? {
        message: `${text} is a conda package that is not on the package index (${request.indexName} has no project ${w.name}), so it is no PyPI package, and ${label} does not provide it (spec.provides.system of the pack): the environment would run without it. Expected a PyPI project or software the pack's image provides`,
        ...(source ? { source } : {}),
        hint: `${byPack}; if the PyPI project has another name, write that name in a pip: entry; if the environment does not need it, remove the line (docs/import-and-index.md)`,
      }
    : {
        message: `${text} is a conda package that the package index (${request.indexName}) does not list and ${label} does not provide, so labenv cannot tell whether it is a Python package`,
        ...(source ? { source } : {}),
        hint: `if it is on PyPI, add ${w.name} to ${request.indexName} or set packageIndex.kind: pypi in labenv.yaml; if it is not a Python package, ${providers.length > 0 ? `choose a pack that provides it with --pack (${providers.join(", ")})` : "use a pack that provides it (spec.provides.system)"} or remove the line (docs/import-and-index.md)`,
      };
}
