import { createHash } from "node:crypto";

/**
 * A deterministic idempotency token for creating one resource at one spec:
 * retrying the same create sends the same token, so AWS returns the resource
 * it already made instead of a duplicate. 32 hex characters fit every API's
 * limit (ECS `clientToken` allows 36, EFS `ClientToken` 64).
 */
export function clientToken(key: string, specHash: string): string {
  return createHash("sha256").update(`${key}\n${specHash}`).digest("hex").slice(0, 32);
}
