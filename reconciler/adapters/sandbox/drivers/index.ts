import type { ResourceKind } from "../../../core/model/resources.js";
import type { ImageRegistry } from "../sandbox-image.js";
import { accessPointDriver } from "./access-point.js";
import { backupJobDriver } from "./backup-job.js";
import { ebsSnapshotDriver } from "./ebs-snapshot.js";
import { imageBuildDriver } from "./image-build.js";
import { listenerRuleDriver } from "./listener-rule.js";
import type { SandboxDriver } from "./sandbox-driver.js";
import type { SandboxStorage } from "../sandbox-storage.js";
import { serviceDriver } from "./service.js";
import { targetGroupDriver } from "./target-group.js";
import { shareAccessDriver } from "./share-access.js";
import { taskDefinitionDriver } from "./task-definition.js";
import { taskRoleDriver } from "./task-role.js";

type Drivers = { readonly [K in ResourceKind]: SandboxDriver<K> };

/**
 * One sandbox driver per resource kind, in the order observe reads them (storage and images
 * first, so later kinds can map the ids they hold back to keys). A kind with no entry here does
 * not compile. Image builds pull their base images from `registry`. With `storage`, access points
 * make real directories and backups store real files (`.labenv/sandbox/efs/`, `…/backup/`).
 */
export function sandboxDrivers(registry: ImageRegistry, storage?: SandboxStorage): Drivers {
  return {
    "access-point": storage ? withDirectories(accessPointDriver, storage) : accessPointDriver,
    "share-access": shareAccessDriver,
    "ebs-snapshot": ebsSnapshotDriver(storage),
    "backup-job": backupJobDriver(storage),
    "image-build": imageBuildDriver(registry, storage),
    "task-role": taskRoleDriver,
    "target-group": targetGroupDriver,
    "task-definition": taskDefinitionDriver,
    "listener-rule": listenerRuleDriver,
    service: serviceDriver(storage),
  };
}

/** The drivers with an empty upstream registry (every image build fails: nothing to build on). */
export const SANDBOX_DRIVERS: Drivers = sandboxDrivers(() => undefined);

/** An access point whose root directory is really made on the sandbox file system. */
function withDirectories(
  driver: SandboxDriver<"access-point">,
  storage: SandboxStorage,
): SandboxDriver<"access-point"> {
  return {
    ...driver,
    apply: (account, action, resolve, now) => {
      const applied = driver.apply(account, action, resolve, now);
      const ap = account.accessPoints.find((a) => a.id === applied.id);
      if (ap) storage.ensureDirectory(ap.rootDirectory.path);
      return applied;
    },
  };
}
