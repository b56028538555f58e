// Environment images in infra/: one immutable, scanned repository per lab and one for the base
// copies, a lifecycle that can only expire untagged images, the CodeBuild project the reconciler
// starts (and may not change), and the task roles' write permission to their own observations.
import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSpec } from "../../infra/lib/environment-images.js";
import { TEST_LABS, synthLabenv, type SynthesizedLabenv } from "./labenv-test-app.js";

let labenv: SynthesizedLabenv;
let template: Template;
beforeAll(() => {
  labenv = synthLabenv();
  template = labenv.template;
});

type Statement = { Sid?: string; Effect: string; Action: string | string[]; Resource: unknown };
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

function repositories(): Record<
  string,
  { Properties: Record<string, unknown>; DeletionPolicy?: string }
> {
  return template.findResources("AWS::ECR::Repository") as never;
}

function policyStatements(roleNameFragment: string): Statement[] {
  const policies = template.findResources("AWS::IAM::Policy");
  return Object.entries(policies)
    .filter(([id]) => id.includes(roleNameFragment))
    .flatMap(
      ([, p]) =>
        (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
          .PolicyDocument.Statement,
    );
}

describe("ECR repositories", () => {
  it("are one per lab plus the base copies, named as the reconciler expects", () => {
    const names = Object.values(repositories())
      .map((r) => r.Properties.RepositoryName)
      .sort();
    expect(names).toEqual(["labenv-base", ...TEST_LABS.map((l) => `labenv/${l}`)].sort());
  });

  it("have immutable tags, scan on push, KMS encryption and outlive the stack", () => {
    for (const repo of Object.values(repositories())) {
      expect(repo.Properties).toMatchObject({
        ImageTagMutability: "IMMUTABLE",
        ImageScanningConfiguration: { ScanOnPush: true },
        EncryptionConfiguration: { EncryptionType: "KMS" },
      });
      expect(repo.DeletionPolicy).toBe("Retain");
    }
  });

  it("expire only untagged images: no rule can select an image a lock or snapshot names", () => {
    for (const repo of Object.values(repositories())) {
      const policy = JSON.parse(
        (repo.Properties.LifecyclePolicy as { LifecyclePolicyText: string }).LifecyclePolicyText,
      ) as { rules: { selection: { tagStatus: string }; action: { type: string } }[] };
      expect(policy.rules.length).toBeGreaterThan(0);
      for (const rule of policy.rules) {
        expect(rule.selection.tagStatus).toBe("untagged");
        expect(rule.action.type).toBe("expire");
      }
    }
  });
});

describe("the CodeBuild project", () => {
  it("is privileged (docker buildx), reads the context from the object bucket and pushes to the lab repositories", () => {
    template.hasResourceProperties("AWS::CodeBuild::Project", {
      Environment: Match.objectLike({ PrivilegedMode: true }),
    });
    const statements = policyStatements("ImagesBuildRole");
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(["ecr:PutImage", "ecr:GetAuthorizationToken"]));
    expect(actions).toContain("s3:GetObject");
    const reads = statements.find((s) => s.Sid === "ReadLabenvObjects");
    expect(JSON.stringify(reads?.Resource)).toContain("build-contexts/*");
    expect(actions.filter((a) => /^(s3:PutObject|s3:Delete|ecr:BatchDeleteImage)/.test(a))).toEqual(
      [],
    );
  });

  it("copies the pack image into labenv-base by digest, checks the digest, and builds FROM the copy", () => {
    const commands = JSON.stringify(buildSpec());
    expect(commands).toContain(
      'docker buildx imagetools create --tag \\"$BASE_COPY\\" \\"$LABENV_BASE_IMAGE\\"',
    );
    expect(commands).toContain('if [ \\"$GOT\\" != \\"$WANT\\" ]');
    expect(commands).toContain("FROM $REGISTRY/labenv-base@$WANT");
    expect(commands).toContain('--push --tag \\"$LABENV_IMAGE\\"');
  });

  it("may be started and read by the reconciler, never changed by it", () => {
    const statements = Object.entries(template.findResources("AWS::IAM::ManagedPolicy"))
      .filter(([id]) => id.startsWith("ReconcilerDataPlanePolicy"))
      .flatMap(
        ([, p]) =>
          (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties
            .PolicyDocument.Statement,
      );
    const start = statements.find((s) => s.Sid === "StartImageBuilds");
    expect(start && actionsOf(start).sort()).toEqual([
      "codebuild:BatchGetBuilds",
      "codebuild:ListBuildsForProject",
      "codebuild:StartBuild",
    ]);
    const allowed = statements.filter((s) => s.Effect === "Allow").flatMap(actionsOf);
    expect(
      allowed.filter((a) =>
        /^codebuild:(Update|Create|Delete)|^ecr:(Put|Delete|BatchDelete|Create)/.test(a),
      ),
    ).toEqual([]);
    const denied = statements.filter((s) => s.Effect === "Deny").flatMap(actionsOf);
    expect(denied).toEqual(
      expect.arrayContaining(["codebuild:UpdateProject", "ecr:BatchDeleteImage"]),
    );
  });

  it("is handed to the reconciler and to labenv.yaml", () => {
    const fns = template.findResources("AWS::Lambda::Function");
    const env = Object.values(fns).map(
      (f) =>
        (f as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }).Properties
          .Environment?.Variables ?? {},
    );
    expect(env.some((v) => v.LABENV_IMAGE_BUILD_PROJECT !== undefined)).toBe(true);
    expect(env.some((v) => v.LABENV_BUILD_CONTEXT_BUCKET !== undefined)).toBe(true);
  });
});

describe("observations", () => {
  it("each lab's task role may write only under observations/<lab>/", () => {
    for (const lab of TEST_LABS) {
      const id = `ComputeTaskRoles${lab.replace(/-/g, "")}`;
      const writes = policyStatements(id).filter((s) => actionsOf(s).includes("s3:PutObject"));
      expect(writes.length).toBeGreaterThan(0);
      for (const w of writes) {
        const resources = JSON.stringify(w.Resource);
        expect(resources).toContain(`observations/${lab}/*`);
        for (const other of TEST_LABS.filter((l) => l !== lab))
          expect(resources).not.toContain(`observations/${other}/`);
      }
    }
  });
});
