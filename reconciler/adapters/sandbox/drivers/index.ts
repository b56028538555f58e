import type { ResourceKind } from "../../../core/model/resources.js";
import type { ImageRegistry } from "../sandbox-image.js";
import { accessPointDriver } from "./access-point.js";
import { backupJobDriver } from "./backup-job.js";
import { ebsSnapshotDriver } from "./ebs-snapshot.js";
import { imageBuildDriver } from "./image-build.js";
import type { SandboxDriver } from "./sandbox-driver.js";
import { serviceDriver } from "./service.js";
import { taskDefinitionDriver } from "./task-definition.js";

type Drivers = { readonly [K in ResourceKind]: SandboxDriver<K> };

/**
 * One sandbox driver per resource kind, in the order observe reads them (storage and images
 * first, so later kinds can map the ids they hold back to keys). A kind with no entry here does
 * not compile. Image builds pull their base images from `registry`.
 */
export function sandboxDrivers(registry: ImageRegistry): Drivers {
  return {
    "access-point": accessPointDriver,
    "ebs-snapshot": ebsSnapshotDriver,
    "backup-job": backupJobDriver,
    "image-build": imageBuildDriver(registry),
    "task-definition": taskDefinitionDriver,
    service: serviceDriver,
  };
}

/** The drivers with an empty upstream registry (every image build fails: nothing to build on). */
export const SANDBOX_DRIVERS: Drivers = sandboxDrivers(() => undefined);
