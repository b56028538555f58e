import type { KeyObject } from "node:crypto";
import { stringify } from "yaml";
import type { Repository } from "../model/documents.js";
import { signIndex, signPack } from "./pack-signature.js";
import { buildRegistry } from "./registry.js";
import { packExamples } from "./pack-examples.js";
import { LabenvError } from "../errors.js";

export interface RegistrySigner {
  keyId: string;
  privateKey: KeyObject;
}

/**
 * The files of a hosted registry built from this repository's domain packs:
 * `registry.yaml` (every version with its checksum and, with a signer, its
 * Ed25519 signature) and `<pack>/<version>/pack.yaml` for each version as
 * committed here. Path → text; the caller writes them wherever it hosts them.
 */
export function publishRegistry(
  repo: Repository,
  signer?: RegistrySigner,
  now: Date = new Date(),
): Map<string, string> {
  const registry = buildRegistry(repo);
  const files = new Map<string, string>();
  for (const [name, pack] of Object.entries(registry.spec.packs)) {
    for (const [version, entry] of Object.entries(pack?.versions ?? {})) {
      if (!entry) continue;
      if (signer)
        entry.signature = signPack(signer.privateKey, signer.keyId, name, version, entry.checksum);
      const loaded = repo.packs.get(`${name}@${version}`)!;
      files.set(`${name}/${version}/pack.yaml`, loaded.text);
      const { examples, problems } = packExamples(repo, loaded);
      if (problems.length > 0)
        throw new LabenvError(
          "usage",
          `refusing to publish ${name}@${version}: ${problems[0]!.message}`,
          {
            hint: `nothing was written; ${problems[0]!.hint}`,
          },
        );
      for (const e of examples) files.set(`${name}/${version}/examples/${e.file}`, e.content);
    }
  }
  // Signed last, over every version's entry and signature: the index as a whole is the publisher's.
  if (signer) {
    const published = now.toISOString().replace(/\.\d{3}Z$/, "Z");
    registry.metadata = {
      ...registry.metadata,
      published,
      signature: signIndex(signer.privateKey, signer.keyId, published, registry.spec),
    };
  }
  files.set(
    "registry.yaml",
    [
      "# yaml-language-server: $schema=https://labenv.westtek.io/schemas/v1/domain-pack-registry.schema.json",
      "# A labenv domain pack registry, written by `labenv packs publish`.",
      stringify(registry, { lineWidth: 0 }),
    ].join("\n"),
  );
  return files;
}
