/* Generated from schemas/labenv-config.schema.json by `npm run gen:types`. Do not edit. */

/**
 * The repository's configuration, `labenv.yaml` at the top: where environments run (the local sandbox or an AWS account), where state is kept and which Git host labenv talks to.
 */
export interface RepoConfig {
  /**
   * The labenv document format version. Always `labenv.westtek.io/v1`.
   */
  apiVersion: "labenv.westtek.io/v1";
  /**
   * The document kind: `RepoConfig`.
   */
  kind: "RepoConfig";
  metadata: {
    /**
     * The name of this labenv installation.
     */
    name: string;
  };
  spec: {
    /**
     * `sandbox`: a local simulation of the AWS resources under `.labenv/` (no account needed); `aws`: a real AWS account.
     */
    target: "sandbox" | "aws";
    /**
     * The AWS account labenv manages (used when `target: aws`). These resources come from `infra/`; the reconciler never creates them.
     */
    aws?: {
      /**
       * The AWS region, e.g. `eu-west-1`.
       */
      region?: string;
      /**
       * The ECS cluster name.
       */
      cluster?: string;
      /**
       * Private subnets for Jupyter tasks.
       */
      subnets?: string[];
      /**
       * Security groups for Jupyter tasks.
       */
      securityGroups?: string[];
      /**
       * The EFS file system holding research data.
       */
      fileSystemId?: string;
      /**
       * The ECS task execution role (pulls images, writes logs), from infra/.
       */
      taskExecutionRoleArn?: string;
      /**
       * The task role per lab (lab id → role ARN).
       */
      taskRoleArns?: {
        [k: string]: string | undefined;
      };
      /**
       * The CloudWatch Logs group for Jupyter containers.
       */
      logGroup?: string;
      /**
       * The AWS Backup vault that holds EFS home snapshots.
       */
      backupVaultName?: string;
      /**
       * The ECS infrastructure role that creates and attaches the managed EBS volume at /opt/jupyter (an output of infra/; LABENV_ECS_INFRASTRUCTURE_ROLE_ARN in the Lambda).
       */
      infrastructureRoleArn?: string;
      /**
       * The role AWS Backup assumes to back up and restore EFS.
       */
      backupRoleArn?: string;
      /**
       * The CodeBuild project that builds environment images (an output of infra/; LABENV_IMAGE_BUILD_PROJECT in the Lambda). With buildContextBucket, each environment runs its own image built from its lock.
       */
      imageBuildProject?: string;
      /**
       * The S3 bucket build contexts are uploaded to, under build-contexts/<digest>/ (an output of infra/; LABENV_BUILD_CONTEXT_BUCKET in the Lambda).
       */
      buildContextBucket?: string;
      /**
       * Send every AWS call to this endpoint instead of AWS (for a local AWS API implementation in tests).
       */
      endpoint?: string;
    };
    /**
     * Where applied state, run history and the reconcile lease live.
     */
    state?: {
      /**
       * `file`: a directory in the repository checkout; `dynamodb`: a DynamoDB table with conditional writes.
       */
      store?: "file" | "dynamodb";
      /**
       * The DynamoDB table (store: dynamodb).
       */
      table?: string;
      /**
       * The directory (store: file).
       */
      directory?: string;
    };
    /**
     * Where snapshot manifests, observations and hand-over packages are written.
     */
    objects?: {
      /**
       * `directory`: under `.labenv/objects`; `s3`: a versioned S3 bucket.
       */
      store?: "directory" | "s3";
      /**
       * The S3 bucket (store: s3).
       */
      bucket?: string;
      /**
       * A key prefix inside the bucket.
       */
      prefix?: string;
    };
    /**
     * The Git host labenv reads from and opens pull requests on.
     */
    git?: {
      /**
       * `local`: the git CLI, a pull request is a branch plus a description file; `github`: the GitHub API.
       */
      host?: "local" | "github";
      /**
       * `owner/name` on GitHub.
       */
      repository?: string;
      /**
       * The branch whose state is applied.
       */
      defaultBranch?: string;
    };
    /**
     * Where package versions and hashes are looked up when locking.
     */
    packageIndex?: {
      /**
       * `embedded`: the checked-in index file; `pypi`: a PyPI-compatible JSON API.
       */
      kind?: "embedded" | "pypi";
      /**
       * The checked-in index file (kind: embedded).
       */
      path?: string;
      /**
       * A PyPI-compatible JSON API base URL (kind: pypi): PyPI, devpi or AWS CodeArtifact.
       */
      url?: string;
    };
    plan?: {
      /**
       * A plan with more deletions than this fails instead of applying.
       */
      maxDeletes?: number;
    };
    drift?: {
      /**
       * At most this many drift pull requests open per lab (a lab's lab.yaml may set fewer).
       */
      maxOpenPullRequestsPerLab?: number;
      /**
       * How often drift is checked, in minutes.
       */
      scheduleMinutes?: number;
    };
  };
}
