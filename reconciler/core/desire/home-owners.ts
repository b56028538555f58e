import { newResource } from "../kinds/new-resource.js";
import type { AccessPointSpec } from "../kinds/access-point.js";
import type { DesiredResource, DesiredState, ObservedResource } from "../model/resources.js";
import { TAG } from "../model/tags.js";
import type { AppliedRecord } from "../../ports/state-store.js";

/** A POSIX user and group. */
export interface PosixIdentity {
  uid: number;
  gid: number;
}

/**
 * The POSIX identity each environment's existing home directory was created with, by
 * environment key. EFS applies an access point's `CreationInfo` only when it creates the
 * directory and never re-owns it, so this identity is fixed for the directory's life:
 * - the live home access point's `CreationInfo` (`rootDirectory.owner`, which AWS describes
 *   back), or its POSIX user when the description has none;
 * - else what was recorded when it was last applied (`AppliedRecord.homeOwner`), so a home
 *   access point deleted by hand is made again for the same identity, never silently for
 *   whoever owns the environment in git now.
 * An environment in neither has no home yet: its owner's identity is the one it is made with.
 */
export function homeOwnersOf(
  observed: Iterable<ObservedResource>,
  applied: readonly AppliedRecord[],
): Map<string, PosixIdentity> {
  const out = new Map<string, PosixIdentity>();
  for (const a of applied) if (a.homeOwner) out.set(a.environment, { ...a.homeOwner });
  for (const o of observed) {
    if (o.kind !== "access-point") continue;
    const spec = o.spec as AccessPointSpec;
    if (spec.purpose !== "home") continue;
    const made = spec.rootDirectory.owner;
    const identity = made.uid >= 0 && made.gid >= 0 ? made : spec.posixUser;
    if (identity.uid >= 0 && identity.gid >= 0) out.set(o.environment, { ...identity });
  }
  return out;
}

/**
 * The desired state with every existing home kept on the identity it was created with: its
 * access point maps every request to the directory's owner, so whoever owns the environment
 * now (who may open it is the authorizer's access list, from `spec.owner`) reads and writes
 * every file in it, old and new, with one consistent owner. An owner change therefore never
 * replaces a home access point. Pure.
 */
export function keepHomeOwners(
  state: DesiredState,
  owners: ReadonlyMap<string, PosixIdentity>,
): DesiredState {
  let changed = false;
  const resources = state.resources.map((r): DesiredResource => {
    if (r.kind !== "access-point") return r;
    const spec = r.spec as AccessPointSpec;
    const made = owners.get(r.environment);
    if (spec.purpose !== "home" || !made) return r;
    if (spec.posixUser.uid === made.uid && spec.posixUser.gid === made.gid) {
      if (spec.rootDirectory.owner.uid === made.uid && spec.rootDirectory.owner.gid === made.gid)
        return r;
    }
    changed = true;
    return newResource(
      "access-point",
      r.key,
      r.environment,
      r.tags[TAG.lab]!,
      {
        ...spec,
        posixUser: { ...made },
        rootDirectory: { ...spec.rootDirectory, owner: { ...made } },
      },
      r.dependsOn,
    );
  });
  return changed ? { ...state, resources } : state;
}

/** The identity a desired state's home of `environment` is made with (recorded with what was applied). */
export function desiredHomeOwner(
  state: DesiredState,
  environment: string,
): PosixIdentity | undefined {
  const home = state.resources.find(
    (r) =>
      r.kind === "access-point" &&
      r.environment === environment &&
      (r.spec as AccessPointSpec).purpose === "home",
  );
  return home ? { ...(home.spec as AccessPointSpec).rootDirectory.owner } : undefined;
}
