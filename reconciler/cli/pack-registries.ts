import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  HostedRegistry,
  type HostedRegistryOptions,
} from "../adapters/pack-registry/hosted-registry.js";
import { LabenvError } from "../core/errors.js";
import type { DomainPack, Repository } from "../core/model/documents.js";
import { packChecksum } from "../core/packs/checksum.js";
import { chooseVersion } from "../core/packs/hosted-index.js";
import { newestIndexSeen } from "../core/packs/index-freshness.js";
import { buildRegistry, renderRegistry, verifyRegistry } from "../core/packs/registry.js";
import { judgePack } from "../core/packs/trust-policy.js";
import { vendorPack, type PackSource } from "../core/packs/vendor-pack.js";
import { createSchemaValidator } from "../core/validate/schema-validator.js";
import { readRepositoryFiles } from "../adapters/fs/read-repository-files.js";
import { loadRepository } from "../core/load/load-repository.js";
import { labsRefusingTrust } from "../core/validate/rules/lab-pack-trust.js";
import { loadWithConfig } from "./load.js";

/** The registries labenv.yaml configures (one when `only` names it). */
export function openRegistries(
  repository: Repository,
  only?: string,
  options: HostedRegistryOptions = {},
): HostedRegistry[] {
  const configured = repository.config?.doc.spec.packRegistries ?? [];
  if (configured.length === 0)
    throw new LabenvError("usage", "labenv.yaml configures no pack registry", {
      hint: "add `packRegistries: [{ name: <name>, url: https://…/ }]` under spec in labenv.yaml",
    });
  const chosen = only ? configured.filter((r) => r.name === only) : configured;
  if (chosen.length === 0)
    throw new LabenvError("usage", `labenv.yaml configures no pack registry \`${only}\``, {
      hint: `configured: ${configured.map((r) => r.name).join(", ")}`,
    });
  const check = createSchemaValidator();
  const config = repository.config?.doc.spec;
  return chosen.map(
    (r) =>
      new HostedRegistry(r, check, {
        config,
        newestSeen: newestIndexSeen(repository, r.name),
        ...options,
      }),
  );
}

export interface AddedPack {
  pack: string;
  version: string;
  registry: string;
  outcome: "created" | "unchanged";
  file: string;
  trust: string;
  signedBy: string | undefined;
  deprecated?: string;
  warnings: string[];
}

export interface PreparedPack extends AddedPack {
  /** The files vendoring writes (the pack and the rewritten local index); none when unchanged. */
  files: { path: string; content: string }[];
}

/**
 * Fetches one version from a registry, checks it against its published checksum
 * and labenv.yaml's trust policy, and says which files vendoring it writes
 * (the pack with its source recorded, and domain-packs/registry.yaml). Writes
 * nothing; throws, saying why, when any check fails.
 */
export async function prepareFromRegistry(
  dir: string,
  repository: Repository,
  registry: HostedRegistry,
  name: string,
  range: string,
): Promise<PreparedPack> {
  const index = await registry.index();
  const choice = chooseVersion(index, registry.config.name, name, range);
  if (!choice.ok)
    throw new LabenvError("usage", choice.message, {
      hint:
        choice.reason === "unknown-pack"
          ? "`labenv packs browse` lists every registry's packs"
          : "pick another range; `labenv packs browse` lists the versions",
    });
  const fetched = await registry.pack(name, choice.version);
  const checksum = packChecksum(fetched.pack.doc);
  const trust = fetched.pack.doc.spec.trust;
  const source: PackSource = {
    registry: registry.config.name,
    url: fetched.url,
    checksum: choice.entry.checksum,
    ...(choice.entry.signature ? { signature: choice.entry.signature } : {}),
    // Only a signed index's time is worth remembering: an unsigned one can claim any.
    ...(index.metadata.signature && index.metadata.published
      ? { indexPublished: index.metadata.published }
      : {}),
  };
  const verdict = judgePack(
    repository.config?.doc.spec,
    { name, version: choice.version, trust, checksum },
    source,
  );
  if (!verdict.ok)
    throw new LabenvError("config", `refusing ${name}@${choice.version}: ${verdict.message}`, {
      hint: `nothing was changed; ${verdict.hint}`,
    });
  const decision = vendorPack(repository, fetched, source);
  if (decision.outcome === "refused")
    throw new LabenvError("usage", `refusing ${name}@${choice.version}: ${decision.message}`, {
      hint: `nothing was changed; ${decision.hint}`,
    });
  const files: PreparedPack["files"] = [];
  if (decision.outcome === "created") {
    const changed = verifyRegistry(repository, repository.registry?.doc).filter(
      (p) => !p.message.includes("not in the registry yet"),
    );
    if (repository.registry && changed.length > 0)
      throw new LabenvError(
        "usage",
        `refusing to add ${name}@${choice.version}: domain-packs/registry.yaml disagrees with the packs (${changed[0]!.message})`,
        { hint: "nothing was changed; `labenv packs verify` lists the problems" },
      );
    files.push({ path: decision.file, content: decision.text });
    // A pack's example notebooks are vendored with it, each checked against its signed listing.
    for (const e of fetched.pack.doc.spec.examples ?? [])
      files.push({
        path: `domain-packs/${name}/${choice.version}/examples/${e.file}`,
        content: await registry.example(name, choice.version, e.file, e.sha256),
      });
    const after = withFiles(dir, files);
    files.push({
      path: "domain-packs/registry.yaml",
      content: renderRegistry(buildRegistry(after)),
    });
  }
  return {
    pack: name,
    version: choice.version,
    registry: registry.config.name,
    outcome: decision.outcome,
    file: decision.file,
    trust,
    signedBy: verdict.signedBy,
    ...(choice.entry.deprecated ? { deprecated: choice.entry.deprecated } : {}),
    warnings: [...verdict.warnings, ...labWarnings(repository, name, choice.version, trust)],
    files,
  };
}

/** The repository on disk with some files replaced or added, loaded (nothing is written). */
export function withFiles(dir: string, files: readonly { path: string; content: string }[]) {
  const replaced = new Set(files.map((f) => f.path));
  return loadRepository(
    [...readRepositoryFiles(dir).filter((f) => !replaced.has(f.path)), ...files],
    createSchemaValidator(),
  ).repository;
}

/** Labs whose `spec.packTrust` keeps their environments off this version. */
function labWarnings(
  repo: Repository,
  name: string,
  version: string,
  trust: DomainPack["spec"]["trust"],
): string[] {
  const labs = labsRefusingTrust(repo, trust);
  if (labs.length === 0) return [];
  return [
    `${name}@${version} is \`${trust}\`: ${labs.map((l) => `\`${l}\``).join(", ")} ${labs.length === 1 ? "does" : "do"} not allow it (spec.packTrust in lab.yaml), so ${labs.length === 1 ? "its" : "their"} environments cannot use it`,
  ];
}

/**
 * `labenv packs add`: prepare, then write the files. With `forLab`, refuses
 * (writing nothing) a version whose trust level that lab's `spec.packTrust`
 * does not allow.
 */
export async function addFromRegistry(
  dir: string,
  registry: HostedRegistry,
  name: string,
  range: string,
  forLab?: string,
  options: { allowUnsigned?: boolean } = {},
): Promise<AddedPack> {
  const { repository } = loadWithConfig(dir);
  const { files, ...added } = await prepareFromRegistry(dir, repository, registry, name, range);
  if (added.outcome === "created" && !added.signedBy && !options.allowUnsigned)
    throw new LabenvError(
      "usage",
      `refusing ${added.pack}@${added.version}: registry \`${added.registry}\` publishes it unsigned, so nothing proves who published it`,
      {
        hint: "nothing was changed; ask the registry to sign it (`labenv packs publish --key`), or accept the risk with `--allow-unsigned`",
      },
    );
  if (forLab !== undefined) {
    const lab = repository.labs.get(forLab);
    if (!lab)
      throw new LabenvError(
        "usage",
        `there is no lab \`${forLab}\` (environments/${forLab}/lab.yaml)`,
        {
          hint: `labs: ${[...repository.labs.keys()].sort().join(", ")}`,
        },
      );
    const allowed = lab.doc.spec.packTrust;
    if (allowed && !allowed.includes(added.trust as (typeof allowed)[number]))
      throw new LabenvError(
        "config",
        `refusing ${added.pack}@${added.version} for lab \`${forLab}\`: it is \`${added.trust}\`, and the lab allows only ${allowed.map((t) => `\`${t}\``).join(", ")} packs (spec.packTrust in ${lab.file})`,
        {
          hint: `nothing was changed; choose a ${allowed.join(" or ")} version, or add \`${added.trust}\` to spec.packTrust in ${lab.file} if the lab accepts it`,
        },
      );
  }
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  return added;
}
