import type { ResourceKind } from "../model/resources.js";
import { accessPoint } from "./access-point.js";
import { backupJob } from "./backup-job.js";
import { ebsSnapshot } from "./ebs-snapshot.js";
import { imageBuild } from "./image-build.js";
import type { KindModule } from "./kind.js";
import { listenerRule } from "./listener-rule.js";
import { service } from "./service.js";
import { targetGroup } from "./target-group.js";
import { shareAccess } from "./share-access.js";
import { taskDefinition } from "./task-definition.js";
import { taskRole } from "./task-role.js";

/**
 * Every resource kind labenv manages, in apply order (deletes run in reverse).
 * A kind's spec type in `SpecByKind` that has no entry here does not compile.
 * Adding a kind: docs/adding-a-kind.md.
 */
export const KINDS: { readonly [K in ResourceKind]: KindModule<K> } = {
  "access-point": accessPoint,
  "share-access": shareAccess,
  "ebs-snapshot": ebsSnapshot,
  "backup-job": backupJob,
  "image-build": imageBuild,
  "task-role": taskRole,
  "task-definition": taskDefinition,
  "target-group": targetGroup,
  "listener-rule": listenerRule,
  service,
};

/** Kinds in apply order: storage first, then task definitions, then services. Deletes run in reverse. */
export const RESOURCE_KINDS: readonly ResourceKind[] = Object.keys(KINDS) as ResourceKind[];

/** Storage kinds are never deleted by a plan: research data is retained. */
export const STORAGE_KINDS: ReadonlySet<ResourceKind> = new Set(
  RESOURCE_KINDS.filter((k) => KINDS[k].lifecycle !== "disposable"),
);

/** The module of a kind, widened for code that handles every kind alike. */
export function kindModule(kind: ResourceKind): KindModule {
  return KINDS[kind];
}
