// cdk-nag reports each wildcard of an IAM policy as its own finding, named
// after the rendered ARN (`AwsSolutions-IAM5[Resource::arn:aws:…:access-point/*]`).
// These helpers derive that name from the same ARN the policy uses, so an
// acknowledgement follows its statement and never silences anything else.
import { Stack, Validations } from "aws-cdk-lib";
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";

/** The IAM5 finding id cdk-nag gives a wildcard resource. */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

export interface WildcardResource {
  /** The ARN with a wildcard, exactly as the policy statement uses it. */
  readonly arn: string;
  /** Why it cannot be narrower, in one sentence. */
  readonly reason: string;
}

/** Acknowledges each wildcard resource on `scope` (a role or policy) with its reason. */
export function acknowledgeWildcardResources(
  scope: IConstruct,
  wildcards: readonly WildcardResource[],
): void {
  Validations.of(scope).acknowledge(
    ...wildcards.map(({ arn, reason }) => ({ id: wildcardResourceFinding(scope, arn), reason })),
  );
}
