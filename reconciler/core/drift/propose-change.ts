import { assembleLock } from "../lock/build-lock.js";
import { canonicalJson, sha256Hex } from "../lock/canonical.js";
import type { PackageIndexData } from "../lock/package-index.js";
import { renderLock } from "../lock/render-lock.js";
import type { LockedPackage } from "../lock/resolve.js";
import type { DomainPack, Environment, EnvironmentLock, Observation } from "../model/documents.js";
import { parseRequirement, satisfies } from "../pep440/index.js";
import type { DriftItem, DriftReport } from "./drift-report.js";
import { editEnvironmentText } from "./edit-environment.js";
import { closureOf, orphanRoots } from "./lock-closure.js";

export interface ProposalInput {
  report: DriftReport;
  environment: { file: string; text: string; doc: Environment };
  lock: { file: string; doc: EnvironmentLock };
  pack: DomainPack;
  packChecksum: string;
  index: PackageIndexData;
  /** What runs: a dependency the report does not list (a rule ignores it) is still locked at its running version. */
  observation?: Observation;
}

/** What a drift pull request writes to git, and what it cannot. */
export interface DriftProposal {
  /** The files the change writes (repository-relative); empty when nothing can be written. */
  paths: string[];
  /** sha256 of the change (its inputs and edits): the same digest always renders the same files. */
  digest: string;
  /** The edit itself, which `proposalFiles` renders. */
  edit: {
    requirements: string[];
    requirementsChanged: boolean;
    kernels?: string[];
    packages: LockedPackage[];
  };
  /** Items the changed files take over into git. */
  accepted: DriftItem[];
  /** Items git keeps as they are, each with why. */
  kept: { item: DriftItem; reason: string }[];
  /** Requirement lines added to / removed from environment.yaml. */
  requirementsAdded: string[];
  requirementsRemoved: string[];
}

/**
 * The change that makes git say what runs: packages go into the lock (and
 * into environment.yaml when someone asked for them or nothing else requires
 * them), removed kernels leave `spec.kernels`. What only a domain pack or the
 * next apply can change (pinned packages, the image's Python, extensions,
 * config values known only by hash, infrastructure) is kept and said so.
 */
export function proposeDriftChange(input: ProposalInput): DriftProposal {
  const { report, pack, lock } = input;
  const packLabel = `${pack.metadata.name}@${pack.metadata.version}`;
  const pins = Object.keys(pack.spec.packages);
  const versions = new Map(lock.doc.spec.packages.map((p) => [p.name, p.version]));
  let requirements = [...(input.environment.doc.spec.packages ?? [])];
  let kernels = lock.doc.spec.kernels.map((k) => k.name);
  const accepted: DriftItem[] = [];
  const kept: DriftProposal["kept"] = [];
  const removedDependencies: DriftItem[] = [];
  const packKernels = new Set(pack.spec.kernels.map((k) => k.name));
  const nameOf = (text: string) => {
    const r = parseRequirement(text);
    return r.ok ? r.value.normalizedName : undefined;
  };

  for (const item of report.items) {
    if (item.item === "package") {
      if (item.pinned) {
        kept.push({
          item,
          reason:
            item.name === "python"
              ? `the image's Python comes from ${packLabel}`
              : `pinned by ${packLabel}: a new pack version changes it`,
        });
        continue;
      }
      if (item.change === "added" || item.change === "changed") {
        versions.set(item.name, item.observed!);
        const own = requirements.filter((r) => nameOf(r) === item.name);
        const unmet = own.some((r) => {
          const p = parseRequirement(r);
          return p.ok && !satisfies(item.observed!, p.value.specifier, { prereleases: true });
        });
        if (unmet)
          requirements = [
            ...requirements.filter((r) => nameOf(r) !== item.name),
            `${item.name}==${item.observed}`,
          ];
        else if (item.change === "added" && item.requested && own.length === 0)
          requirements.push(`${item.name}==${item.observed}`);
        accepted.push(item);
      } else {
        versions.delete(item.name);
        if (item.source === "dependency") removedDependencies.push(item);
        else {
          requirements = requirements.filter((r) => nameOf(r) !== item.name);
          accepted.push(item);
        }
      }
      continue;
    }
    if (item.item === "kernel" && item.change !== "changed" && packKernels.has(item.name)) {
      kernels =
        item.change === "removed"
          ? kernels.filter((k) => k !== item.name)
          : [...kernels, item.name];
      accepted.push(item);
      continue;
    }
    kept.push({ item, reason: keptReason(item, packLabel) });
  }

  const python = lock.doc.spec.python;
  const closure = () => closureOf({ pins, requirements, versions, index: input.index, python });
  for (const item of removedDependencies) {
    const by = closureOf({
      pins,
      requirements,
      versions: new Map([...versions, [item.name, item.locked!]]),
      index: input.index,
      python,
    }).needed.get(item.name);
    if (by) {
      versions.set(item.name, item.locked!);
      kept.push({ item, reason: `${by} requires it: the lock cannot drop it` });
    } else accepted.push(item);
  }
  const running = new Map((input.observation?.spec.packages ?? []).map((p) => [p.name, p.version]));
  for (let round = 0; round < 100; round++) {
    const { needed, missing } = closure();
    const fill = [...missing.keys()].filter((n) => running.has(n) && !versions.has(n));
    for (const n of fill) versions.set(n, running.get(n)!);
    if (fill.length > 0) continue;
    const orphans = [...versions.keys()].filter((n) => !needed.has(n)).sort();
    if (orphans.length === 0) break;
    for (const n of orphanRoots(orphans, { versions, index: input.index, python }))
      requirements.push(`${n}==${versions.get(n)}`);
  }
  const original = input.environment.doc.spec.packages ?? [];
  const requirementsAdded = requirements.filter((r) => !original.includes(r));
  const requirementsRemoved = original.filter((r) => !requirements.includes(r));
  const kernelsChanged =
    kernels.slice().sort().join() !==
    lock.doc.spec.kernels
      .map((k) => k.name)
      .sort()
      .join();
  const requirementsChanged = requirementsAdded.length + requirementsRemoved.length > 0;
  const edit = {
    requirements,
    requirementsChanged,
    ...(kernelsChanged
      ? { kernels: orderKernels(kernels, input.environment.doc.spec.kernels, pack) }
      : {}),
    packages: lockedPackages(versions, pins, requirements, lock.doc, input.index),
  };
  if (accepted.length === 0)
    return {
      paths: [],
      digest: sha256Hex("nothing"),
      edit,
      accepted,
      kept,
      requirementsAdded: [],
      requirementsRemoved: [],
    };
  const paths = [
    ...(requirementsChanged || kernelsChanged ? [input.environment.file] : []),
    input.lock.file,
  ];
  const digest = sha256Hex(
    canonicalJson({
      environment: [input.environment.file, input.environment.text],
      lock: input.lock.file,
      packChecksum: input.packChecksum,
      edit,
    }),
  );
  return { paths, digest, edit, accepted, kept, requirementsAdded, requirementsRemoved };
}

/** The files a proposal writes, in full: environment.yaml edited in place (comments kept) and the lock rendered anew. */
export function proposalFiles(
  input: ProposalInput,
  proposal: DriftProposal,
): { path: string; content: string }[] {
  if (proposal.paths.length === 0) return [];
  const { edit } = proposal;
  const env = input.environment;
  const original = env.doc.spec.packages ?? [];
  const files: { path: string; content: string }[] = [];
  if (proposal.paths.includes(env.file)) {
    files.push({
      path: env.file,
      content: editEnvironmentText(env.text, {
        ...(edit.requirementsChanged
          ? {
              packages: {
                add: edit.requirements.filter((r) => !original.includes(r)),
                remove: original.filter((r) => !edit.requirements.includes(r)),
              },
            }
          : {}),
        ...(edit.kernels ? { kernels: edit.kernels } : {}),
      }),
    });
  }
  const environment: Environment = {
    ...env.doc,
    spec: {
      ...env.doc.spec,
      ...(edit.requirements.length > 0 || env.doc.spec.packages
        ? { packages: edit.requirements }
        : {}),
      ...(edit.kernels ? { kernels: edit.kernels } : {}),
    },
  };
  files.push({
    path: input.lock.file,
    content: renderLock(
      assembleLock(
        {
          environment,
          pack: input.pack,
          packChecksum: input.packChecksum,
          index: input.index,
          // The R packages stay as locked: a drift proposal edits Python packages and kernels only.
          ...(input.lock.doc.spec.r && environment.spec.r ? { r: input.lock.doc.spec.r } : {}),
        },
        edit.packages,
      ),
    ),
  });
  return files;
}

function keptReason(item: DriftItem, packLabel: string): string {
  switch (item.item) {
    case "kernel":
      return item.change === "added"
        ? `${packLabel} offers no kernel named ${item.name}`
        : `kernels come from ${packLabel}'s image`;
    case "extension":
      return `JupyterLab extensions come from ${packLabel}'s image`;
    case "config":
      return "only a hash of the running value is known: set it in environment.yaml spec.jupyterConfig to keep it";
    case "infrastructure":
      return "the next reconcile applies what git says";
    case "r-package":
      return "R packages are pinned in environment.yaml spec.r: change the pin there (and run labenv lock) to keep it";
    case "julia-package":
      return "Julia packages are pinned in environment.yaml spec.julia: change the pin there (and run labenv lock) to keep it";
    default:
      return "cannot be written to the lock";
  }
}

/** The selection in the order environment.yaml already uses, new kernels in the pack's order after them. */
function orderKernels(
  selected: string[],
  written: string[] | undefined,
  pack: DomainPack,
): string[] {
  const keep = new Set(selected);
  const ordered = (written ?? pack.spec.kernels.map((k) => k.name)).filter((k) => keep.has(k));
  for (const k of pack.spec.kernels.map((x) => x.name))
    if (keep.has(k) && !ordered.includes(k)) ordered.push(k);
  return ordered;
}

function lockedPackages(
  versions: Map<string, string>,
  pins: string[],
  requirements: string[],
  lock: EnvironmentLock,
  index: PackageIndexData,
): LockedPackage[] {
  const before = new Map(lock.spec.packages.map((p) => [p.name, p]));
  const requested = new Map<string, string>();
  for (const text of requirements) {
    const r = parseRequirement(text);
    if (r.ok) requested.set(r.value.normalizedName, text);
  }
  const pinned = new Set(pins);
  return [...versions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => {
      const old = before.get(name);
      const sha256 =
        old?.version === version
          ? old.sha256
          : index.get(name)?.find((v) => v.version === version)?.sha256;
      const source = pinned.has(name)
        ? ("pack" as const)
        : requested.has(name)
          ? ("environment" as const)
          : ("dependency" as const);
      return {
        name,
        version,
        source,
        ...(sha256 ? { sha256 } : {}),
        ...(requested.has(name) ? { requestedAs: requested.get(name)! } : {}),
      };
    });
}
