// LabTaskRoles: one IAM role per lab, worn by that lab's Jupyter tasks.
//
// What a lab's role may do:
// - mount the research file system, read and write, only through a mount
//   target, only over TLS and only through an access point (never as NFS root);
// - write its own observations under `observations/<lab>/` in the object bucket.
//
// Why the role does not name the lab's access points: EFS authorizes
// ClientMount against the *file system* (the only condition keys are
// `elasticfilesystem:AccessPointArn` and `elasticfilesystem:AccessedViaMountTarget`),
// so a tag on an access point cannot be checked at mount time, and access
// point ids are only known after the reconciler creates them. The binding
// lab → access point therefore lives in the task definition, which only the
// reconciler registers and only with a `labenv:lab` tag from the labs listed
// here (see reconciler-permissions.ts). It is also what makes cross-lab
// shares work: a shared dataset is another lab's access point, mounted
// read-only into the borrowing lab's task.
//
// The roles do not carry the `labenv:lab` tag: that tag marks what the
// reconciler owns, and these roles belong to the frozen control plane.
import { Stack } from "aws-cdk-lib";
import type * as efs from "aws-cdk-lib/aws-efs";
import * as iam from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import type { ObjectStorage } from "./object-storage.js";

/** Where a lab's tasks write in-container observations in the object bucket. */
export function observationPrefix(lab: string): string {
  return `observations/${lab}/`;
}

export interface LabTaskRolesProps {
  readonly labs: readonly string[];
  readonly fileSystem: efs.IFileSystem;
  readonly objects: ObjectStorage;
}

/** Where the reconciler creates each environment's own task role (reconciler/core/kinds/task-role.ts). */
export const ENVIRONMENT_TASK_ROLE_PATH = "/labenv/environments/";

export class LabTaskRoles extends Construct {
  /** Task role per lab id, in the order the labs were given. */
  readonly byLab: ReadonlyMap<string, iam.Role>;
  /**
   * The permissions boundary of the roles the reconciler creates, one per environment: at most
   * what a lab role may do (mount through access points over TLS, write observations). Each
   * environment's own policy narrows the writes to `observations/<lab>/<env>/`; the reconciler
   * may create a role only with this boundary, so it can never grant a task more.
   */
  readonly environmentBoundary: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: LabTaskRolesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const roles = new Map<string, iam.Role>();
    // Mount the research file system only through a mount target, over TLS, through an access point.
    const mount = new iam.PolicyStatement({
      sid: "MountResearchDataThroughAccessPoints",
      actions: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
      resources: [props.fileSystem.fileSystemArn],
      conditions: {
        Bool: {
          "elasticfilesystem:AccessedViaMountTarget": "true",
          "aws:SecureTransport": "true",
        },
        ArnLike: {
          "elasticfilesystem:AccessPointArn": stack.formatArn({
            service: "elasticfilesystem",
            resource: "access-point",
            resourceName: "*",
          }),
        },
      },
    });
    for (const lab of props.labs) {
      const role = new iam.Role(this, lab, {
        description: `labenv Jupyter tasks of lab ${lab}`,
        assumedBy: new iam.ServicePrincipal("ecs-tasks.amazonaws.com", {
          conditions: {
            StringEquals: { "aws:SourceAccount": stack.account },
            ArnLike: { "aws:SourceArn": stack.formatArn({ service: "ecs", resource: "*" }) },
          },
        }),
      });
      role.addToPolicy(mount);
      props.objects.grantWriteObjects(role, observationPrefix(lab));
      roles.set(lab, role);
    }
    this.byLab = roles;
    this.environmentBoundary = new iam.ManagedPolicy(this, "EnvironmentTaskBoundary", {
      description: "labenv: the most an environment's own task role may ever do",
      statements: [mount, ...props.objects.writeObjectsStatements("observations/")],
    });
    acknowledgeWildcardResources(this.environmentBoundary, [
      {
        arn: props.objects.objectBucket.arnForObjects("observations/*"),
        reason:
          "A boundary caps the roles the reconciler creates per environment: observations/ holds every environment's prefix, and each role's own policy names only its own.",
      },
    ]);
  }
}
