import { LabenvError } from "../errors.js";
import { WAKE_TARGET } from "../kinds/listener-rule.js";
import { envKey, type Repository } from "../model/documents.js";
import type { ObservedResource } from "../model/resources.js";
import { environmentAddress, environmentPath } from "./environment-address.js";
import { readOnlySharesOf } from "./who-may-open.js";

/** What `labenv open` says about one environment. */
export interface OpenReport {
  environment: string;
  /** The full address, or undefined when labenv.yaml's `access.address` is not set. */
  address?: string;
  path: string;
  owner: string;
  /** Labs it is shared with read-only (live environment, not a snapshot), with the share's end. */
  sharedWith: { lab: string; members?: string[]; expires: string }[];
  /** What the listener routes the path to now, as observed: its own target group, the wake target, or nothing yet. */
  routing: "environment" | "wake page" | "not routed yet";
}

/** The report for `lab/env` from the repository and what the provider observes. Pure. */
export function openReport(
  repo: Pick<Repository, "config" | "environments" | "shares">,
  target: string,
  observed: readonly ObservedResource[],
): OpenReport {
  const [lab = "", env = ""] = target.split("/");
  const environment = repo.environments.get(envKey(lab, env));
  if (!environment)
    throw new LabenvError("usage", `${target} is not an environment in this repository`, {
      hint: `environments: ${[...repo.environments.keys()].sort().join(", ") || "none"}`,
    });
  const access = repo.config?.doc.spec.access;
  if (!access)
    throw new LabenvError(
      "config",
      `researcher access is off: labenv.yaml has no access: section`,
      {
        hint: "add `access: { address: https://… }` under spec in labenv.yaml (README: Open your environment)",
      },
    );
  const rule = observed.find((r) => r.kind === "listener-rule" && r.environment === target) as
    ObservedResource<"listener-rule"> | undefined;
  const spec = rule?.spec;
  return {
    environment: target,
    ...(access.address ? { address: environmentAddress(access.address, lab, env) } : {}),
    path: environmentPath(lab, env),
    owner: environment.doc.spec.owner,
    sharedWith: readOnlySharesOf(repo, lab, env).map((s) => ({
      lab: s.doc.spec.to.lab,
      ...(s.doc.spec.to.members ? { members: [...s.doc.spec.to.members] } : {}),
      expires: s.doc.spec.expires,
    })),
    routing: !spec ? "not routed yet" : spec.forward === WAKE_TARGET ? "wake page" : "environment",
  };
}

export function renderOpenReport(r: OpenReport): string {
  const shared = r.sharedWith.length
    ? r.sharedWith
        .map(
          (s) =>
            `${s.lab}${s.members ? ` (${s.members.join(", ")})` : ""} read-only until ${s.expires}`,
        )
        .join("; ")
    : "no lab";
  return [
    r.address ?? `${r.path} (set access.address in labenv.yaml for the full address)`,
    `  owner: ${r.owner} (the only one who reaches its Jupyter)`,
    `  shared with: ${shared}`,
    `  routed to: ${r.routing}`,
  ].join("\n");
}
