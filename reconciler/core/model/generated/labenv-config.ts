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
       * The permissions boundary infra/ deploys for environment task roles (output TaskRoleBoundaryArn). With it, every environment's task wears its own role, created by the reconciler under this boundary, that may write only that environment's observations; without it, each lab's task role from taskRoleArns.
       */
      taskRoleBoundaryArn?: string;
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
       * The task role of a home restore's one-off move task, which sees the file system root through an access point made for it alone (an output of infra/; LABENV_RESTORE_MOVE_ROLE_ARN in the Lambda). Without it, a restored home's files stay where AWS Backup put them.
       */
      restoreMoveRoleArn?: string;
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
      /**
       * The VPC the Jupyter tasks and the load balancer are in: environments' target groups are created in it (an output of infra/).
       */
      vpcId?: string;
      /**
       * The load balancer listener the reconciler adds one rule per environment to (an output of infra/; LABENV_LISTENER_ARN in the Lambda).
       */
      listenerArn?: string;
      /**
       * The target group of the wake page (a Lambda, from infra/): a stopped environment's rule forwards there (LABENV_WAKE_TARGET_GROUP_ARN in the Lambda).
       */
      wakeTargetGroupArn?: string;
    };
    /**
     * Researcher access: with this section every environment gets an address under the load balancer (`/<lab>/<env>/`), a target group and a listener rule, and its task runs the authorizer in front of Jupyter. Without it nothing is routed.
     */
    access?: {
      /**
       * Where researchers reach the load balancer, e.g. `https://jupyter.westtek.edu` (printed by `labenv open`). In the sandbox the local gateway's own address is used.
       */
      address?: string;
      /**
       * The claim of the signed-in identity that holds the `lab.yaml` member id.
       */
      memberClaim?: string;
      /**
       * The authorizer image by digest, run next to Jupyter in every task with researcher access (required with `target: aws`; the sandbox simulates it).
       */
      authorizerImage?: string;
      /**
       * Sign-in through the load balancer: every environment's listener rule authenticates with this Cognito user pool (federated with the institution's directory) before it forwards. The `LabenvYamlAws` output of infra/ gives all three. Without it no request carries a signed identity and the authorizer answers 401.
       */
      signIn?: {
        /**
         * The Cognito user pool's ARN.
         */
        userPoolArn: string;
        /**
         * The app client the load balancer signs in with (with a secret, code grant).
         */
        userPoolClientId: string;
        /**
         * The user pool's domain prefix (or custom domain) of its hosted sign-in.
         */
        userPoolDomain: string;
      };
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
    /**
     * What the GitHub App's checks do that needs more than the pull request's files.
     */
    app?: {
      /**
       * How `labenv/validate` proves locks with a remote package index (`packageIndex.kind: pypi`). `offline`: every lock field that needs no index (releases, hashes and the dependency closure are left to `labenv lock --check` and the reconciler). `index`: also asks the index for every release of the locks the pull request changes or affects, as `labenv validate --against-index --changed-from` does, bounded in requests, answer size and time; an index that cannot be reached or a bound hit fails the check. On when the base branch or the pull request says `index`. With the embedded index both prove every field.
       */
      lockProof?: "offline" | "index";
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
    /**
     * How stored snapshots are proved intact on a schedule: after each drift run (the drift Lambda, and `labenv snapshot verify --due`), every captured snapshot whose last verify is older than `verifyEveryDays` is verified again, oldest verification first, a bounded number per run.
     */
    snapshots?: {
      /**
       * Verify each captured snapshot again at most once in this many days (1 to 3650). Never-verified snapshots are verified first.
       */
      verifyEveryDays?: number;
      /**
       * At most this many snapshots verified per drift run (1 to 1000); the rest are verified by the next runs. A run also stops starting verifies when its time budget is spent.
       */
      verifyMaxPerRun?: number;
    };
    /**
     * Defaults for every share's renewal pull request (a share's own `spec.renewal` wins). The notice must be shorter than the term.
     */
    shares?: {
      /**
       * How many days before a share's `expires` labenv opens the pull request proposing its renewal.
       */
      renewalNoticeDays?: number;
      /**
       * How many days after `expires` a renewal pull request proposes as the new last day.
       */
      renewalTermDays?: number;
    };
    /**
     * The fleet dashboard the reconciler publishes after each run (`labenv dashboard` builds the same site on request).
     */
    dashboard?: {
      /**
       * After each reconcile that applied or found nothing to change, write the dashboard to the object store: one site per lab (its environments and those shared with it) and the whole fleet, served behind the load balancer's sign-in at `/_labenv/dashboard/`.
       */
      publish?: boolean;
      /**
       * Who may see the whole fleet (every lab, the runs page): sign-in names as the identity's member claim gives them (research computing engineers, auditors). Everyone else sees only the site of each lab whose lab.yaml lists them as a current member.
       *
       * @maxItems 200
       */
      fleetViewers?: string[];
    };
    /**
     * Hosted domain pack registries that `labenv packs browse`, `add`, `outdated` and `update` read. A registry is any location serving `registry.yaml` and `<pack>/<version>/pack.yaml` (as `labenv packs publish` writes them): an HTTPS URL, `file://` for a directory, or `git+file:///<repository>#<ref>[:<directory>]` for a git repository (read with git, never checked out).
     */
    packRegistries?: {
      /**
       * How labenv.yaml, `--registry` and a vendored pack's `spec.source.registry` name this registry.
       */
      name: string;
      /**
       * Where the registry's `registry.yaml` lives (its directory): `https://…/`, `http://127.0.0.1:…/`, `file:///…/` or `git+file:///…#main:site`.
       */
      url: string;
      /**
       * The trust levels accepted from this registry (default: `[verified]`). `packs add` refuses a pack of any other level, and `validate` flags one vendored anyway.
       *
       * @minItems 1
       */
      trust?: [
        "verified" | "community" | "experimental",
        ...("verified" | "community" | "experimental")[]
      ];
      /**
       * The name of an environment variable holding a token sent as `Authorization: Bearer` (for a private registry, e.g. a GitHub repository's raw files). The token itself never lives in Git.
       */
      tokenEnv?: string;
      /**
       * Refuse this registry's `registry.yaml` unless it is signed by a key in `packTrust.keys` allowed for it, so its versions, yank and deprecation marks cannot be altered or stripped on the way. A signed index is always checked, whatever this says.
       */
      requireSignedIndex?: boolean;
    }[];
    /**
     * The keys whose Ed25519 signatures make a vendored pack version trusted. Only public keys live here; a registry's own claims about its keys are never trusted.
     */
    packTrust?: {
      /**
       * Refuse a pack from a registry that is not signed by a trusted key (default true). Packs written in this repository (no `spec.source`) need no signature.
       */
      requireSignatures?: boolean;
      /**
       * Trusted signing keys.
       */
      keys?: {
        /**
         * The key's name, as signatures carry it (`spec.source.signature.keyId`).
         */
        id: string;
        /**
         * The Ed25519 public key, `ed25519:` and its 32 bytes in base64url (what `labenv packs keygen` prints).
         */
        publicKey: string;
        /**
         * The registries this key may sign for (default: all configured registries).
         */
        registries?: string[];
        /**
         * A revoked key: nothing it signed is trusted any more, whenever it was signed.
         */
        revoked?: {
          /**
           * Why (lost, leaked, rotated).
           */
          reason: string;
          /**
           * When it was revoked, for the record.
           */
          on?: string;
        };
      }[];
    };
  };
}
