import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";

export const TEST_LB_ARN =
  "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/labenv/0123456789abcdef";

/**
 * A stand-in for an ALB's token signing: an ES256 key pair, its public key served by kid from
 * 127.0.0.1 (as the region's public-keys endpoint serves it), and tokens shaped as the ALB
 * shapes them (signer/kid/client in the header, base64 padding on the segments).
 */
export interface AlbSigner {
  keysEndpoint: string;
  kid: string;
  /** Requests the key endpoint answered, by path. */
  requests: string[];
  sign(
    claims: Record<string, unknown>,
    o?: { expiresInSeconds?: number; signer?: string; key?: CryptoKey; now?: Date },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startAlbSigner(): Promise<AlbSigner> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const pem = await exportSPKI(publicKey);
  const kid = "0f6e4a2c-1b3d-4e5f-8a9b-c0d1e2f3a4b5";
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url === `/${kid}`) {
      res.writeHead(200, { "content-type": "text/plain" }).end(pem);
    } else res.writeHead(404).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    keysEndpoint: `http://127.0.0.1:${port}`,
    kid,
    requests,
    async sign(claims, o = {}) {
      const now = Math.floor((o.now ?? new Date()).getTime() / 1000);
      const jwt = await new SignJWT(claims)
        .setProtectedHeader({
          alg: "ES256",
          typ: "JWT",
          kid,
          signer: o.signer ?? TEST_LB_ARN,
          iss: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TEST",
          client: "labenv-client",
        })
        .setIssuedAt(now)
        .setExpirationTime(now + (o.expiresInSeconds ?? 120))
        .sign(o.key ?? privateKey);
      // The ALB pads its base64 segments; do the same so the verifier is tested on real shapes.
      return jwt
        .split(".")
        .map((s) => s + "=".repeat((4 - (s.length % 4)) % 4))
        .join(".");
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
