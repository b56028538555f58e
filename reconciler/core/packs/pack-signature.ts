import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { digestOf } from "../lock/canonical.js";

/**
 * Ed25519 signatures over a pack version, made and checked with node:crypto.
 * Ed25519 (rather than Sigstore) because a signature must verify offline, years
 * later, from nothing but the public key committed in labenv.yaml: no
 * transparency log, certificate authority or network is needed.
 */

export interface PackSignature {
  keyId: string;
  /** The 64-byte signature, base64url. */
  value: string;
}

/** What is signed: a fixed prefix, then the pack name, version and checksum, one per line. */
export function signedMessage(name: string, version: string, checksum: string): Buffer {
  return Buffer.from(`labenv-pack-v1\n${name}\n${version}\n${checksum}\n`, "utf8");
}

/** A public key as labenv.yaml writes it: `ed25519:` and the 32 raw bytes in base64url. */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  return `ed25519:${jwk.x}`;
}

export function parsePublicKey(text: string): KeyObject | undefined {
  const m = /^ed25519:([A-Za-z0-9_-]{43})$/.exec(text);
  if (!m) return undefined;
  try {
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: m[1]! }, format: "jwk" });
  } catch {
    return undefined;
  }
}

/** A new signing key pair: the private key as PKCS#8 PEM, the public key as labenv.yaml writes it. */
export function generateSigningKey(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    publicKey: publicKeyText(publicKey),
  };
}

/** Reads a PKCS#8 PEM private key; undefined when it is not an Ed25519 key. */
export function parsePrivateKey(pem: string): KeyObject | undefined {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** An Ed25519 signature of `message` by `privateKey`, named by `keyId`. */
function signMessage(privateKey: KeyObject, keyId: string, message: Buffer): PackSignature {
  return { keyId, value: sign(null, message, privateKey).toString("base64url") };
}

/** True when `signature` is a valid 64-byte Ed25519 signature of `message` by `publicKey`. */
function messageSigned(publicKey: KeyObject, signature: PackSignature, message: Buffer): boolean {
  const bytes = Buffer.from(signature.value, "base64url");
  return bytes.length === 64 && verify(null, message, publicKey, bytes);
}

export function signPack(
  privateKey: KeyObject,
  keyId: string,
  name: string,
  version: string,
  checksum: string,
): PackSignature {
  return signMessage(privateKey, keyId, signedMessage(name, version, checksum));
}

/** True when `signature` is a valid Ed25519 signature of the pack version by `publicKey`. */
export function signatureMatches(
  publicKey: KeyObject,
  signature: PackSignature,
  name: string,
  version: string,
  checksum: string,
): boolean {
  return messageSigned(publicKey, signature, signedMessage(name, version, checksum));
}

/**
 * What an index signature signs: a fixed prefix, when it was published, and the digest of the
 * canonical `spec` (every pack, version, checksum, signature, yank and deprecation mark).
 */
export function indexMessage(published: string, spec: unknown): Buffer {
  return Buffer.from(`labenv-index-v1\n${published}\n${digestOf(spec)}\n`, "utf8");
}

export function signIndex(
  privateKey: KeyObject,
  keyId: string,
  published: string,
  spec: unknown,
): PackSignature {
  return signMessage(privateKey, keyId, indexMessage(published, spec));
}

/** True when `signature` is a valid Ed25519 signature of the index by `publicKey`. */
export function indexSignatureMatches(
  publicKey: KeyObject,
  signature: PackSignature,
  published: string,
  spec: unknown,
): boolean {
  return messageSigned(publicKey, signature, indexMessage(published, spec));
}
