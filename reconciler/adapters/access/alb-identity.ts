import { errors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from "jose";

/**
 * The load balancer's word on who signed in: the `x-amzn-oidc-data` header an ALB
 * `authenticate-cognito`/`authenticate-oidc` action adds. It is a JWT the load balancer signs
 * with ES256; the public key is fetched by the token's `kid` from the region's endpoint
 * (`https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`). A plain header is never
 * trusted: the signature, the signer (this load balancer's ARN) and the expiry are checked.
 */
export const ALB_IDENTITY_HEADER = "x-amzn-oidc-data";

export interface AlbIdentityOptions {
  region: string;
  /** The ARN of the load balancer allowed to sign (the token's `signer` header). */
  signer: string;
  /** Where public keys are fetched by `kid`; default: the region's ELB public-keys endpoint. */
  keysEndpoint?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Keys already fetched, by kid. Owned by the caller (a warm Lambda keeps one per handler). */
  keyCache?: Map<string, CryptoKey>;
}

export type IdentityProblem =
  "missing" | "malformed" | "wrong-signer" | "bad-signature" | "expired" | "unknown-key";

export class IdentityRejected extends Error {
  constructor(
    readonly problem: IdentityProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "IdentityRejected";
  }
}

export function keysEndpointFor(region: string): string {
  return `https://public-keys.auth.elb.${region}.amazonaws.com`;
}

/**
 * The ALB base64-encodes token segments with padding (`=`), which JWT libraries refuse: strip
 * it, as AWS's own examples do. Nothing else about the token is changed.
 */
function unpad(token: string): string {
  return token
    .split(".")
    .map((s) => s.replace(/=+$/, ""))
    .join(".");
}

/** Verifies the token and returns its claims, or throws IdentityRejected saying why. */
export async function verifyAlbIdentity(
  token: string | undefined,
  opts: AlbIdentityOptions,
): Promise<JWTPayload> {
  if (!token)
    throw new IdentityRejected(
      "missing",
      `no ${ALB_IDENTITY_HEADER} header: the request did not come through the load balancer's sign-in`,
    );
  const fetcher = opts.fetch ?? fetch;
  const base = (opts.keysEndpoint ?? keysEndpointFor(opts.region)).replace(/\/+$/, "");
  const cache = opts.keyCache ?? new Map<string, CryptoKey>();
  try {
    const { payload } = await jwtVerify(
      unpad(token),
      async (header) => {
        const signer = (header as { signer?: unknown }).signer;
        if (signer !== opts.signer)
          throw new IdentityRejected(
            "wrong-signer",
            `the token was signed by ${String(signer)}, not by ${opts.signer}`,
          );
        const kid = header.kid;
        if (!kid || !/^[A-Za-z0-9-]{1,128}$/.test(kid))
          throw new IdentityRejected("malformed", "the token names no usable key id (kid)");
        const known = cache.get(kid);
        if (known) return known;
        const res = await fetcher(`${base}/${kid}`);
        if (!res.ok)
          throw new IdentityRejected("unknown-key", `public key ${kid} not found (${res.status})`);
        const key = await importSPKI(await res.text(), "ES256");
        cache.set(kid, key);
        return key;
      },
      { algorithms: ["ES256"], currentDate: (opts.now ?? (() => new Date()))(), clockTolerance: 5 },
    );
    return payload;
  } catch (e) {
    if (e instanceof IdentityRejected) throw e;
    if (e instanceof errors.JWTExpired)
      throw new IdentityRejected(
        "expired",
        "the sign-in has expired: reload the page to sign in again",
        { cause: e },
      );
    if (e instanceof errors.JWSSignatureVerificationFailed)
      throw new IdentityRejected("bad-signature", "the token's signature does not verify", {
        cause: e,
      });
    throw new IdentityRejected("malformed", `the token cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
