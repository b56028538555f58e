import { KIND_DEFAULTS, type KindModule } from "./kind.js";

/** An EFS access point: a POSIX user and a root directory it owns (a home or a dataset). */
export interface AccessPointSpec {
  /** `home` (the owner's home) or `dataset:<name>`. */
  purpose: string;
  posixUser: { uid: number; gid: number };
  rootDirectory: { path: string; owner: { uid: number; gid: number }; permissions: string };
}

/** Storage: access points are immutable on EFS, so a change replaces one; the old one and its directory stay. */
export const accessPoint: KindModule<"access-point"> = {
  ...KIND_DEFAULTS,
  kind: "access-point",
  stage: "storage",
  dependsOnKinds: [],
  lifecycle: "storage",
  onChange: "replace",
  dependencies: () => [],
  createReason: (d) => `create access point ${d.key.split(":")[1]} (${d.spec.rootDirectory.path})`,
  changeReason: (d, what) =>
    `replace access point ${d.key.split(":")[1]}: ${what} (access points are immutable; the old one and its directory are kept)`,
  deleteReason: (o) => `${o.environment} was removed from git`,
};
