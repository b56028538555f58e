import type { EnvironmentLock } from "../model/generated/environment-lock.js";
import type { Environment } from "../model/generated/environment.js";
import type { Lab } from "../model/generated/lab.js";
import type { SnapshotManifest } from "./manifest.js";

/** RO-Crate 1.1: what Zenodo, WorkflowHub and most deposit services read. */
export const RO_CRATE_CONFORMS_TO = "https://w3id.org/ro/crate/1.1";
export const RO_CRATE_METADATA = "ro-crate-metadata.json";

/** A file the crate carries, as the export wrote it: its path in the crate, its bytes' size and sum. */
export interface CrateFile {
  path: string;
  name: string;
  description: string;
  encodingFormat: string;
  size: number;
  sha256: string;
}

export interface RoCrateInput {
  manifest: SnapshotManifest;
  /** The manifest's own digest (`sha256:<hex>`): the snapshot's identity. */
  manifestDigest: string;
  lock: EnvironmentLock;
  /** The files written beside the metadata (lock, manifest, observation). */
  files: readonly CrateFile[];
  /** The environment and its lab as git describes them now, when they still exist. */
  environment?: Environment;
  lab?: Lab;
  /** An SPDX identifier (`CC-BY-4.0`) for the crate: required by most deposit services. */
  license?: string;
}

type Entity = { "@id": string; "@type": string | string[]; [k: string]: unknown };

/**
 * A snapshot as an RO-Crate: the root dataset (the environment as captured, who made it, who
 * paid for it, the experiment), the files the export carries with size and sha256, the image by
 * digest and every locked package as software the dataset requires, and the home's notebooks
 * and data (by path, size and sum — they stay in the backup; the crate describes them). Pure:
 * the same snapshot gives the same crate, byte for byte.
 */
export function roCrate(input: RoCrateInput): Record<string, unknown> {
  const { manifest: m, lock, lab, environment } = input;
  const [labId, envName, snapName] = m.id.split("/") as [string, string, string];
  const member = (id: string) => lab?.spec.members.find((x) => x.id === id);
  const person = (id: string): Entity => {
    const x = member(id);
    return {
      "@id": x?.orcid ? orcidUrl(x.orcid) : `#person-${id}`,
      "@type": "Person",
      name: x?.name ?? id,
      identifier: id,
    };
  };
  const graph: Entity[] = [];
  const add = (e: Entity) => {
    if (!graph.some((g) => g["@id"] === e["@id"])) graph.push(e);
    return { "@id": e["@id"] };
  };
  const owner = environment?.spec.owner;
  const creators = [...new Set([m.request.requestedBy, ...(owner ? [owner] : [])])].map((id) =>
    add(person(id)),
  );
  const fundingId = environment?.metadata.funding;
  const source = fundingId ? lab?.spec.funding?.find((f) => f.id === fundingId) : undefined;
  const funder = source
    ? add({ "@id": `#funder-${slug(source.funder)}`, "@type": "Organization", name: source.funder })
    : undefined;
  const grant = source
    ? add({
        "@id": `#grant-${source.id}`,
        "@type": "Grant",
        name: source.id,
        ...(source.award ? { identifier: source.award } : {}),
        ...(funder ? { funder } : {}),
      })
    : undefined;
  const labOrg = add({
    "@id": `#lab-${labId}`,
    "@type": "Organization",
    name: lab?.metadata.displayName ?? labId,
    identifier: labId,
  });
  const image = m.image ?? m.lock.image;
  const container = add({
    "@id": `#image`,
    "@type": "SoftwareApplication",
    name: `${labId}/${envName} image`,
    description: `The container image the environment ran, by digest: pull it to run the environment again (domain pack ${m.lock.domainPack}).`,
    identifier: image,
  });
  const packages = lock.spec.packages.map((p) =>
    add({
      "@id": `#package-${p.name}-${p.version}`,
      "@type": "SoftwareApplication",
      name: p.name,
      softwareVersion: p.version,
      ...(p.sha256 ? { sha256: p.sha256 } : {}),
    }),
  );
  const files = input.files.map((f) =>
    add({
      "@id": f.path,
      "@type": "File",
      name: f.name,
      description: f.description,
      encodingFormat: f.encodingFormat,
      contentSize: String(f.size),
      sha256: f.sha256,
    }),
  );
  const home = m.home
    ? add({
        "@id": `#home`,
        "@type": "Dataset",
        name: `${labId}/${envName} home`,
        description: `The researcher's notebooks and data at capture: ${m.home.fileCount} files, ${m.home.totalBytes} bytes, kept in the backup recovery point (restore with labenv restore ${m.id}); listed here by path, size and sha256.`,
        identifier: m.home.recoveryPointArn,
        contentSize: String(m.home.totalBytes),
        hasPart: m.home.files.map((f) =>
          add({
            "@id": `#home/${encodeURI(f.path)}`,
            "@type": "File",
            name: f.path,
            contentSize: String(f.size),
            sha256: f.sha256,
            ...(f.path.endsWith(".ipynb") ? { encodingFormat: "application/x-ipynb+json" } : {}),
          }),
        ),
      })
    : undefined;
  const experiment = m.request.experiment ?? environment?.metadata.experiment;
  const root: Entity = {
    "@id": "./",
    "@type": "Dataset",
    name: `${labId}/${envName} snapshot ${snapName}`,
    description: `${m.request.reason} — a labenv snapshot of the Jupyter environment ${labId}/${envName}: its image by digest, its exact lock (${lock.spec.packages.length} packages), the packages it reported at capture and its home's files with their checksums.`,
    datePublished: m.capturedAt,
    dateCreated: m.capturedAt,
    identifier: [m.id, input.manifestDigest],
    creator: creators,
    publisher: labOrg,
    ...(input.license ? { license: { "@id": spdxUrl(input.license) } } : {}),
    ...(funder ? { funder } : {}),
    ...(grant ? { funding: grant } : {}),
    ...(experiment
      ? { keywords: [experiment], about: { "@id": `#experiment-${slug(experiment)}` } }
      : {}),
    version: m.lock.digest,
    softwareRequirements: [container, ...packages],
    hasPart: [...files, ...(home ? [home] : [])],
  };
  if (experiment)
    add({ "@id": `#experiment-${slug(experiment)}`, "@type": "Thing", name: experiment });
  if (input.license)
    add({
      "@id": spdxUrl(input.license),
      "@type": "CreativeWork",
      name: input.license,
      identifier: input.license,
    });
  return {
    "@context": [
      `${RO_CRATE_CONFORMS_TO}/context`,
      { sha256: "https://labenv.westtek.io/terms#sha256" },
    ],
    "@graph": [
      {
        "@id": RO_CRATE_METADATA,
        "@type": "CreativeWork",
        conformsTo: { "@id": RO_CRATE_CONFORMS_TO },
        about: { "@id": "./" },
      },
      root,
      ...graph,
    ],
  };
}

function orcidUrl(orcid: string): string {
  return orcid.startsWith("https://") ? orcid : `https://orcid.org/${orcid}`;
}

function spdxUrl(id: string): string {
  return `https://spdx.org/licenses/${id}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
