import type { KeyObject } from "node:crypto";
import type { DomainPack, DomainPackRegistry, RepoConfig } from "../model/documents.js";
import {
  indexSignatureMatches,
  parsePublicKey,
  signatureMatches,
  type PackSignature,
} from "./pack-signature.js";

export type PackRegistryConfig = NonNullable<RepoConfig["spec"]["packRegistries"]>[number];
type TrustLevel = DomainPack["spec"]["trust"];

/** Where a pack version claims to come from: a registry, the checksum it published, its signature. */
export interface PackOrigin {
  registry: string;
  checksum: string;
  signature?: PackSignature | undefined;
}

export type TrustCode =
  | "pack-registry"
  | "pack-checksum"
  | "pack-trust"
  | "pack-unsigned"
  | "pack-key-unknown"
  | "pack-key-revoked"
  | "pack-key-registry"
  | "pack-signature";

export type TrustDecision =
  | { ok: true; signedBy: string | undefined; warnings: string[] }
  | { ok: false; code: TrustCode; message: string; hint: string };

/** The trust levels a registry's packs may have (labenv.yaml `packRegistries[].trust`, default verified). */
export function acceptedTrust(registry: PackRegistryConfig): TrustLevel[] {
  return registry.trust ?? ["verified"];
}

export function findRegistry(
  config: RepoConfig["spec"] | undefined,
  name: string,
): PackRegistryConfig | undefined {
  return config?.packRegistries?.find((r) => r.name === name);
}

/**
 * Judges one pack version from a registry against labenv.yaml: the registry is
 * configured, the content still has the checksum the registry published, its
 * trust level is one the registry is trusted for, and it is signed by a
 * configured, unrevoked key allowed to sign for that registry. Pure; the same
 * judgement serves `packs add` (before writing anything), `packs verify` and
 * `validate` (every vendored copy, offline).
 */
export function judgePack(
  config: RepoConfig["spec"] | undefined,
  pack: { name: string; version: string; trust: TrustLevel; checksum: string },
  origin: PackOrigin,
): TrustDecision {
  const id = `${pack.name}@${pack.version}`;
  const registry = findRegistry(config, origin.registry);
  if (!registry)
    return refuse(
      "pack-registry",
      `${id} comes from registry \`${origin.registry}\`, which labenv.yaml does not configure`,
      "add it to `packRegistries` in labenv.yaml, or remove `spec.source` to own the pack in this repository",
    );
  if (pack.checksum !== origin.checksum)
    return refuse(
      "pack-checksum",
      `${id} does not match the checksum \`${origin.registry}\` published (published ${short(origin.checksum)}, content ${short(pack.checksum)})`,
      "the copy was changed after it was published: add it again with `labenv packs add`, or publish a new version",
    );
  const levels = acceptedTrust(registry);
  if (!levels.includes(pack.trust))
    return refuse(
      "pack-trust",
      `${id} is \`${pack.trust}\`, and registry \`${registry.name}\` is trusted only for ${levels.join(", ")}`,
      `add \`${pack.trust}\` to the registry's \`trust\` in labenv.yaml if you accept it`,
    );
  const signature = origin.signature;
  if (!signature) {
    if (config?.packTrust?.requireSignatures === false)
      return { ok: true, signedBy: undefined, warnings: [`${id} is not signed`] };
    return refuse(
      "pack-unsigned",
      `${id} from \`${registry.name}\` is not signed`,
      "ask the registry to publish it with `labenv packs publish --key`, or set `packTrust.requireSignatures: false` in labenv.yaml",
    );
  }
  return judgeSignature(config, registry.name, id, signature, (publicKey) =>
    signatureMatches(publicKey, signature, pack.name, pack.version, pack.checksum),
  );
}

/**
 * Whether `signature` on `what` (a pack version, or a registry's index) counts: made by a key
 * in `packTrust.keys`, not revoked, allowed to sign for `registry`, and verifying (`verifies`
 * checks the bytes with the key). Pure.
 */
export function judgeSignature(
  config: RepoConfig["spec"] | undefined,
  registry: string,
  what: string,
  signature: PackSignature,
  verifies: (publicKey: KeyObject) => boolean,
): TrustDecision {
  const key = config?.packTrust?.keys?.find((k) => k.id === signature.keyId);
  if (!key)
    return refuse(
      "pack-key-unknown",
      `${what} is signed by key \`${signature.keyId}\`, which is not in \`packTrust.keys\` in labenv.yaml`,
      "add the registry's public key (from its maintainers, not from the registry itself) to `packTrust.keys`",
    );
  if (key.revoked)
    return refuse(
      "pack-key-revoked",
      `${what} is signed by key \`${key.id}\`, revoked${key.revoked.on ? ` on ${key.revoked.on}` : ""}: ${key.revoked.reason}`,
      "nothing a revoked key signed is trusted: ask the registry to re-sign it with its new key, then `labenv packs add` it again",
    );
  if (key.registries && !key.registries.includes(registry))
    return refuse(
      "pack-key-registry",
      `${what} is signed by key \`${key.id}\`, which may sign only for ${key.registries.join(", ")}, not \`${registry}\``,
      "add the registry to the key's `registries` in labenv.yaml if that is intended",
    );
  const publicKey = parsePublicKey(key.publicKey);
  if (!publicKey || !verifies(publicKey))
    return refuse(
      "pack-signature",
      `${what}'s signature does not verify with key \`${key.id}\``,
      "it was altered after it was signed, or another key signed it: do not use it",
    );
  return { ok: true, signedBy: key.id, warnings: [] };
}

/**
 * Whether a registry's index may be used: a signed index must be signed by a trusted key for
 * that registry and verify (its version lists, yank and deprecation marks are then exactly as
 * published); an unsigned one is refused when the registry says `requireSignedIndex`, and
 * otherwise taken as served. Pure.
 */
export function judgeIndex(
  config: RepoConfig["spec"] | undefined,
  registry: PackRegistryConfig,
  index: DomainPackRegistry,
): TrustDecision {
  const what = `registry \`${registry.name}\`'s index`;
  const signature = index.metadata.signature;
  if (!signature) {
    if (registry.requireSignedIndex)
      return refuse(
        "pack-unsigned",
        `${what} is not signed, and labenv.yaml requires a signed index from it`,
        "ask the registry to publish with `labenv packs publish --key`, or drop `requireSignedIndex`",
      );
    return { ok: true, signedBy: undefined, warnings: [`${what} is not signed`] };
  }
  const published = index.metadata.published;
  if (!published)
    return refuse(
      "pack-signature",
      `${what} is signed but says not when it was published`,
      "the index was altered after it was signed: do not use it",
    );
  return judgeSignature(config, registry.name, what, signature, (publicKey) =>
    indexSignatureMatches(publicKey, signature, published, index.spec),
  );
}

function refuse(code: TrustCode, message: string, hint: string): TrustDecision {
  return { ok: false, code, message, hint };
}

function short(checksum: string): string {
  return `${checksum.slice(7, 19)}…`;
}
