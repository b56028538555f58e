import type { CryptoKey } from "jose";
import { environmentOfPath } from "../../core/access/environment-address.js";
import {
  decideAccess,
  type AccessDecision,
  type AccessSources,
} from "../../core/access/who-may-open.js";
import {
  ALB_IDENTITY_HEADER,
  IdentityRejected,
  verifyAlbIdentity,
  type AlbIdentityOptions,
} from "./alb-identity.js";

/** Which claim of the verified identity names the lab.yaml member id; infra/ maps the directory's user id to it. */
export const DEFAULT_MEMBER_CLAIM = "preferred_username";

export interface AuthorizerOptions extends AlbIdentityOptions {
  /** The claim holding the member id (default `preferred_username`). */
  memberClaim?: string;
  keyCache: Map<string, CryptoKey>;
}

export type AuthorizerResult =
  | { status: 401; problem: string; message: string }
  | { status: 404; message: string; decision?: AccessDecision }
  | { status: 403 | 200; decision: AccessDecision; member: string; shownAs?: string };

/**
 * One request: which environment its path names, who signed in (the verified ALB header), and
 * whether lab.yaml lets them in (decideAccess). Returns what to answer; the caller proxies a 200.
 */
export async function authorize(
  request: { path: string; headers: Record<string, string | string[] | undefined> },
  sources: AccessSources,
  opts: AuthorizerOptions,
): Promise<AuthorizerResult> {
  const target = environmentOfPath(request.path);
  if (!target) return { status: 404, message: "No labenv environment at this address." };
  const raw = request.headers[ALB_IDENTITY_HEADER];
  let claims;
  try {
    claims = await verifyAlbIdentity(Array.isArray(raw) ? raw[0] : raw, opts);
  } catch (e) {
    if (e instanceof IdentityRejected)
      return { status: 401, problem: e.problem, message: e.message };
    throw e;
  }
  const claim = opts.memberClaim ?? DEFAULT_MEMBER_CLAIM;
  const member = typeof claims[claim] === "string" ? claims[claim] : "";
  const shownAs =
    typeof claims.email === "string" ? claims.email : member || String(claims.sub ?? "unknown");
  const today = (opts.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const decision = decideAccess(sources, { member, shownAs }, target.lab, target.env, today);
  if (decision.allow) return { status: 200, decision, member, shownAs };
  if (decision.status === 404) return { status: 404, message: decision.reason, decision };
  return { status: 403, decision, member, shownAs };
}
