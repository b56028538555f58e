/**
 * The resources labenv manages, as plain data. The desired state, the observed
 * state and the plan all speak in these types; nothing here knows YAML or AWS
 * SDK shapes. Providers translate them to API calls.
 */

import type { AccessPointSpec } from "../kinds/access-point.js";
import type { BackupJobSpec } from "../kinds/backup-job.js";
import type { EbsSnapshotSpec } from "../kinds/ebs-snapshot.js";
import type { ImageBuildSpec } from "../kinds/image-build.js";
import type { ListenerRuleSpec } from "../kinds/listener-rule.js";
import type { ServiceSpec } from "../kinds/service.js";
import type { TargetGroupSpec } from "../kinds/target-group.js";
import type { ShareAccessSpec } from "../kinds/share-access.js";
import type { TaskDefinitionSpec } from "../kinds/task-definition.js";
import type { TaskRoleSpec } from "../kinds/task-role.js";

export type {
  AccessPointSpec,
  BackupJobSpec,
  EbsSnapshotSpec,
  ImageBuildSpec,
  ListenerRuleSpec,
  ServiceSpec,
  TargetGroupSpec,
  TaskRoleSpec,
  ShareAccessSpec,
  TaskDefinitionSpec,
};
export { RESOURCE_KINDS, STORAGE_KINDS } from "../kinds/registry.js";
export { TAG } from "./tags.js";

/**
 * The spec of each resource kind, declared in the kind's module under `core/kinds/`.
 * A kind listed here must be registered in `core/kinds/registry.ts`, or nothing compiles.
 */
export interface SpecByKind {
  "access-point": AccessPointSpec;
  "share-access": ShareAccessSpec;
  "ebs-snapshot": EbsSnapshotSpec;
  "backup-job": BackupJobSpec;
  "image-build": ImageBuildSpec;
  "task-role": TaskRoleSpec;
  "task-definition": TaskDefinitionSpec;
  "target-group": TargetGroupSpec;
  "listener-rule": ListenerRuleSpec;
  service: ServiceSpec;
}
export type ResourceKind = keyof SpecByKind;

/** A resource as git wants it to be. */
export interface DesiredResource<K extends ResourceKind = ResourceKind> {
  kind: K;
  /** Stable identity across runs, e.g. `service:genomics-core/rnaseq`. Carried in the `labenv:resource` tag. */
  key: string;
  /** `lab/env` this resource belongs to. */
  environment: string;
  spec: SpecByKind[K];
  /** Tags labenv owns: `labenv:lab`, `labenv:environment`, `labenv:resource`, `labenv:spec-hash`. */
  tags: Record<string, string>;
  /** sha256 of the canonical spec; a change means the resource must change. */
  specHash: string;
  /** Keys of resources that must exist first. */
  dependsOn: string[];
}

/** A resource as the provider sees it now, normalized (what AWS fills in by itself is stripped). */
export interface ObservedResource<K extends ResourceKind = ResourceKind> {
  kind: K;
  key: string;
  environment: string;
  /** The provider's id: ARN, `fsap-…`, `snap-…`. */
  id: string;
  spec: SpecByKind[K];
  tags: Record<string, string>;
  /** Provider status (`ACTIVE`, `RUNNING`, `completed`…), informative only. */
  status?: string;
  /** For services: what runs now. */
  runningCount?: number;
  /**
   * Provider ids of further live resources carrying this key (for task definitions and
   * snapshots: and this spec hash), sorted. A reply lost after the effect (a retried
   * RegisterTaskDefinition or CreateSnapshot) or a replacement cut short leaves them; observe
   * keeps one and reports the others here, never hiding them. Drift reports each; the plan
   * retires extra access points (their data is kept).
   */
  duplicates?: string[];
  /** For volume snapshots, where the provider reports it: the EBS storage tier. */
  storageTier?: "standard" | "archive";
  /** For volume snapshots, where the provider reports it: when it was taken (ISO time). */
  startedAt?: string;
  /**
   * For backup jobs, where the provider reports it: the recovery point's AWS Backup storage
   * (`cold` once its lifecycle's move to cold storage has passed) and that lifecycle as set.
   */
  storageClass?: "warm" | "cold";
  lifecycle?: { coldStorageAfterDays?: number; deleteAfterDays?: number };
}

export interface DesiredEnvironment {
  /** `lab/env` */
  key: string;
  lab: string;
  name: string;
  owner: string;
  state: "running" | "stopped";
  /** Stopped by idle shutdown (git says running): it starts again when its owner opens it. */
  parked?: true;
  lockDigest: string;
  image: string;
  /** Monthly cost estimate in USD. */
  monthlyCostUsd: number;
}

export interface DesiredState {
  environments: DesiredEnvironment[];
  resources: DesiredResource[];
  /** Shares (`lab/name`) that git still holds but that expired, with their last day: revoked. */
  expiredShares?: Record<string, string>;
}

export interface ObservedState {
  resources: ObservedResource[];
  /**
   * Priorities of the rules on the Jupyter listener that labenv does not own (infra/'s, or
   * someone's by hand): an environment's rule never takes one of them.
   */
  foreignRulePriorities?: number[];
}
