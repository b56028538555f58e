import { AUTHORIZER, CONTAINER } from "../desire/names.js";

/**
 * How a task with researcher access runs: Jupyter listens on 127.0.0.1 only, under the
 * environment's path, without its own token; the authorizer container listens on the port the
 * target group reaches and proxies only the owner to Jupyter. Both providers render this.
 */
export interface TaskAccess {
  /** `/<lab>/<env>/`: Jupyter's base_url. */
  basePath: string;
  /** The authorizer image (by digest on AWS). */
  authorizerImage: string;
  /** The authorizer's settings: where Jupyter is, who signs identities, who may open it. */
  authorizerEnvironment: Record<string, string>;
}

/** Jupyter's command: its own address is loopback, so only the authorizer reaches it. */
export function jupyterCommand(basePath: string): string[] {
  return [
    "jupyter",
    "lab",
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${CONTAINER.port}`,
    `--ServerApp.base_url=${basePath}`,
    // The authorizer checked the signed-in identity; the Host header is the load balancer's.
    "--IdentityProvider.token=",
    "--ServerApp.allow_remote_access=True",
  ];
}

/** The authorizer container's environment for one environment. */
export function authorizerEnvironment(o: {
  basePath: string;
  loadBalancerArn: string;
  memberClaim: string;
  accessList: string;
  /** Where it reports Jupyter's activity for idle shutdown (the observation bucket), if any. */
  report?: Record<string, string>;
}): Record<string, string> {
  return {
    ...(o.report ?? {}),
    LABENV_ACCESS: o.accessList,
    LABENV_BASE_PATH: o.basePath,
    LABENV_LISTEN_PORT: String(AUTHORIZER.port),
    LABENV_LOAD_BALANCER_ARN: o.loadBalancerArn,
    LABENV_MEMBER_CLAIM: o.memberClaim,
    LABENV_UPSTREAM: `http://127.0.0.1:${CONTAINER.port}`,
  };
}

/**
 * The load balancer that signs identities, from its listener's ARN
 * (`…:listener/app/<name>/<id>/<listener>` → `…:loadbalancer/app/<name>/<id>`).
 */
export function loadBalancerOfListener(listenerArn: string): string {
  const m =
    /^(arn:[^:]+:elasticloadbalancing:[^:]+:[^:]+:)listener\/(app\/[^/]+\/[^/]+)\/[^/]+$/.exec(
      listenerArn,
    );
  return m ? `${m[1]}loadbalancer/${m[2]}` : "";
}

/** The authorizer image the sandbox runs (a simulation: no image is pulled). */
export const SANDBOX_AUTHORIZER_IMAGE = "labenv/authorizer:sandbox";

/** The sandbox's load balancer, the signer its local gateway signs identities as. */
export const SANDBOX_LOAD_BALANCER_ARN =
  "arn:aws:elasticloadbalancing:eu-west-1:000000000000:loadbalancer/app/labenv-sandbox/0000000000000000";
