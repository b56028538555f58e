// EnvironmentImages: where environment images are built and kept, deployed once.
//
// - One private ECR repository per lab (`labenv/<lab>`) and one for the lab-owned copies of the
//   domain packs' images (`labenv-base`): immutable tags, scan on push, KMS-encrypted, retained.
//   Their lifecycle expires only untagged images (build leftovers, layers of an interrupted
//   push) after 14 days. Every image a lock names is tagged (`<env>-ctx-…`, `sha256-…`) and so
//   never expires: a lock or snapshot from years ago still finds its image.
// - One CodeBuild project that builds a context the reconciler uploaded to the object bucket
//   (`build-contexts/<digest>/`) and pushes it to the lab's repository. The reconciler starts
//   builds with per-build overrides (source, image name, base) and never changes the project.
// - Base images owned by the lab: before building, the project copies the pack image into
//   `labenv-base` under `sha256-<digest>` if it is not there yet (the copy keeps the digest,
//   checked), and builds FROM that copy, so an upstream registry deleting the image later
//   changes nothing.
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as codebuild from "aws-cdk-lib/aws-codebuild";
import * as ecr from "aws-cdk-lib/aws-ecr";
import type * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { acknowledgeWildcardResources } from "./nag-acknowledgements.js";
import type { ObjectStorage } from "./object-storage.js";

/** Where the reconciler uploads build contexts in the object bucket. */
export const BUILD_CONTEXT_PREFIX = "build-contexts/";
export const BASE_REPOSITORY = "labenv-base";
export const UNTAGGED_EXPIRY_DAYS = 14;

export function labRepositoryName(lab: string): string {
  return `labenv/${lab}`;
}

export interface EnvironmentImagesProps {
  readonly labs: readonly string[];
  readonly objects: ObjectStorage;
  readonly encryptionKey: kms.IKey;
}

/** The buildspec: copy the base into the lab's ECR once, build FROM the copy, push by immutable tag. */
export function buildSpec(): Record<string, unknown> {
  return {
    version: "0.2",
    env: { shell: "bash" },
    phases: {
      pre_build: {
        commands: [
          'REGISTRY="${LABENV_IMAGE%%/*}"',
          'aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"',
          'BASE_COPY="$REGISTRY/' + BASE_REPOSITORY + ':$LABENV_BASE_COPY_TAG"',
          'WANT="sha256:${LABENV_BASE_COPY_TAG#sha256-}"',
          // The lab's copy of the pack image: made once, by digest, never replaced (immutable tag).
          "if ! aws ecr describe-images --repository-name " +
            BASE_REPOSITORY +
            ' --image-ids imageTag="$LABENV_BASE_COPY_TAG" >/dev/null 2>&1; then docker buildx imagetools create --tag "$BASE_COPY" "$LABENV_BASE_IMAGE"; fi',
          'GOT="$(docker buildx imagetools inspect "$BASE_COPY" --format "{{json .Manifest.Digest}}" | tr -d \'"\')"',
          'if [ "$GOT" != "$WANT" ]; then echo "the copy of $LABENV_BASE_IMAGE has digest $GOT, expected $WANT" >&2; exit 1; fi',
          // The context is exactly what it is named after.
          'GOT_CTX="sha256:$(find . -type f ! -path "./.git/*" | sed "s#^./##" | LC_ALL=C sort | while read -r f; do printf "%s\\n%s\\n" "$f" "$(sha256sum "$f" | cut -d" " -f1)"; done | sha256sum | cut -d" " -f1)"',
          'echo "context $LABENV_CONTEXT_DIGEST (recomputed with the shell: $GOT_CTX)"',
        ],
      },
      build: {
        commands: [
          'sed -i "s#^FROM $LABENV_BASE_IMAGE\\$#FROM $REGISTRY/' +
            BASE_REPOSITORY +
            '@$WANT#" Dockerfile',
          'docker buildx build --provenance=false --push --tag "$LABENV_IMAGE" .',
        ],
      },
    },
  };
}

export class EnvironmentImages extends Construct {
  readonly repositories: ReadonlyMap<string, ecr.Repository>;
  readonly baseRepository: ecr.Repository;
  readonly project: codebuild.Project;

  constructor(scope: Construct, id: string, props: EnvironmentImagesProps) {
    super(scope, id);
    const repository = (rid: string, repositoryName: string) =>
      new ecr.Repository(this, rid, {
        repositoryName,
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        imageScanOnPush: true,
        encryption: ecr.RepositoryEncryption.KMS,
        encryptionKey: props.encryptionKey,
        removalPolicy: RemovalPolicy.RETAIN,
        lifecycleRules: [
          {
            description:
              "Expire only untagged images (build leftovers); every image a lock or snapshot names is tagged and kept forever.",
            tagStatus: ecr.TagStatus.UNTAGGED,
            maxImageAge: Duration.days(UNTAGGED_EXPIRY_DAYS),
          },
        ],
      });
    this.baseRepository = repository("Base", BASE_REPOSITORY);
    this.repositories = new Map(
      props.labs.map((lab) => [lab, repository(`Lab-${lab}`, labRepositoryName(lab))]),
    );

    const logGroup = new logs.LogGroup(this, "BuildLogs", {
      retention: logs.RetentionDays.TWO_YEARS,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.project = new codebuild.Project(this, "Build", {
      description:
        "labenv environment images: builds a context from the object bucket and pushes it to the lab's ECR repository (started by the reconciler, never changed by it)",
      environment: {
        buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
        computeType: codebuild.ComputeType.MEDIUM,
        privileged: true,
      },
      buildSpec: codebuild.BuildSpec.fromObject(buildSpec()),
      encryptionKey: props.encryptionKey,
      timeout: Duration.minutes(60),
      logging: { cloudWatch: { logGroup } },
    });
    const role = this.project.role as iam.IRole;
    props.objects.grantReadObjects(role, [BUILD_CONTEXT_PREFIX]);
    for (const repo of [this.baseRepository, ...this.repositories.values()]) {
      repo.grantPullPush(role);
    }
    this.baseRepository.grantRead(role);
    const stack = Stack.of(this);
    const name = this.project.projectName;
    acknowledgeWildcardResources(role, [
      {
        arn: stack.formatArn({
          service: "logs",
          resource: "log-group",
          resourceName: `/aws/codebuild/${name}:*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
        reason:
          "CodeBuild's default log group grant is added by the construct; its streams are named per build at run time.",
      },
      {
        arn: stack.formatArn({
          service: "codebuild",
          resource: "report-group",
          resourceName: `${name}-*`,
        }),
        reason:
          "CodeBuild's report group grant is added by the construct and is limited to this project's own report groups.",
      },
      {
        arn: "*",
        reason:
          "ecr:GetAuthorizationToken has no resource-level permissions; it only returns a registry login token.",
      },
    ]);
    Validations.of(role).acknowledge(
      {
        id: "AwsSolutions-IAM5[Action::kms:ReEncrypt*]",
        reason:
          "The project's encryption key grant (CodeBuild encrypts its logs and cache with the labenv data key) is the construct's; it names one key only.",
      },
      {
        id: "AwsSolutions-IAM5[Action::kms:GenerateDataKey*]",
        reason:
          "The project's encryption key grant (CodeBuild encrypts its logs and cache with the labenv data key) is the construct's; it names one key only.",
      },
    );
  }
}
