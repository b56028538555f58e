import { describe, expect, it } from "vitest";
import {
  generateSigningKey,
  parsePrivateKey,
  parsePublicKey,
  signIndex,
  signPack,
  signatureMatches,
} from "../../../reconciler/core/packs/pack-signature.js";
import { judgeIndex, judgePack } from "../../../reconciler/core/packs/trust-policy.js";
import type { RepoConfig } from "../../../reconciler/core/model/documents.js";

const key = generateSigningKey();
const other = generateSigningKey();
const sum = `sha256:${"a".repeat(64)}`;
const pack = { name: "astro", version: "1.3.0", trust: "verified" as const, checksum: sum };
const sig = signPack(parsePrivateKey(key.privateKeyPem)!, "rc", "astro", "1.3.0", sum);

function config(spec: Partial<RepoConfig["spec"]> = {}): RepoConfig["spec"] {
  return {
    target: "sandbox",
    packRegistries: [{ name: "rc", url: "http://127.0.0.1:1/", trust: ["verified"] }],
    packTrust: { keys: [{ id: "rc", publicKey: key.publicKey }] },
    ...spec,
  };
}

describe("pack signatures", () => {
  it("verify only for the same key, name, version and checksum", () => {
    const pub = parsePublicKey(key.publicKey)!;
    expect(signatureMatches(pub, sig, "astro", "1.3.0", sum)).toBe(true);
    expect(signatureMatches(pub, sig, "astro", "1.3.1", sum)).toBe(false);
    expect(signatureMatches(pub, sig, "astrx", "1.3.0", sum)).toBe(false);
    expect(signatureMatches(pub, sig, "astro", "1.3.0", `sha256:${"b".repeat(64)}`)).toBe(false);
    expect(signatureMatches(parsePublicKey(other.publicKey)!, sig, "astro", "1.3.0", sum)).toBe(
      false,
    );
    expect(signatureMatches(pub, { ...sig, value: "AAAA" }, "astro", "1.3.0", sum)).toBe(false);
  });

  it("public keys are ed25519:<43 base64url chars>; anything else is refused", () => {
    expect(key.publicKey).toMatch(/^ed25519:[A-Za-z0-9_-]{43}$/);
    expect(parsePublicKey("ed25519:short")).toBeUndefined();
    expect(parsePublicKey(`rsa:${"A".repeat(43)}`)).toBeUndefined();
    expect(parsePrivateKey("not a pem")).toBeUndefined();
  });
});

describe("judgePack", () => {
  const origin = { registry: "rc", checksum: sum, signature: sig };

  it("accepts a signed version from a configured registry and names the key", () => {
    expect(judgePack(config(), pack, origin)).toEqual({ ok: true, signedBy: "rc", warnings: [] });
  });

  it.each([
    ["pack-registry", config({ packRegistries: [] }), origin],
    ["pack-checksum", config(), { ...origin, checksum: `sha256:${"c".repeat(64)}` }],
    [
      "pack-trust",
      config({
        packRegistries: [{ name: "rc", url: "http://127.0.0.1:1/", trust: ["community"] }],
      }),
      origin,
    ],
    ["pack-unsigned", config(), { registry: "rc", checksum: sum }],
    ["pack-key-unknown", config({ packTrust: { keys: [] } }), origin],
    [
      "pack-key-revoked",
      config({
        packTrust: { keys: [{ id: "rc", publicKey: key.publicKey, revoked: { reason: "lost" } }] },
      }),
      origin,
    ],
    [
      "pack-key-registry",
      config({
        packTrust: { keys: [{ id: "rc", publicKey: key.publicKey, registries: ["elsewhere"] }] },
      }),
      origin,
    ],
    [
      "pack-signature",
      config({ packTrust: { keys: [{ id: "rc", publicKey: other.publicKey }] } }),
      origin,
    ],
  ])("refuses with %s", (code, cfg, o) => {
    const verdict = judgePack(cfg, pack, o);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.code).toBe(code);
  });

  it("an unsigned version passes with a warning only when requireSignatures is false", () => {
    expect(
      judgePack(config({ packTrust: { requireSignatures: false, keys: [] } }), pack, {
        registry: "rc",
        checksum: sum,
      }),
    ).toEqual({ ok: true, signedBy: undefined, warnings: ["astro@1.3.0 is not signed"] });
  });

  it("a registry without a trust list accepts only verified packs", () => {
    const cfg = config({ packRegistries: [{ name: "rc", url: "http://127.0.0.1:1/" }] });
    expect(judgePack(cfg, pack, origin).ok).toBe(true);
    expect(judgePack(cfg, { ...pack, trust: "community" }, origin).ok).toBe(false);
  });
});

describe("registry index signatures", () => {
  const spec = {
    packs: {
      astro: {
        latest: "1.3.0",
        trust: "verified" as const,
        versions: { "1.3.0": { checksum: sum } },
      },
    },
  };
  const published = "2026-12-07T10:00:00Z";
  const signed = () => ({
    apiVersion: "labenv.westtek.io/v1" as const,
    kind: "DomainPackRegistry" as const,
    metadata: {
      name: "registry" as const,
      published,
      signature: signIndex(parsePrivateKey(key.privateKeyPem)!, "rc", published, spec),
    },
    spec: structuredClone(spec),
  });
  const registry = config().packRegistries![0]!;

  it("accepts the index as signed", () => {
    expect(judgeIndex(config(), registry, signed())).toMatchObject({ ok: true, signedBy: "rc" });
  });

  it.each([
    [
      "a yank mark added on the way",
      (i: ReturnType<typeof signed>) =>
        void ((i.spec.packs.astro.versions["1.3.0"] as { yanked?: boolean }).yanked = true),
      "pack-signature",
    ],
    [
      "an older publish time put on it",
      (i: ReturnType<typeof signed>) => void (i.metadata.published = "2026-01-01T00:00:00Z"),
      "pack-signature",
    ],
    [
      "its publish time removed",
      (i: ReturnType<typeof signed>) =>
        void delete (i.metadata as { published?: string }).published,
      "pack-signature",
    ],
    [
      "a key labenv.yaml does not know",
      (i: ReturnType<typeof signed>) => void (i.metadata.signature.keyId = "someone"),
      "pack-key-unknown",
    ],
  ])("refuses %s", (_, tamper, code) => {
    const index = signed();
    tamper(index);
    expect(judgeIndex(config(), registry, index)).toMatchObject({ ok: false, code });
  });

  it("takes an unsigned index as served unless the registry requires a signed one", () => {
    const { signature: _s, published: _p, ...metadata } = signed().metadata;
    const unsigned = { ...signed(), metadata };
    expect(judgeIndex(config(), registry, unsigned)).toMatchObject({
      ok: true,
      signedBy: undefined,
    });
    expect(judgeIndex(config(), { ...registry, requireSignedIndex: true }, unsigned)).toMatchObject(
      {
        ok: false,
        code: "pack-unsigned",
      },
    );
  });
});
