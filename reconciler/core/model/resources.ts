/**
 * The resources labenv manages, as plain data. The desired state, the observed
 * state and the plan all speak in these types; nothing here knows YAML or AWS
 * SDK shapes. Providers translate them to API calls.
 */

/** Kinds in apply order: storage first, then task definitions, then services. Deletes run in reverse. */
export const RESOURCE_KINDS = [
  "access-point",
  "ebs-snapshot",
  "backup-job",
  "task-definition",
  "service",
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Storage kinds are never deleted by a plan: research data is retained. */
export const STORAGE_KINDS: ReadonlySet<ResourceKind> = new Set([
  "access-point",
  "ebs-snapshot",
  "backup-job",
]);

export interface AccessPointSpec {
  /** `home` (the owner's home) or `dataset:<name>`. */
  purpose: string;
  posixUser: { uid: number; gid: number };
  rootDirectory: { path: string; owner: { uid: number; gid: number }; permissions: string };
}

export interface TaskDefinitionSpec {
  family: string;
  cpu: number;
  memory: number;
  image: string;
  /** The resource key of the home access point (resolved to its id by the provider). */
  homeAccessPoint: string;
  /** Dataset mounts: access point resource key → container path (read-only). */
  datasets: { accessPoint: string; path: string; readOnly: boolean }[];
  /** Environment variables for the container (never secrets). */
  environment: Record<string, string>;
  /** The lab's task role (from labenv.yaml `aws.taskRoleArns`), if any. */
  taskRoleArn?: string;
  executionRoleArn?: string;
  logGroup?: string;
}

export interface ServiceSpec {
  name: string;
  /** The resource key of the task definition this service runs. */
  taskDefinition: string;
  desiredCount: 0 | 1;
  /** EBS volume at /opt/jupyter, created per task at launch. */
  volume: { sizeGiB: number; volumeType: "gp3"; encrypted: true; fromSnapshot?: string };
  subnets: string[];
  securityGroups: string[];
}

export interface EbsSnapshotSpec {
  /** The service whose task's /opt/jupyter volume is captured. */
  service: string;
  description: string;
  /** Why: a Snapshot document, a task replacement or an environment removal. */
  trigger: "request" | "before-replace" | "before-delete" | "succession";
}

export interface BackupJobSpec {
  /** The access point whose directory is backed up. */
  accessPoint: string;
  description: string;
  trigger: "request" | "before-delete" | "succession";
}

export interface SpecByKind {
  "access-point": AccessPointSpec;
  "ebs-snapshot": EbsSnapshotSpec;
  "backup-job": BackupJobSpec;
  "task-definition": TaskDefinitionSpec;
  service: ServiceSpec;
}

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
}

export interface DesiredEnvironment {
  /** `lab/env` */
  key: string;
  lab: string;
  name: string;
  owner: string;
  state: "running" | "stopped";
  lockDigest: string;
  image: string;
  /** Monthly cost estimate in USD. */
  monthlyCostUsd: number;
}

export interface DesiredState {
  environments: DesiredEnvironment[];
  resources: DesiredResource[];
}

export interface ObservedState {
  resources: ObservedResource[];
}

export const TAG = {
  lab: "labenv:lab",
  environment: "labenv:environment",
  resource: "labenv:resource",
  specHash: "labenv:spec-hash",
  managedBy: "labenv:managed-by",
  /** Set on an access point that was replaced: kept with its data, no longer used or observed. */
  retired: "labenv:retired",
} as const;
