import type { ResourceKind } from "../../../core/model/resources.js";
import { accessPointDriver } from "./access-point.js";
import { backupJobDriver } from "./backup-job.js";
import { ebsSnapshotDriver } from "./ebs-snapshot.js";
import type { SandboxDriver } from "./sandbox-driver.js";
import { serviceDriver } from "./service.js";
import { taskDefinitionDriver } from "./task-definition.js";

/**
 * One sandbox driver per resource kind, in the order observe reads them (storage first, so later
 * kinds can map the ids they hold back to keys). A kind with no entry here does not compile.
 */
export const SANDBOX_DRIVERS: { readonly [K in ResourceKind]: SandboxDriver<K> } = {
  "access-point": accessPointDriver,
  "ebs-snapshot": ebsSnapshotDriver,
  "backup-job": backupJobDriver,
  "task-definition": taskDefinitionDriver,
  service: serviceDriver,
};

/** The driver of a kind, widened for code that handles every kind alike. */
export function sandboxDriver(kind: ResourceKind): SandboxDriver {
  return SANDBOX_DRIVERS[kind];
}
