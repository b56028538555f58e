import type { ResourceKind } from "../../core/model/resources.js";
import { accessPointDriver } from "./access-point-driver.js";
import { backupJobDriver } from "./backup-job-driver.js";
import { ebsSnapshotDriver } from "./ebs-snapshot-driver.js";
import { imageBuildDriver } from "./image-build-driver.js";
import { listenerRuleDriver } from "./listener-rule-driver.js";
import type { ResourceDriver } from "./resource-driver.js";
import { serviceDriver } from "./service-driver.js";
import { targetGroupDriver } from "./target-group-driver.js";
import { shareAccessDriver } from "./share-access-driver.js";
import { taskDefinitionDriver } from "./task-definition-driver.js";
import { taskRoleDriver } from "./task-role-driver.js";

/** One driver per resource kind. A new kind is one new file and one line here. */
export const DRIVERS: { readonly [K in ResourceKind]: ResourceDriver<K> } = {
  "access-point": accessPointDriver,
  "share-access": shareAccessDriver,
  "ebs-snapshot": ebsSnapshotDriver,
  "backup-job": backupJobDriver,
  "image-build": imageBuildDriver,
  "task-role": taskRoleDriver,
  "task-definition": taskDefinitionDriver,
  "target-group": targetGroupDriver,
  "listener-rule": listenerRuleDriver,
  service: serviceDriver,
};

/**
 * The order observe runs in: a later stage maps the ids it sees (access point
 * ids in task definitions, task definition ARNs and snapshot ids in services)
 * back to the keys an earlier stage found.
 */
export const OBSERVE_STAGES: readonly (readonly ResourceKind[])[] = [
  [
    "access-point",
    "share-access",
    "ebs-snapshot",
    "backup-job",
    "image-build",
    "task-role",
    "target-group",
  ],
  ["task-definition", "listener-rule"],
  ["service"],
];
